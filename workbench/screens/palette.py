"""A command-palette provider offering every described action of the current screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from workbench.screens.key_list import KeyRow, key_rows


class ScreenActionsProvider(Provider):
    """Lists the actions of the screen the palette was opened on, with their keys."""

    def _rows(self) -> list[KeyRow]:
        return [row for row in key_rows(self.app, self.screen) if row.where != "anywhere"]

    async def _run(self, row: KeyRow) -> None:
        await row.node.run_action(row.action)

    def _help(self, row: KeyRow) -> str:
        return f"{row.keys}  ·  {row.where}"

    async def discover(self) -> Hits:
        for row in self._rows():
            yield DiscoveryHit(row.description, partial(self._run, row), help=self._help(row))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for row in self._rows():
            score = matcher.match(row.description)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(row.description), partial(self._run, row), help=self._help(row)
                )
