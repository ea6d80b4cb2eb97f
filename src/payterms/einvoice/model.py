"""The payment-terms part of an invoice in the EN 16931 semantic model, and what is read back.

EN 16931-1 (the European semantic model of an invoice) carries payment terms in three
business terms: BT-9 *Payment due date* ("for partial payments it states the first net due
date"), BT-20 *Payment terms* (text) and BT-89 *Mandate reference identifier* (SEPA direct
debit), next to BT-2 *Invoice issue date*, BT-5 *Invoice currency code* and BT-115 *Amount
due for payment*. Rule BR-CO-25: when BT-115 is positive, BT-9 or BT-20 shall be present.

Instalments (several terms with their amounts and dates), discount terms and penalty terms
are outside the core: the Factur-X / ZUGFeRD EXTENDED profile carries them as several
``ram:SpecifiedTradePaymentTerms`` with ``ram:PartialPaymentAmount``,
``ram:ApplicableTradePaymentDiscountTerms`` and ``ram:ApplicableTradePaymentPenaltyTerms``;
UBL 2.1 has ``cac:PaymentTerms`` with ``cbc:SettlementDiscountPercent``,
``cbc:PenaltySurchargePercent``, ``cbc:Amount`` and ``cbc:InstallmentDueDate``, which the
EN 16931 UBL binding (and so Peppol BIS Billing 3.0) does not use (rules UBL-CR-452 to
UBL-CR-469). :class:`PaymentPart` holds all of it; the writers put what a profile allows
into elements and the rest into text, and say so (:attr:`Written.in_text`).

The French legal mentions travel as invoice notes (BT-22) with a subject code (BT-21):
``AAB`` the discount conditions or that there is none, ``PMD`` the late-payment penalties,
``PMT`` the fixed recovery indemnity (French CTC rule BR-FR-05, from Code de commerce
art. L441-9).

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.terms import PaymentTerms
>>> terms = PaymentTerms.net(30).with_discount(2, "10D")
>>> sched = terms.schedule(date(2026, 1, 15), Decimal("1210.00"))
>>> part = payment_part(sched, terms)
>>> part.due_date, part.terms_text
(datetime.date(2026, 2, 14), '2% discount within 10 days, net 30 days')
>>> part.discounts[0].last_day, part.discounts[0].amount
(datetime.date(2026, 1, 25), Decimal('24.20'))
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

from attrs import evolve, field, frozen

from payterms._checks import check_date, to_decimal
from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.terms import DiscountWindow, Due, PaymentTerms, Schedule, TaxBase

if TYPE_CHECKING:
    from payterms.text import InvoiceRegime

__all__ = [
    "DiscountTerm",
    "Disagreement",
    "Fragment",
    "Note",
    "PaymentPart",
    "Profile",
    "Reading",
    "Syntax",
    "Written",
    "payment_part",
]


class Syntax(Enum):
    """The XML syntax of an e-invoice (EN 16931-3 names two).

    >>> Syntax.CII.value
    'cii'
    """

    UBL = "ubl"
    """OASIS UBL 2.1 (EN 16931-3-2): Peppol BIS Billing 3.0, XRechnung UBL, French UBL."""

    CII = "cii"
    """UN/CEFACT Cross Industry Invoice D16B (EN 16931-3-3): Factur-X, ZUGFeRD, XRechnung CII."""


class Profile(Enum):
    """How much of the payment terms a document may carry in elements.

    >>> [p.name for p in Profile]
    ['EN16931', 'XRECHNUNG', 'EXTENDED']
    """

    EN16931 = "en16931"
    """The EN 16931 core (Peppol BIS Billing 3.0, Factur-X / ZUGFeRD EN16931): BT-9, BT-20
    and BT-89 only; instalments and discounts go into the BT-20 text. UBL: one
    ``cac:PaymentTerms`` (UBL-SR-05) with a ``cbc:Note``; CII: one
    ``ram:SpecifiedTradePaymentTerms`` with ``ram:Description``, ``ram:DueDateDateTime`` and
    ``ram:DirectDebitMandateID`` (CII-SR-452, CII-SR-453)."""

    XRECHNUNG = "xrechnung"
    """The German CIUS XRechnung 3.0: the EN 16931 core, with each percentage discount on
    the whole invoice as a coded line ``#SKONTO#TAGE=n#PROZENT=n.nn#[BASISBETRAG=n.nn#]`` in
    BT-20 (rule BR-DE-18); fixed-amount and instalment discounts are worded."""

    EXTENDED = "extended"
    """Structured terms beyond the core: Factur-X / ZUGFeRD EXTENDED (several
    ``ram:SpecifiedTradePaymentTerms`` with partial amounts, discount and penalty terms), or
    in UBL the full ``cac:PaymentTerms`` of UBL 2.1 (outside EN 16931: the EN 16931 UBL
    binding warns against them, UBL-CR-452 to UBL-CR-469)."""


@frozen
class DiscountTerm:
    """An early-payment discount as a document states it: *percent* off if paid by *last_day*.

    *days* count from *basis_date* (CII ``ram:BasisDateTime`` and ``ram:BasisPeriodMeasure``;
    UBL ``cac:SettlementPeriod``; XRechnung ``TAGE``). *basis_amount* is the amount the
    percentage is taken on (``ram:BasisAmount``, XRechnung ``BASISBETRAG``) and *amount* the
    discount itself (``ram:ActualDiscountAmount``, ``cbc:SettlementDiscountAmount``). A
    fixed-amount discount has no *percent* (``None``): its *amount* is the discount.
    *installment* is the index (from 0) in :attr:`PaymentPart.dues` of the instalment the
    discount belongs to (paid by *last_day*, that instalment is reduced), ``None`` for a
    discount on the whole invoice.

    >>> DiscountTerm(Decimal("2"), date(2026, 1, 15), 10).last_day
    datetime.date(2026, 1, 25)
    >>> DiscountTerm(None, date(2026, 1, 15), 10, amount=Decimal("50.00"), installment=1).fixed
    True
    """

    percent: Decimal | None
    basis_date: date
    days: int
    basis_amount: Decimal | None = None
    amount: Decimal | None = None
    installment: int | None = None

    def __attrs_post_init__(self) -> None:
        if self.percent is None and self.amount is None:
            raise InvalidArgument(
                "percent", None, "a percentage, or the amount of a fixed-amount discount"
            )
        if self.installment is not None and (
            not isinstance(self.installment, int) or self.installment < 0
        ):
            raise InvalidArgument(
                "installment", self.installment, "the index (0 or more) of an instalment, or None"
            )

    @property
    def fixed(self) -> bool:
        """Return whether this is a fixed-amount discount (no percentage)."""
        return self.percent is None

    @property
    def last_day(self) -> date:
        """Return the last day (inclusive) the discount holds: *basis_date* plus *days*."""
        return self.basis_date + timedelta(days=self.days)


@frozen
class Note:
    """An invoice note (BT-22) with its subject code (BT-21, UNTDID 4451).

    >>> Note("AAB", "Pas d'escompte pour paiement anticipé.").subject
    'AAB'
    """

    subject: str
    text: str


@frozen
class PaymentPart:
    """The payment-terms part of an invoice: the EN 16931 business terms and the extensions.

    * *issue_date* BT-2, *currency* BT-5, *amount_due* BT-115;
    * *due_date* BT-9 (the first net due date when there are instalments);
    * *terms_text* BT-20; *mandate* BT-89;
    * *dues*: the instalments (date and amount); *discounts*: :class:`DiscountTerm` values,
      those on the whole invoice first, then each instalment's own (percentages or fixed
      amounts);
    * *penalty*: the late-payment penalty rate in percent a year (2 for 2 %); ``None``
      where none is stated as a figure (the note ``PMD`` may state the statutory rule);
    * *notes*: the payment mentions as invoice notes (:class:`Note`);
    * *terms*: the :class:`~payterms.terms.PaymentTerms` behind it, when known.

    Build one with :func:`payment_part`; the readers return one with what a document states
    (``None`` where it states nothing).

    >>> PaymentPart(issue_date=date(2026, 1, 15), due_date=date(2026, 2, 14)).terms_text is None
    True
    """

    issue_date: date | None = None
    currency: str | None = None
    amount_due: Decimal | None = None
    due_date: date | None = None
    terms_text: str | None = None
    dues: tuple[Due, ...] = ()
    discounts: tuple[DiscountTerm, ...] = ()
    penalty: Decimal | None = None
    mandate: str | None = None
    notes: tuple[Note, ...] = ()
    terms: PaymentTerms | None = None


@frozen
class Fragment:
    """XML to place in an invoice: *xml* is one element, a child of the element at *parent*.

    *parent* is the path from the root with the specifications' prefixes
    (``Invoice``, ``rsm:CrossIndustryInvoice/rsm:ExchangedDocument``).

    >>> Fragment("Invoice", "<cbc:DueDate>2026-02-14</cbc:DueDate>").parent
    'Invoice'
    """

    parent: str
    xml: str


@frozen
class Written:
    """The payment part of an invoice written in one syntax and profile.

    *fragments* are the elements to place in the invoice (:meth:`embed` places them);
    *in_text* lists, one sentence each, what the profile has no element for and that went
    into text (BT-20, a note) or into dates only. It is empty only when everything has its
    element.

    >>> from payterms.einvoice import to_cii
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(30).with_discount(2, "10D")
    >>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("100")), terms)
    >>> print(to_cii(part, Profile.EN16931).in_text[0])
    discount 2 % until 2026-01-25: no element in the EN16931 profile; in the terms text (BT-20)
    """

    syntax: Syntax
    profile: Profile
    part: PaymentPart
    fragments: tuple[Fragment, ...]
    in_text: tuple[str, ...] = ()

    @property
    def xml(self) -> str:
        """Return the fragments' XML, one element a line."""
        return "\n".join(f.xml for f in self.fragments)

    def embed(self, document: str | bytes) -> str:
        """Return *document* (a whole invoice) with these fragments in their places.

        The payment elements already there (due date, payment terms, the notes with the
        same subject codes, a mandate) are replaced; the others are kept. Elements go where
        the UBL 2.1 or CII schema orders them.
        """
        from payterms.einvoice._embed import embed

        return embed(
            [(f.xml, f.parent) for f in self.fragments],
            document,
            ubl=self.syntax is Syntax.UBL,
        )


@frozen
class Disagreement:
    """A date or amount a document states that is not what its terms give.

    *element* names where it is stated (``cbc:DueDate (BT-9)``); *stated* is the document's
    value, *computed* the terms' value; *note* says which one the reading kept.

    >>> Disagreement("cbc:DueDate (BT-9)", date(2026, 2, 15), date(2026, 2, 14), "").stated
    datetime.date(2026, 2, 15)
    """

    element: str
    stated: date | Decimal
    computed: date | Decimal
    note: str


@frozen
class Reading:
    """What a document says about payment, read back: the part, the terms and their schedule.

    *part* holds what the document states. *part.terms* are the terms read from its text
    (the four languages of :func:`payterms.text.parse`, XRechnung ``#SKONTO#`` lines) or
    from its structured elements, ``None`` when it states none. *schedule* is what those
    terms give for the issue date and the amount due; *disagreements* list where the
    document's dates or amounts differ from it; *notes* say every choice the reading made.
    *elements* lists the payment elements found (one entry per occurrence) for the checks.

    >>> from payterms.einvoice import read_ubl, to_ubl
    >>> terms = PaymentTerms.net(30)
    >>> part = payment_part(terms.schedule(date(2026, 1, 15), Decimal("100.00")), terms)
    >>> reading = read_ubl(to_ubl(part).xml, issue_date=date(2026, 1, 15), amount="100.00")
    >>> reading.syntax, reading.part.terms == terms, reading.disagreements
    (<Syntax.UBL: 'ubl'>, True, ())
    """

    syntax: Syntax
    profile: Profile
    part: PaymentPart
    schedule: Schedule | None
    disagreements: tuple[Disagreement, ...] = ()
    notes: tuple[str, ...] = ()
    elements: tuple[str, ...] = field(default=(), repr=False)

    @property
    def terms(self) -> PaymentTerms | None:
        """Return the terms read (``part.terms``)."""
        return self.part.terms


def _check_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidType(name, value, "a str or None")
    return value


def payment_part(
    schedule: Schedule,
    terms: PaymentTerms,
    *,
    issue_date: date | None = None,
    lang: str = "en",
    tax: Decimal | int | str | None = None,
    regime: InvoiceRegime | None = None,
    rate: Decimal | int | str | None = None,
    mandate: str | None = None,
) -> PaymentPart:
    """Return the payment part of an invoice whose *schedule* comes from *terms*.

    *issue_date* (BT-2) defaults to ``schedule.start``. BT-9 is the first due date; BT-20
    the terms in words in *lang* (:func:`payterms.text.describe`, which reads back to the
    same terms). *tax* is the tax included in the amount, needed for the discount base when
    ``terms.tax_base`` is not ``INCLUDED``. With a *regime* (or an agreed yearly *rate*, a
    fraction: 0.1215 for 12.15 %) the part carries the penalty rate in percent and the
    payment mentions as notes, worded by :func:`payterms.text.describe_invoice`: ``AAB``
    (discount or none), ``PMD`` (penalties), ``PMT`` (recovery indemnity). Where the
    regime's rate for the day after the final due date is not yet published, the part has
    no penalty rate (``penalty`` is ``None``: no penalty element is written) and the note
    ``PMD`` states the statutory rule in words, with its article
    (:func:`payterms.text.statutory_rule`). *mandate* is the SEPA direct-debit mandate
    reference (BT-89).

    >>> from payterms import law
    >>> from payterms.terms import PaymentTerms
    >>> terms = PaymentTerms.net(30)
    >>> part = payment_part(terms.schedule(date(2025, 1, 15), Decimal("1200")), terms,
    ...                     lang="fr", regime=law.regime("FR"))
    >>> part.penalty
    Decimal('13.15')
    >>> [note.subject for note in part.notes]
    ['AAB', 'PMD', 'PMT']
    >>> print(part.notes[2].text)
    Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR.
    >>> later = payment_part(terms.schedule(date(2026, 12, 7), Decimal("1200")), terms,
    ...                      lang="fr", regime=law.regime("FR"))
    >>> later.penalty is None, "L441-10 II" in later.notes[1].text
    (True, True)
    """
    from payterms.text import describe, describe_invoice

    if not isinstance(schedule, Schedule):
        raise InvalidType("schedule", schedule, "a payterms.Schedule")
    if not isinstance(terms, PaymentTerms):
        raise InvalidType("terms", terms, "a payterms.PaymentTerms")
    issue = schedule.start if issue_date is None else check_date(issue_date, "issue_date")
    mandate = _check_text(mandate, "mandate")
    if len(schedule.dues) != len(terms.installments) or len(schedule.discounts) != len(
        terms.discounts
    ):
        raise InvalidArgument(
            "schedule",
            f"{len(schedule.dues)} dues, {len(schedule.discounts)} discounts",
            f"the schedule of these terms ({len(terms.installments)} instalments, "
            f"{len(terms.discounts)} discounts)",
        )
    base = schedule.amount
    if terms.discounts and terms.tax_base is not TaxBase.INCLUDED:
        if tax is None:
            raise InvalidArgument(
                "tax",
                None,
                f"the tax included in the amount: the discount base is the amount "
                f"excluding tax (tax_base={terms.tax_base.name})",
            )
        base = schedule.amount - to_decimal(tax, "tax")
    elif tax is not None:
        to_decimal(tax, "tax")  # checked, though the discount base does not need it
    windows: list[tuple[int | None, DiscountWindow]] = [(None, w) for w in schedule.discounts]
    windows += [(i, w) for i, due in enumerate(schedule.dues) for w in due.discounts]
    discounts = []
    for index, window in windows:
        start = issue if window.last_day >= issue else window.last_day
        if window.base is not None:
            stated: Decimal | None = window.base
        else:
            stated = base if index is None else None
        discounts.append(
            DiscountTerm(
                window.percent,
                start,
                (window.last_day - start).days,
                stated,
                window.discount,
                installment=index,
            )
        )
    penalty: Decimal | None = None
    notes: tuple[Note, ...] = ()
    if regime is not None or rate is not None:
        rate_value = None if rate is None else to_decimal(rate, "rate")
        # the dates and mentions only: BT-20 words the terms (evolve drops schedule.terms)
        dates_only = evolve(schedule, terms=None)
        lines = describe_invoice(dates_only, lang, regime, rate=rate_value).split("\n")
        if rate_value is None:
            assert regime is not None  # noqa: S101 - checked above
            try:
                rate_value = regime.rate_on(schedule.final_due + timedelta(days=1))
            except RateNotPublished:
                # not yet published: the note PMD states the statutory rule in words (the
                # block above raised for a regime without one); no rate is written
                rate_value = None
        if rate_value is not None:
            penalty = (rate_value * 100).normalize()
            if penalty == penalty.to_integral():
                penalty = penalty.quantize(Decimal(1))
        # describe_invoice: each instalment's line followed by its own discounts' lines, the
        # discounts on the whole invoice (or the line that there is none), the penalty, the
        # indemnity
        said: list[str] = []
        at = 0
        for due in schedule.dues:
            said += lines[at + 1 : at + 1 + len(due.discounts)]
            at += 1 + len(due.discounts)
        k = len(schedule.discounts) if discounts else 1
        said += lines[at : at + k]
        at += k
        found = [Note("AAB", " ".join(said)), Note("PMD", lines[at])]
        if len(lines) > at + 1:
            found.append(Note("PMT", lines[at + 1]))
        notes = tuple(found)
    return PaymentPart(
        issue_date=issue,
        currency=schedule.currency,
        amount_due=schedule.amount,
        due_date=min(d.date for d in schedule.dues),
        terms_text=describe(terms, lang),
        dues=schedule.dues,
        discounts=tuple(discounts),
        penalty=penalty,
        mandate=mandate,
        notes=notes,
        terms=terms,
    )
