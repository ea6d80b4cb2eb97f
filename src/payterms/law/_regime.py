"""The Regime value and the fixed-compensation rules it carries."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping
from decimal import Decimal

from attrs import evolve, field, frozen

from payterms._checks import check_amount, check_date, to_decimal
from payterms.calendars import Adjustment, DayCount
from payterms.conventions import (
    Compounding,
    Imputation,
    PartyKind,
    PaymentDay,
    RateAssumption,
    RateSource,
    RateSplit,
)
from payterms.errors import InvalidArgument
from payterms.law.rates import RateRounding, naming_formula, table_names, using
from payterms.law.tables import RateTable

__all__ = [
    "BandedCompensation",
    "TermCaps",
    "Compensation",
    "FlatCompensation",
    "NoCompensation",
    "Regime",
    "ScaleCompensation",
    "StaffelCompensation",
]

_ONE_DAY = _dt.timedelta(days=1)


def _debt(value: object) -> Decimal:
    if type(value) is Decimal and value.is_finite() and value >= 0:
        return check_amount(value, "debt")
    amount = to_decimal(value, "debt")
    if amount < 0:
        raise InvalidArgument("debt", value, "a non-negative amount")
    return amount


@frozen
class FlatCompensation:
    """The same fixed sum for every late invoice (EUR 40, Directive 2011/7/EU art. 6).

    >>> FlatCompensation(Decimal("40"), "art. 6").amount(Decimal("12345"))
    Decimal('40')
    """

    value: Decimal
    source: str
    conditions: tuple[str, ...] = ()

    def amount(self, debt: Decimal) -> Decimal:
        """Return the sum due for a late invoice of *debt*."""
        _debt(debt)
        return self.value


@frozen
class BandedCompensation:
    """A fixed sum chosen by the size of the debt: *bands* are ``(below, sum)`` pairs.

    UK Late Payment of Commercial Debts Regulations 2002, s. 5A of the 1998 Act:

    >>> uk = BandedCompensation(((Decimal(1000), Decimal(40)), (Decimal(10000), Decimal(70))),
    ...                         Decimal(100), "s. 5A")
    >>> [uk.amount(Decimal(d)) for d in ("999.99", "1000", "9999.99", "10000")]
    [Decimal('40'), Decimal('70'), Decimal('70'), Decimal('100')]
    """

    bands: tuple[tuple[Decimal, Decimal], ...]
    top: Decimal
    source: str
    conditions: tuple[str, ...] = ()

    def amount(self, debt: Decimal) -> Decimal:
        """Return the sum of the first band whose bound exceeds *debt*, else *top*."""
        value = _debt(debt)
        for below, fixed in self.bands:
            if value < below:
                return fixed
        return self.top


@frozen
class ScaleCompensation:
    """A capped scale: for a debt up to *upto*, ``fixed + percent % of (debt - over)``.

    *steps* are ``(upto or None, fixed, percent, over)``, in order; the result never
    exceeds *maximum*. Belgian consumer debts (Code of Economic Law art. XIX.4):

    >>> be = ScaleCompensation(((Decimal(150), Decimal(20), Decimal(0), Decimal(0)),
    ...                         (Decimal(500), Decimal(30), Decimal(10), Decimal(150)),
    ...                         (None, Decimal(65), Decimal(5), Decimal(500))),
    ...                        Decimal(2000), "art. XIX.4")
    >>> [be.amount(Decimal(d)) for d in ("150", "400", "1000", "100000")]
    [Decimal('20'), Decimal('55'), Decimal('90'), Decimal('2000')]
    """

    steps: tuple[tuple[Decimal | None, Decimal, Decimal, Decimal], ...]
    maximum: Decimal
    source: str
    conditions: tuple[str, ...] = ()

    def amount(self, debt: Decimal) -> Decimal:
        """Return the scale's sum for *debt*."""
        value = _debt(debt)
        for upto, fixed, percent, over in self.steps:
            if upto is None or value <= upto:
                return min(self.maximum, fixed + percent * (value - over) / 100)
        return self.maximum  # pragma: no cover - the last step has no bound


@frozen
class StaffelCompensation:
    """A sum by tranches of the debt (*tranches* are ``(size or None, percent)``), bounded.

    NL Besluit vergoeding voor buitengerechtelijke incassokosten art. 2 (the BIK
    staffel); worked example of das.nl: EUR 10 000 gives 375 + 250 + 250 = 875.

    >>> from payterms.law import nl
    >>> nl.BIK_STAFFEL.amount(Decimal("10000"))
    Decimal('875')
    """

    tranches: tuple[tuple[Decimal | None, Decimal], ...]
    minimum: Decimal
    maximum: Decimal
    source: str
    conditions: tuple[str, ...] = ()

    def amount(self, debt: Decimal) -> Decimal:
        """Return the staffel's sum for *debt*, between *minimum* and *maximum*."""
        left = _debt(debt)
        total = Decimal(0)
        for size, percent in self.tranches:
            part = left if size is None else min(left, size)
            total += part * percent / 100
            left -= part
            if left <= 0:
                break
        return min(self.maximum, max(self.minimum, total))


@frozen
class NoCompensation:
    """No statutory fixed sum (*reason* says why).

    >>> NoCompensation("consumer debtor").amount(Decimal("100"))
    Decimal('0')
    """

    reason: str
    source: str = ""

    @property
    def conditions(self) -> tuple[str, ...]:
        """Return the reason as the only condition."""
        return (self.reason,)

    def amount(self, debt: Decimal) -> Decimal:
        """Return zero."""
        _debt(debt)
        return Decimal(0)


Compensation = (
    FlatCompensation | BandedCompensation | ScaleCompensation | StaffelCompensation | NoCompensation
)
"""Any of the fixed-compensation rules."""


@frozen(kw_only=True)
class TermCaps:
    """The statutory caps on agreed payment terms, in days (applied by ``check_terms``).

    *days*: the cap between undertakings; *void* says whether a longer term is void
    (``True``: BE since 1 February 2022) or lawful if expressly agreed and not grossly
    unfair (``False``); *end_of_month_days*: France's alternative "45 days end of month";
    *public_days* / *public_max_days*: a public debtor's term and its absolute maximum;
    *large_to_sme_days*: NL's cap for a large enterprise paying an SME; *counted_from*:
    the event the law counts from.

    >>> from payterms.law import regime
    >>> regime("NL").term_caps.large_to_sme_days
    30
    """

    days: int
    void: bool
    public_days: int
    public_max_days: int | None
    counted_from: str
    source: str
    end_of_month_days: int | None = None
    large_to_sme_days: int | None = None


@frozen(kw_only=True)
class Regime:
    """A statutory late-interest regime: its rate rule and the rules of the calculation.

    Build one with :func:`payterms.law.regime`. ``rate`` is the statutory rate rule
    (a published table, or a formula over the ECB table); ``formula`` is the statutory
    formula over the ECB table, used past the national table only when a caller asks
    (:attr:`~payterms.conventions.RateAssumption.STATUTORY_FORMULA`). ``minimum_rate`` and
    ``maximum_rate`` bound an agreed rate (FR: at least three times the legal rate; BE
    consumer debts: at most the B2B rate). ``due_adjustment`` moves a due date that is
    not a business day when :func:`~payterms.late_interest` is given a calendar (DE:
    to the next working day, § 193 BGB). ``term_caps`` are the statutory caps on agreed
    payment terms (``None`` where the law sets none, as for consumers). ``silent`` lists
    ``(topic, note)`` pairs for the rules on which the law is silent and the regime's
    default is a convention; results report the notes whose topic the caller did not
    set. ``sources`` cite the statutes. ``rate_rule`` names the statutory rate rule in
    words (a key of :data:`payterms.text.vocab.RATE_RULES`, which states it with its
    article in each language), in force from ``rate_rule_from`` (``None``: always):
    an invoice states it where the rate of its period is not yet published
    (:func:`payterms.text.describe_invoice`). ``None`` where payterms states no rule.
    """

    code: str
    title: str
    debtor: PartyKind
    contract_date: _dt.date | None
    currency: str = field(repr=False)
    rate: RateSource = field(repr=False)
    formula: RateSource | None = field(repr=False)
    rate_split: RateSplit = field(repr=False)
    compounding: Compounding = field(repr=False)
    rate_rounding: RateRounding = field(repr=False)
    day_count: DayCount = field(repr=False)
    payment_day: PaymentDay = field(repr=False)
    imputation: Imputation = field(repr=False)
    compensation: Compensation = field(repr=False)
    minimum_rate: RateSource | None = field(default=None, repr=False)
    maximum_rate: RateSource | None = field(default=None, repr=False)
    silent: tuple[tuple[str, str], ...] = field(default=(), repr=False)
    sources: tuple[str, ...] = field(default=(), repr=False)
    term_caps: TermCaps | None = field(default=None, repr=False)
    due_adjustment: Adjustment = field(default=Adjustment.UNADJUSTED, repr=False)
    due_adjustment_source: str = field(default="", repr=False)
    rate_rule: str | None = field(default=None, repr=False)
    rate_rule_from: _dt.date | None = field(default=None, repr=False)

    def __attrs_post_init__(self) -> None:
        # a rate not published names STATUTORY_FORMULA only where this regime has one
        formula = self.formula is not None
        for name in ("rate", "minimum_rate", "maximum_rate"):
            source = getattr(self, name)
            if source is not None:
                object.__setattr__(self, name, naming_formula(source, formula=formula))

    def rate_on(self, day: _dt.date) -> Decimal:
        """Return the statutory annual rate (a fraction) for interest day *day*.

        >>> from datetime import date
        >>> from payterms.law import regime
        >>> regime("BE").rate_on(date(2025, 2, 14))
        Decimal('0.115')
        """
        return self.rate.rate_on(check_date(day, "day"))

    def rule_on(self, day: _dt.date) -> str | None:
        """Return the key of the statutory rate rule for interest day *day*, or ``None``.

        The key names the rule's wording in :data:`payterms.text.vocab.RATE_RULES`
        (the rule with its article, in each language); ``None`` where the regime has no
        rule payterms states in words on that day.

        >>> from datetime import date
        >>> from payterms.law import regime
        >>> regime("DE").rule_on(date(2027, 1, 7))
        'DE'
        >>> regime("BE", contract_date=date(2012, 5, 1)).rule_on(date(2014, 9, 1)) is None
        True
        """
        day = check_date(day, "day")
        if self.rate_rule_from is not None and day < self.rate_rule_from:
            return None
        return self.rate_rule

    def rate_source(self, assume: RateAssumption | None = None) -> RateSource:
        """Return the rate rule, extended as *assume* says to days without a confirmed rate.

        ``CARRY_FORWARD`` uses the figure an unconfirmed row reports, else the last
        figure before it; ``STATUTORY_FORMULA`` computes the days the national table has
        no confirmed rate for with the statutory formula over the ECB table (regimes
        that have one). Either way the result records the assumption.

        >>> from datetime import date
        >>> from payterms.law import regime
        >>> from payterms.conventions import RateAssumption
        >>> be = regime("BE")
        >>> be.rate_source(RateAssumption.CARRY_FORWARD).rate_on(date(2026, 3, 1))
        Decimal('0.105')
        >>> be.rate_source(RateAssumption.STATUTORY_FORMULA).rate_on(date(2025, 3, 1))
        Decimal('0.115')
        """
        if assume is None:
            return self.rate
        if assume is RateAssumption.CARRY_FORWARD:
            assuming = getattr(self.rate, "assuming", None)
            if assuming is None:
                return self.rate
            extended: RateSource = assuming(assume)
            return extended
        if self.formula is None:
            raise InvalidArgument(
                "assume", assume, f"CARRY_FORWARD: the {self.code} regime has no ECB formula"
            )
        falling_back = getattr(self.rate, "falling_back", None)
        if falling_back is None:
            return self.rate
        result: RateSource = falling_back(self.formula)
        return result

    @property
    def table_names(self) -> tuple[str, ...]:
        """Return the names of the rate tables the regime reads (rate, formula, bounds).

        >>> from payterms.law import regime
        >>> regime("FR").table_names
        ('ecb_mro', 'fr_legal_rate_professionals')
        """
        names: list[str] = []
        for source in (self.rate, self.formula, self.minimum_rate, self.maximum_rate):
            names.extend(table_names(source))
        return tuple(dict.fromkeys(names))

    def with_tables(self, tables: Mapping[str, RateTable]) -> Regime:
        """Return this regime reading ``tables[name]`` instead of each shipped table *name*.

        The tables are used as given: :func:`payterms.law.regime` lays a user's table
        over the shipped one first. A name the regime does not read is refused.

        >>> from datetime import date
        >>> from payterms.law import regime, rate_table
        >>> ecb = rate_table("ecb_mro")
        >>> regime("EU").with_tables({"ecb_mro": ecb}).rate_on(date(2024, 9, 1))
        Decimal('0.1225')
        """
        used = self.table_names
        for name in tables:
            if name not in used:
                raise InvalidArgument(
                    "tables",
                    name,
                    f"a table the {self.code} regime reads: {', '.join(used) or 'none'}",
                )
        return evolve(
            self,
            rate=using(self.rate, tables),
            formula=None if self.formula is None else using(self.formula, tables),
            minimum_rate=None if self.minimum_rate is None else using(self.minimum_rate, tables),
            maximum_rate=None if self.maximum_rate is None else using(self.maximum_rate, tables),
        )
