"""Fraud group detection on behaviour logs.

Pipeline (each stage a function over column tables, see :mod:`engine.fraud.stages`):
events → candidate pairs → similarity scores → pruned graph → groups → judged groups.

* :func:`engine.fraud.io.load_events` reads CSV / Parquet into :class:`engine.fraud.io.Events`;
* :func:`engine.fraud.pipeline.detect` runs every stage and returns groups, params and stats;
* :mod:`engine.fraud.store` keeps logs, runs, groups and moderator decisions in the workspace;
* :mod:`engine.fraud.synth` generates labelled logs for the demo, tests and benchmark.
"""
