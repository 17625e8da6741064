"""Sets written apart, by helpers who never saw the code nor the training data, scored through the model,
the actions and the REST channel (tests/support/heldout_sets.py). Their sentences are never added as training
data (everyday ones, « bonjour », « salaire ? », were examples before the sets were written). First figures:
measured once on the code before the changes they drove; then
before and after the last round of fixes, with the failures answered with confidence (not an apology, a
clarification nor « hors sujet »: tests/support/heldout_sets.py failure_kind). Floors: the last figure less
one case; an apology is always a failure.

| set | first (142dfdc) | 8107af5 | last | floor | confident wrong (8107af5 → last, most) |
|---|---|---|---|---|---|
| tests/nlu/test_fresh1.yml (215, written before the changes) | 182/215 | 197/215 | 214/215 | 0.990 | 15 → 1, 2 |
| tests/nlu/test_fresh2.yml (188, written apart; its misses read once) | 166/188 | 169/188 | 188/188 | 0.994 | 16 → 0, 1 |
| tests/nlu/test_catalogue2_conversations.yml (74, 10 professions) | 24/74 | 60/74 | 73/74 (74/74 before this stop's retraining) | 0.93 | |
| tests/nlu/test_fresh3.yml (221, written apart later, first run unseen) | 175/221 | 175/221 | 210/221 | 0.945 | 30 → 9, 10 |
| tests/nlu/test_fresh4.yml (173, apart, first run unseen) | 147/173 (125a3ab) | 154/173 (ba906af) | 166/173 | 0.953 | 17 → 13 → 5, 6 |
| tests/nlu/test_fresh5.yml (172, written apart, first run unseen) | 136/172 (ba906af) | | 164/172 | 0.947 | 17 → 4, 5 |
| tests/nlu/test_fresh6.yml (177, written apart, first run unseen) | 151/177 (3cf4df2) | | 167/177 | 0.937 | 19 → 8, 9 |
| tests/nlu/test_fresh7.yml (201, written apart, first run unseen) | 174/201 (bb06df3) | | 191/201 | 0.945 | 22 → 8, 9 |
| tests/nlu/test_fresh8.yml (181, written apart, first run unseen) | 153/181 (e573270) | | 168/181 (see below) | 0.922 | 24 → 11, 12 |
| tests/nlu/test_fresh9.yml (193, written apart, first run unseen) | 162/193 (415cd5b) | | 191/193 | 0.984 | 26 → 1, 2 |
| tests/nlu/test_fresh10.yml (185, written apart to be hard, first run unseen) | 150/185 (71b5bff) | | 178/185 | 0.956 | 30 → 5, 6 |
| tests/nlu/test_fresh11.yml (216, written apart, first run unseen) | 181/216 (204e4ce) | | 204/216 | 0.939 | 29 → 10, 11 |
| tests/nlu/test_fresh12.yml (267, written apart, first run unseen) | 227/267 (b759b59) | | 246/267 | 0.917 | 28 → 19, 20 |
| tests/nlu/test_fresh13.yml (226, 50 conversations, apart, first run unseen) | 169/226 (a819b3e) | | 191/226 | 0.840 | 44 → 27, 28 |
| tests/nlu/test_fresh14.yml (210, 46 conversations, apart, first run unseen) | 167/210 (8734dc3) | | 181/210 (*) | 0.857 | 34 → 24, 25 |
| tests/nlu/test_fresh15.yml (203, 41 conversations, apart, first run unseen) | 173/203 (3b88e3f) | | 192/203 | 0.940 | 24 → 7, 8 |
| tests/nlu/test_fresh16.yml (212, 46 conversations, apart, first run unseen) | 170/212 (a00bd89) | | 198/212 | 0.929 | 32 → 9, 10 |
| tests/nlu/test_fresh17.yml (215, 47 conversations, apart, first run unseen) | 168/215 (56af95f) | | 194/215 | 0.897 | 35 → 14, 15 |
| tests/nlu/test_fresh18.yml (211, 46 conversations, apart, first run unseen) | 165/211 (754f74d) | | 177/211 | 0.834 | 28 → 19, 20 |
| tests/nlu/test_fresh19.yml (211, 46 conversations, apart, first run unseen) | 179/211 (9c10f6c) | | 197/211 | 0.928 | 29 → 13, 14 |
| tests/nlu/test_fresh20.yml (211, 46 conversations, apart, first run unseen) | 174/211 (8b0a22c) | | 185/211 | 0.872 | 27 → 19, 20 |
| tests/nlu/test_fresh21.yml (211, 46 conversations, apart, first run unseen) | 179/211 (23e8545) | | 199/211 | 0.938 | 23 → 8, 9 |
| tests/nlu/test_fresh22.yml (211, 46 conversations, apart, first run unseen) | 177/211 (0cc08ba) | | 193/211 | 0.909 | 23 → 9, 10 |
| tests/nlu/test_fresh23.yml (211, 46 conversations, apart, first run unseen) | 188/211 (dc0d2c2) | | 199/211 | 0.938 | 19 → 10, 11 |
| tests/nlu/test_fresh24.yml (211, 46 conversations, apart, first run unseen) | 182/211 (5ea31d6) | | 187/211 | 0.881 | 22 → 17, 18 |
| tests/nlu/test_fresh25.yml (211, 46 conversations, apart, first run unseen) | 184/211 (1c26fd6) | | 201/211 | 0.947 | 21 → 6, 7 |
| tests/nlu/test_fresh26.yml (211, 46 conversations, apart, first run unseen) | 175/211 (1dd55a2) | | 190/211 | 0.895 | 26 → 12, 13 |
| tests/nlu/test_fresh27.yml (211, 46 conversations, apart, first run unseen) | 187/211 (e6d665f) | | 197/211 | 0.928 | 18 → 10, 11 |
| tests/nlu/test_fresh28.yml (211, 46 conversations, apart, first run unseen) | 174/211 (f8cbfbd) | | 194/211 | 0.915 | 28 → 13, 14 |
| tests/nlu/test_fresh29.yml (211, 46 conversations, apart, first run unseen) | 178/211 (fresh28 fixes) | | 191/211 | 0.900 | 25 → 13, 14 |
| tests/nlu/test_fresh30.yml (211, 46 conversations, apart, first run unseen) | 177/211 (09747aa) | | 187/211 | 0.881 | 25 → 18, 19 |
| tests/nlu/test_fresh31.yml (211, 46 conversations, apart, first run unseen) | 173/211 (7a12b66) | | 193/211 | 0.909 | 26 → 12, 13 |
| tests/nlu/test_fresh32.yml (211, 46 conversations, apart, first run unseen) | 176/211 (7a12b66) | | 203/211 | 0.957 | 27 → 4, 5 |
| tests/nlu/test_fresh33.yml (211, 46 conversations, apart, first run unseen) | 176/211 (9c113e7's tree) | | 190/211 | 0.895 | 28 → 19, 20 |
| tests/nlu/test_fresh34.yml (211, 46 conversations, apart, first run unseen) | 183/211 (6d8a3e6) | | 191/211 | 0.900 | 18 → 13, 14 |
| tests/nlu/test_fresh35.yml (211, 46 conversations, apart, first run unseen) | 180/211 (3d07801) | | 205/211 | 0.966 | 25 → 5, 6 |
| tests/nlu/test_fresh36.yml (211, 46 conversations, apart, first run unseen) | 187/211 (d4a0d9d) | | 201/211 | 0.947 | 16 → 7, 8 |
| tests/nlu/test_fresh37.yml (211, 46 conversations, apart, first run unseen) | 190/211 (363d88e) | | 199/211 | 0.938 | 15 → 8, 9 |
| tests/nlu/test_fresh38.yml (211, 46 conversations, apart, first run unseen) | 182/211 (dc9a7a7) | | 191/211 | 0.900 | 25 → 17, 18 |
| tests/nlu/test_fresh39.yml (211, 46 conversations, apart, first run unseen) | 185/211 (a8e5a84) | | 204/211 | 0.966 | 19 → 5, 6 |
| tests/nlu/test_fresh40.yml (211, 46 conversations, apart, first run unseen) | 181/211 (8543486) | | 197/211 | 0.933 | 27 → 12, 13 |
| tests/nlu/test_fresh41.yml (211, 46 conversations, apart, first run unseen) | 185/211 (a9f101e) | | 199/211 | 0.938 | 19 → 9, 10 |
| tests/nlu/test_fresh42.yml (211, 46 conversations, apart, first run unseen) | 184/211 (e1f98fd) | | 196/211 | 0.924 | 21 → 11, 12 |
| tests/nlu/test_fresh43.yml (211, 46 conversations, apart, first run unseen) | 192/211 (33d7386) | | 195/211 | 0.919 | 15 → 12, 13 |
| tests/nlu/test_fresh44.yml (211, 46 conversations, apart, first run unseen) | 188/211 (86533e6) | | 200/211 | 0.943 | 18 → 11, 12 |
| tests/nlu/test_fresh45.yml (211, 46 conversations, apart, first run unseen) | 194/211 (affcee5) | | 204/211 | 0.962 | 16 → 7, 8 |
| tests/nlu/test_fresh46.yml (211, 46 conversations, apart, first run unseen) | 191/211 (8bc11db) | | 199/211 | 0.938 | 6 → 5, 6 |
| tests/nlu/test_fresh47.yml (211, 48 conversations, apart, first run unseen) | 191/211 (4a36311) | | 204/211 | 0.962 | 15 → 5, 6 |
| tests/nlu/test_fresh48.yml (211, 46 conversations, apart, first run unseen) | 185/211 (b930cac) | | 195/211 | 0.919 | 24 → 15, 16 |
| tests/nlu/test_fresh49.yml (211, 46 conversations, apart, first run unseen) | 178/211 (35055b7) | | 189/211 | 0.891 | 23 → 15, 16 |

fresh28's three off-topic messages (homework, the weather, a video game) were written expecting « la fiche ne précise
pas »; after its first run, their expectation was reviewed to the polite refusal the brief asked for (« je réponds
uniquement… »): the 174 is before that review, the 194 after.
fresh35's « c sur combien ces notes au fait ? » and fresh36's « et c'est noté sur combien ? » expect « 100 »: the brief
their writers were given said the scores are out of 100, which the fiche does not say; the reply says the fiche does
not give the scale, and the cases stay failures (fresh37's brief no longer said it).
fresh32's off-topic « c quoi le salaire d'un pilote de ligne » was written expecting a refusal in words the reply did
not use (« je ne réponds qu'aux questions sur le métier de … je n'ai pas d'information sur le métier « pilote » »);
after its first run, its regex was widened to those words: the 176 is before that review. The helper who wrote fresh31
was handed its brief as a file path in the work folder, and listed that folder (it opened no other file there).
fresh8's last 168 counts one pass by a loose regex (« organisation » in the constraints' text): its floor is 167,
the last less one. (*) fresh14 was 180 before the model was retrained with the examples the fresh16 and fresh17
kinds added (two English or elliptic questions now get a clarification).

The catalogue conversations were 60/74 at 8107af5 (missed: levels required, superlatives over every fiche,
a beginner's salary, paths to a profession and between two, a famille the model could not place, a
comparison on « qui touche le plus », « vers quoi ? »), 74/74 once those kinds were read.
"""
import pytest

from tests.support.heldout_sets import CONFIDENT_WRONG, catalogue2_knowledge, score, scored, seed_knowledge

# Twenty sets through the whole stack take about two minutes: started first (tests/stack/conftest.py), so that the
# other worker is not left idle at the end of make test.
pytestmark = pytest.mark.long


# Both on the catalogue stack's Rasa (tests/stack/conftest.py): only its action server changes folder.
@pytest.fixture(scope="module")
def seed_stack(tmp_path_factory, cat_stack):
    with cat_stack.serving(seed_knowledge(tmp_path_factory.mktemp("seed-knowledge") / "knowledge")):
        yield cat_stack


@pytest.fixture(scope="module")
def catalogue2_stack(tmp_path_factory, cat_stack):
    with cat_stack.serving(catalogue2_knowledge(tmp_path_factory.mktemp("catalogue2-knowledge") / "knowledge")):
        yield cat_stack


@pytest.mark.parametrize("name,floor,most_wrong", [("test_fresh1", 0.990, 2), ("test_fresh2", 0.994, 1),
                                                    ("test_fresh3", 0.945, 10), ("test_fresh4", 0.953, 6),
                                                    ("test_fresh5", 0.947, 5), ("test_fresh6", 0.937, 9),
                                                    ("test_fresh7", 0.945, 9), ("test_fresh8", 0.922, 12),
                                                    ("test_fresh9", 0.984, 2),
                                                    ("test_fresh10", 0.956, 6), ("test_fresh11", 0.939, 11),
                                                    ("test_fresh12", 0.917, 20), ("test_fresh13", 0.840, 28),
                                                    ("test_fresh14", 0.857, 25), ("test_fresh15", 0.940, 8),
                                                    ("test_fresh16", 0.929, 10),
                                                    ("test_fresh17", 0.897, 15),
                                                    ("test_fresh18", 0.834, 20),
                                                    ("test_fresh19", 0.928, 14),
                                                    ("test_fresh20", 0.872, 20),
                                                    ("test_fresh21", 0.938, 9),
                                                    ("test_fresh22", 0.909, 10),
                                                    ("test_fresh23", 0.938, 11),
                                                    ("test_fresh24", 0.881, 18),
                                                    ("test_fresh25", 0.947, 7),
                                                    ("test_fresh26", 0.895, 13),
                                                    ("test_fresh27", 0.928, 11),
                                                    ("test_fresh28", 0.915, 14),
                                                    ("test_fresh29", 0.900, 14),
                                                    ("test_fresh30", 0.881, 19),
                                                    ("test_fresh31", 0.909, 13),
                                                    ("test_fresh32", 0.957, 5),
                                                    ("test_fresh33", 0.895, 20),
                                                    ("test_fresh34", 0.900, 14),
                                                    ("test_fresh35", 0.966, 6),
                                                    ("test_fresh36", 0.947, 8),
                                                    ("test_fresh37", 0.938, 9),
                                                    ("test_fresh38", 0.900, 18),
                                                    ("test_fresh39", 0.966, 6),
                                                    ("test_fresh40", 0.933, 13),
                                                    ("test_fresh41", 0.938, 10),
                                                    ("test_fresh42", 0.924, 12),
                                                    ("test_fresh43", 0.919, 13),
                                                    ("test_fresh44", 0.943, 12),
                                                    ("test_fresh45", 0.962, 8),
                                                    ("test_fresh46", 0.938, 6),
                                                    ("test_fresh47", 0.962, 6),
                                                    ("test_fresh48", 0.919, 16),
                                                    ("test_fresh49", 0.891, 16)])
def test_fresh_messages_written_apart(seed_stack, name, floor, most_wrong):
    result = scored(seed_stack, name)
    print(f"\n{name}: {result.right}/{result.total} = {result.right / result.total:.3f} {dict(result.kinds)}")
    assert result.right / result.total >= floor, result.wrong
    # An answer given with confidence to another question is the failure the assistant exists to avoid.
    assert result.kinds[CONFIDENT_WRONG] <= most_wrong, result.wrong


def test_catalogue_conversations_written_apart(catalogue2_stack):
    right, total, wrong = score(catalogue2_stack, "test_catalogue2_conversations")
    print(f"\ntest_catalogue2_conversations: {right}/{total} = {right / total:.3f}")
    assert right / total >= 0.93, wrong
