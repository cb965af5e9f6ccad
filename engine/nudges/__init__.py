"""Dwell-time nudges in multi-step processes.

rules (process definitions, import/export), events (loading, timestamps), evaluate (the
vectorised evaluation at T), nudging (messages, the CLI's rows), store (workspace tables, outbox),
senders (log file, webhook), stream (incremental evaluation), backtest, demo.
"""
