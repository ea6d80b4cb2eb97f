"""law.regime(..., tables=): the tables a user brings travel with the Regime value.

The worked claim of the rates issue (#12): EUR 1 000 due 2026-09-01, claimed on
2026-12-07, under FR, EU and LU, with the ECB rate of 2026 H2 brought by the user.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from payterms import late_interest
from payterms.batch import late_interest_many
from payterms.errors import InvalidArgument, InvalidType, RateNotPublished
from payterms.interest import InterestResult, RateAssumption
from payterms.law import (
    CODES,
    Fixing,
    PartyKind,
    RateStatus,
    RateTable,
    TableRate,
    check_terms,
    rate_table,
    regime,
)
from payterms.terms import PaymentTerms
from payterms.text import describe_invoice
from strategies import examples

# One extra half-year of the ECB rate, as a user writes it after reading the ECB press
# release: the rise to 2.40 % applied from 17 June 2026, covering the rest of 2026.
ECB_2026_H2 = """# title: ECB main refinancing operations rate, 2026 H2
# source: ECB press release of 11 June 2026
# covers_until: 2026-12-31
valid_from,rate,status,source
2026-06-17,2.40,published,ECB press release of 11 June 2026
"""

DUE = date(2026, 9, 1)
UNTIL = date(2026, 12, 7)
# Interest days: 2 September to 7 December 2026 inclusive = 29 + 31 + 30 + 7 = 97.
DAYS = 97


def _ecb() -> RateTable:
    return RateTable.from_csv(ECB_2026_H2, name="ecb_mro")


def test_the_claim_of_the_issue_raises_without_a_table_or_an_assumption() -> None:
    for code in CODES:
        with pytest.raises(RateNotPublished) as info:
            late_interest(Decimal("1000"), due=DUE, until=UNTIL, regime=code)
        message = str(info.value)
        assert info.value.table in message
        assert "assume=RateAssumption.CARRY_FORWARD" in message
        assert "tables={" in message
        # STATUTORY_FORMULA is named where the regime has the formula over the ECB rate
        # (BE, NL), never for a gap in the ECB table itself (EU, FR, LU) nor where the
        # regime has no formula (DE, UK): passing it there is refused
        assert ("STATUTORY_FORMULA" in message) is (regime(code).formula is not None)
        assert "where the regime has a formula" not in message
        # the assumption computes the claim; the formula stops at the ECB table, whose
        # rates from 2025-06-11 are unconfirmed too
        late_interest(
            Decimal("1000"), due=DUE, until=UNTIL, regime=code, assume=RateAssumption.CARRY_FORWARD
        )
        if regime(code).formula is not None:
            with pytest.raises(RateNotPublished, match=r"^no ecb_mro rate published"):
                late_interest(
                    Decimal("1000"),
                    due=DUE,
                    until=UNTIL,
                    regime=code,
                    assume=RateAssumption.STATUTORY_FORMULA,
                )


# Every regime and debtor the law modules take, on the claim of the issue: the answer is
# RateNotPublished for the day interest starts, naming its table and only the ways out
# that regime has (a regime without a formula refuses STATUTORY_FORMULA).
@pytest.mark.parametrize(
    ("code", "debtor", "table", "formula"),
    [
        pytest.param("BE", PartyKind.UNDERTAKING, "be_late_payment", True, id="BE"),
        pytest.param("BE", PartyKind.CONSUMER, "be_late_payment", True, id="BE-consumer"),
        pytest.param("DE", PartyKind.UNDERTAKING, "de_basiszinssatz", False, id="DE"),
        pytest.param("DE", PartyKind.CONSUMER, "de_basiszinssatz", False, id="DE-consumer"),
        pytest.param("EU", PartyKind.UNDERTAKING, "ecb_mro", False, id="EU"),
        pytest.param("FR", PartyKind.UNDERTAKING, "ecb_mro", False, id="FR"),
        pytest.param("LU", PartyKind.UNDERTAKING, "ecb_mro", False, id="LU"),
        pytest.param("LU", PartyKind.CONSUMER, "lu_legal_rate", False, id="LU-consumer"),
        pytest.param("NL", PartyKind.UNDERTAKING, "nl_handelsrente", True, id="NL"),
        pytest.param("NL", PartyKind.CONSUMER, "nl_wettelijke_rente", False, id="NL-consumer"),
        pytest.param("UK", PartyKind.UNDERTAKING, "uk_reference_rate", False, id="UK"),
    ],
)
def test_the_claim_of_the_issue_names_the_ways_out_of_its_regime(
    code: str, debtor: PartyKind, table: str, formula: bool
) -> None:
    rules = regime(code, debtor=debtor)
    with pytest.raises(RateNotPublished) as info:
        late_interest(Decimal("1000"), due=DUE, until=UNTIL, regime=rules)
    err = info.value
    assert (err.table, err.on, err.formula) == (table, date(2026, 9, 2), formula)
    message = str(err)
    assert message.startswith(f"no {table} rate published for 2026-09-02 (table covers ")
    assert f"tables={{{table!r}: RateTable.from_csv(...)}}" in message
    assert "assume=RateAssumption.CARRY_FORWARD" in message
    assert ("STATUTORY_FORMULA" in message) is formula
    # the same error from every function that reads the regime's rate
    with pytest.raises(RateNotPublished) as again:
        rules.rate_on(date(2026, 9, 2))
    assert str(again.value) == message
    if not formula:
        with pytest.raises(InvalidArgument, match="has no ECB formula"):
            late_interest(
                Decimal("1000"),
                due=DUE,
                until=UNTIL,
                regime=rules,
                assume=RateAssumption.STATUTORY_FORMULA,
            )


# Hand computation, rates-update.md §3.2 and §6.1 with the ECB rate of 1 July 2026 = 2.40:
#   FR (C. com. L441-10: ECB + 10): 1000 x 12.40 % x 97 / 365 = 12028 / 365 = 32.9534.. -> 32.95
#   EU (Directive art. 2(6): ECB + 8): 1000 x 10.40 % x 97 / 365 = 10088 / 365 = 27.6383.. -> 27.64
#   LU (loi du 18 avril 2004: ECB + 8): as EU, 27.64
# and the EUR 40 of each (C. com. D441-5; Directive art. 6; loi de 2004 as amended 2013).
@pytest.mark.parametrize(
    ("code", "percent", "interest"),
    [
        pytest.param("FR", "12.40", "32.95", id="FR-ecb-plus-10"),
        pytest.param("EU", "10.40", "27.64", id="EU-ecb-plus-8"),
        pytest.param("LU", "10.40", "27.64", id="LU-ecb-plus-8"),
    ],
)
def test_a_user_half_year_of_the_ecb_rate_gives_the_hand_computation(
    code: str, percent: str, interest: str
) -> None:
    res = late_interest(
        Decimal("1000"), due=DUE, until=UNTIL, regime=regime(code, tables={"ecb_mro": _ecb()})
    )
    exact = Decimal(1000) * Decimal(percent) / 100 * DAYS / 365
    assert [(p.start, p.end, p.days, p.rate * 100) for p in res.periods] == [
        (date(2026, 9, 2), UNTIL, DAYS, Decimal(percent))
    ]
    assert abs(res.interest_exact - exact) < Decimal("1e-24")  # 28 digits here, 40 inside
    assert res.interest == Decimal(interest)
    assert res.compensation == Decimal("40.00")
    note = (
        "ecb_mro rate from 2026-06-17 (2.40 %) comes from a user table (CSV text): "
        "ECB press release of 11 June 2026"
    )
    assert [a for a in res.assumptions if note in a] != []


def test_the_tables_reach_every_function_that_takes_the_regime() -> None:
    fr = regime("FR", tables={"ecb_mro": _ecb()})
    many = late_interest_many([Decimal("1000"), "500"], [DUE, DUE], [UNTIL, UNTIL], regime=fr)
    assert list(many.interest) == [Decimal("32.95"), Decimal("16.48")]
    terms = PaymentTerms.net(30)
    sched = terms.schedule(date(2026, 8, 1), Decimal("1000.00"))  # due 31 August 2026
    # the shipped tables have no rate for 1 September 2026: the block states the rule of
    # L441-10 II in words, no figure (legal.md §4); the user's table gives the figure
    shipped = describe_invoice(sched, "fr", regime("FR")).splitlines()
    assert shipped[-2].startswith("Pénalités de retard au taux prévu par la loi, soit")
    assert "%" not in shipped[-2]
    block = describe_invoice(sched, "fr", fr).splitlines()
    assert block[-2].startswith("Pénalités de retard : 12,4 % par an")
    assert fr.rate_on(date(2026, 9, 1)) == Decimal("0.1240")
    assert regime("LU", tables={"ecb_mro": _ecb()}).rate_source().rate_on(UNTIL) == Decimal(
        "0.1040"
    )


def test_check_terms_checks_the_penalty_against_the_tables_of_the_regime() -> None:
    # The French floor on an agreed penalty is three times the legal rate (C. com.
    # L441-10 II); the 2026 H2 arrêté was not found (rates-update.md §3.1), so the shipped
    # tables cannot check a penalty due in September 2026. A user's row for 2026 H2 (here
    # the 2026 H1 figure, 2.62 %, arrêté of 15 December 2025, typed as if renewed: a test
    # value, not a published figure) is what the check then uses: 3 x 2.62 = 7.86 %.
    mine = RateTable.from_csv(
        "# covers_until: 2026-12-31\nvalid_from,rate\n2026-07-01,2.62\n",
        name="fr_legal_rate_professionals",
    )
    fr = regime("FR", tables={"fr_legal_rate_professionals": mine})
    terms = PaymentTerms.net(30)  # invoice of 2026-08-01, due 2026-08-31
    (shipped,) = check_terms(terms, "FR", invoice_date=date(2026, 8, 1), penalty_rate="0.07")
    assert shipped.code == "FR-rate-not-checked"
    assert "no fr_legal_rate_professionals rate published for 2026-09-01" in shipped.message
    # a check takes no assumption: the finding names only the table to bring
    assert "assume=" not in shipped.message
    assert "tables={'fr_legal_rate_professionals': RateTable.from_csv(...)}" in shipped.message
    (below,) = check_terms(terms, fr, invoice_date=date(2026, 8, 1), penalty_rate="0.07")
    assert below.code == "FR-L441-10-penalty-floor"
    assert "on 2026-09-01 (7.86 %)" in below.message
    assert check_terms(terms, fr, invoice_date=date(2026, 8, 1), penalty_rate="0.0786") == ()


def test_the_substitution_is_a_value_not_a_registry() -> None:
    mine = regime("EU", tables={"ecb_mro": _ecb()})
    assert mine != regime("EU")
    assert mine.code == "EU"
    assert mine.table_names == ("ecb_mro",)
    # the shipped regime and the shipped table are untouched
    with pytest.raises(RateNotPublished):
        regime("EU").rate_on(UNTIL)
    assert rate_table("ecb_mro").last_known == date(2026, 6, 17)
    # the same user table gives an equal regime
    assert regime("EU", tables={"ecb_mro": _ecb()}) == mine


def test_tables_are_checked() -> None:
    with pytest.raises(InvalidArgument, match="'euribor'"):
        regime("FR", tables={"euribor": _ecb()})
    with pytest.raises(InvalidArgument, match="the DE regime reads: de_basiszinssatz"):
        regime("DE", tables={"ecb_mro": _ecb()})
    with pytest.raises(InvalidType):
        regime("FR", tables={"ecb_mro": ECB_2026_H2})  # type: ignore[dict-item]
    with pytest.raises(InvalidType):
        regime("FR", tables=[_ecb()])  # type: ignore[arg-type]
    assert regime("FR", tables={}) is regime("FR")


def test_table_names_of_every_regime() -> None:
    assert regime("BE").table_names == ("be_late_payment", "ecb_mro")
    assert regime("BE", contract_date=date(2012, 1, 1)).table_names == (
        "be_late_payment_before_2013",
        "be_late_payment",
        "ecb_mro",
    )
    assert regime("BE", debtor=PartyKind.CONSUMER).table_names == ("be_late_payment", "ecb_mro")
    assert regime("DE").table_names == ("de_basiszinssatz",)
    assert regime("FR").table_names == ("ecb_mro", "fr_legal_rate_professionals")
    assert regime("LU", debtor=PartyKind.CONSUMER).table_names == ("lu_legal_rate",)
    assert regime("NL").table_names == ("nl_handelsrente", "ecb_mro")
    assert regime("NL", debtor=PartyKind.CONSUMER).table_names == ("nl_wettelijke_rente",)
    assert regime("NL", contract_date=date(2012, 1, 1)).table_names == (
        "nl_handelsrente",
        "ecb_mro",
    )
    assert regime("UK").table_names == ("uk_reference_rate",)


def test_a_published_national_rate_brought_by_the_user_replaces_the_unconfirmed_row() -> None:
    # A user who read the Moniteur belge notice of 2025 H2 (10.5 %, rates-update.md §2
    # expects that figure) brings it; the claim then needs no assumption.
    notice = RateTable.from_csv(
        "# covers_until: 2025-12-31\nvalid_from,rate,status,source\n"
        "2025-07-01,10.5,published,Moniteur belge notice of 2025 H2\n",
        name="be_late_payment",
    )
    res = late_interest(
        Decimal("1000"),
        due=date(2025, 6, 30),
        until=date(2025, 7, 30),
        regime=regime("BE", tables={"be_late_payment": notice}),
    )
    assert [p.rate * 100 for p in res.periods] == [Decimal("10.5")]
    assert any("Moniteur belge notice of 2025 H2" in a for a in res.assumptions)
    # and the unconfirmed 2026 rows that follow the user's table are still unconfirmed
    with pytest.raises(RateNotPublished, match="2026-01-01 is unconfirmed"):
        late_interest(
            Decimal("1000"),
            due=date(2025, 12, 30),
            until=date(2026, 1, 30),
            regime=regime("BE", tables={"be_late_payment": notice}),
        )


# ------------------------------------------------------------------------------ properties


def _outcome(
    code: str, tables: dict[str, RateTable], due: date, until: date, assume: RateAssumption | None
) -> tuple[object, ...]:
    """The result's figures, or the table and day a RateNotPublished names."""
    try:
        res: InterestResult = late_interest(
            Decimal("1000"), due=due, until=until, regime=regime(code, tables=tables), assume=assume
        )
    except RateNotPublished as exc:
        return ("raises", exc.table, exc.on)
    except InvalidArgument as exc:  # STATUTORY_FORMULA on a regime without a formula
        return ("refused", exc.name)
    return (res.interest_exact, res.periods, res.compensation, res.principal_outstanding)


_CLAIM_DAYS = st.dates(min_value=date(2002, 1, 1), max_value=date(2027, 6, 30))
_ASSUME = st.sampled_from((None, RateAssumption.CARRY_FORWARD, RateAssumption.STATUTORY_FORMULA))


@st.composite
def _repeating(draw: st.DrawFn) -> tuple[str, dict[str, RateTable]]:
    """A regime and a user table repeating a run of the shipped rows of a table it reads."""
    code = draw(st.sampled_from(CODES))
    name = draw(st.sampled_from(regime(code).table_names))
    shipped = rate_table(name)
    n = len(shipped.entries)
    i = draw(st.integers(0, n - 1))
    j = draw(st.integers(i, n - 1))
    rows = shipped.entries[i : j + 1]
    stop = (
        shipped.entries[j + 1].valid_from - timedelta(days=1) if j + 1 < n else shipped.last_known
    )
    last = draw(st.dates(min_value=rows[-1].valid_from, max_value=stop))
    lines = [f"# covers_until: {last}", "valid_from,rate,status"]
    lines += [
        f"{e.valid_from},{e.rate if e.rate is not None else ''},{e.status.value}" for e in rows
    ]
    return code, {name: RateTable.from_csv("\n".join(lines) + "\n", name=name)}


@settings(max_examples=examples(150), deadline=None)
@given(case=_repeating(), due=_CLAIM_DAYS, length=st.integers(0, 900), assume=_ASSUME)
def test_a_user_table_repeating_the_shipped_rows_changes_no_result(
    case: tuple[str, dict[str, RateTable]], due: date, length: int, assume: RateAssumption | None
) -> None:
    code, tables = case
    until = due + timedelta(days=length)
    with_tables = _outcome(code, tables, due, until, assume)
    assert with_tables == _outcome(code, {}, due, until, assume)
    if with_tables[0] not in ("raises", "refused"):
        # not even a note: the merged table is the shipped one
        mine = late_interest(
            Decimal("1000"), due=due, until=until, regime=regime(code, tables=tables), assume=assume
        )
        plain = late_interest(Decimal("1000"), due=due, until=until, regime=code, assume=assume)
        assert mine.assumptions == plain.assumptions


@st.composite
def _one_row(draw: st.DrawFn) -> tuple[str, dict[str, RateTable], date]:
    """A regime, a one-row user table of a table it reads, and the row's first day."""
    code = draw(st.sampled_from(CODES))
    name = draw(st.sampled_from(regime(code).table_names))
    start = draw(st.dates(min_value=date(2009, 1, 1), max_value=date(2027, 12, 31)))
    rate = draw(st.decimals(min_value=-1, max_value=15, places=2))
    status = draw(st.sampled_from((RateStatus.PUBLISHED, RateStatus.DERIVED)))
    last = draw(st.dates(min_value=start, max_value=date(2028, 12, 31)))
    text = f"# covers_until: {last}\nvalid_from,rate,status\n{start},{rate},{status.value}\n"
    return code, {name: RateTable.from_csv(text, name=name)}, start


@settings(max_examples=examples(150), deadline=None)
@given(case=_one_row(), due=_CLAIM_DAYS, length=st.integers(0, 900), assume=_ASSUME)
def test_a_user_row_changes_results_only_from_its_first_day(
    case: tuple[str, dict[str, RateTable], date],
    due: date,
    length: int,
    assume: RateAssumption | None,
) -> None:
    # A claim whose interest days all lie before the row's valid_from is unchanged (its
    # figures; where the shipped table ends before the user's row, the notes on the
    # assumed days may word the gap differently).
    code, tables, start = case
    until = min(due + timedelta(days=length), start - timedelta(days=2))
    if until < due:
        return
    assert _outcome(code, tables, due, until, assume) == _outcome(code, {}, due, until, assume)


@settings(max_examples=examples(100), deadline=None)
@given(case=_one_row())
def test_a_user_row_takes_effect_on_its_first_day(
    case: tuple[str, dict[str, RateTable], date],
) -> None:
    # The regime's rate from the row's first day is the statutory formula over the row's
    # figure (for the table the rate reads; a half-year rate only when the row starts a
    # half-year, the day that fixes it).
    code, tables, start = case
    (name,) = tables
    (row,) = tables[name].entries
    rule = regime(code).rate
    assert isinstance(rule, TableRate)
    if name != rule.table:
        return  # the table of a formula or of a bound, read only with assume= or rate=
    if rule.fixing is Fixing.SEMESTER_START and (start.day, start.month) not in ((1, 1), (1, 7)):
        return
    assert row.rate is not None
    expected = rule.rounding.apply(rule.multiplier * row.rate + rule.margin.scaleb(2)).scaleb(-2)
    assert regime(code, tables=tables).rate_on(start) == expected


# The statutory rate rule each regime states in words (Regime.rule_on), by regime, debtor
# and contract date; each row names the provision in reference/legal.md.
@pytest.mark.parametrize(
    ("code", "debtor", "contract", "day", "key"),
    [
        # §2.1 law of 2 August 2002 art. 5 (contracts from 16 March 2013)
        ("BE", PartyKind.UNDERTAKING, None, date(2027, 1, 7), "BE"),
        ("BE", PartyKind.PUBLIC, None, date(2027, 1, 7), "BE"),
        # §2.1 transitional: contracts before 16 March 2013 kept + 7 until 15 March 2015
        ("BE", PartyKind.UNDERTAKING, date(2012, 5, 1), date(2015, 3, 15), None),
        ("BE", PartyKind.UNDERTAKING, date(2012, 5, 1), date(2015, 3, 16), "BE"),
        # §2.3 Code of Economic Law art. XIX.4
        ("BE", PartyKind.CONSUMER, None, date(2027, 1, 7), "BE-consumer"),
        # §4 Code de commerce art. L441-10 II
        ("FR", PartyKind.SME, None, date(2027, 1, 7), "FR"),
        # §3 art. 6:119a/6:119b, 6:120 lid 2 BW; 6:119, 6:120 lid 1 BW
        ("NL", PartyKind.LARGE, None, date(2027, 1, 7), "NL"),
        ("NL", PartyKind.CONSUMER, None, date(2027, 1, 7), "NL-consumer"),
        # §3: for contracts before 16 March 2013 the move to + 8 is UNCONFIRMED
        ("NL", PartyKind.UNDERTAKING, date(2012, 1, 1), date(2027, 1, 7), None),
        # §5 § 288(2) and (1) BGB; Art. 229 § 34 EGBGB (+ 8 up to 28 July 2014)
        ("DE", PartyKind.UNDERTAKING, None, date(2027, 1, 7), "DE"),
        ("DE", PartyKind.CONSUMER, None, date(2027, 1, 7), "DE-consumer"),
        ("DE", PartyKind.UNDERTAKING, date(2014, 7, 28), date(2027, 1, 7), "DE-before-2014"),
        ("DE", PartyKind.UNDERTAKING, date(2014, 7, 29), date(2027, 1, 7), "DE"),
        # §6 loi du 18 avril 2004 (amended 2013); consumers: no statute cited for the rate
        ("LU", PartyKind.UNDERTAKING, None, date(2027, 1, 7), "LU"),
        ("LU", PartyKind.CONSUMER, None, date(2027, 1, 7), None),
        # §7 Late Payment of Commercial Debts (Interest) Act 1998, SI 2002/1675
        ("UK", PartyKind.PUBLIC, None, date(2027, 1, 7), "UK"),
        # §1 Directive 2011/7/EU arts. 2(6), 2(7), 3(2)
        ("EU", PartyKind.UNDERTAKING, None, date(2027, 1, 7), "EU"),
    ],
)
def test_the_rule_each_regime_states_in_words(
    code: str, debtor: PartyKind, contract: date | None, day: date, key: str | None
) -> None:
    law = regime(code, debtor=debtor, contract_date=contract)
    assert law.rule_on(day) == key
    # a user's tables change the figures, not the rule
    if "ecb_mro" in law.table_names:
        assert law.with_tables({"ecb_mro": _ecb()}).rule_on(day) == key


def test_rule_on_checks_its_day() -> None:
    with pytest.raises(InvalidType, match="day"):
        regime("FR").rule_on("2027-01-07")  # type: ignore[arg-type]
