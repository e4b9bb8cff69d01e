"""The coder acting now: given on the command line (and remembered), else the last one used."""

from __future__ import annotations

from workbench.settings import load_settings, save_settings


def current_coder(given: str | None = None) -> str:
    """The coder named by ``--coder`` (remembered for next time), else the remembered one."""
    settings = load_settings()
    if given and given.strip():
        if settings.last_coder != given.strip():
            save_settings(settings.with_changes(last_coder=given.strip()))
        return given.strip()
    return settings.default_coder()
