"""A job the fiche cites for later, after the evolutions it lists (« Avec de l'expérience … vers un poste de X »), named
by a student (tests/nlu/test_fresh31.yml, test_fresh32.yml): « et consultant c'est possible ? » gets that job and
the sentence that cites it; « il gagne combien lui ? » next is told the fiche does not give that job's pay, never this
profession's salary in its place. Names and sentences are read from the fixture fiche."""
from core import dialogue
from core.items import posts_in
from core.knowledge import euros
from tests.support.knowledge import default_profession, replies_to, template_start

A = dialogue.ANSWER


def test_a_job_cited_for_later_is_answered_and_its_pay_is_not_the_professions():
    p = default_profession()
    later = posts_in(p.evolutions.ensuite)
    assert later and later[0] not in p.evolutions.postes
    head = later[0].split("(")[0].split()[0].lower()  # « consultant »: the first word of its name, as a student says it
    replies = replies_to(("on peut évoluer vers quoi après quelques années ?", "evolutions", A),
                         (f"et {head} c'est possible ?", "evolutions", A),
                         ("il gagne combien lui ?", "salaire", A))
    assert later[0] in replies[1] and p.evolutions.ensuite in replies[1], replies[1]
    assert replies[2].startswith(template_start("hors_fiche.intro")) and later[0] in replies[2], replies[2]
    assert euros(p.salaire.niveaux.debutant.min) not in replies[2] and euros(p.salaire.niveaux.confirme.max) not in replies[2]
