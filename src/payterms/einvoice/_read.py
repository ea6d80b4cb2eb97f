"""From what a document states to terms, a schedule and disagreements (shared by ubl.py, cii.py).

Private module. The syntax readers collect the stated values into :class:`Stated`;
:func:`finish` reads the terms (from the BT-20 text and its ``#SKONTO#`` lines, else from the
structured elements, else from BT-9 alone), computes what they give for the issue date and
the amount due, and lists every date or amount the document states otherwise.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, TypeVar

from attrs import evolve, field, frozen

from payterms._checks import check_date, to_decimal
from payterms.calendars import Adjustment
from payterms.einvoice.model import (
    Disagreement,
    DiscountTerm,
    Note,
    PaymentPart,
    Profile,
    Reading,
    Syntax,
)
from payterms.einvoice.xrechnung import read_skonto
from payterms.errors import InvalidArgument, InvalidType, ParseError, PaytermsError
from payterms.terms import (
    DiscountTier,
    DiscountWindow,
    Due,
    EndOfMonth,
    Installment,
    PaymentTerms,
    Schedule,
    Start,
    TaxBase,
)

if TYPE_CHECKING:
    from payterms.calendars import BusinessCalendar

__all__ = ["Options", "Stated", "finish"]

_T = TypeVar("_T")


@frozen
class Stated:
    """The payment values a document states, as the syntax reader found them."""

    syntax: Syntax
    profile: Profile
    labels: dict[str, str] = field(hash=False)  # "BT-9" -> "cbc:DueDate (BT-9)" ...
    issue_date: date | None = None
    currency: str | None = None
    amount_due: Decimal | None = None
    tax: Decimal | None = None
    due_date: date | None = None
    texts: tuple[str, ...] = ()
    dues: tuple[Due, ...] = ()
    percents: tuple[Decimal | None, ...] = ()
    discounts: tuple[DiscountTerm, ...] = ()
    penalty: Decimal | None = None
    mandate: str | None = None
    notes: tuple[Note, ...] = ()
    elements: tuple[str, ...] = ()


@frozen
class Options:
    """The reader's arguments, checked once."""

    issue_date: date | None = None
    amount: Decimal | None = None
    currency: str | None = None
    tax: Decimal | None = None
    start: date | None = None
    lang: str | None = None
    reading: EndOfMonth | None = None
    calendar: BusinessCalendar | None = None
    adjustment: Adjustment = Adjustment.UNADJUSTED

    @classmethod
    def check(
        cls,
        *,
        issue_date: object,
        amount: object,
        currency: object,
        tax: object,
        start: object,
        lang: object,
        reading: object,
        calendar: object,
        adjustment: object,
    ) -> Options:
        """Return the options, each checked (dates, Decimals, enums)."""
        from payterms.calendars import BusinessCalendar, check_adjustment

        if currency is not None and not isinstance(currency, str):
            raise InvalidType("currency", currency, "an ISO 4217 code such as 'EUR', or None")
        if lang is not None and not isinstance(lang, str):
            raise InvalidType("lang", lang, "a language code such as 'fr', or None")
        if reading is not None and not isinstance(reading, EndOfMonth):
            raise InvalidType("reading", reading, "a payterms.EndOfMonth member, or None")
        if calendar is not None and not isinstance(calendar, BusinessCalendar):
            raise InvalidType("calendar", calendar, "a payterms.BusinessCalendar, or None")
        adjustment = check_adjustment(adjustment, calendar)  # FOLLOWING with a calendar
        return cls(
            issue_date=None if issue_date is None else check_date(issue_date, "issue_date"),
            amount=None if amount is None else to_decimal(amount, "amount"),
            currency=currency,
            tax=None if tax is None else to_decimal(tax, "tax"),
            start=None if start is None else check_date(start, "start"),
            lang=lang,
            reading=reading,
            calendar=calendar,
            adjustment=adjustment,
        )


def _merge(stated: _T | None, given: _T | None, name: str, label: str) -> _T | None:
    if stated is not None and given is not None and stated != given:
        raise InvalidArgument(
            name, given, f"the value the document states in {label} ({stated}), or None"
        )
    return stated if stated is not None else given


def _other(reading: EndOfMonth) -> EndOfMonth:
    return EndOfMonth.DAYS_THEN if reading is EndOfMonth.THEN_DAYS else EndOfMonth.THEN_DAYS


class _Reader:
    """One reading in progress: the notes gathered and the values merged."""

    def __init__(self, stated: Stated, options: Options) -> None:
        self.stated = stated
        self.options = options
        self.notes: list[str] = []
        self.issue = _merge(stated.issue_date, options.issue_date, "issue_date", "BT-2")
        self.amount = _merge(stated.amount_due, options.amount, "amount", "BT-115")
        self.currency = _merge(stated.currency, options.currency, "currency", "BT-5")
        self.tax = _merge(stated.tax, options.tax, "tax", "BT-110")
        self.text = "\n".join(stated.texts) if stated.texts else None
        self.discounts: list[DiscountTerm] = list(stated.discounts)

    # -- terms -------------------------------------------------------------------------

    def terms_from_text(self) -> tuple[PaymentTerms | None, EndOfMonth | None, str | None]:
        """Return the terms the BT-20 text says, the reading applied, and the words read."""
        from payterms.text import DEFAULT_READING, parse_with_notes

        if self.text is None:
            return None, None, None
        label = self.stated.labels["BT-20"]
        skonto = read_skonto(self.text, element=label) if "#" in self.text else None
        words = skonto.words if skonto is not None else self.text
        tiers: tuple[DiscountTier, ...] = ()
        base: Decimal | None = None
        if skonto is not None and skonto.lines:
            granted = [s for s in skonto.lines if s.percent > 0]
            if len(granted) < len(skonto.lines):
                self.notes.append("a #SKONTO# line of 0.00 % grants no discount: not a tier")
            tiers = tuple(DiscountTier(s.percent, f"{s.days}D") for s in granted)
            bases = {s.base for s in granted}
            if len(bases) > 1:
                self.notes.append(
                    "the #SKONTO# lines name different bases (BASISBETRAG); the terms take "
                    "every discount on the amount due, the stated bases are kept in "
                    "part.discounts"
                )
            base = bases.pop() if len(bases) == 1 else None
            if self.issue is not None:
                self.discounts += [
                    DiscountTerm(s.percent, self.issue, s.days, s.base) for s in skonto.lines
                ]
            else:
                self.notes.append(
                    "the #SKONTO# lines count days from the issue date (BT-2), which is not "
                    "known: pass issue_date= to read their last days"
                )
        terms: PaymentTerms | None = None
        applied: EndOfMonth | None = None
        if words.strip():
            try:
                parsed = parse_with_notes(
                    words,
                    lang=self.options.lang,
                    reading=self.options.reading or DEFAULT_READING,
                    default_net=None if tiers else "30D",
                )
            except ParseError as exc:
                self.notes.append(
                    f"the terms text ({label}) is not payment-terms wording payterms reads "
                    f"({exc}); the terms come from the other elements"
                )
            else:
                terms = parsed.terms
                applied = parsed.reading
                self.notes.extend(parsed.notes)
        if tiers:
            if terms is None:
                terms = self.net_from_due_date("the #SKONTO# lines name no net term")
            if terms is not None:
                terms = evolve(terms, discounts=(*tiers, *terms.discounts))
        if terms is not None and base is not None and base != self.amount:
            if terms.tax_base is TaxBase.INCLUDED:
                terms = evolve(terms, tax_base=TaxBase.EXCLUDED)
                self.notes.append(
                    f"BASISBETRAG {base} is not the amount due ({self.amount}) and the text "
                    "names no discount base: read as a discount on the amount excluding tax"
                )
            if self.tax is None and self.amount is not None:
                self.tax = self.amount - base
                self.notes.append(
                    f"the tax is taken as the amount due less BASISBETRAG: {self.tax}"
                )
        return terms, applied, words

    def net_from_due_date(self, why: str) -> PaymentTerms | None:
        """Return net terms to the stated BT-9, with a note, or ``None``."""
        due = self.stated.due_date
        if due is None or self.issue is None or due < self.issue:
            return None
        days = (due - self.issue).days
        self.notes.append(f"{why}: read as net {days} days, to the stated due date (BT-9)")
        return PaymentTerms.net(days)

    def terms_from_structure(self) -> PaymentTerms | None:
        """Return the terms the structured elements state (dues and discounts), or ``None``."""
        stated = self.stated
        if not stated.dues or self.issue is None:
            return None
        issue = self.issue
        if any(due.date < issue for due in stated.dues):
            self.notes.append("an instalment is due before the issue date: no terms are read")
            return None
        lines: list[Installment] = []
        percents = list(stated.percents) + [None] * (len(stated.dues) - len(stated.percents))
        all_percent = all(p is not None for p in percents) and sum(
            (p for p in percents if p is not None), Decimal(0)
        ) == Decimal(100)
        for i, (due, pct) in enumerate(zip(stated.dues, percents, strict=True)):
            rule = f"{(due.date - issue).days}D"
            if all_percent and pct is not None:
                lines.append(Installment.percent(pct, rule))
            elif i == len(stated.dues) - 1:
                lines.append(Installment.balance(rule))
            elif pct is not None:
                lines.append(Installment.percent(pct, rule))
            else:
                lines.append(Installment.fixed(abs(due.amount), rule))
        tiers = []
        for d in sorted(self.discounts, key=lambda d: d.last_day):
            size = f"{d.percent} %" if d.percent is not None else f"of {d.amount}"
            if d.last_day < issue:
                self.notes.append(f"discount {size} ends before the issue date: not read")
                continue
            if d.installment is not None and d.installment >= len(lines):
                self.notes.append(f"discount {size} belongs to no stated instalment: not read")
                continue
            rule = f"{(d.last_day - issue).days}D"
            try:
                tier = (
                    DiscountTier(d.percent, rule)
                    if d.percent is not None
                    else DiscountTier.fixed(abs(d.amount or Decimal(0)), rule)
                )
            except PaytermsError as exc:
                self.notes.append(f"discount {size} makes no discount tier ({exc}): not read")
                continue
            if d.installment is None:
                tiers.append(tier)
            else:
                line = lines[d.installment]
                lines[d.installment] = evolve(line, discounts=(*line.discounts, tier))
        try:
            terms = PaymentTerms(installments=tuple(lines), discounts=tuple(tiers))
        except PaytermsError as exc:
            self.notes.append(f"the structured elements make no valid terms: {exc}")
            return None
        self.notes.append(
            "terms built from the structured elements (instalment dates and amounts, "
            "discount periods), counted in days from the issue date"
        )
        return terms

    # -- schedule ----------------------------------------------------------------------

    def schedule(self, terms: PaymentTerms) -> Schedule | None:
        """Return the schedule *terms* give for the issue date and amount, or ``None``."""
        options = self.options
        if self.issue is None or self.amount is None:
            missing = "issue date (BT-2)" if self.issue is None else "amount due (BT-115)"
            self.notes.append(f"no schedule: the {missing} is not known (pass it)")
            return None
        start = options.start or self.issue
        if options.start is None and terms.start not in (Start.INVOICE_DATE, Start.END_OF_MONTH):
            self.notes.append(
                f"the terms count from the {terms.start.value.replace('_', ' ')}; the issue "
                "date was used as that date (pass start=)"
            )
        try:
            return terms.schedule(
                start,
                self.amount,
                calendar=options.calendar,
                adjustment=options.adjustment,
                currency=self.currency or "EUR",
                tax=self.tax,
            )
        except PaytermsError as exc:
            self.notes.append(f"no schedule: {exc}")
            return None

    def disagreements(self, schedule: Schedule) -> tuple[list[Disagreement], list[str]]:
        """Return every stated date or amount that differs from *schedule*, and notes."""
        stated = self.stated
        out: list[Disagreement] = []
        notes: list[str] = []
        keep = "kept as stated; the terms give the other"
        first = min(d.date for d in schedule.dues)
        if stated.due_date is not None and stated.due_date != first:
            out.append(Disagreement(stated.labels["BT-9"], stated.due_date, first, keep))
        if stated.dues:
            if len(stated.dues) != len(schedule.dues):
                notes.append(
                    f"the document states {len(stated.dues)} instalments, the terms give "
                    f"{len(schedule.dues)}"
                )
            label = stated.labels["due"]
            for i, (mine, theirs) in enumerate(zip(stated.dues, schedule.dues, strict=False)):
                if mine.date != theirs.date:
                    out.append(Disagreement(f"{label} {i + 1}", mine.date, theirs.date, keep))
                if mine.amount != theirs.amount:
                    out.append(
                        Disagreement(f"{label} {i + 1} amount", mine.amount, theirs.amount, keep)
                    )
        if self.discounts:
            groups: list[tuple[int | None, tuple[DiscountWindow, ...]]] = [
                (None, schedule.discounts)
            ]
            groups += [(i, due.discounts) for i, due in enumerate(schedule.dues)]
            for index, windows in groups:
                stated_here = [d for d in self.discounts if d.installment == index]
                if stated_here or windows:
                    self._compare_discounts(index, stated_here, windows, out, notes)
        return out, notes

    def _compare_discounts(
        self,
        index: int | None,
        mine: list[DiscountTerm],
        windows: tuple[DiscountWindow, ...],
        out: list[Disagreement],
        notes: list[str],
    ) -> None:
        """Compare the stated discounts of one instalment (or the invoice) with *windows*."""
        keep = "kept as stated; the terms give the other"
        whose = "" if index is None else f" of instalment {index + 1}"
        label = self.stated.labels["discount"]
        ordered = sorted(mine, key=lambda d: d.last_day)
        if len(ordered) != len(windows):
            if not ordered and index is not None:
                return  # an instalment's discounts stated in words only (one element each)
            notes.append(
                f"the document states {len(ordered)} discounts{whose} in elements or "
                f"#SKONTO# lines, the terms give "
                f"{len(windows)}"
            )
            # the kinds stated (a percentage or a fixed amount) are compared with the same kinds
            ordered_kinds = {d.percent is None for d in ordered}
            kinds = tuple(w for w in windows if (w.percent is None) in ordered_kinds)
            windows = kinds if len(kinds) == len(ordered) else windows
        for i, (mine_d, window) in enumerate(zip(ordered, windows, strict=False)):
            if mine_d.last_day != window.last_day:
                out.append(
                    Disagreement(f"{label} {i + 1}{whose}", mine_d.last_day, window.last_day, keep)
                )
            if mine_d.amount is not None and mine_d.amount != window.discount:
                out.append(
                    Disagreement(
                        f"{label} {i + 1}{whose} amount", mine_d.amount, window.discount, keep
                    )
                )


def _agrees(reader: _Reader, schedule: Schedule | None) -> bool:
    if schedule is None:
        return False
    found, counts = reader.disagreements(schedule)
    return not found and not counts


def finish(stated: Stated, options: Options) -> Reading:
    """Return the :class:`Reading` of what a document *stated*, with the reader's *options*."""
    from payterms.text import DEFAULT_READING, parse_with_notes

    reader = _Reader(stated, options)
    terms, applied, words = reader.terms_from_text()
    if terms is None:
        terms = reader.terms_from_structure()
    if terms is None and stated.due_date is not None and reader.text is None:
        terms = reader.net_from_due_date("no terms text (BT-20) and no structured terms")
    schedule = reader.schedule(terms) if terms is not None else None
    if (
        terms is not None
        and applied is not None
        and options.reading is None
        and words is not None
        and schedule is not None
        and not _agrees(reader, schedule)
    ):
        other = _other(applied)
        alt = parse_with_notes(words, lang=options.lang, reading=other).terms
        alt = (
            evolve(alt, discounts=terms.discounts, tax_base=terms.tax_base)
            if (alt.discounts == () and terms.discounts)
            else alt
        )
        alt_schedule = reader.schedule(alt)
        if _agrees(reader, alt_schedule):
            reader.notes.append(
                f"'end of month' read as {other.name} ({alt.installments[-1].rule}): the stated "
                f"dates agree with that reading, not with {applied.name} "
                f"({terms.installments[-1].rule}, the default {DEFAULT_READING.name} unless "
                "reading= is given)"
            )
            terms, schedule = alt, alt_schedule
    disagreements: list[Disagreement] = []
    if schedule is not None:
        disagreements, counts = reader.disagreements(schedule)
        reader.notes.extend(counts)
    part = PaymentPart(
        issue_date=reader.issue,
        currency=reader.currency,
        amount_due=reader.amount,
        due_date=stated.due_date,
        terms_text=reader.text,
        dues=stated.dues,
        discounts=tuple(reader.discounts),
        penalty=stated.penalty,
        mandate=stated.mandate,
        notes=stated.notes,
        terms=terms,
    )
    return Reading(
        stated.syntax,
        stated.profile,
        part,
        schedule,
        tuple(disagreements),
        tuple(reader.notes),
        stated.elements,
    )
