"""Reusable Qt views and panes.  Widgets get data through engine functions or Qt models."""
