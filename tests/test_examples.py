"""The notebooks of docs/examples run headless, as a user's would, and write their charts."""

from __future__ import annotations

import runpy
from decimal import Decimal
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "docs" / "examples"


def test_the_whatif_notebook_runs_and_writes_its_charts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    matplotlib = pytest.importorskip("matplotlib")
    pytest.importorskip("pandas")
    matplotlib.use("Agg")  # no display
    monkeypatch.setenv("PAYTERMS_EXAMPLES_OUT", str(tmp_path))
    names = runpy.run_path(str(EXAMPLES / "whatif.py"), run_name="__main__")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "whatif_exposure.png",
        "whatif_forecast.png",
        "whatif_scenarios.png",
    ]
    printed = capsys.readouterr().out
    assert "paying later and later: ('Dumas',)" in printed  # the worsening customer is found
    forecast = names["forecast"]
    open_total = sum(names["open_book"]["amount"], Decimal(0))
    assert forecast.in_horizon + forecast.beyond_horizon + forecast.unforecast == open_total
    comparison = names["comparison"]
    assert all(value == 0 for value in comparison.difference().loc["sales"])
    deposit = comparison["30 % deposit"]
    assert deposit.financing_cost < comparison.baseline.financing_cost
    assert names["decision"].advisable is False  # 2 % for 35 days costs more than 6 % money
    assert "Aubry" in names["exposure"].over_limit


def test_the_notebook_is_a_jupytext_percent_script() -> None:
    text = (EXAMPLES / "whatif.py").read_text(encoding="utf-8")
    assert "format_name: percent" in text
    assert text.count("# %%") >= 10
