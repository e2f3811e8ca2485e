"""The purpose-limitation register's rules: purposes, legal exceptions, the data map."""
