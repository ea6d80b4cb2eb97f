"""Guards on the public face: __all__, version, typing marker, light import."""

from __future__ import annotations

import importlib
import os
import re
import subprocess
import sys
import types
from importlib.metadata import version
from pathlib import Path

import pytest

import payterms


def _groups() -> list[tuple[str, list[str]]]:
    """Return the groups of ``__all__`` as its source writes them: (title, names)."""
    source = Path(payterms.__file__).read_text(encoding="utf-8")
    body = source[source.index("\n__all__ = [") + 1 :]
    groups: list[tuple[str, list[str]]] = []
    for line in body.splitlines()[1:]:
        line = line.strip()
        if line == "]":
            break
        if line.startswith("# -- "):
            groups.append((line[len("# -- ") :], []))
        else:
            groups[-1][1].append(line.strip('",'))
    return groups


def test_all_is_one_grouped_list_and_complete() -> None:
    assert [name for _, names in _groups() for name in names] == payterms.__all__
    assert len(set(payterms.__all__)) == len(payterms.__all__)
    eager = {
        name
        for name, value in vars(payterms).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name not in {"annotations", "importlib", "TYPE_CHECKING", "Any"}
        and name not in payterms._LAZY
    }
    # law, einvoice and text are subpackages, reached as payterms.law (...); the aliases
    # are former names kept working, outside __all__ (one name per concept)
    lazy = set(payterms._LAZY) - {"law", "einvoice", "text"} - set(payterms._ALIASES)
    assert set(payterms.__all__) == eager | lazy | {"__version__"}


def test_former_names_are_aliases_of_the_one_name() -> None:
    for old, new in payterms._ALIASES.items():
        assert getattr(payterms, old) is getattr(payterms, new), old
        assert old not in payterms.__all__
        assert new in payterms.__all__
    # the protocol describe_invoice reads is InvoiceRegime; payterms.text.Regime is Regime
    assert payterms.text.Regime is payterms.Regime
    assert payterms.regime("BE") == payterms.law.regime("BE")


def test_the_reference_lists_the_public_names_in_the_same_groups() -> None:
    page = (Path(__file__).resolve().parent.parent / "docs/reference/index.md").read_text(
        encoding="utf-8"
    )
    listed: list[tuple[str, list[str]]] = []
    for line in page.splitlines():
        if line.startswith("## "):
            listed.append((line[3:], []))
        elif listed and line.startswith("- "):
            listed[-1][1].extend(
                part.strip().strip("`") for part in line[2:].split("·") if part.strip()
            )
    assert listed == _groups()


def _returned_types(hint: object) -> set[type]:
    import typing

    args = typing.get_args(hint)
    if args:
        return set().union(*(_returned_types(a) for a in args))
    return {hint} if isinstance(hint, type) else set()


def test_every_type_a_public_callable_returns_is_exported() -> None:
    import inspect
    import typing

    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    public = {name: getattr(payterms, name) for name in payterms.__all__}
    exported = {id(value) for value in public.values()}
    public |= {"pd": pd, "np": np, "npt": npt}  # the extras' types in annotations
    returned: dict[str, str] = {}
    for name in payterms.__all__:
        obj = getattr(payterms, name)
        callables = [(name, obj)] if inspect.isfunction(obj) else []
        if inspect.isclass(obj):
            for attr, member in vars(obj).items():
                if attr.startswith("_"):
                    continue
                if isinstance(member, property) and member.fget is not None:
                    callables.append((f"{name}.{attr}", member.fget))
                elif isinstance(member, (classmethod, staticmethod)):
                    callables.append((f"{name}.{attr}", member.__func__))
                elif inspect.isfunction(member):
                    callables.append((f"{name}.{attr}", member))
        for where, function in callables:
            try:
                kinds = _returned_types(
                    typing.get_type_hints(function, localns=public).get("return")
                )
            except NameError:  # a type only imported for checking (rrule): read the words
                module = vars(sys.modules[function.__module__])
                words = re.findall(r"[A-Za-z_]\w*", str(function.__annotations__.get("return")))
                found = [module.get(word, public.get(word)) for word in words]
                kinds = {kind for kind in found if isinstance(kind, type)}
            for kind in kinds:
                if kind.__module__.startswith("payterms") and id(kind) not in exported:
                    returned[f"{kind.__module__}.{kind.__qualname__}"] = where
    assert returned == {}


def test_lazy_names_resolve_to_their_modules() -> None:
    for name, module in payterms._LAZY.items():
        value = getattr(payterms, name)
        if module:
            assert value is getattr(importlib.import_module(module), name), name
        else:
            assert value is importlib.import_module(f"payterms.{name}")
    assert set(payterms.__all__) <= set(dir(payterms))


def test_unknown_attribute_raises_attribute_error() -> None:
    assert not hasattr(payterms, "no_such_name")


def test_every_exported_name_exists() -> None:
    for name in payterms.__all__:
        assert hasattr(payterms, name), name


def test_version_comes_from_metadata() -> None:
    assert payterms.__version__ == version("payterms")


def test_typed_marker_ships() -> None:
    assert (Path(payterms.__file__).parent / "py.typed").is_file()


def test_import_is_light() -> None:
    # `import payterms` loads only the error tree, the limits and the money helpers; holidays, the
    # optional extras and the modules behind the other public names load on first use.
    code = (
        "import sys, payterms; "
        "heavy = [m for m in ('holidays', 'numpy', 'pandas', 'matplotlib', 'attrs') "
        "if m in sys.modules]; "
        "heavy += sorted(m for m in sys.modules if m.startswith('payterms.') and m not in "
        "('payterms._checks', 'payterms.errors', 'payterms.limits', 'payterms.money')); "
        "print(','.join(heavy))"
    )
    # run against the package under test, whatever is installed
    env = {**os.environ, "PYTHONPATH": str(Path(payterms.__file__).parent.parent)}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    ).stdout.strip()
    assert out == ""


def test_public_callables_are_documented_with_an_example() -> None:
    missing = []
    for name in payterms.__all__:
        obj = getattr(payterms, name)
        if callable(obj) and not isinstance(obj, type(payterms.DEFAULT_ROUNDING)):
            doc = getattr(obj, "__doc__", "") or ""
            if isinstance(obj, type) and issubclass(obj, BaseException):
                continue
            if ">>>" not in doc and not (isinstance(obj, type) and _members_have_examples(obj)):
                missing.append(name)
    assert missing == []


def _members_have_examples(cls: type) -> bool:
    return any(">>>" in (getattr(v, "__doc__", "") or "") for v in vars(cls).values())


def _tabular_results() -> list[object]:
    """One value of every result that has rows."""
    from datetime import date
    from decimal import Decimal

    from payterms.behaviour import DbtTrend
    from payterms.forecast import ScenarioResult

    pt = payterms
    terms = pt.PaymentTerms.parse("2/10 net 30")
    payer = pt.Payer(runs=pt.PaymentRun.monthly(10, 25))
    invoices = [
        pt.Invoice("F-1", "A", date(2026, 4, 10), date(2026, 5, 10), Decimal("1000")),
        pt.Invoice("F-2", "B", date(2026, 5, 10), date(2026, 6, 9), Decimal("500")),
    ]
    day = date(2026, 3, 2)
    return [
        terms.schedule(day, "100.00"),
        pt.late_interest(
            Decimal("1000"), due=date(2024, 3, 31), until=date(2024, 9, 1), regime="BE"
        ),
        pt.payment_forecast(terms, day, payer),
        pt.explain_payment(terms, day, payer),
        pt.send_date_table(terms, payer, start=day, end=date(2026, 3, 9)),
        pt.aging(invoices, as_of=date(2026, 6, 30)),
        pt.concentration({"A": 50, "B": 30}),
        pt.term_cost(terms, Decimal("100"), invoice_date=day, rate=Decimal("0.08")),
        pt.compare_terms([terms], Decimal("100"), invoice_date=day, rate=Decimal("0.08")),
        pt.DunningLadder.parse("+1D reminder").plan(day, calendar=pt.BusinessCalendar.TARGET),
        pt.schedules(terms, [day], ["100.00"]),
        pt.account_statement(invoices[:1], as_of=date(2026, 6, 30), rate=Decimal("0.08")),
        pt.payment_plan(Decimal("900"), 3, start=day, first=date(2026, 4, 2), rate=Decimal("0.08")),
        pt.late_interest_many(["1000.00"], [date(2024, 1, 10)], [date(2024, 4, 9)], rate="0.08"),
        pt.best_tier(((3, 8), (2, 14)), 30, Decimal("0.50")),
        pt.law.rate_table("ecb_mro"),
        DbtTrend(months=((date(2026, 1, 1), Decimal(2)),), slope=None, threshold=Decimal(1)),
        ScenarioResult(
            name="x",
            sales=Decimal(5),
            cash_by_month=((date(2026, 1, 1), Decimal(5)),),
            dso=(),
            receivables=Decimal(0),
            financing_cost=Decimal(0),
            discount_cost=Decimal(0),
            margin=None,
        ),
    ]


def test_every_result_with_a_frame_has_an_html_repr() -> None:
    # every class of the package with to_frame() shows that frame in a notebook
    import inspect
    import pkgutil

    missing = []
    for info in pkgutil.walk_packages(payterms.__path__, "payterms."):
        if info.name.startswith("payterms.cli") or info.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(info.name)).values():
            if (
                inspect.isclass(value)
                and value.__module__ == info.name
                and callable(getattr(value, "to_frame", None))
                and not callable(getattr(value, "_repr_html_", None))
                and value.__name__ != "Tabular"  # the protocol of a result with a frame
            ):
                missing.append(f"{info.name}.{value.__qualname__}")
    assert missing == []


def test_tabular_results_show_as_tables_in_a_notebook() -> None:
    for result in _tabular_results():
        table = result.to_frame()  # type: ignore[attr-defined]
        assert len(table) > 0, type(result).__name__
        html = result._repr_html_()  # type: ignore[attr-defined]
        assert html is not None
        assert "<table" in html, type(result).__name__


def test_html_repr_gives_way_to_the_plain_repr_without_pandas(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import importlib.util

    results = _tabular_results()
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "pandas" else real(name, *a)
    )
    for result in results:
        assert result._repr_html_() is None, type(result).__name__  # type: ignore[attr-defined]
