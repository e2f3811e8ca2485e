"""The `piiguard` command: one module per command group."""
