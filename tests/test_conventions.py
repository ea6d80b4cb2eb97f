"""payterms.conventions: the vocabulary shared by the interest engine and the law."""

from __future__ import annotations

import inspect

import pytest

import payterms
from payterms import conventions, interest, law
from payterms.conventions import Debtor, Imputation, PartyKind, RegimeRules


@pytest.mark.parametrize(
    "name", ["Compounding", "Imputation", "PaymentDay", "RateAssumption", "RateSource", "RateSplit"]
)
def test_the_engine_and_the_package_give_the_same_objects(name: str) -> None:
    # the old import paths keep working: one object, three spellings of its path
    assert getattr(interest, name) is getattr(conventions, name)
    if name != "RateSource":
        assert getattr(payterms, name) is getattr(conventions, name)


def test_one_buyer_enum_with_the_former_names_as_aliases() -> None:
    assert Debtor is PartyKind
    assert payterms.Debtor is payterms.PartyKind is law.PartyKind is law.Debtor
    assert PartyKind.B2B is PartyKind.UNDERTAKING
    assert [k.name for k in PartyKind] == ["UNDERTAKING", "LARGE", "SME", "PUBLIC", "CONSUMER"]


@pytest.mark.parametrize("code", law.CODES)
@pytest.mark.parametrize("size", [PartyKind.LARGE, PartyKind.SME, PartyKind.B2B])
def test_a_debtor_of_any_size_gets_the_undertakings_regime(code: str, size: PartyKind) -> None:
    assert law.regime(code, debtor=size) == law.regime(code)
    assert law.regime(code, debtor=size).debtor is PartyKind.UNDERTAKING


# Sources: NL art. 6:44 BW and DE § 367 BGB (costs, interest, principal); FR C. civ.
# art. 1343-1 (interest and its accessories, then principal); BE former C. civ. art. 1254.
@pytest.mark.parametrize(
    ("imputation", "order"),
    [
        (Imputation.COSTS_INTEREST_PRINCIPAL, ("costs", "interest", "principal")),
        (Imputation.INTEREST_COSTS_PRINCIPAL, ("interest", "costs", "principal")),
        (Imputation.INTEREST_PRINCIPAL_COSTS, ("interest", "principal", "costs")),
        (Imputation.PRINCIPAL_INTEREST_COSTS, ("principal", "interest", "costs")),
    ],
)
def test_imputation_orders(imputation: Imputation, order: tuple[str, str, str]) -> None:
    assert imputation.order == order


@pytest.mark.parametrize("code", law.CODES)
def test_every_regime_has_what_the_engine_reads(code: str) -> None:
    wanted = {
        name
        for name, member in vars(RegimeRules).items()
        if isinstance(member, property) or (inspect.isfunction(member) and name[0] != "_")
    }
    assert wanted >= {"rate_source", "compensation", "day_count", "imputation"}
    regime = law.regime(code)
    assert all(hasattr(regime, name) for name in wanted)
