"""Operator Console engine: domain logic and storage, importable without Qt."""
