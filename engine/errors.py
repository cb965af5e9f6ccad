"""Typed errors raised by the engine.

Every error the user can cause (bad file, unknown id, missing camera or model file, a concurrent
edit) is one of these, so the console can show a readable message instead of a traceback.
"""
from __future__ import annotations


class OperatorError(Exception):
    """Base of all expected engine errors; ``str(err)`` is fit to show to a user."""


class InputError(OperatorError):
    """Bad input: names the place (file, line, field) and what is wrong."""

    def __init__(self, message: str, *, place: str | None = None):
        self.place = place
        super().__init__(f"{place}: {message}" if place else message)


class NotFoundError(OperatorError):
    """An id or file that does not exist."""


class ConflictError(OperatorError):
    """Someone else changed the same record since it was read."""


class WorkspaceError(OperatorError):
    """The workspace database cannot be opened or upgraded."""


class ResourceMissingError(OperatorError):
    """A device or file the feature needs (camera, model file) is not there."""


class Cancelled(OperatorError):
    """The user cancelled a running task."""

    def __init__(self, message: str = "cancelled"):
        super().__init__(message)
