"""What a profile can carry in elements, and the text for the rest (shared by ubl.py and cii.py).

Private module. :func:`plan` decides, for one :class:`PaymentPart` and one profile, the BT-20
text to write, whether discounts, instalments and the penalty get their own elements, and
the sentences of :attr:`Written.in_text` for everything that goes into text or dates only.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from attrs import evolve, frozen

from payterms.einvoice.model import DiscountTerm, PaymentPart, Profile
from payterms.einvoice.xrechnung import skonto_lines
from payterms.errors import InvalidArgument, InvalidType
from payterms.rules import end_of_month
from payterms.terms import LineKind, PaymentTerms, PercentOf, Start, TaxBase

__all__ = ["Plan", "plan", "plain_days"]

_PLAIN = re.compile(r"(\d+)D")
_TWO = Decimal("0.01")


@frozen
class Plan:
    """The writer's decisions for one part and profile."""

    text: str | None
    structured: bool
    skonto: bool
    in_text: tuple[str, ...]


def plain_days(terms: PaymentTerms | None, index: int, *, tier: bool = False) -> int | None:
    """Return the days of rule *index* when it is a plain ``nD`` from the invoice date."""
    if terms is None or terms.start is not Start.INVOICE_DATE:
        return None
    rule = terms.discounts[index].rule if tier else terms.installments[index].rule
    m = _PLAIN.fullmatch(str(rule))
    return int(m.group(1)) if m else None


def _unadjusted(terms: PaymentTerms, issue: date) -> list[date] | None:
    """Return the lines' dates without business-day adjustment, ``None`` if not computable."""
    if terms.start is Start.INVOICE_DATE:
        base = issue
    elif terms.start is Start.END_OF_MONTH:
        base = end_of_month(issue)
    else:
        return None
    if any("BD" in str(line.rule) for line in terms.installments):
        return None
    try:
        return [line.rule.apply(base) for line in terms.installments]
    except (ValueError, OverflowError):  # pragma: no cover - a date beyond year 9999
        return None


def _rule_sentences(part: PaymentPart, profile: Profile) -> list[str]:
    terms = part.terms
    out: list[str] = []
    if terms is None:
        return out
    for i, line in enumerate(terms.installments):
        text = str(line.rule)
        due = part.dues[i].date.isoformat() if i < len(part.dues) else "?"
        if "<" in text:
            out.append(
                f"instalment {i + 1} rule {text!r} has a cut-off day, which no element of the "
                f"{profile.name} profile states: written as its due date {due} and in the "
                "terms text (BT-20)"
            )
        elif "BD" in text:
            out.append(
                f"instalment {i + 1} rule {text!r} counts business days, which no element "
                f"states: written as its due date {due} and in the terms text (BT-20)"
            )
        elif profile is Profile.EXTENDED and plain_days(terms, i) is None:
            out.append(
                f"instalment {i + 1} rule {text!r} is not a number of days from the invoice "
                f"date: written as its due date {due} and in the terms text (BT-20)"
            )
    if part.issue_date is not None:
        dates = _unadjusted(terms, part.issue_date)
        moves = {h.day: h.postponed for h in terms.holidays}
        if dates is not None:
            for i, (stated, plain) in enumerate(zip(part.dues, dates, strict=False)):
                held = moves.get(plain, plain)
                if held != plain:
                    out.append(
                        f"instalment {i + 1} due {held.isoformat()} was moved from "
                        f"{plain.isoformat()} by a term holiday, which no element states: "
                        "written as the moved date; the terms text gives the holiday"
                    )
                if stated.date != held:
                    out.append(
                        f"instalment {i + 1} due {stated.date.isoformat()} was moved from "
                        f"{held.isoformat()} by a business-day adjustment, which no element "
                        "states: written as the moved date; the terms text gives the rule"
                    )
    if terms.start not in (Start.INVOICE_DATE, Start.END_OF_MONTH):
        out.append(
            f"the terms count from the {terms.start.value.replace('_', ' ')}, which no "
            "element states: in the terms text (BT-20)"
        )
    return out


def _what(discount: DiscountTerm, currency: str | None) -> str:
    """Return the discount in a few words: whose it is, how much, until when."""
    if discount.percent is not None:
        size = f"{discount.percent} %"
    else:
        size = f"of {discount.amount} {currency or ''}".rstrip()
    whose = "" if discount.installment is None else f"instalment {discount.installment + 1} "
    return f"{whose}discount {size} until {discount.last_day.isoformat()}"


def _skonto_count(part: PaymentPart) -> int:
    """Return how many discounts become ``#SKONTO#`` lines that read back exactly (0: none).

    Those are the percentage discounts on the whole invoice, each a whole number of days
    from the issue date with a two-decimal percentage and one base for all, when they come
    first in the terms (fixed-amount discounts after them are worded).
    """
    terms = part.terms
    whole = [d for d in part.discounts if d.installment is None]
    coded = [d for d in whole if d.percent is not None]
    if not coded:
        return 0
    if terms is None:
        if len(coded) < len(part.discounts):
            return 0  # without terms there are no words for the others
    else:
        count = 0
        while count < len(terms.discounts) and terms.discounts[count].percent is not None:
            count += 1
        if any(t.percent is not None for t in terms.discounts[count:]):
            return 0  # a percentage after a fixed amount: the text keeps the terms' order
        tiers = [
            (terms.discounts[i].percent, plain_days(terms, i, tier=True)) for i in range(count)
        ]
        if tiers != [(d.percent, d.days) for d in coded]:
            return 0  # not whole days, or the schedule sorted the windows otherwise
    for discount in coded:
        percent = discount.percent
        assert percent is not None  # noqa: S101 - chosen above
        if percent.quantize(_TWO) != percent or discount.basis_date != part.issue_date:
            return 0
    if len({d.basis_amount for d in coded}) != 1:
        return 0
    return len(coded)


def _skonto_text(part: PaymentPart, count: int) -> str:
    coded = [d for d in part.discounts if d.installment is None and d.percent is not None]
    base = coded[0].basis_amount
    if base is not None and base == part.amount_due:
        base = None
    from payterms.text import describe

    lines = skonto_lines(coded, base=base)
    words = ""
    if part.terms is not None:
        lang = _lang(part.terms_text, part.terms)
        words = describe(evolve(part.terms, discounts=part.terms.discounts[count:]), lang)
    return lines + words


def _lang(text: str | None, terms: PaymentTerms) -> str:
    """Return the language *text* is the wording of *terms* in (English if none is)."""
    from payterms.text import describe
    from payterms.text.vocab import VOCABULARIES

    for code in VOCABULARIES:
        if text is not None and describe(terms, code) == text:
            return code
    return "en"


def _penalty_rule(part: PaymentPart, where: str) -> list[str]:
    """Return the sentence for a penalty stated as a rule in the note PMD, without a rate."""
    if part.penalty is not None or not any(note.subject == "PMD" for note in part.notes):
        return []
    return [
        f"late-payment penalty in words only, with no rate in the part (as the statutory "
        f"rule before its rate is published): {where}; in the note PMD (BT-22)"
    ]


def plan(part: PaymentPart, profile: Profile) -> Plan:
    """Return the writer's decisions for *part* in *profile* (see the module docstring)."""
    if not isinstance(part, PaymentPart):
        raise InvalidType("part", part, "a payterms.einvoice.PaymentPart")
    if not isinstance(profile, Profile):
        raise InvalidType("profile", profile, "a payterms.einvoice.Profile member")
    if (
        part.penalty is not None
        and profile is not Profile.EXTENDED
        and not any(note.subject == "PMD" for note in part.notes)
    ):
        raise InvalidArgument(
            "part.penalty",
            str(part.penalty),
            f"a note PMD wording it (the {profile.name} profile has no penalty element; "
            "payment_part(..., regime=) writes one)",
        )
    in_text = _rule_sentences(part, profile)
    text = part.terms_text
    skonto = False
    name = profile.name
    if profile is Profile.EXTENDED:
        terms = part.terms
        if terms is not None:
            if (
                any(
                    line.kind is not LineKind.PERCENT or line.of is not PercentOf.TOTAL
                    for line in terms.installments
                )
                and len(terms.installments) > 1
            ):
                in_text.append(
                    "what each instalment is (a percentage, a fixed amount, the balance) has "
                    "no element: its amount and date are written, the kind is in the terms "
                    "text (BT-20)"
                )
            if terms.discounts and terms.tax_base is not TaxBase.INCLUDED:
                in_text.append(
                    f"the discount base ({terms.tax_base.name}: the amount excluding tax) is "
                    "written as the basis amount; its rule is in the terms text (BT-20)"
                )
            for i, tier in enumerate(terms.discounts):
                if plain_days(terms, i, tier=True) is None:
                    in_text.append(
                        f"discount rule {str(tier.rule)!r} is not a number of days from the "
                        "invoice date: written as its period from the invoice date, the rule "
                        "is in the terms text (BT-20)"
                    )
            for i, line in enumerate(terms.installments):
                for tier in line.discounts:
                    if terms.start is not Start.INVOICE_DATE or not _PLAIN.fullmatch(
                        str(tier.rule)
                    ):
                        in_text.append(
                            f"instalment {i + 1} discount rule {str(tier.rule)!r} is not a "
                            "number of days from the invoice date: written as its period "
                            "from the invoice date, the rule is in the terms text (BT-20)"
                        )
        seen: set[int] = set()
        for d in part.discounts:
            if d.installment is None:
                continue
            if d.installment in seen:
                in_text.append(
                    f"{_what(d, part.currency)}: an instalment's payment terms element "
                    "carries one discount; in the terms text (BT-20)"
                )
            seen.add(d.installment)
        in_text += _penalty_rule(part, "no penalty terms element (no rate to state)")
        return Plan(text, structured=True, skonto=False, in_text=tuple(in_text))
    if len(part.dues) > 1:
        in_text.append(
            f"{len(part.dues)} instalments: no element in the {name} profile; BT-9 is the "
            "first due date (EN 16931 BT-9), the instalments are in the terms text (BT-20)"
        )
    count = _skonto_count(part) if profile is Profile.XRECHNUNG else 0
    if count:
        skonto = True
        text = _skonto_text(part, count)
    for d in part.discounts:
        if count and d.installment is None and d.percent is not None:
            in_text.append(
                f"discount {d.percent} % within {d.days} days: a #SKONTO# line in the terms "
                "text (BT-20, XRechnung BR-DE-18)"
            )
        elif profile is Profile.XRECHNUNG and d.installment is not None:
            in_text.append(
                f"{_what(d, part.currency)}: no element in the {name} profile, and a "
                "#SKONTO# line is a discount on the whole invoice (BR-DE-18); in the terms "
                "text (BT-20)"
            )
        elif profile is Profile.XRECHNUNG and d.percent is None:
            in_text.append(
                f"{_what(d, part.currency)}: no element in the {name} profile, and a "
                "#SKONTO# line states a percentage only (PROZENT, BR-DE-18); in the terms "
                "text (BT-20)"
            )
        else:
            in_text.append(
                f"{_what(d, part.currency)}: no element in the {name} profile; in the terms "
                "text (BT-20)"
            )
    if (
        profile is Profile.XRECHNUNG
        and not count
        and any(d.installment is None and d.percent is not None for d in part.discounts)
    ):
        in_text.append(
            "the discounts are not all a whole number of days from the invoice date with "
            "a two-decimal percentage and one base, ahead of any fixed-amount discount: "
            "worded, not as #SKONTO# lines (BR-DE-18)"
        )
    if part.penalty is not None:
        in_text.append(
            f"late-payment penalty {part.penalty} % a year: no element in the {name} "
            "profile; in the note PMD (BT-22)"
        )
    in_text += _penalty_rule(part, f"no element in the {name} profile")
    return Plan(text, structured=False, skonto=skonto, in_text=tuple(in_text))
