"""The customer profiles pane."""
