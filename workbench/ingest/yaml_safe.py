"""Loading a YAML file a person wrote (code lists, question lists) within sane limits.

Checked before any Python object is built: the file's size, how deep it nests, and how large
it would grow once its aliases are expanded (an alias bomb is small on disk but exponential
in memory and time), and aliases that refer to themselves.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from workbench.errors import UserError

MAX_YAML_BYTES = 10 * 1024 * 1024
MAX_YAML_DEPTH = 64
MAX_YAML_NODES = 200_000


class _DepthLimitedLoader(yaml.SafeLoader):
    """A safe loader that stops composing past ``MAX_YAML_DEPTH`` levels."""

    depth = 0

    def compose_node(self, parent, index):
        self.depth += 1
        if self.depth > MAX_YAML_DEPTH:
            raise _TooDeep
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


class _TooDeep(Exception):
    pass


def load_yaml(text: str, file: Path):
    """The document in ``text`` (safe types only), or a UserError naming ``file``."""
    if len(text) > MAX_YAML_BYTES:
        raise UserError(f"{file}: the YAML file is larger than {MAX_YAML_BYTES:,} characters; refused.")
    try:
        loader = _DepthLimitedLoader(text)
    except yaml.YAMLError as error:  # characters YAML does not allow at all
        raise UserError(f"{file}: not valid YAML ({str(error).splitlines()[0]}).") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_expansion(node, file)
        return loader.construct_document(node)
    except _TooDeep:
        raise UserError(f"{file}: the YAML nests more than {MAX_YAML_DEPTH} levels deep; refused.") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f"line {mark.line + 1}" if mark else "somewhere"
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise UserError(f"{file}: {line}: not valid YAML ({problem}).") from None
    finally:
        loader.dispose()


def _check_expansion(root, file: Path) -> None:
    """Refuse a self-referring alias, or a document that expands past ``MAX_YAML_NODES`` nodes."""
    sizes: dict[int, int] = {}
    on_path: set[int] = set()
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            on_path.discard(id(node))
            sizes[id(node)] = 1 + sum(sizes[id(child)] for child in _children(node))
            if sizes[id(node)] > MAX_YAML_NODES:
                limit = f"{MAX_YAML_NODES:,}"
                raise UserError(
                    f"{file}: the YAML expands to more than {limit} values (an alias bomb?); refused."
                )
            continue
        if id(node) in sizes:
            continue
        if id(node) in on_path:
            raise UserError(f"{file}: the YAML holds an alias that refers to itself; refused.")
        on_path.add(id(node))
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []
