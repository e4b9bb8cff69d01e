"""Bad input: one sentence naming file, row and column, and a database exactly as it was."""

import pytest

from workbench.errors import UserError
from workbench.ingest import import_survey
from workbench.project import create_project

GOOD = "id;q1;q2\n1804;Svar;Mer\n"


@pytest.fixture
def store(tmp_path):
    good = tmp_path / "good.csv"
    good.write_text(GOOD, encoding="utf-8")
    with create_project(tmp_path / "p.db") as store:
        import_survey(store, good, question_columns=["q1", "q2"], wave=2022)
        yield store


def dump(store):
    return "\n".join(store.db.conn.iterdump())


def refused(store, path, match, **options):
    """Import ``path``; assert the error message and that nothing changed."""
    options.setdefault("question_columns", ["q1", "q2"])
    before = dump(store)
    with pytest.raises(UserError, match=match) as caught:
        import_survey(store, path, wave=2023, **options)
    assert dump(store) == before
    message = str(caught.value)
    assert path.name in message
    assert "\n" not in message
    return message


def write_bytes(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_missing_id_column(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2\n1804;a;b\n")
    refused(store, path, r"row 1: there is no respondent id column 'nr'", id_column="nr")


def test_long_layout_without_respondent_column(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"who,question,text\n1804,q1,a\n")
    refused(store, path, r"row 1: the long layout needs a column named 'respondent'", layout="long")


def test_duplicate_respondent_and_question_in_long_file(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"respondent,question,text\n1804,q1,a\n1804,q2,b\n1804,q1,c\n")
    refused(
        store,
        path,
        r"row 4, columns 'respondent' and 'question': respondent '1804' "
        r"already answered question 'q1' in row 2",
        layout="long",
    )


def test_duplicate_respondent_row_in_wide_file(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2\n1804;a;b\n4601;c;d\n1804;e;f\n")
    refused(store, path, r"row 4, column 'id': respondent '1804' already has a row \(2\)")


def test_question_column_not_in_file(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1\n1804;a\n")
    refused(store, path, r"row 1: the question column 'q2' \(from --question-columns\) is not in")


def test_question_from_questions_file_not_in_file(store, tmp_path):
    questions = write_bytes(tmp_path, "q.yaml", b"- {id: q1, text: A}\n- {id: q9, text: B}\n")
    path = write_bytes(tmp_path, "a.csv", b"id;q1\n1804;a\n")
    refused(store, path, r"'q9' \(from the questions file\)", questions_file=questions, question_columns=None)


def test_wide_layout_without_question_columns(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1\n1804;a\n")
    refused(store, path, r"--questions FILE or .* --question-columns", question_columns=None)


def test_byte_that_is_not_utf8_after_utf8_text(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", "id;q1;q2\n1804;blåbær;ok\n4601;ok;bad ".encode() + b"\xff\n")
    refused(store, path, r"row 3, column 'q2': byte 0xff is not valid UTF-8")


def test_byte_that_no_encoding_reads(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2\n1804;a\x81b;c\n")
    refused(store, path, r"row 2, column 'q1': byte 0x81 is not valid UTF-8 or Windows-1252")


@pytest.mark.parametrize("content", [b"", b"  \r\n\n", b"\xef\xbb\xbf"])
def test_empty_file(store, tmp_path, content):
    path = write_bytes(tmp_path, "a.csv", content)
    refused(store, path, r"the file is empty \(row 1 has no column names\)")


def test_header_without_rows(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2\n")
    refused(store, path, r"row 2: the file has column names but no data rows")


@pytest.mark.parametrize(
    ("name", "content"),
    [("a.pdf", b"%PDF-1.4 text"), ("a.csv", b"id\x00q1\x00\x01\x02"), ("a.xls", b"\xd0\xcf\x11\xe0rest")],
)
def test_not_csv_or_xlsx(store, tmp_path, name, content):
    path = write_bytes(tmp_path, name, content)
    refused(store, path, r"not a CSV or XLSX file")


def test_text_file_named_xlsx(store, tmp_path):
    path = write_bytes(tmp_path, "a.xlsx", b"id;q1;q2\n1804;a;b\n")
    refused(store, path, r"not a readable XLSX file")


def test_ten_megabyte_cell(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2\n1804;ok;" + b"x" * 10_000_000 + b"\n")
    refused(store, path, r"row 2, column 'q2': the cell holds 10,000,000 characters")


def test_unreadable_population(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;population;q1;q2\n1804;mange;a;b\n")
    refused(store, path, r"row 2, column 'population': 'mange' is not a population count")


def test_failure_while_writing_rolls_back_everything(store, tmp_path):
    path = write_bytes(tmp_path, "a.csv", b"id;q1;q2;q3\n4601;a;b;c\n")
    before = dump(store)

    def fail(done, total):
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        import_survey(store, path, question_columns=["q1", "q2", "q3"], wave=2023, on_progress=fail)
    assert dump(store) == before


@pytest.mark.parametrize("columns", [["q1", "q1"], ["id", "q1"]])
def test_question_column_named_twice_or_as_id(store, tmp_path, columns):
    path = write_bytes(tmp_path, "a.csv", b"id;q1\n1804;a\n")
    refused(store, path, r"row 1: column '(q1|id)' is named twice", question_columns=columns)


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"- {id: q1, kind: essay}\n", r"question 1, column 'kind': 'essay' is not one of open"),
        (b"- {id: q1}\n- {id: q1}\n", r"question 2, column 'id': question 'q1' is already listed"),
        (b"- {id: q1\n  text: [\n", r"line \d+: not valid YAML"),
        (b"just a sentence\n", r"expected a list of questions"),
    ],
)
def test_bad_questions_file(store, tmp_path, content, match):
    questions = write_bytes(tmp_path, "q.yaml", content)
    path = write_bytes(tmp_path, "a.csv", b"id;q1\n1804;a\n")
    before = dump(store)
    with pytest.raises(UserError, match=match) as caught:
        import_survey(store, path, questions_file=questions, wave=2023)
    assert "q.yaml" in str(caught.value)
    assert dump(store) == before
