"""Write :class:`PaymentTerms` as invoice wording, and an invoice's full payment block.

:func:`describe` gives the terms in words ("14 Tage 2 % Skonto, 30 Tage netto"); every
rule that has a word form is written in words, and any other rule as its Business
Central date formula in brackets (``[<25: 1M+CM ? 2M+CM>]``), so the wording is always
exact and :func:`payterms.text.parse` reads it back to the same terms.

:func:`describe_invoice` gives what an invoice must say about payment: the actual due
date of each instalment (a date: French guidance holds that "30 jours fin de mois" alone
does not meet Code de commerce L441-9), the discount conditions or the sentence that
there is none, and, given a legal regime, the late-payment interest rate and the fixed
compensation for recovery costs (L441-10 II: EUR 40, D441-5; Directive 2011/7/EU art. 6).

>>> from payterms.terms import PaymentTerms
>>> describe(PaymentTerms.net(30).with_discount(2, "14D"), "de")
'14 Tage 2 % Skonto, 30 Tage netto'
>>> describe(PaymentTerms.end_of_month(45), "fr")
'paiement à 45 jours après la fin du mois'
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Protocol, cast

from payterms._checks import to_decimal
from payterms.errors import (
    CurrencyMismatch,
    InvalidArgument,
    InvalidTerms,
    InvalidType,
    RateNotPublished,
)
from payterms.money import quantize, round_to_unit
from payterms.rules import DueRule
from payterms.terms import (
    DiscountTier,
    DiscountWindow,
    EndOfMonth,
    LineKind,
    PaymentTerms,
    PercentOf,
    Schedule,
    Start,
    TaxBase,
    end_of_month_rule,
)
from payterms.text.vocab import CLAIMS, RATE_RULES, VOCABULARIES, ClaimTemplates, Templates

__all__ = [
    "Claim",
    "InvoiceRegime",
    "describe",
    "describe_claim",
    "describe_invoice",
    "statutory_rule",
    "xrechnung_skonto",
]

_CENT = Decimal("0.01")
_SHIFT_DAYS = re.compile(r"(\d+)D")
_DAY_ONLY = re.compile(r"D\d+")
_BEFORE = re.compile(r"CM-(\d+)(BD|D|W|M)")
_PLAIN = re.compile(r"(?:(\d+)(BD|D|W|M))?(?:\+?D(\d+))?")
_EOM = tuple(
    re.compile(rf"(?:(\d+)(BD|D|W|M)\+)?({core})(?:\+(\d+)(BD|D|W|M))?")
    for core in (r"1M\+CM", "CM")
)


def _splits(text: str) -> list[tuple[str, str | None]]:
    """Return the ways *text* splits into a base and an "on the day" suffix."""
    out: list[tuple[str, str | None]] = [(text, None)]
    for m in re.finditer(r"\+(1D\+)?D(\d+)$", text):
        out.append((text[: m.start()], m.group(2)))
    if text.endswith(tuple(f"+D{d}" for d in range(1, 32))) and "+1D+D" in text:
        head, _, day = text.rpartition("+D")
        out.append((head, day))
    return out


class _Compensation(Protocol):
    def amount(self, debt: Decimal) -> Decimal: ...  # pragma: no cover - protocol


class InvoiceRegime(Protocol):
    """What :func:`describe_invoice` needs of a legal regime (:func:`payterms.law.regime`)."""

    @property
    def compensation(self) -> _Compensation:
        """The fixed compensation rule: ``amount(debt)`` gives the sum due."""

    def rate_on(self, day: date) -> Decimal:
        """Return the statutory late-interest rate (a fraction a year) for interest day *day*."""


class Claim(Protocol):
    """What :func:`describe_claim` needs of a claim (:class:`payterms.dunning.ReminderClaim`)."""

    @property
    def level(self) -> int:
        """The reminder level (1 = the first reminder)."""

    @property
    def on(self) -> date:
        """The reminder's day: interest is counted up to it."""

    @property
    def label(self) -> str:
        """The reminder's label on the dunning ladder."""

    @property
    def currency(self) -> str:
        """The ISO 4217 code of the amounts."""

    @property
    def principal(self) -> Decimal:
        """The principal still owed."""

    @property
    def interest(self) -> Decimal:
        """The interest still owed, up to the reminder's day."""

    @property
    def compensation(self) -> Decimal:
        """The fixed compensation still owed."""

    @property
    def fees(self) -> Decimal:
        """The reminder fees claimed."""

    @property
    def total(self) -> Decimal:
        """The sum of the parts."""

    @property
    def pay_by(self) -> date | None:
        """The new deadline the reminder gives, if any."""

    @property
    def announced(self) -> Decimal:
        """A compensation announced for after a waiting period (consumers)."""


_CLAIM_PARTS = tuple(name for name, value in vars(Claim).items() if isinstance(value, property))


def _templates(lang: object) -> Templates:
    if not isinstance(lang, str):
        raise InvalidType("lang", lang, "a language code such as 'fr'")
    vocab = VOCABULARIES.get(lang.lower())
    if vocab is None:
        raise InvalidArgument("lang", lang, f"one of {', '.join(sorted(VOCABULARIES))}")
    return vocab.templates


def _number(value: Decimal, t: Templates) -> str:
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if t.decimal_comma else text


def _amount(value: Decimal, t: Templates) -> str:
    """Return an amount as :func:`_number` writes it, never with exactly three decimals.

    "1.125" is ambiguous to a reader (1.125, or 1125 with a thousands separator) and the
    parser refuses it; "1.1250" has one reading.
    """
    text = _number(value, t)
    mark = "," if t.decimal_comma else "."
    if mark in text and len(text) - text.index(mark) == 4:
        text += "0"
    return text


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return f"{day}th"
    return f"{day}{({1: 'st', 2: 'nd', 3: 'rd'}).get(day % 10, 'th')}"


def _shift(count: int, unit: str, t: Templates) -> str:
    one, many = {
        "D": (t.day, t.days),
        "W": (t.week, t.weeks),
        "M": (t.month, t.months),
        "BD": (t.business_day, t.business_days),
    }[unit]
    return (one if count == 1 else many).format(n=count)


def _words(rule: DueRule, t: Templates) -> str | None:
    """Return *rule* in words, or ``None`` when it has no word form.

    Only the shapes the parser builds from words are said in words: ``nD`` (also
    ``W``, ``M``, ``BD``), ``nD+Dd``, ``Dd``, ``CM-nD`` ("n days before the end of the
    month") and the end-of-month family of :func:`payterms.terms.end_of_month_rule`.
    """
    text = str(rule)
    m = _BEFORE.fullmatch(text)
    if m and int(m.group(1)):
        return t.before_end_of_month.format(x=_shift(int(m.group(1)), m.group(2), t))
    m = _PLAIN.fullmatch(text)
    if m:
        count, unit, day = m.group(1), m.group(2), m.group(3)
        parts = [_shift(int(count), unit, t)] if count else []
        if day:
            parts.append(t.on_day.format(d=int(day), o=_ordinal(int(day))))
        return " ".join(parts) if parts else None
    for base, day_text in _splits(text):
        m = _EOM[0].fullmatch(base) or _EOM[1].fullmatch(base)
        if m is None:
            continue
        pre, pre_unit, eom, post, post_unit = m.groups()
        if (pre and post) or (pre and int(pre) == 0) or (post and int(post) == 0):
            continue
        reading = EndOfMonth.DAYS_THEN if pre else EndOfMonth.THEN_DAYS
        count = int(pre or post or 0)
        unit = pre_unit or post_unit or "D"
        months = 1 if eom == "1M+CM" else 0
        day = int(day_text) if day_text else None
        if end_of_month_rule(count, unit, reading=reading, months=months, day=day) == text:
            break
    else:
        return None
    x = _shift(count, unit, t)
    if months:
        if reading is EndOfMonth.DAYS_THEN:
            return None
        said = t.after_end_of_next_month.format(x=x) if count else t.end_of_next_month
    elif count:
        template = t.after_end_of_month if reading is EndOfMonth.THEN_DAYS else t.then_end_of_month
        said = template.format(x=x)
    else:
        said = t.end_of_month
    if day is not None:
        said += " " + t.on_day.format(d=day, o=_ordinal(day))
    return said


def _timing(rule: DueRule, t: Templates, *, words: bool) -> str:
    said = _words(rule, t) if words else None
    return said if said is not None else t.formula.format(f=str(rule))


def _tier(tier: DiscountTier, t: Templates, *, words: bool) -> str:
    timing = _timing(tier.rule, t, words=words)
    if tier.amount is not None:
        return t.discount_amount.format(a=_amount(tier.amount, t), t=timing)
    return t.discount.format(p=_number(cast(Decimal, tier.percent), t), t=timing)


def _compose(terms: PaymentTerms, t: Templates, *, words: bool) -> str:
    parts: list[str] = [_tier(tier, t, words=words) for tier in terms.discounts]
    lines = terms.installments
    for line in lines:
        rule_text = str(line.rule)
        now = rule_text == "0D"
        timing = t.now if now else _timing(line.rule, t, words=words)
        if words and _DAY_ONLY.fullmatch(rule_text):
            now = True  # "on the 26th" takes no preposition: "balance on the 26th"
        if line.kind is LineKind.BALANCE:
            if len(lines) == 1:
                parts.append((t.net_now if now else t.net).format(t=timing))
            else:
                parts.append((t.balance_now if now else t.balance_line).format(t=timing))
        elif line.kind is LineKind.PERCENT:
            assert line.value is not None  # noqa: S101 - Installment invariant
            template = t.percent_now if now else t.percent_line
            said = template.format(p=_number(line.value, t), t=timing)
            if line.of is not PercentOf.TOTAL:
                said += " " + t.percent_of[line.of.value]
            parts.append(said)
        else:
            assert line.value is not None  # noqa: S101 - Installment invariant
            template = t.fixed_now if now else t.fixed_line
            parts.append(template.format(a=_amount(line.value, t), t=timing))
        if line.discounts:  # the instalment's own discounts, in brackets after it
            tiers = ", ".join(_tier(tier, t, words=words) for tier in line.discounts)
            parts[-1] += f" ({tiers})"
    if terms.start is not Start.INVOICE_DATE:
        parts.append(t.starts[terms.start.value])
    if terms.tax_base is not TaxBase.INCLUDED:
        parts.append(t.tax_bases[terms.tax_base.value])
    # term holidays have no word form: the bracketed form, as for a formula
    parts.extend(f"[{h.day.isoformat()}>{h.postponed.isoformat()}]" for h in terms.holidays)
    return ", ".join(parts)


def describe(terms: PaymentTerms, lang: str = "en") -> str:
    """Return the wording of *terms* in *lang* (``"en"``, ``"fr"``, ``"nl"``, ``"de"``).

    Rules without a word form are written as their date formula in brackets, so
    ``parse(describe(terms, lang), lang=lang) == terms`` always holds.

    >>> from payterms.terms import PaymentTerms, Installment
    >>> describe(PaymentTerms.net(30).with_discount(2, "10D"))
    '2% discount within 10 days, net 30 days'
    >>> t = PaymentTerms(
    ...     installments=(Installment.percent(30, "0D"), Installment.balance("CM+30D"))
    ... )
    >>> describe(t, "fr")
    '30 % à réception de facture, solde à 30 jours après la fin du mois'
    >>> describe(PaymentTerms.prox(20, cutoff=12), "nl")
    'betaling binnen [<12: -CM+1M+D20 ? -CM+2M+D20>]'
    """
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    t = _templates(lang)
    text = _compose(terms, t, words=True)
    from payterms.text.parse import DEFAULT_CASH, DEFAULT_READING, parse

    # the wording has no phrase with two readings; name them all the same (no warning)
    again = parse(text, lang=lang.lower(), reading=DEFAULT_READING, cash=DEFAULT_CASH)
    if again != terms:  # pragma: no cover - a guard, see tests
        text = _compose(terms, t, words=False)
    return text


def _date(day: date, t: Templates) -> str:
    return t.date.format(d=day.day, m=t.month_names[day.month - 1], y=day.year)


def _money(amount: Decimal, currency: str, t: Templates) -> str:
    text = format(amount, "f")
    return t.money.format(a=text.replace(".", ",") if t.decimal_comma else text, c=currency)


def _window_line(window: DiscountWindow, currency: str, t: Templates) -> str:
    if window.percent is None:
        return t.discount_amount_line.format(
            x=_money(abs(window.discount), currency, t),
            d=_date(window.last_day, t),
            a=_money(window.payable, currency, t),
        )
    return t.discount_line.format(
        p=_number(window.percent, t),
        d=_date(window.last_day, t),
        a=_money(window.payable, currency, t),
    )


def describe_invoice(
    schedule: Schedule,
    lang: str = "en",
    regime: InvoiceRegime | None = None,
    *,
    terms: PaymentTerms | None = None,
    rate: Decimal | None = None,
) -> str:
    """Return the payment block of an invoice: due dates, discount or none, penalties.

    One sentence per line: the terms in words (*terms*, by default the terms the
    schedule came from, :attr:`Schedule.terms <payterms.terms.Schedule>`), the date and
    amount of each instalment, each discount's last day and the amount then payable, or
    the sentence that no discount is granted (Code de commerce L441-9: "néant" must be
    said), and with a *regime*: the late-payment interest rate in force the day after the
    final due date (``regime.rate_on``; or *rate* if given, for an agreed rate; both are
    yearly fractions, 0.1215 for 12.15 %, as everywhere in payterms) and the
    fixed compensation for recovery costs (``regime.compensation.amount``, in the
    regime's currency, which must be the schedule's). An invoice is written before the
    rate of the period after its due date is published: where the regime's table has no
    published rate for that day, the block states the regime's statutory rule in words
    with its article (:func:`statutory_rule`: "the ECB rate ... plus 10 percentage
    points (Code de commerce, art. L441-10 II)"); no figure is ever extrapolated. A
    regime without a rule it can state raises :class:`~payterms.errors.RateNotPublished`,
    whose note names this function's ways out (*rate*, or a regime built with
    ``tables=``).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.end_of_month(45)
    >>> sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
    >>> print(describe_invoice(sched, "fr"))
    Conditions de paiement : paiement à 45 jours après la fin du mois.
    Date de paiement : 17 mars 2026, 1210,00 EUR.
    Pas d'escompte pour paiement anticipé.
    """
    if not isinstance(schedule, Schedule):
        raise InvalidType("schedule", schedule, "a payterms.Schedule")
    t = _templates(lang)
    out: list[str] = []
    if terms is None:
        terms = schedule.terms
    if terms is not None:
        out.append(t.terms_line.format(t=describe(terms, lang)))
    for due in schedule.dues:
        out.append(
            t.due_on.format(d=_date(due.date, t), a=_money(due.amount, schedule.currency, t))
        )
        # an instalment's own discounts: what settles that instalment by each last day
        out.extend(_window_line(window, schedule.currency, t) for window in due.discounts)
    out.extend(_window_line(window, schedule.currency, t) for window in schedule.discounts)
    if not schedule.discounts and not any(due.discounts for due in schedule.dues):
        out.append(t.no_discount_line)
    if rate is not None:
        percent = to_decimal(rate, "rate") * 100
        out.append(t.penalty.format(r=_number(percent, t)))
    elif regime is not None:
        out.append(_penalty(regime, schedule.final_due + timedelta(days=1), lang.lower(), t))
    if regime is not None:
        currency = getattr(regime, "currency", schedule.currency)
        if currency != schedule.currency:
            raise CurrencyMismatch(currency, schedule.currency)
        fixed = regime.compensation.amount(abs(schedule.amount))
        if fixed:
            out.append(
                t.compensation.format(
                    a=_money(quantize(fixed, schedule.currency), schedule.currency, t)
                )
            )
    return "\n".join(out)


def statutory_rule(regime: object, day: date, lang: str = "en") -> str | None:
    """Return the statutory rate rule of *regime* for interest day *day* in words, or ``None``.

    The rule with its article, as :data:`payterms.text.vocab.RATE_RULES` words it in
    *lang*, for the key :meth:`payterms.law.Regime.rule_on` gives; ``None`` for a
    regime with no rule payterms states in words (Luxembourg consumer debts, Dutch
    contracts concluded before 16 March 2013, a regime of the caller's own).

    >>> from datetime import date
    >>> from payterms.law import PartyKind, regime
    >>> statutory_rule(regime("DE"), date(2027, 1, 7), "de")
    '9 Prozentpunkte über dem Basiszinssatz nach § 247 BGB (§ 288 Abs. 2 BGB)'
    >>> statutory_rule(regime("LU", debtor=PartyKind.CONSUMER), date(2027, 1, 7)) is None
    True
    """
    _templates(lang)  # the same checks and message as every other wording function
    rule_on = getattr(regime, "rule_on", None)
    if rule_on is None:
        if not callable(getattr(regime, "rate_on", None)):  # never None for a non-regime
            raise InvalidType("regime", regime, "a payterms.law.Regime (or a regime with rate_on)")
        return None
    key = rule_on(day)
    if key is None:
        return None
    return RATE_RULES[lang.lower()][key]


def _penalty(regime: InvoiceRegime, day: date, lang: str, t: Templates) -> str:
    """Return the penalty line: the rate in force on *day*, else the rule in words."""
    try:
        rate = regime.rate_on(day)
    except RateNotPublished as exc:
        rule = statutory_rule(regime, day, lang)
        if rule is None:
            exc.add_note(
                "describe_invoice takes no assumption and this regime has no statutory rule "
                "it states in words: state the rate with rate=, or pass a regime built with "
                "tables="
            )
            raise
        return t.penalty_rule.format(rule=rule)
    return t.penalty.format(r=_number(to_decimal(rate, "rate") * 100, t))


def xrechnung_skonto(terms: PaymentTerms, *, base: Decimal | None = None) -> str:
    """Return the discount tiers of *terms* as XRechnung ``#SKONTO#`` lines (BR-DE-18).

    The German CIUS wants, in the payment terms note, one line per discount:
    ``#SKONTO#TAGE=14#PROZENT=2.00#``, percentages with two decimals, upper case, each line
    ending with a newline (itplr-kosit/xrechnung-schematron#22; a missing final newline is
    a common validation failure). *base*, the amount the discount is taken on, is written
    as ``BASISBETRAG`` when given, and is required when the terms' tax base is not the
    whole amount. A tier that is not a plain number of days, or whose percentage needs
    more than two decimals, cannot be written and raises
    :class:`~payterms.errors.InvalidTerms`. :func:`payterms.text.parse` reads these lines.

    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(30).with_discount(3, "7D").with_discount(2, "14D")
    >>> print(xrechnung_skonto(terms), end="")
    #SKONTO#TAGE=7#PROZENT=3.00#
    #SKONTO#TAGE=14#PROZENT=2.00#
    """
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    amount = None if base is None else to_decimal(base, "base")
    if amount is None and terms.discounts and terms.tax_base is not TaxBase.INCLUDED:
        raise InvalidArgument(
            "base", None, f"the discount base amount (the tax base is {terms.tax_base.name})"
        )
    lines = []
    if any(line.discounts for line in terms.installments):
        raise InvalidTerms(
            "terms", terms, "discounts on the whole invoice (instalment discounts have no line)"
        )
    for tier in terms.discounts:
        days = _SHIFT_DAYS.fullmatch(str(tier.rule))
        if days is None:
            raise InvalidTerms("rule", str(tier.rule), "a number of days (XRechnung TAGE=n)")
        if tier.percent is None:
            raise InvalidTerms(
                "amount", tier.amount, "a percentage discount (XRechnung PROZENT=n.nn)"
            )
        percent = round_to_unit(tier.percent, _CENT, ROUND_HALF_EVEN)
        if percent != tier.percent:
            raise InvalidTerms("percent", tier.percent, "at most two decimals (PROZENT=n.nn)")
        line = f"#SKONTO#TAGE={days.group(1)}#PROZENT={percent}#"
        if amount is not None:
            line += f"BASISBETRAG={round_to_unit(amount, _CENT, ROUND_HALF_EVEN)}#"
        lines.append(line + "\n")
    return "".join(lines)


def _claim_templates(lang: object) -> ClaimTemplates:
    _templates(lang)  # the same checks and message as every other wording function
    assert isinstance(lang, str)  # noqa: S101 - checked by _templates
    return CLAIMS[lang.lower()]


def describe_claim(claim: Claim, lang: str = "en", regime: object | None = None) -> str:
    """Return the statement of what a reminder claims, one line per part, in *lang*.

    The lines: the reminder's level, label and day; the principal, the interest up to
    that day, the fixed compensation and the reminder fees still owed (each part only
    when it is not zero, the principal always); the total, which is their sum; the new
    deadline, if the reminder gives one. With a *regime* (:func:`payterms.law.regime`)
    the statement names the statute behind the interest and, when some is claimed,
    behind the compensation; a consumer's first reminder that must announce a
    compensation due only after a waiting period says so (Belgium: Code of Economic Law
    Book XIX; the Netherlands: the 14-day letter of art. 6:96 lid 6 BW).

    >>> from datetime import date
    >>> from decimal import Decimal
    >>> from payterms.calendars import BusinessCalendar
    >>> from payterms.dunning import DunningLadder
    >>> from payterms.law import regime
    >>> plan = DunningLadder.parse("+1D reminder; +15D second reminder [fee 15]").plan(
    ...     date(2025, 3, 31), calendar=BusinessCalendar.TARGET)
    >>> claim = plan.claims(Decimal("10000"), regime="BE")[1]
    >>> print(describe_claim(claim, "fr", regime("BE")))
    Rappel 2 (second reminder) du 15 avril 2025
    Principal restant dû : 10000,00 EUR
    Intérêts de retard jusqu'au 15 avril 2025 : 47,26 EUR
    Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR
    Frais de rappel : 15,00 EUR
    Total dû : 10102,26 EUR
    Les intérêts au taux de la loi du 2 août 2002 (art. 5) sont dus de plein droit et sans
    mise en demeure.
    Indemnité forfaitaire de 40 EUR, due de plein droit (loi du 2 août 2002, art. 6).
    """
    missing = [name for name in _CLAIM_PARTS if not hasattr(claim, name)]
    if missing:
        raise InvalidType(
            "claim", claim, "a claim such as payterms.dunning.ReminderClaim (DunningPlan.claims)"
        )
    t = _templates(lang)
    c = _claim_templates(lang)
    cur = claim.currency
    lines = [
        c.title.format(n=claim.level, l=claim.label, d=_date(claim.on, t)),
        c.principal.format(a=_money(claim.principal, cur, t)),
    ]
    if claim.interest:
        lines.append(c.interest.format(d=_date(claim.on, t), a=_money(claim.interest, cur, t)))
    if claim.compensation:
        lines.append(c.compensation.format(a=_money(claim.compensation, cur, t)))
    if claim.fees:
        lines.append(c.fees.format(a=_money(claim.fees, cur, t)))
    lines.append(c.total.format(a=_money(claim.total, cur, t)))
    if claim.pay_by is not None:
        lines.append(c.pay_by.format(d=_date(claim.pay_by, t)))
    if regime is not None:
        code = getattr(regime, "code", None)
        debtor = getattr(getattr(regime, "debtor", None), "value", None)
        if not isinstance(code, str) or code not in c.law:
            raise InvalidType("regime", regime, "a payterms.law.Regime")
        key = f"{code}-consumer" if debtor == "consumer" else code
        lines.append(c.law.get(key, c.law[code]))
        if claim.compensation and key in c.compensation_law:
            lines.append(c.compensation_law[key])
        if claim.announced and code in c.waiting:
            lines.append(c.waiting[code].format(a=_money(claim.announced, cur, t)))
    return "\n".join(lines)
