"""Near-duplicate groups and clusters of uncoded answers."""

import random

from sklearn.metrics import adjusted_rand_score
from test_suggest_support import build_project

from workbench.suggest import Suggester
from workbench.suggest.duplicates import near_duplicate_groups


def test_the_issues_examples_group_together():
    groups = near_duplicate_groups(
        [(1, "Som før."), (2, "som før"), (3, "Som før pandemien."), (4, "Ingen endring.")]
    )
    assert groups == [(1, 2, 3)]


def test_small_edits_group_but_meaning_changes_do_not():
    long_text = "Vi har et godt samarbeid med fastlegene i kommunen og møtes hver måned"
    groups = near_duplicate_groups(
        [
            (1, long_text),
            (2, long_text.replace("måned", "mnd.")),
            (3, "Godt samarbeid"),
            (4, "Ikke godt samarbeid"),
            (5, "Uendret"),
            (6, "uendret!"),
        ]
    )
    assert groups == [(1, 2), (5, 6)]


def test_near_duplicates_of_a_question_and_of_one_answer(tmp_path):
    store = build_project(
        tmp_path, [("q1", "Som før."), ("q1", "som før"), ("q1", "Nytt tilbud"), ("q2", "Som før")]
    )
    suggester = Suggester(store)
    groups = suggester.near_duplicates("q1")
    assert [group.texts for group in groups] == [("Som før.", "som før")]
    group = suggester.duplicates_of(groups[0].answer_ids[0])
    assert group.size == 2


PLANTED = {
    "ventetid": ["lange ventelister", "ventetid i DPS", "venter lenge på time", "kø hos psykolog"],
    "bolig": ["mangler boliger", "bostedsløse", "egnet bolig", "husbanken og boligsosialt arbeid"],
    "ruspoliklinikk": ["rusbehandling", "LAR-pasienter", "avrusning", "rusomsorgen"],
}


OPENINGS = ["Vi ser", "Det gjelder", "Utfordringen er"]
FILLERS = [
    "Det er krevende.",
    "Vi jobber med saken.",
    "Kommunen prioriterer dette.",
    "Dette er viktig for oss.",
    "Vi har fått tilskudd.",
    "",
    "Vi trenger mer ressurser.",
]


def planted_answers(seed: int = 1) -> tuple[list[str], list[str]]:
    """Answers built from three themes' phrases plus filler shared by all themes."""
    rng = random.Random(seed)
    texts, themes = [], []
    for theme, phrases in PLANTED.items():
        for _ in range(20):
            first, second = rng.sample(phrases, 2)
            texts.append(f"{rng.choice(OPENINGS)} {first}, og {second}. {rng.choice(FILLERS)}")
            themes.append(theme)
    return texts, themes


def test_clustering_finds_planted_groups(tmp_path):
    texts, themes = planted_answers()
    store = build_project(tmp_path, [("q1", text) for text in texts])
    clusters = Suggester(store).clusters("q1")
    theme_of_text = dict(zip(texts, themes, strict=True))
    found = {text: cluster.number for cluster in clusters for text in cluster.texts}
    assert adjusted_rand_score([theme_of_text[t] for t in found], list(found.values())) > 0.8
    assert sum(cluster.size for cluster in clusters) == len(texts)
    assert all(len(cluster.words) > 0 for cluster in clusters)


def test_the_number_of_clusters_can_be_chosen(tmp_path):
    texts, _ = planted_answers()
    store = build_project(tmp_path, [("q1", text) for text in texts])
    progress = []
    clusters = Suggester(store).clusters("q1", n_clusters=5, on_progress=lambda *p: progress.append(p))
    assert len(clusters) == 5
    assert progress[-1][0] == progress[-1][1]


def test_cluster_labels_use_content_words_and_propose_a_definition(tmp_path):
    texts, _ = planted_answers()
    texts = [f"Derfor er det litt å gjere. Me ser at {text}" for text in texts]
    store = build_project(tmp_path, [("q1", text) for text in texts])
    clusters = Suggester(store).clusters("q1", n_clusters=3)
    function_words = {"å", "derfor", "litt", "me", "ser", "er", "det", "og", "at", "gjere"}
    for cluster in clusters:
        assert not function_words & set(cluster.words)
        assert 2 <= len(cluster.name.split()) <= 5 and cluster.label == cluster.name
        sentences = {sentence for text in cluster.texts for sentence in text.split(". ")}
        assert cluster.definition.rstrip(".") in sentences and set(cluster.words) & {
            w.strip(".,").lower() for w in cluster.definition.split()
        }
