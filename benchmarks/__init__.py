"""Benchmarks: run with python -m benchmarks.<name>; never collected by pytest."""
