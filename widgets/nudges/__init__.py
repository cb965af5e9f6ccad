"""The dwell-time nudges pane."""
