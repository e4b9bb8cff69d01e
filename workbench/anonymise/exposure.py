"""What an export would expose besides its quotes: code names, identifying tags, raw files.

Code names are written into counts, Markdown and Word like headings, so they are checked
like quotes: a certain detection in a code name blocks the export (a flag is a warning).
Tags that name the respondent outright are refused unless the user allows them on purpose,
and so is any attribute that is different for (almost) every respondent.
"""

from __future__ import annotations

from workbench.errors import LeakError, UserError

IDENTIFYING_TAGS = frozenset(
    {
        "name", "navn", "id", "respondent", "respondent_id", "kommune", "kommunenavn",
        "kommunenummer", "kommunenr", "number", "nummer", "municipality", "bydel", "district",
        "unit", "enhet", "email", "e-post", "epost", "phone", "telefon", "kontaktperson", "contact",
    }
)  # fmt: skip
# An attribute with this share of distinct values among the respondents singles them out.
UNIQUE_SHARE = 0.9
RAW_XLSX_NOTICE = (
    "coding.xlsx holds every answer's raw text and the respondents' names and attributes; "
    "it is not anonymised: keep it inside the project team."
)
QDPX_NOTICE = (
    "project.qdpx is a full copy of the project (raw answers, respondent names and attributes); "
    "it is not anonymised: share it only with coders of this project, never publish it."
)


def refuse_identifying_tags(tags: tuple[str, ...], population: list[dict], allow: bool) -> None:
    """Refuse tags that identify a respondent, unless ``allow`` (``--allow-identifying``)."""
    if allow:
        return
    for tag in tags:
        if tag.casefold() in IDENTIFYING_TAGS or _singles_out(tag, population):
            raise UserError(
                f"--tag {tag}: this attribute identifies the respondent beside every quote; "
                "leave it out, or add --allow-identifying if the file stays private."
            )


def _singles_out(tag: str, population: list[dict]) -> bool:
    values = [str(unit[tag]) for unit in population if unit.get(tag) not in (None, "")]
    return len(values) >= 10 and len(set(values)) >= UNIQUE_SHARE * len(values)


def code_name_leaks(code_names: list[str], *, draft: bool) -> list[str]:
    """Warnings for flagged code names; a ``LeakError`` for a certain detection (not in drafts)."""
    from workbench.anonymise.detect import detect_many

    warnings, leaks = [], []
    for name, found in zip(code_names, detect_many((name, None) for name in code_names), strict=True):
        details = ", ".join(f"{d.kind} {d.text!r}" for d in found)
        if any(d.certain for d in found):
            leaks.append(f"code {name!r} ({details})")
        elif found:
            warnings.append(f"code {name!r} may name a place or person ({details}); check it.")
    if leaks and not draft:
        raise LeakError(
            f"{len(leaks)} code name(s) hold identifying details and would be printed in the export: "
            f"{'; '.join(leaks[:5])}. Rename the code(s), or export a --draft."
        )
    return warnings + [f"{leak} holds identifying details (draft)." for leak in leaks]
