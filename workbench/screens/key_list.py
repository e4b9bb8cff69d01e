"""Collect the keys and actions of a screen and its widgets, for help and the palette."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode
from textual.screen import Screen


@dataclass(frozen=True)
class KeyRow:
    """One action as the user sees it: where it works, its keys, what it does."""

    where: str
    keys: str
    description: str
    node: DOMNode
    action: str


def _nodes(app: App, screen: Screen) -> list[DOMNode]:
    """The screen, each of our own widget classes once, then the app."""
    seen: set[type] = set()
    widgets = []
    for widget in screen.walk_children():
        kind = type(widget)
        if kind not in seen and kind.__module__.startswith("workbench."):
            seen.add(kind)
            widgets.append(widget)
    return [screen, *widgets, app]


def _bindings_by_action(app: App, node: DOMNode) -> dict[str, list[Binding]]:
    bindings_map = node._bindings.copy()
    if app._keymap:
        bindings_map.apply_keymap(app._keymap)
    grouped: dict[str, list[Binding]] = {}
    for bindings in bindings_map.key_to_bindings.values():
        for binding in bindings:
            if binding.description and binding.id:
                grouped.setdefault(binding.action, []).append(binding)
    return grouped


def _where(node: DOMNode, screen: Screen, app: App) -> str:
    if node is app:
        return "anywhere"
    if node is screen:
        return "this screen"
    return {"AnswerView": "answer keys", "CodePicker": "code picker"}.get(
        type(node).__name__, type(node).__name__
    )


def key_rows(app: App, screen: Screen) -> list[KeyRow]:
    """Every described binding reachable on the screen, one row per action."""
    rows = []
    for node in _nodes(app, screen):
        for action, bindings in _bindings_by_action(app, node).items():
            keys = ", ".join(dict.fromkeys(app.get_key_display(b) for b in bindings))
            rows.append(KeyRow(_where(node, screen, app), keys, bindings[0].description, node, action))
    return rows
