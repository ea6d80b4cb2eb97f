"""Payment terms in words: read trade wording, write invoice wording (en, fr, nl, de).

* :func:`parse` / :func:`parse_with_notes` read "2/10 net 30", "45 jours fin de mois",
  "2% korting bij betaling binnen 8 dagen", "14 Tage 2 % Skonto, 30 Tage netto" and
  Business Central date formulas into :class:`~payterms.terms.PaymentTerms`.
* :func:`describe` writes terms as invoice wording that parses back to the same terms.
* :func:`describe_claim` writes what a reminder claims, with the statutes behind it.
* :func:`describe_invoice` writes an invoice's payment block: due dates, discount or
  none, late-payment interest and fixed compensation.
* :func:`statutory_rule` states a regime's late-interest rate rule in words, with its
  article (what an invoice says before the rate of its period is published).
* :func:`xrechnung_skonto` writes the discount tiers as XRechnung ``#SKONTO#`` lines.
* :mod:`payterms.text.vocab` holds one table per language.

>>> from payterms.text import describe, parse
>>> describe(parse("2/10 net 30"), "nl")
'2% korting bij betaling binnen 10 dagen, betaling binnen 30 dagen'
"""

from typing import TYPE_CHECKING

from payterms.text.parse import (
    DEFAULT_CASH,
    DEFAULT_NET,
    DEFAULT_READING,
    CashPercent,
    Parsed,
    parse,
    parse_with_notes,
)
from payterms.text.render import (
    Claim,
    InvoiceRegime,
    describe,
    describe_claim,
    describe_invoice,
    statutory_rule,
    xrechnung_skonto,
)
from payterms.text.vocab import VOCABULARIES, Sense, Templates, Vocabulary

if TYPE_CHECKING:
    from payterms.law import Regime as Regime

__all__ = [
    "CashPercent",
    "Claim",
    "DEFAULT_CASH",
    "DEFAULT_NET",
    "DEFAULT_READING",
    "InvoiceRegime",
    "Parsed",
    "Sense",
    "Templates",
    "VOCABULARIES",
    "Vocabulary",
    "describe",
    "describe_claim",
    "describe_invoice",
    "parse",
    "parse_with_notes",
    "statutory_rule",
    "xrechnung_skonto",
]


def __getattr__(name: str) -> object:
    """Return :class:`payterms.law.Regime` for ``payterms.text.Regime``, the name it had here.

    ``payterms.text.Regime`` was the protocol :func:`describe_invoice` reads a regime
    through, another thing than ``payterms.Regime`` under the same name; the protocol is
    now :class:`InvoiceRegime`, and ``payterms.text.Regime`` is the one ``Regime``.

    >>> import payterms
    >>> payterms.text.Regime is payterms.Regime
    True
    """
    if name == "Regime":
        from payterms.law import Regime

        return Regime
    raise AttributeError(f"module 'payterms.text' has no attribute {name!r}")
