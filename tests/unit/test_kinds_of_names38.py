"""Kinds seen in the thirty-eighth held-out names set (core/names.py): a typo is never corrected into an acronym
(« systèmes d'armmes » is no « ARM »)."""
from core.names import NameIndex


def test_a_typo_is_never_corrected_into_an_acronym():
    index = NameIndex([("arm", "Assistant / Assistante de régulation médicale (ARM)"),
                       ("armes", "Mécanicien / Mécanicienne de systèmes d'armes")])
    assert index.find("mecanicienne de systemes d'armmes") != ("arm",)
    assert index.find("je veux devenir ARM au SAMU") == ("arm",)
    assert index.find("mécanicienne de systèmes d'armes") == ("armes",)
