"""Details the fiche does not give, asked in words seen in sets written apart (tests/nlu/test_fresh31.yml,
test_fresh32.yml): « cb de temps » as well as « combien de temps », the pay « qui tombe sur le compte », the pay « de
l'heure », Parcoursup, a test of one's qualities, maths in the job. Each gets « la fiche ne précise pas … », never the
answer of the topic whose words it uses (« temps » is no quality « gestion du temps »); « au moins » is no superlative."""
from tests.support.knowledge import replied, template_start

ABSENT = template_start("hors_fiche.intro")


def test_details_asked_in_everyday_words_are_said_not_given():
    for text, intent in (("apres le diplome on met cb de temps a trouver un taf", "soft_skills"),
                         ("ce qui m'intéresse c'est ce qui tombe sur le compte à la fin du mois, pas le brut", "salaire"),
                         ("c'est payé combien de l'heure pour un junior ?", "salaire"),
                         ("le bachelor il est sur parcoursup ?", "bachelor"),
                         ("le stage dans le bachelor il dure cb de temps", "bachelor"),
                         ("y a un test pour savoir si j'ai les soft skills qu'il faut ?", "soft_skills"),
                         ("y a pas de maths dans ce metier au moins ?", "hard_skills")):
        said = replied(text, intent)
        assert said.startswith(ABSENT), (text, said)


def test_au_moins_is_no_superlative():
    """« y a pas de X au moins ? »: no « la compétence qui compte le moins »."""
    said = replied("y a pas de maths dans ce metier au moins ?", "hard_skills")
    assert template_start("hard_skills.min") not in said, said
