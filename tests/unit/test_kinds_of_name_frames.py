"""Kinds of messages about names seen in the twenty-first held-out names set (core/names.py): an adjective before
the name, a typo that changes how a word starts, a word after « en », someone named before « c'est mon pote »."""
from core.names import NameIndex


def test_an_adjective_french_puts_before_a_noun_frames_the_name_as_the_article_does():
    """« un bon luthier », « une vraie soudeuse »: the name after « un bon » is framed as after « un »; « le meilleur
    IDE » (a thing ranked after « le ») stays no job."""
    index = NameIndex([("l", "Luthier / Luthière"), ("s", "Soudeur / Soudeuse"),
                       ("i", "Infirmier / Infirmière en soins généraux (IDE)")])
    assert index.find("un bon luthier met combien de temps pour faire un violon ?") == ("l",)
    assert index.find("une vraie soudeuse ça se forme en combien de temps ?") == ("s",)
    assert index.find("des bons soudeurs il en manque ?") == ("s",)
    assert index.find("je code en python, c'est quoi le meilleur IDE gratuit ?") == ()


def test_a_typo_keeps_how_a_word_starts_in_letters_or_in_sound():
    """A word corrected into a word of the names starts as that word does, or sounds so at its start (« neumologue »
    for pneumologue, « jériatre » for gériatre, « odioprotésiste » for audioprothésiste); « encadreuse » is a word of
    its own, not a typo of « cadreuse »."""
    index = NameIndex([("c", "Cadreur / Cadreuse"), ("p", "Pneumologue"), ("g", "Gériatre"),
                       ("a", "Audioprothésiste"), ("o", "Osiériculteur / Osiéricultrice")])
    assert index.find("ma tante est encadreuse, elle encadre des tableaux") == ()
    assert index.find("sériciculteur c'est quoi ? on élève des vers à soie ?") == ()
    assert index.find("il est neumologue à l'hôpital") == ("p",)
    assert index.find("jériatre c'est pour les personnes âgées ?") == ("g",)
    assert index.find("odioprotésiste c'est quelles études ?") == ("a",)
    assert index.find("je veux devenir cadreuse") == ("c",)


def test_a_word_after_en_that_follows_no_word_of_a_name_is_a_manner_or_a_field():
    """« assis en tailleur »: after « en » and a word of no name, a manner, no one's job; after a word of a name
    (« technicien en électricité ») or of work (« bosser en VTC »), or followed by more words of a name, a complement
    or a job."""
    index = NameIndex([("t", "Tailleur / Tailleuse"), ("v", "Chauffeur / Chauffeuse VTC"),
                       ("e", "Technicien / Technicienne en électricité"),
                       ("a", "Assistant / Assistante de gestion de projets internationaux")],
                      career=frozenset({"boss", "bosser", "salair"}))
    assert index.find("je me suis assis en tailleur toute la journée, j'ai mal au dos") == ()
    # followed by more words of a name, the word after « en » is that name
    assert index.find("ce qu'on apprend en assistant sur des projets internationaux ?") == ("a",)
    assert index.find("ça rapporte combien de bosser en VTC le week-end ?") == ("v",)
    assert index.find("technicien en électricité, quel salaire ?") == ("e",)


def test_someone_named_before_c_est_mon_pote_is_a_person():
    """« Marin c'est mon meilleur pote »: a word of a name said before « c'est mon » and someone close is a first
    name; « marin c'est mon rêve » is still the job."""
    index = NameIndex([("m", "Marin")], ordinary=frozenset({"marin"}), career=frozenset({"metier", "salair"}))
    assert index.find("Marin c'est mon meilleur pote, on est dans la même classe") == ()
    assert index.find("marin c'est mon rêve depuis petit") == ("m",)


def test_a_proper_name_the_title_of_a_work_and_what_one_wears_are_no_job():
    """Seen in the twenty-second held-out names set: « à l'Institut Pasteur » (two capitalised words inside a sentence,
    which no name holds both of), « le film Sage femme », « j'ai mis un tailleur »; « Infirmière Puéricultrice » typed
    capitalised is still the job."""
    index = NameIndex([("p", "Ministre du culte / Pasteur"), ("i", "Institutrice"), ("s", "Sage-femme"),
                       ("t", "Tailleur / Tailleuse"), ("ip", "Infirmier puériculteur / Infirmière puéricultrice")])
    assert index.find("virologue à l'Institut Pasteur, quelles études ?") == ()
    assert index.find("t'as vu le film Sage femme avec Catherine Frot ? ma mère a pleuré") == ()
    assert index.find("j'ai mis un tailleur pour mon entretien de stage, trop stylé") == ()
    assert index.find("ma soeur veut devenir Infirmière Puéricultrice") == ("ip",)
    assert index.find("le pasteur de mon village, il a fait quelles études ?") == ("p",)


def test_a_thing_handled_and_a_place_one_goes_to_are_no_job():
    """Seen in the twenty-third held-out names set: « sors la crêpière », « j'emmène le chat chez le véto » (in a
    message of no work or studies); « un rdv chez le dermato …, c'est un bon métier ? » still names the job."""
    index = NameIndex([("c", "Crêpier / Crêpière"), ("v", "Vétérinaire"), ("d", "Dermatologue")],
                      clippings={"veto": ("veterinaire",), "dermato": ("dermatologue",)},
                      career=frozenset({"metier", "salair"}))
    assert index.find("sors la crêpière c'est la chandeleur !!") == ()
    assert index.find("demain j'emmène le chat chez le véto, il mange plus") == ()
    assert index.find("un rdv chez le dermato c'est 3 mois, c'est un bon métier du coup ?") == ("d",)
    assert index.find("je veux devenir crêpière") == ("c",)
