"""Real job titles (the national ROME list, tests/support/rome.py): each found by its name, never by an
everyday word. The name index alone (core/names.py, with the lexicon the School gives it), no server.

- the 20,000 most frequent French words, each put in a question, name no profession unless the word is
  itself a word of that profession's name (« boulanger » is, « combien » is not);
- the held-out names written apart (tests/fixtures/names/rome_heldout.yml and rome_heldout2.yml, by people
  who never saw the index): forms, typos, shortened names, acronyms, unknown professions, everyday
  sentences, head nouns.
"""
from functools import lru_cache

import pytest
import yaml

from core.knowledge import ascii_name
from core.names import NameIndex, canonical, name_words, typed_forms
from core.textnorm import without_accents
from loading.usual_names import names_of, reading, whole_pairs
from tests.support.helpers import ROOT
from tests.support.rome import rome_titles

HELDOUT = ROOT / "tests" / "fixtures" / "names" / "rome_heldout.yml"
# Written later, apart, and measured once before the fixes it drove (README « Mesures »).
HELDOUT2 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout2.yml"
# Each written apart, measured once before the fixes it drove (README « Mesures »): everyday names favoured, then
# professions taken from all over the list.
HELDOUT3 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout3.yml"
HELDOUT4 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout4.yml"
HELDOUT5 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout5.yml"
HELDOUT6 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout6.yml"
HELDOUT7 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout7.yml"
HELDOUT8 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout8.yml"
HELDOUT9 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout9.yml"
HELDOUT10 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout10.yml"
HELDOUT11 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout11.yml"
HELDOUT12 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout12.yml"
HELDOUT13 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout13.yml"
HELDOUT14 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout14.yml"
HELDOUT15 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout15.yml"
HELDOUT16 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout16.yml"
HELDOUT17 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout17.yml"
HELDOUT18 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout18.yml"
HELDOUT19 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout19.yml"
HELDOUT20 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout20.yml"
HELDOUT21 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout21.yml"
HELDOUT22 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout22.yml"
HELDOUT23 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout23.yml"
HELDOUT24 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout24.yml"
HELDOUT25 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout25.yml"
HELDOUT26 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout26.yml"
HELDOUT27 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout27.yml"
HELDOUT28 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout28.yml"
HELDOUT29 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout29.yml"
HELDOUT30 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout30.yml"
HELDOUT31 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout31.yml"
HELDOUT32 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout32.yml"
HELDOUT33 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout33.yml"
HELDOUT34 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout34.yml"
HELDOUT35 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout35.yml"
HELDOUT36 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout36.yml"
HELDOUT37 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout37.yml"
HELDOUT38 = ROOT / "tests" / "fixtures" / "names" / "rome_heldout38.yml"


@lru_cache(maxsize=1)
def index() -> NameIndex:
    """The catalogue's names as the importer writes them: the title, its two gendered forms and the names people
    use for it (knowledge/noms_usuels.yml, written apart from these sets) as aliases."""
    pairs = [(ascii_name(title), name) for title, _ in rome_titles()
             for name in [title] + [" ".join(f.lower().split()) for f in typed_forms(title)] + list(names_of(title))]
    return NameIndex(pairs, **reading(), whole=whole_pairs((ascii_name(title), title) for title, _ in rome_titles()))


def words_of(pid: str) -> set:
    return {w for p, key in index()._names if p == pid for w in key}


def test_no_everyday_word_is_read_as_a_profession():
    import wordfreq
    read_as = []
    for word in wordfreq.top_n_list("fr", 20_000):
        for pid in index().find(f"c'est quoi {word} ?"):
            if canonical(without_accents(word)) not in words_of(pid) and without_accents(word) not in words_of(pid):
                read_as.append((word, pid))
    assert read_as == []


def test_a_title_is_found_by_each_of_its_forms_and_its_acronym():
    find = index().find
    assert find("combien gagne une conductrice de tramway ?") == ("conducteur_conductrice_de_tramway",)
    assert find("salaire d'un conducteur de tramway") == ("conducteur_conductrice_de_tramway",)
    assert find("c'est quoi le metier d'IDE ?") == ("infirmier_infirmiere_en_soins_generaux_ide",)
    assert find("combien gagne un technicien ?") == ()  # a head noun names none alone
    assert len(index().heads("combien gagne un technicien ?")) > 1
    assert find("combien gagne un boulanger ?") == ("boulanger_boulangere",)
    assert name_words("Technicien / Technicienne R&D")[-1] == "rd"


def score_heldout(path=HELDOUT):
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))["noms"]
    right, about_another = 0, []
    for case in cases:
        text, expected = case["ecrit"], case["attendu"]
        found, heads = index().find(text), index().heads(text)
        if expected in ("rien", "aucun"):
            ok = found == ()
        elif expected == "plusieurs":
            ok = found == () and len(heads) > 1
        else:
            ok = found == (ascii_name(expected),)
        right += ok
        if len(found) == 1 and (expected in ("rien", "aucun", "plusieurs") or found[0] != ascii_name(expected)):
            about_another.append((text, found[0]))
    return right, len(cases), about_another


def test_heldout_names_are_found_and_almost_never_another_profession():
    right, total, about_another = score_heldout()
    # First measure (before this index): 145/227 and 30 answers about a profession not named; 197/227
    # and 4 before shortened names, clipped words (knowledge/abreviations.yml) and sound-alike spellings;
    # 225/227 and none since.
    assert right / total >= 0.97, f"{right}/{total}"
    assert about_another == []


def test_the_second_heldout_names_set_is_found_and_almost_never_another_profession():
    right, total, about_another = score_heldout(HELDOUT2)
    # 223/244 before knowledge/noms_usuels.yml, 231 with it, 238 with the names that start with another title's
    # head noun and the everyday names said as a job: less one case
    assert right / total >= 0.983, f"{right}/{total}"
    # « chef cuisinier » read as the cuisinier of the list, not the chef de cuisine: the one left.
    assert len(about_another) <= 1, about_another


def test_the_third_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout3.yml (259, written apart on 06/12/2026, favouring everyday names):
    first measured at 214/259, 14 read as another profession, its misses mostly usage names a title does not
    contain (« pion », « aiguilleur du ciel », « garde du corps »: 19/51). With the usual names of
    knowledge/noms_usuels.yml (written apart, by people who saw only the list of titles; loading/usual_names.py
    keeps those that read no ordinary word nor another title): 223/259, 15 (« jéologue » now read as
    « écologue »)."""
    right, total, about_another = score_heldout(HELDOUT3)
    # 235/259 since a usual name may start with another title's head noun (« aiguilleur du ciel ») and an
    # everyday name said as a job is read (« je suis pion »): less one case
    # 237/259 and 12 once an everyday word not said as a job names one only in a message about work or studies
    assert right / total >= 0.911, f"{right}/{total}"
    assert len(about_another) <= 13, about_another


def test_the_fourth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout4.yml (237, written apart on 06/12/2026 from professions all over the
    list): first measured at 221/237 (93.2 %), 4 read as another profession, before the names that start with
    another title's head noun, the everyday names said as a job, the verb after « me », « vous » (« me
    conseiller ») and a distinctive word before a head noun after « les »; 225/237 and 3 after."""
    right, total, about_another = score_heldout(HELDOUT4)
    assert right / total >= 0.945, f"{right}/{total}"  # 226/237 since, less one case
    assert len(about_another) <= 2, about_another


def test_the_fifth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout5.yml (274, written apart on 06/12/2026, with everyday words that are also
    job words used in their everyday sense): first measured at 245/274 (89.4 %), 14 read as another profession, on
    the code of the fourth set's fixes; 247/274 and 12 once a word after a possessive (« notre cuisinière à gaz »,
    « ma glacière ») is no job asked about. Its misses: usage names the lexicon lacks, everyday words that are
    also titles (« le nez qui coule »), short names of several titles read as one (« psy »). 249/274 and 10 once a
    word after a subject pronoun or an article and a noun is read as a verb or an adjective."""
    right, total, about_another = score_heldout(HELDOUT5)
    # 251/274 and 8 once an everyday word not said as a job names one only in a message about work or studies
    assert right / total >= 0.912, f"{right}/{total}"  # less one case
    assert len(about_another) <= 9, about_another


def test_the_sixth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout6.yml (264, written apart on 06/12/2026, 40 everyday sentences among them,
    25 with a job word in its everyday sense: « le nez bouché », « un glacier dans les Alpes », « éditeur de
    texte »): first measured at 230/264 (87.1 %), 19 read as another profession, on 4935941; 231/264 and 18 once
    « mineur » is no name of a job (« je suis mineur » says a student's age). Its misses: those everyday senses,
    which only the meaning of the sentence tells apart; usual names whose first word is an everyday one, which
    the index once left out (« femme de chambre », « fille au pair ») rather than read that word alone as a job: read
    only in full since, 233/264."""
    right, total, about_another = score_heldout(HELDOUT6)
    # 236/264 once a word after a modal verb, a subject pronoun or an article and a noun is read as a verb or an
    # adjective (core/names.py _not_a_job)
    # 249/264 and 2 once an everyday word not said as a job (after « le », « un », « des »…) names one only in a
    # message about work or studies (knowledge/mots_du_metier.yml)
    assert right / total >= 0.943, f"{right}/{total}"  # less one case
    assert len(about_another) <= 3, about_another


def test_the_seventh_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout7.yml (279, written apart, 66 everyday sentences among them: « mettre en
    facteur », « une glacière pour le pique-nique », « le serveur de l'ENT »): first measured at 243/279 (87.1 %),
    26 read as another profession, on 204e4ce; 246/279 and 23 once a job word after a modal verb (« on peut
    reporter l'oral »), a subject pronoun (« comment on interprète ») or an article and a noun (« une crème
    pâtissière ») is read as a verb or an adjective. Most of the rest are objects and idioms (« un secrétaire
    ancien », « orfèvre en la matière »), which only the meaning of the sentence tells apart."""
    right, total, about_another = score_heldout(HELDOUT7)
    # 262/279 and 7 once an everyday word not said as a job names one only in a message about work or studies
    assert right / total >= 0.935, f"{right}/{total}"  # less one case
    assert len(about_another) <= 8, about_another


def test_the_eighth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout8.yml (280, written apart on 06/12/2026 from the list of titles alone, 70
    everyday sentences among them: « le contrôleur m'a mis une amende », « une crêpière électrique »): first
    measured at 251/280 (89.6 %), 20 read as another profession, on a819b3e, before the rule of everyday words (written
    from the seventh set's misses); 258/280 and 11 with it. Its misses: everyday words the lexicon lacks (« la
    dépanneuse », « la souffleuse à feuilles »), objects in a message that also speaks of training (« un mannequin à la
    formation PSC1 »), sayings (« c'est en forgeant qu'on devient forgeron »), short names of several titles."""
    right, total, about_another = score_heldout(HELDOUT8)
    assert right / total >= 0.917, f"{right}/{total}"  # 258/280, less one case
    assert len(about_another) <= 12, about_another


def test_the_ninth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout9.yml (280, written apart from the list of titles alone, mostly crafts, industry,
    transport, the land and the sea; 70 everyday sentences: « la foreuse dans la rue », « une jardinière sur le balcon
    », « un pull bleu marine »): first measured at 260/280, 11 read as another profession; 263/280 and 10 once « ou »
    joins the words of a name and « est-ce que » is no article. Its misses: objects the frequency lexicon ranks too rare
    to be everyday words (« la foreuse », « la crêpière »; « le styliste » is as rare, and a job), usual names of
    another title (« flic », « caissière au supermarché »), jobs absent from the list read by one of their words."""
    right, total, about_another = score_heldout(HELDOUT9)
    assert right / total >= 0.935, f"{right}/{total}"  # 263/280, less one case
    assert len(about_another) <= 11, about_another


def test_the_tenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout10.yml (280, written apart from the list of titles alone, mostly offices: banking,
    law, public service, digital, research, media, real estate; 70 everyday sentences: « la devise de la République »,
    « mon fils Marin », « game master de Donjons et Dragons »): first measured at 257/280, 10 read as another profession;
    258/280 and 10 once « mpt » sounds like « nt » (« contable ») and « rédac », « réal » are clippings. Its misses:
    phonetic typos (« notère », « coréografe »), a usual name of another title (« secrétaire de direction »), first
    names and idioms that are titles."""
    right, total, about_another = score_heldout(HELDOUT10)
    assert right / total >= 0.917, f"{right}/{total}"  # 258/280, less one case
    assert len(about_another) <= 11, about_another


def test_the_eleventh_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout11.yml (280, written apart from the list of titles alone: hospitality, retail,
    care, social work, culture, sport, security; 70 everyday sentences with words that are titles used in their
    everyday sense: « écailler le poisson », « une coiffeuse », « Marin »): first measured at 260/280, 5 read as another
    profession; 262/280 and 4 once an elision written without its apostrophe is split (« maître dhôtel ») and a run of
    words without its name's head noun no longer outweighs a name said whole (« cascadeur … du sport de haut niveau »).
    Its misses: a complement the title lacks (« entraîneur de foot », « musher en Laponie »), an everyday word after
    « un » in a message that says no word of work (« un psychiatre peut prescrire ? »), first names and verbs that are
    titles."""
    right, total, about_another = score_heldout(HELDOUT11)
    assert right / total >= 0.936, f"{right}/{total}"  # 263/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_twelfth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout12.yml (280, written apart from the titles no earlier set had used: industry,
    energy, farming, building, transport, banking, administration, law, research, digital, crafts, paramedical):
    first measured at 268/280, 6 read as another profession, three of which were usual names of titles the writer
    could not see (« perruquière », « démineur », « parfumeur »: read again, they expect those titles). 275/280 and 1
    once a surname after a civility names no job (« Mme Boulanger »), a name does not run across the end of a
    sentence (« oui chef ! je range ma chambre ») and an acronym written with « & » is one (« V&V »). Its misses: a
    head noun the rest tells apart only by a bracketed word (« intendante de lycée »), a typo nearer by sound to
    another word (« radioloque »), another word for the complement (« pénitencier »), a first name (« Marin »)."""
    right, total, about_another = score_heldout(HELDOUT12)
    assert right / total >= 0.978, f"{right}/{total}"  # 275/280, less one case
    assert len(about_another) <= 2, about_another


def test_the_thirteenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout13.yml (280, written apart from the titles no earlier set had used: commerce,
    hospitality, personal services, teaching, social work, culture, sport, security, cleaning, animals, environment,
    logistics): first measured at 253/280, 6 read as another profession; 255/280 and 5 once a name's words are read in
    one sentence or comma-separated part (« directeur, il faut faire quelle école ? » is no « directeur d'école »), and
    a comma no longer makes the word after it an adjective (« avec les bébés, animatrice petite enfance »). Its misses:
    a title's acronym that is an everyday word (« responsable SI »), a usual name the writer took for another job
    (« confiseur »), a first name, a game's role and a sport that are titles (« Marin », « game master », « du VTT »)."""
    right, total, about_another = score_heldout(HELDOUT13)
    assert right / total >= 0.907, f"{right}/{total}"  # 255/280, less one case
    assert len(about_another) <= 6, about_another


def test_the_fourteenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout14.yml (280, written apart from the titles no earlier set had used, its acronyms
    from the whole list; many everyday sentences with first names, surnames, sports, games, objects and sayings that
    are words of titles): first measured at 258/280, 8 read as another profession, at the end of this stop; not yet
    mended. Its misses: sayings (« c'est en forgeant qu'on devient forgeron », « les cordonniers sont les plus mal
    chaussés »), an object (« la dépanneuse »), a minister who is no « Ministre du culte », a first name, typos nearer
    another title (« planeur stratégique »)."""
    right, total, about_another = score_heldout(HELDOUT14)
    assert right / total >= 0.917, f"{right}/{total}"  # 258/280, less one case
    assert len(about_another) <= 9, about_another


def test_the_fifteenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout15.yml (280, written apart from the titles no earlier set had used, its acronyms
    from the whole list; many names inside longer questions): first measured at 259/280, 5 read as another profession.
    Mended: a one-word title followed by words of that head's longer titles (« formatrice engins TP ») is one of those,
    or the student is asked which, never the bare title. Not mended: « chef de projet pub » (the clipping « pub » stands
    for « publicité », not « publicitaire »), « urbaniste SI », a first name (« Marin vient dormir »), an object (« la
    dépanneuse »), typos that are words themselves (« trafique », « acceuil ») and get the candidates to choose from."""
    right, total, about_another = score_heldout(HELDOUT15)
    assert right / total >= 0.932, f"{right}/{total}"  # 262/280 since stories and longer titles are told apart, less one
    assert len(about_another) <= 2, about_another


def test_the_sixteenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout16.yml (280, written apart from the titles no earlier set had used; names followed
    by a place or an employer, parents' questions, everyday sentences on shopping, cooking, transport, pets, games and
    holidays): first measured at 261/280, 4 read as another profession. Mended: in a story told (no question asked), a
    title's word followed by the story's verb is its subject, a person or a thing (« la dépanneuse a dû remorquer notre
    voiture »), not the job asked: 262/280, 3. Not mended: « vendeur de voitures de collection » (read as the car
    salesman: « voitures » is no « véhicules »), an unknown craft corrected into a title (« archetier »), an object
    bought (« m'acheter un tailleur »)."""
    right, total, about_another = score_heldout(HELDOUT16)
    assert right / total >= 0.932, f"{right}/{total}"  # 262/280, less one case
    assert len(about_another) <= 4, about_another


def test_a_title_said_with_a_word_only_a_longer_title_of_its_head_has_is_the_longer_one():
    longer = index().find("contrôleuse défense aérienne dans l'armée de l'air, on fait quoi concrètement ?")
    assert len(longer) == 1 and "defense" in longer[0], longer
    short = index().find("controleur aerien, on gagne combien ?")
    assert len(short) == 1 and "defense" not in short[0], short


def test_in_a_story_told_the_subject_of_what_happened_is_no_job_asked():
    assert index().find("la dépanneuse a dû remorquer notre voiture sur l'autoroute") == ()
    assert index().find("Marin vient dormir à la maison ce soir") == ()
    assert index().find("Marin, mon cousin, vient dormir à la maison") == ()
    # asked, or « à » (no verb): the job
    tow = index().find("la dépanneuse c'est un métier dur ?")
    assert len(tow) == 1 and tow[0].startswith("depanneur"), tow
    assert len(index().find("ash a l'hopital ca fait quoi")) == 1


def test_the_seventeenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout17.yml (280, written apart from the titles no earlier set had used; short and
    long questions, names with a typo and a complement, small stories of family, friends, neighbours and shops):
    first measured at 267/280, 4 read as another profession. Mended: the subject of a story told after an apposition
    (« Marin, mon cousin, vient dormir »); every word of a title said with a word only a longer title of that head has
    (« contrôleuse défense aérienne » is no « contrôleur aérien »): 270/280, 1. Not mended: an acronym of a complement
    (« éducatrice sportive APA »)."""
    right, total, about_another = score_heldout(HELDOUT17)
    assert right / total >= 0.961, f"{right}/{total}"  # 270/280, less one case
    assert len(about_another) <= 2, about_another


def test_a_field_a_pastime_and_a_machine_are_no_job():
    # « un métier d'art » is a field; « métier de » before a person is the job, before a head of many, which one
    assert index().find("c'est un métier d'art ?") == ()
    assert index().find("le métier de plombier c'est dur ?") != ()
    assert index().find("le metier de responsable ca consiste en quoi") == () \
        and len(index().heads("le metier de responsable ca consiste en quoi")) > 1
    # « faire du VTT » told of a weekend is a pastime; « faire du VTC à côté de mes études » is work
    assert index().find("j'ai fait du VTT tout le weekend") == ()
    assert len(index().find("faire du VTC à côté de mes études c'est rentable ?")) == 1
    # a machine in a story told; asked about, the job
    assert index().find("la foreuse fait un bruit horrible devant chez moi") == ()
    assert len(index().find("la foreuse fait quoi")) == 1


def test_a_thing_bought_an_acronym_of_a_complement_and_a_joining_word_are_no_job():
    # what one buys or rents is a thing
    assert index().find("mon père a loué une foreuse pour faire un puits") == ()
    assert index().find("ma mère a acheté une brodeuse pour nos t-shirts") == ()
    # an acronym of a title's complement, alone in a message of no work, is that thing; with its head, or after « un »,
    # the job
    assert index().find("le SAV de ma console répond jamais") == ()
    assert index().find("il a pris 70 heures de TIG") == ()
    assert len(index().find("soudeur TIG c'est bien payé ?")) == 1
    assert len(index().find("je ne comprends pas ce que fait un SFE")) == 1
    # « social ou » is no run of « … santé sociale ou pénitentiaire »
    assert index().find("c'est un métier plutôt social ou plutôt juridique ?") == ()


def test_someones_job_said_with_est_is_that_job_and_how_one_works_is_no_complement():
    # « il est ambulancier », « ma marraine est traductrice »: someone's job, said as one
    assert len(index().find("il est ambulancier à l'hôpital de Nantes, il fait beaucoup de nuits")) == 1
    assert len(index().find("ma marraine est traductrice anglais-japonais en freelance")) == 1
    # « en alternance » is how one works, no complement the name lacks
    found = index().find("UX designer en alternance, c'est possible ?")
    assert len(found) == 1 and found[0].startswith("ux"), found
    # a vehicle taken, an acronym after « dans une »: a thing, a place
    assert index().find("on a pris un VTC pour rentrer de la soirée") == ()
    assert not any("pme" in pid for pid in index().find("admin réseau dans une PME ça consiste en quoi ?"))


def test_the_twenty_third_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout23.yml (280, written apart from the whole list: very short messages, emojis and
    hashtags, capitals, « je kiffe », « j'hésite entre », acronyms in lower case or with dots; everyday sentences about
    sports, animals, cooking, music, games and the weather): first measured at 259/280, 9 read as another profession.
    Mended: a thing handled (« sors la crêpière »), a place one goes to in a message of no work (« chez le véto »):
    261/280, 7. Not mended: acronyms that are everyday words (« une IPA bien fraîche », « quel IDE pour coder », « le
    tir à l'arc »), « chef-d'œuvre », « pommes boulangères »."""
    right, total, about_another = score_heldout(HELDOUT23)
    assert right / total >= 0.928, f"{right}/{total}"  # 261/280, less one case
    assert len(about_another) <= 8, about_another


def test_the_twenty_second_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout22.yml (280, written apart from the whole list, its first half first: jobs
    followed by a place or an employer, said with « comme » or « en tant que », English and franglais names, typos in
    the middle of a word; everyday sentences with first names, surnames, brands, films, songs, subjects and animals):
    first measured at 266/280, 5 read as another profession. Mended: two capitalised words inside a sentence that no
    name holds both of are a proper name (« l'Institut Pasteur »); the title of a work (« le film Sage femme »); what
    one wears (« j'ai mis un tailleur »): 269/280, 2. Not mended: a place that tells a head noun apart (« plongeur dans
    un resto », « commis dans un restaurant »), a job not in the list that starts with one (« écrivain public »)."""
    right, total, about_another = score_heldout(HELDOUT22)
    assert right / total >= 0.957, f"{right}/{total}"  # 269/280, less one case
    assert len(about_another) <= 3, about_another


def test_the_twenty_first_heldout_names_set_is_found_and_never_another_profession():
    """tests/fixtures/names/rome_heldout21.yml (280, written apart from the whole list, its second half first: a
    relative's job, an article and an adjective before the name, plurals, typos by sound; everyday sentences with words
    of titles in another sense): first measured at 263/280, 4 read as another profession. Mended: an adjective French
    puts before a noun (« un bon luthier », « une vraie soudeuse »); a typo keeps how a word starts, in letters or in
    sound (« encadreuse » is no « cadreuse »); a word after « en » that follows no word of a name is a manner or a field
    (« assis en tailleur »); someone named before « c'est mon meilleur pote »: 274/280, 0. Not mended: a head noun a
    place tells apart (« plongeur dans un resto »), « faire taxi moto »."""
    right, total, about_another = score_heldout(HELDOUT21)
    assert right / total >= 0.975, f"{right}/{total}"  # 274/280, less one case
    assert len(about_another) <= 1, about_another


def test_the_twentieth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout20.yml (280, written apart from the whole list: jobs said as people say them,
    « elle bosse comme … », « il est … à l'hôpital », complements cut or moved, typos in long titles, everyday sentences
    with words of titles): first measured at 242/280, 6 read as another profession. Mended: someone's job after « il
    est », « ma marraine est »; « en alternance » is no complement; a vehicle taken; an acronym after « dans une »:
    261/280, 3. Not mended: acronyms and names of a whole title in their everyday sense (« des bières IPA », « le tir à
    l'arc », « le game master de notre partie »)."""
    right, total, about_another = score_heldout(HELDOUT20)
    assert right / total >= 0.929, f"{right}/{total}"  # 261/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_nineteenth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout19.yml (280, written apart from the last 109 titles no set had used, then
    others; names in long messages with words of other titles, plurals and glued articles, everyday sentences about
    machines, vehicles, animals, music and sports): first measured at 257/280, 7 read as another profession. Mended: a
    thing bought or rented (« a loué une foreuse »); an acronym of a title's complement alone (« le SAV de ma console
    », « 70 heures de TIG »); « social ou » read as a run of a title: 262/280, 2. Not mended: an acronym of a whole
    title in its everyday sense (« quel IDE pour coder en python », « le tir à l'arc »)."""
    right, total, about_another = score_heldout(HELDOUT19)
    assert right / total >= 0.932, f"{right}/{total}"  # 262/280, less one case
    assert len(about_another) <= 3, about_another


def test_the_eighteenth_heldout_names_set_is_found_and_never_another_profession():
    """tests/fixtures/names/rome_heldout18.yml (280, written apart from the titles no earlier set had used; feminine
    and plural forms, parents, names with a place or an employer, one to three words, everyday sentences around words
    that are parts of titles): first measured at 270/280, 3 read as another profession. Mended: « métier d'art » is a
    field, not the art therapist; « j'ai fait du VTT » a pastime; « la foreuse fait un bruit » a machine in a story:
    273/280, 0."""
    right, total, about_another = score_heldout(HELDOUT18)
    assert right / total >= 0.971, f"{right}/{total}"  # 273/280, less one case
    assert len(about_another) <= 1, about_another


@pytest.mark.parametrize("text", ["combien ?", "combien on gagne", "je sais pas quoi faire plus tard",
                                  "pourquoi les etudes sont si longues", "merci beaucoup"])
def test_ordinary_questions_name_no_profession(text):
    assert index().find(text) == ()


def test_a_greeting_before_a_name_does_not_hide_it():
    """« Bonjour, plombier c'est bien ? » is read as « plombier c'est bien ? »: a name alone at the start of a
    message (a head noun that one title starts with) is still found after a greeting."""
    checked = 0
    for title, _ in rome_titles():
        head = typed_forms(title)[0].split()[0]
        alone = index().find(f"{head} c'est un bon métier ?")
        if len(alone) == 1:
            checked += 1
            for greeting in ("Bonjour, ", "Salut ! ", "bonsoir "):
                assert index().find(f"{greeting}{head} c'est un bon métier ?") == alone, (greeting, head)
    assert checked >= 20


def test_the_twenty_fourth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout24.yml (280, written apart from the whole list: jobs asked inside long questions
    on studies and pay, parents' formal messages, « métier de », « poste de », a place or an employer after the name;
    everyday sentences with words of titles after verbs of doing, owning, eating and watching): first measured at
    266/280, 4 read as another profession. Mended: acronyms written with dots (« o.r.l. », « R.S.S.I. »), a thing seen
    or owned in a message of no work (« on a vu une dépanneuse », « le voisin a une foreuse »), the subject of a story
    before « m'a » (« Marin m'a invité »), « j » for « g » before « e », « i » (« éclérajiste »): 273/280, 1. Not mended:
    usual names of another head (« chauffeur de tram », « curé », « moniteur d'auto-école »), « caissière au
    supermarché » read as the cashier of the packaging industry."""
    right, total, about_another = score_heldout(HELDOUT24)
    assert right / total >= 0.971, f"{right}/{total}"  # 273/280, less one case
    assert len(about_another) <= 2, about_another


def test_dotted_initials_are_an_acronym_and_a_thing_seen_or_owned_is_no_job():
    assert index().find("o.r.l. c'est long comme études ?") == ("oto_rhino_laryngologiste_orl",)
    assert index().find("c.a.d. le prof a dit non") == ()
    # seen or owned, in a message of no work: a thing; with a word of work, the job
    assert index().find("on a vu une dépanneuse sur l'autoroute") == ()
    assert index().find("le voisin a une foreuse dans son jardin") == ()
    assert len(index().find("on a vu un médiateur familial, ça m'a donné envie de faire ce métier")) == 1
    # « il y a un … » asks whether there is one
    assert len(index().find("y a un boulanger ?")) == 1
    # the subject of a story before « m'a »
    assert index().find("Marin m'a invité à son anniversaire") == ()
    # « g » before « e » or « i » sounds « j »
    assert index().find("c'est quoi la formation d'éclérajiste ?") == ("eclairagiste",)


def test_the_twenty_fifth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout25.yml (280, written apart from the whole list: the job in the second or third
    sentence, « plutôt X ou je reste au lycée ? », capitals, typos on the last letters, plurals; everyday sentences with
    words of titles as adjectives, in compound nouns and as verbs): first measured at 236/280, 7 read as another
    profession. Its misses were mostly a field said for its job (« je voudrais travailler dans la matériovigilance »).
    Mended: the field of one profession only, a rare word, in a message of work or studies, is that profession; a plural
    the lexicon has not seen of a word it knows is no typo (« néphrologues » is no « neurologue »); a verb after « s' »;
    the subject of a story before its complement (« la foreuse des voisins fait… »); what is put « dans une … » in a
    message of no work: 246/280, 3. Not mended: a verb for its job (« piloter des drones », « conduire un tram »), a field
    of ordinary words (« les espaces verts », « le génie civil »), « plutôt barbier »."""
    right, total, about_another = score_heldout(HELDOUT25)
    assert right / total >= 0.875, f"{right}/{total}"  # 246/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_field_of_one_profession_in_a_message_of_work_is_that_profession():
    assert index().find("Le désenfumage, c'est quoi comme métier ?") == ("technicien_technicienne_de_desenfumage",)
    assert index().find("la radioprotection") == ()  # no word of work
    # asked of the profession in play
    assert index().find("faut-il des connaissances en radioprotection pour ce métier ?") == ()
    # a plural of a word the lexicon knows is no typo of another title
    assert index().find("Les néphrologues gagnent combien ?") == ()
    assert index().find("La peinture du volet commence à s'écailler") == ()
    assert index().find("La foreuse des voisins fait un bruit pas possible depuis 8h.") == ()


def test_the_twenty_sixth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout26.yml (280, written apart from the whole list: parents' and students' questions
    with the job in the middle of the sentence, feminine forms, titles with hyphens and slashes, the public sector,
    health, farming and industry; everyday sentences with words of titles as things of a house, a school, a shop or a
    sport): first measured at 269/280, 3 read as another profession. Mended: a word as written decides whether it is an
    ordinary one, not its canonical form (« infirmère » is no ordinary word though « infirmer » is a verb: « notère »,
    « soignente », « gouvernente » of earlier sets are found too); a thing one is « sur une … » in a message of no work:
    271/280, 2. Not mended: an activity done (« un parcours acrobatique dans les arbres »), a place said with its
    complement (« le conservatoire de musique et danse fait ses portes ouvertes »), typos by sound (« psycholoque »)."""
    right, total, about_another = score_heldout(HELDOUT26)
    assert right / total >= 0.964, f"{right}/{total}"  # 271/280, less one case
    assert len(about_another) <= 3, about_another


def test_a_word_as_written_decides_whether_it_is_ordinary_and_a_thing_one_is_on_is_no_job():
    assert index().find("infirmère scolaire c'est bien ?") == ("infirmier_infirmiere_scolaire",)
    assert index().find("notère ça gagne combien par mois ?") == ("notaire",)
    assert index().find("La voiture de ma mère est partie sur une dépanneuse ce matin.") == ()
    # ordinary words of a name without its head noun, in a message of no work
    assert index().find("Le conservatoire de musique et danse fait ses portes ouvertes samedi.") == ()
    assert len(index().find("directrice de conservatoire de musique et danse, ça se prépare comment ?")) == 1


def test_the_twenty_seventh_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout27.yml (280, written apart from the whole list in SMS writing: « jveu etre … »,
    « cmt on devien … », no accents nor apostrophes; transport, building, energy, digital, banking and the arts; everyday
    sentences on video games, social networks, TV shows and school subjects): first measured at 246/280, 24 read as
    another profession, 17 of them « cmt » (comment) read as the initials of « Combattant en milieu terrestre ».
    Mended: the SMS forms of everyday words (knowledge/abreviations.yml `sms`) are ordinary words, never a name nor
    initials: 262/280, 5. Not mended: « numérologue » corrected into « neurologue », « les réseaux sociaux » read as the
    social media manager, « menuisier alu »."""
    right, total, about_another = score_heldout(HELDOUT27)
    assert right / total >= 0.932, f"{right}/{total}"  # 262/280, less one case
    assert len(about_another) <= 6, about_another


def test_an_everyday_word_written_as_in_a_text_message_is_no_name_nor_initials():
    assert index().find("cmt on devien ingenieur") == ()
    assert index().find("jveu etre astronaute cmt on fait") == ()
    assert index().find("realisatrice cmt on devien") == ("realisateur_realisatrice_audiovisuel",)


def test_the_twenty_eighth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout28.yml (280, written apart from the whole list: students of a lycée professionnel
    and parents on placements, Parcoursup and the jobs of their family, « mon oncle est … »; food, hotels, beauty, sport,
    care, the army): first measured at 265/280, 5 read as another profession. Mended: a job after « est » followed by a
    place is what someone is, not the subject of a story (« mon frère est pizzaïolo à Toulouse »), and « je serai », « ils
    sont » give someone's job as « il est » does: 269/280, 5. Not mended: typos of words the language knows (« comis »,
    « pait »), usual names of another head (« caissière au supermarché », « chauffeur de tram »)."""
    right, total, about_another = score_heldout(HELDOUT28)
    assert right / total >= 0.957, f"{right}/{total}"  # 269/280, less one case
    assert len(about_another) <= 6, about_another


def test_a_job_after_is_or_will_be_followed_by_a_place_is_that_job():
    assert index().find("Mon frère est pizzaïolo à Toulouse.") == ("pizzaiolo_pizzaiola",)
    assert index().find("Quand je serai grande je serai vétérinaire.") == ("veterinaire",)
    # a story told, and a work noun before a conditional, stay no job
    assert index().find("la dépanneuse a dû remorquer notre voiture") == ()
    assert index().find("je suis timide, quel travail serait bien pour moi ?") == ()


def test_the_twenty_ninth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout29.yml (280, written apart from the whole list: messages typed as searches
    (« salaire agent de propreté 2026 »), the job after another verb than « devenir », industry, energy, public service,
    health, law; everyday sentences as headlines, recipes and chats): first measured at 264/280, 7 read as another
    profession. Mended: an acronym two titles share is told apart by the head noun beside it (« technicien HSE »), and a
    thing brought (« j'apporte une IPA »): 266/280, 6; in the earlier sets, eight more « ingénieur CVC », « animatrice
    HSE »…; a word of work or studies after a shortened name is no complement it lacks (« installateur photovoltaïque
    formation »): 267/280, 6. Not mended: an acronym after a noun it qualifies (« processeur ARM »: a try also dropped
    « je suis IDE »), a passive participle (« le crime a été commis dans la cuisine »), « monteur fibre sans diplôme »,
    « conducteur de ligne agroalimentaire », « kiné libéral »."""
    right, total, about_another = score_heldout(HELDOUT29)
    assert right / total >= 0.950, f"{right}/{total}"  # 267/280, less one case
    assert len(about_another) <= 7, about_another


def test_the_thirtieth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout30.yml (280, written apart from the whole list: titles inside long messages,
    plurals with an article, feminine forms, typos of accents, doubled letters and cut words; farming, crafts, trade,
    hotels, transport, sport, arts and the sea; everyday sentences on hobbies, family, games and shopping): first
    measured at 267/280, 4 read as another profession. Mended: an infinitive and its object (« il m'a appris à écailler
    le poisson ») is no job, in a message of no work: 268/280, 3; a typo both in letters and in sound
    (« choréografe »): 269/280, and two more in the earlier sets (« coréografe », « peintre en batiman »). Not mended:
    a plural subject of an inverted question (« les apiculteurs arrivent-ils à vivre de leur miel ? »: « les serveurs
    sont-ils en panne ? » reads the same), usual names whose words hold a shorter title (« menuisier alu »), « bar-man »,
    « le souffleur à feuilles »."""
    right, total, about_another = score_heldout(HELDOUT30)
    assert right / total >= 0.957, f"{right}/{total}"  # 269/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_thirty_first_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout31.yml (280, written apart from the whole list: a relative's job, a title beside
    a diploma or a certificate, English names, computing, banking, building, education, security; everyday sentences as
    homework, forecasts, reviews, posts and menus): first measured at 253/280, 11 read as another profession (one of
    them, « factorisez » read by its sound as « factrice », from this stop's own reading by sound). Mended: a form of a
    verb the language knows is no typo (254, 10); an adjective after a possessive and a noun (« ses taux directeurs »)
    is no job (255, 9); in a message that asks nothing, the plural of an everyday word is everyday too (« moules
    marinières »): 256/280, 8, and two more in the earlier sets. Not mended: English names (« welder », « roofer »),
    « prof de maths au lycée », « pion au lycée », « la foreuse à percussion », « le rôle du glacier »."""
    right, total, about_another = score_heldout(HELDOUT31)
    assert right / total >= 0.911, f"{right}/{total}"  # 256/280, less one case
    assert len(about_another) <= 9, about_another


def test_the_thirty_second_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout32.yml (280, written apart from the whole list: a title after an adjective or an
    adverb, in a negation (« je veux pas être comptable, plutôt … »), at the end of a long sentence, with a year of study;
    health and social work, food, logistics, public works, media, tourism, animals; everyday sentences as sports
    commentary, lyrics, recipes, forecasts and family chat): first measured at 254/280, 12 read as another profession.
    Mended: a job refused (« pas être boucher ») is not the one named when another follows (« je préfère poissonnier »),
    « plutôt » frames the job chosen (not a head noun alone), an adverb between the article and the adjective (« une très
    bonne journaliste »): 259/280, 9. Not mended: kitchen things and idioms with a job's name (« la poissonnière », « la
    crêpière », « un travail d'orfèvre », « vent marin », « l'ouvreur » of rugby): the feminine of an everyday word read
    as everyday also dropped « une grande sommelière » and « apicultrice »."""
    right, total, about_another = score_heldout(HELDOUT32)
    assert right / total >= 0.921, f"{right}/{total}"  # 259/280, less one case
    assert len(about_another) <= 10, about_another


def test_the_thirty_third_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout33.yml (280, written apart from the whole list: a title inside a question on the
    job, in the plural, dictated without punctuation, after « mon père est » or « ma sœur veut devenir »; crafts,
    farming and forests, shops, computing, security, transport, teaching; everyday sentences as headlines, school life,
    video games, shopping lists and friends' messages): first measured at 270/280, 3 read as another profession.
    Mended: an acronym too common to name a job alone (« IA ») names it after the title's first word (« ingénieur IA »);
    clipped words of every day (« alu », « tram », « BDD », knowledge/abreviations.yml): 273/280, 2, and 11 more cases
    of the earlier sets (8,350 → 8,361 of 8,784, another 117 → 110). Not mended: « joailler » (a spelling the lexicon
    knows), usual names (« monitrice d'auto-école », « chauffeur de tram », « vendeuse de fringues », « caissière au
    supermarché »), « appeler une dépanneuse » (the truck, not the job)."""
    right, total, about_another = score_heldout(HELDOUT33)
    assert right / total >= 0.971, f"{right}/{total}"  # 273/280, less one case
    assert len(about_another) <= 3, about_another


def test_a_common_acronym_names_a_job_after_its_first_word_and_everyday_clippings_are_read_whole():
    assert index().find("ingénieur IA faut quel master") == ("ingenieur_ingenieure_en_intelligence_artificielle_ia",)
    assert index().find("l'IA va remplacer les profs") == ()
    assert index().find("qui est responsable si je casse un ordinateur du CDI ?") == ()
    assert index().find("mon père est menuisier alu") == ("menuisier_menuisiere_aluminium",)
    assert index().find("une canette en alu") == ()


def test_the_thirty_fourth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout34.yml (280, written apart from the whole list: a title after « en tant que »,
    « comme », « chez les », « pour devenir », with a place or an employer, clipped or slang forms; industry and energy,
    environment, law and finance, hotels, sport, culture; everyday sentences as tutorials, do-it-yourself instructions,
    lessons, sports rules and museum visits): first measured at 266/280, 7 read as another profession. Mended: a thing
    used, heated or looked at (« utilisez une sertisseuse », « faites chauffer la crêpière », « admirer une
    chocolatière »), and a word made like a job's after « dans la » in a message of no work (« le fil dans la
    brodeuse »): 271/280, 2, and one more case of names32. Not mended: « installer une borne de recharge » (the
    shortened name of a title), « chasseurs-cueilleurs … cueillette de fruits », usual names (« GO au Club Med »,
    « expert compta »), « luthié » (a typo of the ending)."""
    right, total, about_another = score_heldout(HELDOUT34)
    assert right / total >= 0.964, f"{right}/{total}"  # 271/280, less one case
    assert len(about_another) <= 3, about_another


def test_the_thirty_fifth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout35.yml (280, written apart from the whole list: titles inside questions on
    studies and pay, in the plural with an article, with their sector before the head (« dans le bâtiment, conducteur
    de travaux »), usual names of daily-life jobs; agriculture, transport, health and social work, crafts, computing;
    everyday sentences as recipes, gardening, travel, chores and school life): measured once, unseen, at 257/280, 5
    read as another profession; then 266/280, 3, with the setting said first (« à la pharmacie, préparatrice », « à
    la mairie, secrétaire ») and a head before « de » and an infinitive read as a duty (« responsable de sortir les
    poubelles »: tests/unit/test_kinds_of_names35.py). Not mended yet: usual names (« caissière au supermarché »,
    « chauffeur de tram », « moniteur d'auto-école », « prof de piano »), « en pilote automatique », typos of an
    ending (« joailler », « web desiner »)."""
    right, total, about_another = score_heldout(HELDOUT35)
    assert right / total >= 0.946, f"{right}/{total}"  # 266/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_thirty_sixth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout36.yml (280, written apart from the whole list: titles inside a plan or a wish
    (« plus tard je veux être … », « je me vois bien … »), doubled, dropped letters and wrong accents, jobs told by what
    one does (« celui qui répare les ascenseurs »), feminine forms; sea and aviation, beauty, media, administration,
    defence, teaching; everyday sentences as sports commentaries, weather reports, game chats, music lessons and
    administrative letters): measured once, unseen, at 257/280, 2 read as another profession; then 262/280, 4, with a
    job told by what one does after a wish or « celui qui » (« mon rêve c'est de conduire les trams », « celui qui
    ramone les cheminées ») and « je me vois bien … » said as a job (tests/unit/test_kinds_of_names36.py); then
    263/280, 3, with usual names of one word that are only the head of a longer title (« steward »). Read as another
    since: « celle qui traduit les discours » (traducteur, the set says interprète). Not mended yet: acts with no
    agent noun in the list (« réparer les filets », « faire des piercings », « guider les avions »), « agent dans la
    police municipale », « prothésiste auditif », « prof de maths au collège », « moniteur d'auto-école », « officié
    de port »."""
    right, total, about_another = score_heldout(HELDOUT36)
    assert right / total >= 0.936, f"{right}/{total}"  # 263/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_thirty_seventh_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout37.yml (280, written apart from the whole list: titles about a relative or a
    friend (« ma tante est … »), typed with a slash, a hyphen or a parenthesis, shortened by dropping the complement,
    anglicisms (« community manager »); commerce, banking, insurance, real estate, cleaning, sport, social work;
    everyday sentences as product reviews, shopping lists, bank letters, headlines and text messages): measured once,
    unseen, at 273/280, 3 read as another profession. Not mended: « Le père de Hugo est trader » (a first name before
    « est »), « surveillent de baignade » (a verb form as the typo), « analyste crédit en banque », « équipier au McDo »;
    read as another: « édition barista » (a product), « crédit immobilier » (the broker), « l'acheteur sur Vinted »."""
    right, total, about_another = score_heldout(HELDOUT37)
    assert right / total >= 0.971, f"{right}/{total}"  # 273/280, less one case
    assert len(about_another) <= 4, about_another


def test_the_thirty_eighth_heldout_names_set_is_found_and_rarely_another_profession():
    """tests/fixtures/names/rome_heldout38.yml (280, written apart from the whole list: titles after a filler (« euh
    genre … »), in long sentences, with numbers, slashes and commas; law and justice, army and police, culture and
    heritage, energy, laboratories, printing; everyday sentences as crime news, museum guides, experiment reports,
    recipe blogs and chats about series): measured once, unseen, at 269/280, 2 read as another profession; then 1,
    a typo no longer corrected into an acronym (« systèmes d'armmes » was « ARM »: tests/unit/test_kinds_of_names38.py).
    Not mended: « secrétaire de réd » (read as « Secrétaire »), typos that are words (« policer », « gardin »), fields
    said alone (« pyrotechnie militaire », « un truc en radioprotection »), « chef de fab dans l'imprimerie »."""
    right, total, about_another = score_heldout(HELDOUT38)
    assert right / total >= 0.957, f"{right}/{total}"  # 269/280, less one case
    assert len(about_another) <= 2, about_another


def test_a_thing_used_or_in_something_is_no_job():
    assert index().find("Utilisez une sertisseuse pour fixer le connecteur RJ45 au bout du câble réseau.") == ()
    assert index().find("Faites chauffer la crêpière et huilez-la avec un papier absorbant.") == ()
    assert index().find("Enfilez le fil dans la brodeuse avant de lancer le motif.") == ()
    assert index().find("officier dans l'armée, il faut faire Saint-Cyr ?") != ()  # a place, not a thing


def test_a_job_refused_is_not_the_one_named_and_rather_frames_the_one_chosen():
    assert index().find("Je ne veux surtout pas être boucher, je préfère poissonnier") == ("poissonnier_poissonniere",)
    assert index().find("alors pas ingénieur, plutôt orthophoniste") == ("orthophoniste",)
    assert index().find("je veux pas être boucher") == ("boucher_bouchere",)  # refused alone: still the job spoken of
    assert index().find("Plutôt agent ou je reste au lycée ?") == ()  # a head noun alone, « plutôt » or not
    assert index().find("Ma tante dit que je ferais une très bonne journaliste") == ("journaliste",)


def test_an_infinitive_and_its_object_is_no_job_and_a_typo_may_be_read_by_its_sound():
    assert index().find("mon père m'a appris à écailler le poisson au camping") == ()
    assert index().find("je veux être écailler") == ("ecailler_ecaillere",)
    assert index().find("je veux devenir choréografe") == ("choregraphe",)
    assert index().find("Exercice 4 : factorisez l'expression") == ()  # a verb the language knows: no typo
    assert index().find("SES : la banque centrale augmente ses taux directeurs.") == ()
    assert index().find("ce soir pommes boulangères et poulet rôti") == ()
    assert index().find("les fleuristes travaillent tous les dimanches ?") == ("fleuriste",)


def test_an_acronym_two_titles_share_is_told_apart_by_the_head_noun_beside_it():
    assert index().find("technicien HSE alternance") == ("technicien_technicienne_en_hygiene_securite_environnement_industriel_hse",)
    assert index().find("ingénieur HSE salaire") == ("ingenieur_ingenieure_hygiene_securite_et_environnement_en_industrie_hse",)
    assert index().find("Ce soir apéro, j'apporte une IPA et des chips") == ()


def test_a_word_of_work_or_studies_after_a_shortened_name_is_no_complement_it_lacks():
    """« installateur photovoltaïque formation », typed as a search: the word after the name asks about it; « chef de
    projet numérique » still names no chef de projet of another field."""
    assert len(index().find("installateur photovoltaïque formation")) == 1
    assert len(index().find("MECANICIEN VEHICULES ANCIENS FORMATION ??")) == 1
    assert index().find("chef de projet numérique c'est quoi") == ()
