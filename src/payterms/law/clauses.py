"""Checks of contractual late charges against the statutory floors and caps, with articles.

:func:`check_charges` looks at each clause of a :class:`~payterms.charges.Charges` and
reports, with its article, where the law of a jurisdiction overrides it, as far as the
sources payterms is built on say so:

* FR Code de commerce art. L441-10 II: an agreed penalty rate may not be lower than three
  times the taux de l'intérêt légal (the "all other cases" rate); below it, the floor
  applies (and :func:`payterms.late_interest` applies it).
* BE law of 2 August 2002, art. 5: between undertakings another rate may be agreed; with a
  public-authority debtor the statutory rate applies notwithstanding any agreement.
* BE Code of Economic Law art. XIX.4 (consumer debts): the agreed interest may not exceed
  the B2B rate; an agreed damage clause is capped (EUR 20 up to 150; 30 + 10 % of the
  part over 150 up to 500; 65 + 5 % of the part over 500, at most 2 000) and a higher
  clause is deemed unwritten; the first reminder is free and each further reminder costs
  at most EUR 7.50 plus postage.
* NL art. 6:96 lid 5-7 BW and the Besluit vergoeding voor buitengerechtelijke
  incassokosten: against a consumer the BIK staffel is mandatory (at least 40, at most
  6 775).
* DE § 288(6) BGB: an advance agreement excluding Verzugszinsen is void.
* Directive 2011/7/EU art. 7 (and the laws that transpose it): a term on the interest rate
  that is grossly unfair to the creditor is unenforceable; an agreed rate below the
  statutory one is therefore reported as a warning that payterms cannot settle.

Where those sources say nothing about a clause (a damages clause between undertakings, a
grace period, a minimum charge, UK contract rates, ...), the finding says "not checked".

>>> from datetime import date
>>> from decimal import Decimal
>>> from payterms.charges import Charges, ContractRate
>>> for f in check_charges(Charges(rate=ContractRate(Decimal("0.10"))), "FR",
...                        on=date(2024, 9, 1)):
...     print(f.severity.name, f.code, f.article)
VIOLATION FR-L441-10-penalty-floor Code de commerce art. L441-10 II
"""

from __future__ import annotations

import datetime as _dt
from decimal import Decimal

from payterms._checks import check_date, to_decimal
from payterms.charges import Charges, ContractRate, DamagesClause, LateFee
from payterms.conventions import PartyKind
from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.law import be, fr, nl
from payterms.law._countries import country
from payterms.law._regime import Regime, ScaleCompensation, StaffelCompensation
from payterms.law.findings import Finding, Severity

__all__ = ["check_charges"]

_DIRECTIVE = {"BE", "DE", "EU", "FR", "LU", "NL"}
_CENT = Decimal("0.01")
_BE_REMINDER_FEE = Decimal("7.50")


def _pct(rate: Decimal) -> str:
    text = format(rate.scaleb(2), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _not_checked(code: str, clause: str, article: str, why: str) -> Finding:
    return Finding(
        Severity.INFO,
        f"{code}-{clause}-not-checked",
        article,
        f"{why}; not checked",
    )


def _statutory(regime: Regime, on: _dt.date) -> Decimal:
    return regime.rate_on(on)


def _rate_findings(
    code: str,
    debtor: PartyKind,
    rate: ContractRate,
    regime: Regime | None,
    on: _dt.date | None,
) -> list[Finding]:
    agreed = rate.annual_rate
    said = rate.describe()
    if code == "DE" and debtor is not PartyKind.CONSUMER and agreed == 0:
        return [
            Finding(
                Severity.VIOLATION,
                "DE-288-6-exclusion",
                "§ 288(6) BGB",
                f"the agreed rate ({said}) excludes Verzugszinsen: an advance agreement "
                "excluding them is void, the statutory rate applies",
            )
        ]
    if code == "BE" and debtor is PartyKind.PUBLIC:
        return [
            Finding(
                Severity.VIOLATION,
                "BE-art-5-public",
                "law of 2 August 2002, art. 5",
                f"with a public-authority debtor the statutory rate applies notwithstanding "
                f"any agreement; the agreed rate ({said}) does not",
            )
        ]
    if regime is None:
        return [
            _not_checked(
                code,
                "rate",
                "",
                f"the sources payterms follows cover no {debtor.value} late interest in {code}",
            )
        ]
    wanted = (code == "FR") or (code == "BE" and debtor is PartyKind.CONSUMER)
    wanted = wanted or (code in _DIRECTIVE and debtor is not PartyKind.CONSUMER)
    if not wanted:
        return [
            _not_checked(
                code,
                "rate",
                regime.sources[0] if regime.sources else "",
                "the sources payterms follows do not say how an agreed rate relates to the "
                f"statutory one here ({regime.title})",
            )
        ]
    if on is None:
        return [
            _not_checked(
                code,
                "rate",
                regime.sources[0] if regime.sources else "",
                "the statutory rate changes every half-year: pass on= (a day of the claim)",
            )
        ]
    try:
        if code == "FR":
            floor = (regime.minimum_rate or fr.MINIMUM_RATE).rate_on(on)
        else:
            statutory = _statutory(regime, on)
    except RateNotPublished as exc:
        # a check takes no assumption: the one way out is a regime built with the table
        bare = RateNotPublished(
            exc.table,
            exc.on,
            exc.last_known,
            first_known=exc.first_known,
            detail=exc.detail,
            remedy=False,
        )
        why = (
            f"no published rate on {on}: {bare}; to check it, pass a regime built with "
            f"tables={{{exc.table!r}: RateTable.from_csv(...)}} (payterms.law.regime)"
        )
        return [_not_checked(code, "rate", "", why)]
    if code == "FR":
        if agreed < floor:
            return [
                Finding(
                    Severity.VIOLATION,
                    "FR-L441-10-penalty-floor",
                    "Code de commerce art. L441-10 II",
                    f"the agreed rate ({said}, {_pct(agreed)} % a year) is below three times "
                    f"the legal rate on {on} ({_pct(floor)} %): the floor applies",
                )
            ]
        return []
    if code == "BE" and debtor is PartyKind.CONSUMER:
        if agreed > statutory:
            return [
                Finding(
                    Severity.VIOLATION,
                    "BE-XIX.4-rate-cap",
                    "Code of Economic Law art. XIX.4",
                    f"the agreed rate ({said}, {_pct(agreed)} % a year) exceeds the B2B rate of "
                    f"the law of 2 August 2002 on {on} ({_pct(statutory)} %), the maximum for a "
                    "consumer debt",
                )
            ]
        return []
    if agreed < statutory:
        return [
            Finding(
                Severity.WARNING,
                f"{code}-directive-art-7-rate",
                "Directive 2011/7/EU art. 7",
                f"the agreed rate ({said}, {_pct(agreed)} % a year) is below the statutory rate "
                f"on {on} ({_pct(statutory)} %): a term on the interest rate that is grossly "
                "unfair to the creditor is unenforceable",
            )
        ]
    return []


def _candidates(*points: Decimal | None) -> list[Decimal]:
    out = {Decimal("0.01"), Decimal(10) ** 9}
    for point in points:
        if point is not None and point > 0:
            out.update((point - _CENT, point, point + _CENT))
    return sorted(d for d in out if d > 0)


def _clause_sum(damages: DamagesClause | None, fee: LateFee | None, debt: Decimal) -> Decimal:
    total = Decimal(0)
    if damages is not None:
        total += damages.amount(debt)
    if fee is not None:
        total += fee.amount(debt)
    return total


def _cap_findings(
    code: str,
    charges: Charges,
    debt: Decimal | None,
) -> list[Finding]:
    damages, fee = charges.damages, charges.late_fee
    cap: ScaleCompensation | StaffelCompensation
    if code == "BE":
        cap = be.CONSUMER_COMPENSATION
        article = "Code of Economic Law art. XIX.4"
        points: list[Decimal | None] = [Decimal(150), Decimal(500), Decimal(39200)]
        what = "is deemed unwritten"
        rule = "the legal maximum of a damage clause for a consumer debt"
        finding_code = "BE-XIX.4-damages-cap"
    else:
        cap = nl.BIK_STAFFEL
        article = "art. 6:96 lid 5-7 BW; Besluit vergoeding voor buitengerechtelijke incassokosten"
        points = [Decimal(2500), Decimal(5000), Decimal(10000), Decimal(200000)]
        points.append(Decimal("266.67"))
        what = "is not enforceable beyond the staffel, which is mandatory for consumers"
        rule = "the BIK staffel"
        finding_code = "NL-6:96-bik-cap"
    if damages is not None and damages.percent:
        for bound in (damages.minimum, damages.maximum):
            if bound is not None:
                points.append(bound * 100 / damages.percent)
    debts = [debt] if debt is not None else _candidates(*points)
    for value in debts:
        asked = _clause_sum(damages, fee, value)
        allowed = cap.amount(value)
        if asked > allowed:
            clause = " and ".join(
                text
                for text in (
                    None if damages is None else f"the damages clause ({damages.describe()})",
                    None if fee is None else f"the late fee ({fee.value})",
                )
                if text
            )
            return [
                Finding(
                    Severity.VIOLATION,
                    finding_code,
                    article,
                    f"on a debt of {value} {clause} ask {asked.quantize(_CENT)} where "
                    f"{rule} allows {allowed.quantize(_CENT)}: the excess {what}",
                )
            ]
    return []


def check_charges(
    charges: Charges,
    jurisdiction: str | Regime,
    *,
    debtor: PartyKind = PartyKind.UNDERTAKING,
    on: _dt.date | None = None,
    debt: Decimal | int | str | None = None,
) -> tuple[Finding, ...]:
    """Return the findings on the late-charge clauses of *charges* under *jurisdiction*.

    *jurisdiction* is a regime code or a :class:`~payterms.law.Regime`: one built with
    ``tables=`` compares the agreed rate with the rates of those tables, and its debtor
    stands for *debtor* (left at ``UNDERTAKING``, the regime's debtor is taken; another
    kind than the regime's is refused). *debtor* is the kind of debtor; *on* a day of the
    claim (the statutory rates it is
    compared with change every half-year; without it the rate is not checked); *debt* the
    amount owed (without it, the consumer caps are checked on the debts where a cap or a
    clause changes slope, and the first excess found is reported). An empty result means
    every clause was checked and none is overridden; a clause the sources say nothing
    about gets an ``INFO`` finding ending in "not checked".

    >>> from decimal import Decimal
    >>> from payterms.charges import Charges, DamagesClause
    >>> f, = check_charges(Charges(damages=DamagesClause(Decimal("10"), minimum=Decimal("50"))),
    ...                    "BE", debtor=PartyKind.CONSUMER)
    >>> f.severity.name, f.code
    ('VIOLATION', 'BE-XIX.4-damages-cap')
    >>> print(f.message)
    on a debt of 0.01 the damages clause (10 % of the unpaid amount, minimum 50) ask 50.00 \
where the legal maximum of a damage clause for a consumer debt allows 20.00: the excess is \
deemed unwritten
    >>> [f.code for f in check_charges(Charges(grace=10), "DE")]
    ['DE-grace-not-checked']
    """
    if not isinstance(charges, Charges):
        raise InvalidType("charges", charges, "a payterms.Charges")
    given: Regime | None = None
    if isinstance(jurisdiction, Regime):
        given = jurisdiction
        if debtor is PartyKind.UNDERTAKING:
            debtor = given.debtor
        elif isinstance(debtor, PartyKind) and debtor.regime_kind is not given.debtor.regime_kind:
            raise InvalidArgument(
                "debtor",
                debtor,
                f"the {given.code} regime's debtor ({given.debtor.value}) or UNDERTAKING",
            )
        jurisdiction = given.code
    code, module = country(jurisdiction)
    if not isinstance(debtor, PartyKind):
        raise InvalidArgument("debtor", debtor, "a payterms.law.PartyKind member")
    debtor = debtor.regime_kind
    if on is not None:
        on = check_date(on, "on")
    amount: Decimal | None = None
    if debt is not None:
        amount = to_decimal(debt, "debt")
        if amount < 0:
            raise InvalidArgument("debt", debt, "a non-negative amount")
    regime: Regime | None = given
    if regime is None:
        try:
            regime = module.regime(contract_date=None, debtor=debtor)
        except InvalidArgument:
            regime = None  # a debtor the sources do not cover in this jurisdiction

    found: list[Finding] = []
    if charges.rate is not None:
        found += _rate_findings(code, debtor, charges.rate, regime, on)
    consumer_cap = debtor is PartyKind.CONSUMER and code in ("BE", "NL")
    if charges.damages is not None or charges.late_fee is not None:
        if consumer_cap:
            found += _cap_findings(code, charges, amount)
        else:
            for present, clause in ((charges.damages, "damages"), (charges.late_fee, "late-fee")):
                if present is not None:
                    found.append(
                        _not_checked(
                            code,
                            clause,
                            "",
                            f"the sources payterms follows set no cap or floor on a "
                            f"{clause.replace('-', ' ')} clause for a {debtor.value} debtor "
                            f"in {code}",
                        )
                    )
    if charges.dunning_fees is not None:
        if code == "BE" and debtor is PartyKind.CONSUMER:
            fees = charges.dunning_fees.fees
            if fees[0] > 0:
                found.append(
                    Finding(
                        Severity.VIOLATION,
                        "BE-XIX-first-reminder-free",
                        "Code of Economic Law Book XIX (law of 4 May 2023)",
                        f"the first reminder to a consumer must be free; the clause charges "
                        f"{fees[0]}",
                    )
                )
            over = [(level, fee) for level, fee in enumerate(fees[1:], 2) if fee > _BE_REMINDER_FEE]
            if over:
                level, fee = over[0]
                found.append(
                    Finding(
                        Severity.VIOLATION,
                        "BE-XIX-reminder-fee-cap",
                        "Code of Economic Law Book XIX (law of 4 May 2023)",
                        f"a further reminder to a consumer may cost at most EUR 7.50 plus "
                        f"postage; reminder {level} charges {fee}",
                    )
                )
        else:
            found.append(
                _not_checked(
                    code,
                    "dunning-fees",
                    "",
                    f"the sources payterms follows set no cap on reminder fees for a "
                    f"{debtor.value} debtor in {code}",
                )
            )
    if charges.minimum is not None:
        found.append(
            _not_checked(
                code, "minimum", "", "the sources payterms follows say nothing on a minimum charge"
            )
        )
    if charges.grace.days:
        found.append(
            _not_checked(
                code,
                "grace",
                "",
                "grace days only delay the contractual charges; the statutory interest still "
                "runs from the day after the due date",
            )
        )
    return tuple(found)
