"""A small coded project for the interchange tests (REFI-QDA, method spreadsheet)."""

import json
from pathlib import Path

from workbench.coding import Codebook
from workbench.coding.segments import split_segment
from workbench.project import create_project
from workbench.store import answers as answer_rows
from workbench.store import coders as coder_rows
from workbench.store import codes as code_rows
from workbench.store import codings as coding_rows
from workbench.store import memos as memo_rows
from workbench.store import now, report_layer, stable_id, survey, teams, waves
from workbench.store import segments as segment_rows

ANSWERS = [
    ("0301", "q1", "Samarbeidet med fastlegene var godt. Boligmangel er verst."),
    ("1103", "q1", "Som før."),
    ("1103", "q2", "Vi har fått flere oppgaver etter pakkeforløp."),
    ("4601", "q1", "   "),
]
OLA_SPLIT_AT = ANSWERS[0][2].index("er verst")


def _code(store, code_id, name, parent_id=None, *, theme=False, position=0, definition=""):
    code_rows.insert_code_if_new(
        store,
        {
            "id": code_id,
            "parent_id": parent_id,
            "name": name,
            "definition": definition,
            "colour": "#4e79a7" if not theme else None,
            "is_theme": int(theme),
            "codable": int(not theme),
            "position": position,
            "retired": 0,
            "merged_into": None,
            "created_at": "2026-01-01T00:00:00+00:00",
            "created_by": "kari",
        },
    )


def build_coded_project(path: Path):
    """A small project: two questions, a split answer, a theme tree, two coders, a memo."""
    store = create_project(path)
    with store.atomic():
        survey.upsert_respondent(store, "0301", {"name": "Oslo", "county": "Oslo"})
        survey.upsert_respondent(store, "1103", {"name": "Stavanger", "county": "Rogaland"})
        survey.upsert_respondent(store, "4601", {"name": "Bergen"})
        survey.ensure_question(store, "q1", "Samarbeid?")
        survey.ensure_question(store, "q2", "Nye oppgaver?")
        segments = {}
        for respondent, question, text in ANSWERS:
            answer_id = answer_rows.insert_answer(store, respondent, question, 2023, text)
            if text.strip():
                segment_id = stable_id("segment", respondent, question, 2023)
                segment_rows.insert_segment(
                    store, {"id": segment_id, "answer_id": answer_id, "start": 0, "end": len(text)}
                )
                segments[(respondent, question)] = (answer_id, segment_id)
        # Split Oslo's answer into two segments at the second sentence.
        answer_id, whole = segments[("0301", "q1")]
        split_at = ANSWERS[0][2].index("Boligmangel")
        segment_rows.replace_segments(
            store,
            answer_id,
            [
                {"id": "11111111-1111-4111-8111-111111111111", "start": 0, "end": split_at},
                {"id": "22222222-2222-4222-8222-222222222222", "start": split_at, "end": len(ANSWERS[0][2])},
            ],
        )
        _code(store, "aaaaaaaa-0000-4000-8000-000000000001", "Samarbeid", theme=True)
        _code(
            store,
            "aaaaaaaa-0000-4000-8000-000000000002",
            "Fastlege godt",
            "aaaaaaaa-0000-4000-8000-000000000001",
            definition="Positivt om fastleger.",
        )
        _code(store, "aaaaaaaa-0000-4000-8000-000000000003", "Bolig", position=1)
        _code(store, "aaaaaaaa-0000-4000-8000-000000000004", "Ingen endring", position=2)
        for coder in ("kari", "ola"):
            coder_rows.insert_coder(store, coder, False, now())
        codings = [
            ("11111111-1111-4111-8111-111111111111", "aaaaaaaa-0000-4000-8000-000000000002", "kari"),
            ("22222222-2222-4222-8222-222222222222", "aaaaaaaa-0000-4000-8000-000000000003", "kari"),
            ("22222222-2222-4222-8222-222222222222", "aaaaaaaa-0000-4000-8000-000000000003", "ola"),
            (segments[("1103", "q1")][1], "aaaaaaaa-0000-4000-8000-000000000004", "ola"),
        ]
        for number, (segment_id, code_id, coder) in enumerate(codings):
            coding_rows.insert_coding_if_new(
                store,
                {
                    "id": f"cccccccc-0000-4000-8000-00000000000{number}",
                    "segment_id": segment_id,
                    "code_id": code_id,
                    "coder": coder,
                    "how": "typed",
                    "created_at": f"2026-02-0{number + 1}T10:00:00+00:00",
                },
            )
        memo_rows.insert_memo_if_new(
            store,
            {
                "id": "dddddddd-0000-4000-8000-000000000001",
                "segment_id": "22222222-2222-4222-8222-222222222222",
                "coder": "kari",
                "text": "Gjelder særlig unge voksne.",
                "created_at": "2026-02-05T10:00:00+00:00",
            },
        )
        segment_rows.set_for_report(store, "22222222-2222-4222-8222-222222222222", True)
    return store


def project_snapshot(store) -> dict:
    """Identities and content of codings, segments, memos and codes, for equality checks."""
    return {
        "codings": sorted(
            (row["id"], row["segment_id"], row["code_id"], row["coder"])
            for row in coding_rows.all_codings(store)
        ),
        "segments": sorted(
            (row["id"], row["start"], row["end"], row["for_report"], row["coder"] or "")
            for row in segment_rows.all_segments(store)
        ),
        "memos": sorted((row["segment_id"], row["coder"], row["text"]) for row in memo_rows.all_memos(store)),
        "codes": sorted(
            (code.id, code.parent_id, code.name)
            for code in Codebook.from_store(store).parents_first(merged=False)
        ),
    }


SCHEMA = Path(__file__).resolve().parents[2].parent / "shared" / "refi" / "Project.xsd"


def validate_project_xml(document: bytes) -> None:
    """Validate a project.qde against the REFI-QDA schema (skip the test when it is absent)."""
    import pytest

    if not SCHEMA.exists():
        pytest.skip("shared/refi/Project.xsd is not present")
    import xmlschema

    xmlschema.XMLSchema(str(SCHEMA)).validate(document.decode("utf-8"))


HOSTILE = '\x1b[31mRød\x1b[0m [bold]fet[/bold] =SUM(A1) \x07 "sitert" <b>&amp;</b> æøå'
SAMARBEID, FASTLEGE, BOLIG, INGEN = (f"aaaaaaaa-0000-4000-8000-00000000000{n}" for n in range(1, 5))
GAMMEL, TIDSNOD = "aaaaaaaa-0000-4000-8000-000000000005", "aaaaaaaa-0000-4000-8000-000000000006"


def _segment_of(store, respondent: str, question: str, wave: int) -> str:
    return stable_id("segment", respondent, question, wave)


def _coding(store, segment_id: str, code_id: str, coder: str) -> None:
    coder_rows.insert_coder(store, coder, coder == "consensus", now())
    coding_rows.insert_coding_if_new(
        store,
        {
            "id": stable_id("coding", segment_id, code_id, coder),
            "segment_id": segment_id,
            "code_id": code_id,
            "coder": coder,
            "how": "typed",
            "created_at": "2026-03-01T10:00:00+00:00",
        },
    )


def _second_wave(store) -> None:
    """Wave 2024 of q1 (asked on the form as 'samarbeid') with hostile answers, and its mapping."""
    for respondent, text in (("0301", f"Nytt år: {HOSTILE}"), ("1103", "Fastlegen er borte.\r\nIngen.")):
        answer_id = answer_rows.insert_answer(store, respondent, "q1", 2024, text)
        segment = {"id": _segment_of(store, respondent, "q1", 2024), "answer_id": answer_id}
        segment_rows.insert_segment(store, {**segment, "start": 0, "end": len(text)})
    _coding(store, _segment_of(store, "0301", "q1", 2024), FASTLEGE, "kari")
    _coding(store, _segment_of(store, "1103", "q1", 2024), INGEN, "kari")
    waves.record_question_waves(
        store, 2023, [("q1", "q1", "Samarbeid?", "new", ()), ("q2", "q2", "Nye oppgaver?", "new", ())]
    )
    waves.record_question_waves(
        store, 2024, [("q1", "samarbeid", f"Samarbeid nå? {HOSTILE}", "continued", ["q1"])]
    )
    waves.mark_code_not_used(store, BOLIG, 2024, "kari")


def _retired_and_merged(store) -> None:
    """A deleted code with a coding, and a code merged into Bolig with codings (one a duplicate)."""
    _code(store, GAMMEL, "Gammel", position=3)
    _code(store, TIDSNOD, "Tidsnød", position=4)
    code_rows.update_code(store, GAMMEL, retired=1)
    code_rows.update_code(store, TIDSNOD, merged_into=BOLIG)
    _coding(store, _segment_of(store, "1103", "q2", 2023), GAMMEL, "kari")
    _coding(store, _segment_of(store, "1103", "q2", 2023), TIDSNOD, "kari")
    _coding(store, "22222222-2222-4222-8222-222222222222", TIDSNOD, "kari")  # kari has Bolig there


def build_hostile_project(path: Path):
    """The coded project with hostile text everywhere, a second wave, an unanswered question,
    lead-ins, a deleted and a merged code, a primary coder and a settled disagreement."""
    store = build_coded_project(path)
    with store.atomic():
        survey.upsert_respondent(store, "0301", {"kommunenr": f"0301 {HOSTILE}"})
        survey.upsert_question(
            store,
            {
                "id": "q1",
                "text": f"Samarbeid? {HOSTILE}",
                "kind": "open",
                "chapter": HOSTILE,
                "single_code": 0,
            },
        )
        survey.upsert_question(
            store,
            {
                "id": "q9",
                "text": f"Ubesvart {HOSTILE}",
                "kind": "comment",
                "chapter": "2 Til slutt",
                "single_code": 1,
            },
        )
        code_rows.update_code(store, SAMARBEID, lead_in=f"Mange nevner samarbeid. {HOSTILE}")
        code_rows.update_code(
            store, BOLIG, name='=Bolig "sitert" [b]x[/b] \x1b[2J', definition=f"{HOSTILE}\r\nLinje to"
        )
        code_rows.update_code(
            store, FASTLEGE, definition="Positivt om fastleger.\n\nLead-in: ikke en innledning"
        )
        memo_rows.update_memo_text(store, "dddddddd-0000-4000-8000-000000000001", HOSTILE)
        _second_wave(store)
        _retired_and_merged(store)
        report_layer.set_primary_coder(store, "kari")
        store.set_setting("suggest.engine", "tfidf")
        _code(store, "aaaaaaaa-0000-4000-8000-000000000007", "Tomt tema", theme=True, position=3)
        code_rows.update_code(
            store, INGEN, colour="teal", example_segment_id=_segment_of(store, "1103", "q1", 2023)
        )
        teams.add_assignments(store, [_segment_of(store, "1103", "q2", 2023)], "ola", True)
        teams.add_comment(store, "22222222-2222-4222-8222-222222222222", "kari", "ola", "comment", HOSTILE)
        _coding(store, _segment_of(store, "1103", "q1", 2023), INGEN, "consensus")
        teams.write_adjudication(
            store,
            {
                "id": "eeeeeeee-0000-4000-8000-000000000001",
                "segment_id": _segment_of(store, "1103", "q1", 2023),
                "coders": "kari|ola",
                "decision": "second",
                "decided_by": "kari",
                "decided_at": "2026-03-02T10:00:00+00:00",
                "codes": json.dumps([INGEN]),
                "previous": None,
            },
        )
    # ola's own segmentation: she splits the segment both coders coded; kari's stays whole.
    split_segment(store, "22222222-2222-4222-8222-222222222222", OLA_SPLIT_AT, "ola")
    return store
