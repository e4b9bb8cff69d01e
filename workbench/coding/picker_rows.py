"""The live codes as the coding screen's picker lists them: path, definition, lead-in, and
the wave a code is marked as not used in (None: in use)."""

from __future__ import annotations

from workbench.coding.codebook_tree import Codebook
from workbench.store import Store, waves


def picker_rows(store: Store, wave: int | None) -> dict[str, dict]:
    """Code id -> the live row with ``lead_in`` and ``not_used_in``, sorted by path."""
    codebook = Codebook.from_store(store)
    not_used = waves.codes_not_used(store, wave) if wave is not None else set()
    return {
        row["id"]: {
            **row,
            "lead_in": codebook.code(row["id"]).lead_in,
            "not_used_in": wave if row["id"] in not_used else None,
        }
        for row in codebook.live_rows()
    }
