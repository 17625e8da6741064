"""Amounts of money as students write them (« 45 000 € », « 45k », « 2,5k », « 2000 euros », « 40 000 balles »): one
reader for the whole assistant. The pay a message states (core/understanding.py) and the salary a search asks more
than (core/catalogue.py) both read their amounts here, each with its own rule on which numbers count.

Pure functions on folded text.
"""
import re
from dataclasses import dataclass
from typing import List

# A number (with thousands separators, a decimal before « k »), then « k » and a currency, both optional; never
# right after a letter or « + » (« bac+5 », « b2 »).
_AMOUNT = re.compile(r"(?<![\w+])(\d{1,3}(?:[ .\u00a0\u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?)\s?(k€|keur\b|ke\b|k\b)?"
                     r"\s?(€|euros?\b|eur\b|balles\b)?")
_SEPARATORS = re.compile(r"[ .\u00a0\u202f]")
_GROUPED = re.compile(r"\d{1,3}(?:[ .\u00a0\u202f]\d{3})+")
# « par mois » as students write it, typo « par moi » and English included: an amount said by the month. One list
# for the pay a message states, the sums on the pay and the salary a search asks more than.
# « et ça en mois ? », « ramené au mois »: a month as the unit too
MONTHLY = re.compile(r"par mois|\bpar moi\b|/ ?mois|\bmensuel\w*|\ble mois\b|\ben mois\b|\bramenee?s? au mois\b|\bper month\b"
                     r"|\ba month\b")


@dataclass(frozen=True)
class Amount:
    """One number of a message, in euros, and whether it is written as money: with a currency, « k », or thousands
    separators (« 45 000 »). A bare number (« 2025 », « 91 ») may be a year, a score or a pay."""
    value: int
    marked: bool


def amounts(folded: str) -> List[Amount]:
    """The numbers of a folded message, in order, each as an Amount."""
    found = []
    for number, thousands, currency in _AMOUNT.findall(folded):
        separated = bool(_GROUPED.fullmatch(number))  # « 45 000 », « 1.500 »; « 2.5 » is a decimal
        value = float(_SEPARATORS.sub("", number)) if separated else float(number.replace(",", "."))
        if thousands:
            value *= 1000
        found.append(Amount(int(value), bool(thousands or currency or separated)))
    return found
