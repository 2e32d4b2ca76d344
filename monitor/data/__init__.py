"""Data tables the monitor reads (plain text, one entry a line)."""
