"""The Operator Console application: main window, navigation, settings, CLI entry, wiring."""
