"""Follow-ups after the diplomas seen in sets written apart (tests/nlu/test_fresh31.yml): « et le Mastère ? » after « le
BTS on peut le faire en alternance ? » asks work-study again, of that diploma (the fiche may not say it); « lequel des
trois est le niveau de référence ? » after each diploma in turn asks across all of them, not the last one."""
from core import dialogue
from core.diplomas import REFERENCE
from core.textnorm import fold
from tests.support.knowledge import default_profession, one_profession_school, replies_to, template_start

A = dialogue.ANSWER


def test_a_diploma_alone_after_work_study_asks_work_study_of_it():
    p = default_profession()
    said = fold(p.alternance)
    # a diploma of the fiche its work-study text does not name: « la fiche ne précise pas »
    silent = next(path.nom for path in p.parcours if fold(path.nom) not in said)
    named = next(path.nom for path in p.parcours if fold(path.nom) in said)
    replies = replies_to((f"le {named} on peut le faire en alternance ?", "alternance", A),
                         (f"et le {silent} ?", "mastere", A))
    assert replies[1].startswith(template_start("hors_fiche.intro")) and silent in replies[1], replies[1]


def test_which_of_the_three_is_the_reference_asks_across_the_diplomas(tmp_path):
    """(in a school of one profession: in a catalogue, « lequel ? » may compare professions)"""
    p = default_profession()
    one = one_profession_school(tmp_path)
    reference = next(path.nom for path in p.parcours if path.statut == REFERENCE)
    slots, replies = {}, []
    for text, intent, kind in (("le BTS c'est quoi ?", "bts", A), ("et le mastère ?", "mastere", A),
                               ("lequel des trois est le niveau de référence ?", "catalogue_comparer",
                                dialogue.CATALOGUE)):
        q = one.understand(text, [], intent, [])
        outcome = dialogue.respond(one, dialogue.Turn(q, intent, ((intent, 0.8),), dict(slots), None, kind))
        slots.update(dict(outcome.slots))
        replies.append(outcome.reply.text)
    assert reference in replies[2] and p.diplome.reponse in replies[2], replies[2]
