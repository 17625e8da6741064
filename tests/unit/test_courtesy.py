"""Courtesy set aside before classification (core/courtesy.py): what is blanked out keeps
every offset, and a message that is only courtesy is left whole."""
from core.courtesy import masked


def test_greetings_introduction_and_closing_are_blanked_and_the_question_is_kept_in_place():
    text = ("Madame, Monsieur, je suis en première générale et je me permets de vous écrire "
            "pour connaître la durée des études. Je vous remercie par avance. Cordialement, Inès")
    left = masked(text)
    assert len(left) == len(text)  # entities keep their offsets
    assert "durée des études" in left
    for gone in ("Madame", "Monsieur", "première", "permets", "remercie", "Cordialement"):
        assert gone not in left
    assert text.index("durée") == left.index("durée")


def test_a_message_that_is_only_courtesy_is_left_whole():
    for text in ("merci beaucoup !", "bonjour", "salut ça va ?", "bonne journée à vous", "cordialement"):
        assert masked(text) == text


def test_an_age_and_a_name_are_an_introduction_not_a_question():
    left = " ".join(masked("Bonjour, je m'appelle Noé, j'ai 15 ans : un bts suffit-il ?").split())
    assert left == ", , : un bts suffit-il ?"
