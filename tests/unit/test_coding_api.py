"""The coding core: segments, codings and the codebook grown while coding."""

import pytest
from coding_project import answer_id, build_project

from workbench import coding
from workbench.errors import UserError

TEXTS = ["Vi samarbeider godt med fastlegene. Men ventetiden er lang.", "Som før", "  ", "Uendret"]


@pytest.fixture
def store(tmp_path):
    store = build_project(tmp_path / "p.db", {"q01": TEXTS})
    yield store
    store.close()


def first_segment(store, number=0):
    return coding.segments_of_answer(store, answer_id(store, "q01", number))[0]


def test_each_answer_has_one_whole_segment_and_nonresponses_none(store):
    segment = first_segment(store)
    assert (segment.start, segment.end, segment.text) == (0, len(TEXTS[0]), TEXTS[0])
    assert coding.segments_of_answer(store, answer_id(store, "q01", 2)) == []


def test_apply_codes_is_idempotent_and_remove_counts(store):
    code = coding.create_code(store, "Samarbeid", "ann").id
    segment = first_segment(store)
    first = coding.apply_codes(store, segment.id, [code], "ann")
    assert len(first) == 1
    assert coding.apply_codes(store, segment.id, [code], "ann") == []
    assert coding.apply_codes(store, segment.id, [code], "bob", how="suggestion") != []
    assert coding.remove_codes(store, segment.id, [code], "ann") == 1
    assert coding.remove_codes(store, segment.id, [code], "ann") == 0
    assert store.scalar("SELECT how FROM codings WHERE coder = 'bob'") == "suggestion"


def test_apply_unknown_or_theme_is_a_user_error(store):
    theme = coding.create_code(store, "Tema", "ann", is_theme=True).id
    segment = first_segment(store)
    with pytest.raises(UserError, match="theme"):
        coding.apply_codes(store, segment.id, [theme], "ann")
    with pytest.raises(UserError, match="no code"):
        coding.apply_codes(store, segment.id, ["nope"], "ann")
    with pytest.raises(UserError, match="no segment"):
        coding.apply_codes(store, "nope", [theme], "ann")
    coding.set_codable(store, theme, True, "ann")
    assert coding.apply_codes(store, segment.id, [theme], "ann")


def test_names_unique_among_siblings_case_insensitively_with_similar_warning(store):
    first = coding.create_code(store, "Samarbeid med fastlegene", "ann")
    assert first.similar == ()
    with pytest.raises(UserError, match="already exists"):
        coding.create_code(store, "samarbeid MED fastlegene", "ann")
    close = coding.create_code(store, "Samarbeid med fastlegen", "ann")
    assert close.similar == ("Samarbeid med fastlegene",)
    theme = coding.create_code(store, "Tema", "ann", is_theme=True).id
    coding.create_code(store, "Samarbeid med fastlegene", "ann", parent_id=theme)


def test_code_for_path_creates_themes_and_finds_existing(store):
    code = coding.code_for_path(store, "Kapasitet > Ventetid/kø > Lang ventetid", "ann")
    assert coding.Codebook.from_store(store).path(code) == "Kapasitet > Ventetid/kø > Lang ventetid"
    assert coding.code_for_path(store, "kapasitet > ventetid/kø > lang ventetid", "ann") == code
    codebook = coding.Codebook.from_store(store)
    theme = codebook.children()[0]
    assert theme.is_theme and not theme.codable
    assert codebook.children(codebook.children(theme.id)[0].id)[0].id == code
    assert codebook.level(code) == 3
    with pytest.raises(UserError, match="no code"):
        coding.code_for_path(store, "Kapasitet > Annet", "ann", create=False)
    with pytest.raises(UserError, match="deeper"):
        coding.code_for_path(store, "A > B > C > D", "ann")


def test_depth_is_limited_to_three(store):
    code = coding.code_for_path(store, "A > B > C", "ann")
    with pytest.raises(UserError, match="three levels"):
        coding.create_code(store, "D", "ann", parent_id=code)
    top = coding.code_for_path(store, "X > Y", "ann")
    with pytest.raises(UserError, match="three levels"):
        coding.move_code(store, coding.code_for_path(store, "A", "ann"), top, "ann")


def test_split_and_merge_segments_keep_codings(store):
    code = coding.create_code(store, "Samarbeid", "ann").id
    other = coding.create_code(store, "Ventetid", "ann").id
    segment = first_segment(store)
    coding.apply_codes(store, segment.id, [code], "ann")
    at = TEXTS[0].index("Men")
    left, right = coding.split_segment(store, segment.id, at, "ann")
    halves = coding.segments_of_answer(store, segment.answer_id, "ann")
    assert [half.text for half in halves] == [TEXTS[0][:at], TEXTS[0][at:]]
    assert store.scalar("SELECT COUNT(*) FROM codings") == 2
    coding.apply_codes(store, right, [other], "ann")
    assert coding.merge_segments(store, left, right, "ann") == left
    assert coding.segments_of_answer(store, segment.answer_id, "ann")[0].text == TEXTS[0]
    codes = {row["code_id"] for row in store.rows("SELECT code_id FROM codings")}
    assert codes == {code, other}
    assert store.scalar("SELECT COUNT(*) FROM codings") == 2


def test_split_offset_must_be_inside_and_merge_must_be_adjacent(store):
    segment = first_segment(store)
    for at in (0, segment.end, segment.end + 5):
        with pytest.raises(UserError, match="strictly"):
            coding.split_segment(store, segment.id, at, "ann")
    a, rest = coding.split_segment(store, segment.id, 5, "ann")
    b, c = coding.split_segment(store, rest, 10, "ann")
    with pytest.raises(UserError, match="directly follow"):
        coding.merge_segments(store, a, c, "ann")
    with pytest.raises(UserError, match="different answers"):
        coding.merge_segments(store, a, first_segment(store, 1).id, "ann")


def test_rename_define_reorder_retire(store):
    a = coding.create_code(store, "Alfa", "ann").id
    b = coding.create_code(store, "Beta", "ann").id
    coding.rename_code(store, a, "Gamma", "ann")
    coding.define_code(store, a, "ann", definition="Svar om gamma.", colour="#4e79a7")
    coding.reorder_code(store, a, 1, "ann")
    assert [node.name for node in coding.Codebook.from_store(store).children()] == ["Beta", "Gamma"]
    assert coding.Codebook.from_store(store).children()[1].definition == "Svar om gamma."
    with pytest.raises(UserError, match="already exists"):
        coding.rename_code(store, a, "beta", "ann")
    coding.retire_code(store, b, "ann")
    assert [node.name for node in coding.Codebook.from_store(store).children()] == ["Gamma"]
    assert store.scalar("SELECT retired FROM codes WHERE id = ?", (b,)) == 1


def test_merge_moves_codings_and_collapses_duplicates(store):
    a = coding.create_code(store, "A", "ann").id
    b = coding.create_code(store, "B", "ann").id
    s0, s1 = first_segment(store, 0).id, first_segment(store, 1).id
    coding.apply_codes(store, s0, [a, b], "ann")
    coding.apply_codes(store, s1, [a], "ann")
    coding.apply_codes(store, s0, [a], "bob")
    assert coding.merge_codes(store, a, b, "ann") == 2
    rows = store.rows("SELECT segment_id, coder FROM codings WHERE code_id = ? ORDER BY 1, 2", (b,))
    assert sorted((r["segment_id"], r["coder"]) for r in rows) == sorted(
        [(s0, "ann"), (s1, "ann"), (s0, "bob")]
    )
    assert store.scalar("SELECT merged_into FROM codes WHERE id = ?", (a,)) == b
    assert [node.name for node in coding.Codebook.from_store(store).children()] == ["B"]
    with pytest.raises(UserError, match="merged or retired"):
        coding.apply_codes(store, s0, [a], "ann")


def test_split_code_reassigns_chosen_codings(store):
    a = coding.create_code(store, "A", "ann").id
    ids = [coding.apply_codes(store, first_segment(store, n).id, [a], "ann")[0] for n in (0, 1, 3)]
    new = coding.split_code(store, a, "A2", ids[:2], "ann")
    assert store.scalar("SELECT COUNT(*) FROM codings WHERE code_id = ?", (new,)) == 2
    assert store.scalar("SELECT COUNT(*) FROM codings WHERE code_id = ?", (a,)) == 1
    with pytest.raises(UserError, match="does not carry"):
        coding.split_code(store, a, "A3", ids[:1], "ann")


def test_undo_redo_per_coder_survive_reopen(store, tmp_path):
    code = coding.create_code(store, "A", "ann").id
    segment = first_segment(store).id
    coding.apply_codes(store, segment, [code], "ann")
    coding.create_code(store, "B", "bob")
    store.close()
    from workbench.project import open_project

    store = open_project(tmp_path / "p.db")
    assert coding.undo(store, "ann") == "apply codes"
    assert store.scalar("SELECT COUNT(*) FROM codings") == 0
    assert coding.undo(store, "ann") == "create code"
    assert coding.undo(store, "ann") is None
    assert [node.name for node in coding.Codebook.from_store(store).children()] == ["B"]
    assert coding.redo(store, "ann") == "create code"
    assert coding.redo(store, "ann") == "apply codes"
    assert coding.redo(store, "ann") is None
    assert store.scalar("SELECT COUNT(*) FROM codings") == 1
    coding.undo(store, "ann")
    coding.create_code(store, "C", "ann")
    assert coding.redo(store, "ann") is None
    store.close()


def test_undo_refuses_when_others_depend_on_it(store):
    code = coding.create_code(store, "A", "ann").id
    coding.apply_codes(store, first_segment(store).id, [code], "bob")
    with pytest.raises(UserError, match="depend"):
        coding.undo(store, "ann")
    assert [node.name for node in coding.Codebook.from_store(store).children()] == ["A"]


def test_progress_counts_answers_fully_coded(store):
    code = coding.create_code(store, "A", "ann").id
    progress = coding.question_progress(store, "q01")
    assert (progress.answered, progress.coded) == (3, 0)
    first = answer_id(store, "q01", 0)
    assert progress.next_uncoded_answer_id == first
    left, right = coding.split_segment(store, first_segment(store).id, 5, "ann")
    coding.apply_codes(store, left, [code], "ann")
    assert coding.question_progress(store, "q01").coded == 0
    coding.apply_codes(store, right, [code], "ann")
    progress = coding.question_progress(store, "q01", after_answer_id=first)
    assert (progress.coded, progress.next_uncoded_answer_id) == (1, answer_id(store, "q01", 1))
    assert coding.question_progress(store, "q01", coder="bob").coded == 0
    assert coding.question_progress(store, "q01", wave=2024).share_coded == pytest.approx(1 / 3)


def test_codes_of_segment_per_coder(store):
    a = coding.create_code(store, "A", "ann").id
    b = coding.create_code(store, "B", "ann").id
    segment = first_segment(store).id
    coding.apply_codes(store, segment, [a], "ann")
    coding.apply_codes(store, segment, [a, b], "bob")
    assert coding.codes_of_segment(store, segment, "ann") == [a]
    assert sorted(coding.codes_of_segment(store, segment)) == sorted([a, b])


def test_theme_rules_for_retire_merge_move_and_codable(store):
    theme = coding.create_code(store, "Tema", "ann", is_theme=True).id
    child = coding.create_code(store, "Barn", "ann", parent_id=theme).id
    other = coding.create_code(store, "Annet tema", "ann", is_theme=True).id
    with pytest.raises(UserError, match="still holds codes"):
        coding.retire_code(store, theme, "ann")
    with pytest.raises(UserError, match="under itself"):
        coding.move_code(store, theme, child, "ann")
    coding.merge_codes(store, theme, other, "ann")
    assert coding.Codebook.from_store(store).path(child) == "Annet tema > Barn"
    coding.apply_codes(store, first_segment(store).id, [child], "ann")
    with pytest.raises(UserError, match="has codings"):
        coding.set_codable(store, child, False, "ann")
    with pytest.raises(UserError, match="no segment"):
        coding.define_code(store, child, "ann", example_segment_id="nope")


def test_a_code_given_children_becomes_a_theme_that_stays_codable_if_used(store):
    code = coding.create_code(store, "Kode", "ann").id
    coding.apply_codes(store, first_segment(store).id, [code], "ann")
    coding.create_code(store, "Underkode", "ann", parent_id=code)
    codebook = coding.Codebook.from_store(store)
    node = codebook.children()[0]
    assert node.is_theme and node.codable and codebook.children(node.id)[0].name == "Underkode"
    with pytest.raises(UserError, match="cannot contain '>'"):
        coding.create_code(store, "A > B", "ann")
