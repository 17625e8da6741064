"""Kinds of messages seen in the thirty-sixth held-out names set (core/names.py): a job told by what its holder does,
after a wish or « celui qui » (« mon rêve c'est de conduire les trams », « celui qui ramone les cheminées »)."""
from core.names import NameIndex

KNOWN = frozenset({"ramoner", "ramone", "conduire", "conduit", "coiffer", "acheter", "former", "chercher", "voiture",
                   "cheminees", "trams", "cheveux", "camions", "alternance", "monter", "videos"})


def _index() -> NameIndex:
    return NameIndex([("ramoneur", "Ramoneur / Ramoneuse"), ("tram", "Conducteur / Conductrice de tramway"),
                      ("bus", "Conducteur / Conductrice de bus"), ("coiffeur", "Coiffeur / Coiffeuse"),
                      ("barbier", "Coiffeur barbier / Coiffeuse barbière"), ("acheteur", "Acheteur / Acheteuse"),
                      ("formateur", "Formateur / Formatrice"), ("video", "Monteur / Monteuse vidéo"),
                      ("son", "Monteur / Monteuse son"), ("chercheur", "Chercheur / Chercheuse en biologie")],
                     known=KNOWN, career=frozenset({"metier", "boulot"}))


def test_a_job_told_by_what_one_does_after_a_wish_is_the_job_of_that_agent():
    """The verb's agent noun (« ramoner »: ramoneur, « conduire »: conducteur, « monter »: monteur) starts the job,
    and the words after the verb tell its name apart as a complement would."""
    index = _index()
    assert index.find("je voudrais être celui qui ramone les cheminées") == ("ramoneur",)
    assert index.find("mon rêve c'est de conduire les trams") == ("tram",)
    assert index.find("je me vois bien monter des vidéos pour des youtubeurs") == ("video",)
    assert index.find("je me vois bien coiffer les cheveux et tailler les barbes dans un salon de barbier") \
        == ("barbier",)


def test_a_wish_of_an_everyday_act_names_no_job():
    """« je veux acheter une voiture » (no job said, no word of work), « je veux me former » (the student forms
    themself), « je voudrais chercher une alternance » (no name of the agent holds « alternance ») name no job; the
    same one-word agent said of a job is one (« plus tard je veux acheter … », « c'est mon rêve »)."""
    index = _index()
    assert index.find("je veux acheter une voiture") == ()
    assert index.find("je veux me former en alternance") == ()
    assert index.find("je voudrais chercher une alternance") == ()
    assert index.find("je veux conduire des camions") == ()
    assert index.find("plus tard je veux acheter pour un grand magasin") == ("acheteur",)
