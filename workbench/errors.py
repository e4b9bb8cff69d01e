"""Errors that are the user's to fix: the CLI prints them as one sentence, no traceback."""


class UserError(Exception):
    """A mistake in input or usage; the message is one clear sentence naming what is wrong."""

    exit_code = 2


class LeakError(UserError):
    """An export would write a quote that still holds an unapproved identifying detail."""

    exit_code = 3
