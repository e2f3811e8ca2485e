"""Benchmarks, run by `make bench`, never by the tests. Each compares piiguard with a
baseline measured in the same process and prints a JSON summary."""
