"""core/amounts.py: one reader of amounts of money for the pay a message states and the salary a search asks."""
import pytest

from core.amounts import Amount, amounts
from core.catalogue import salary_asked
from core.textnorm import fold
from core.understanding import stated_amount


@pytest.mark.parametrize("text, found", [
    ("45 000 €", [Amount(45000, True)]), ("45k", [Amount(45000, True)]), ("2,5k", [Amount(2500, True)]),
    ("2.5k par mois", [Amount(2500, True)]), ("1.500 euros", [Amount(1500, True)]), ("40 000 balles", [Amount(40000, True)]),
    ("en 2025", [Amount(2025, False)]), ("un bac+5 et 45000", [Amount(45000, False)]), ("noté 91", [Amount(91, False)]),
])
def test_an_amount_is_read_with_whether_it_is_written_as_money(text, found):
    assert amounts(fold(text)) == found


def test_the_pay_a_message_states_and_the_salary_a_search_asks_read_the_same_amounts():
    for text in ("un débutant gagne 2,5k par mois ?", "plus de 45 000 € dès le début", "au moins 40k"):
        stated = stated_amount(fold(text))
        asked = salary_asked(fold(text))
        yearly = stated[0] * 12 if stated[1] else stated[0]
        assert asked == yearly, (text, stated, asked)
    # a bare number is a pay to a search that speaks of pay, never one the student states
    assert salary_asked(fold("un métier qui paye plus de 45000")) == 45000
    assert stated_amount(fold("un métier qui paye plus de 45000")) is None


def test_a_country_is_no_pay():
    """« pays » is a country: its number is no salary a search asks more than, « payé » is."""
    assert salary_asked(fold("un métier dans un pays à 3000 km")) is None
    assert salary_asked(fold("un métier payé 2000 par mois")) == 24000
