"""Tests for the payterms command line."""

from __future__ import annotations

import subprocess
import sys

import pytest

from payterms import __version__
from payterms.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["version"]) == 0
    assert capsys.readouterr().out.strip() == f"payterms {__version__}"


def test_demo_prints_each_section(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "2026-05-14 in Belgium is a business day: False" in out
    assert "moved FOLLOWING: 2026-05-15" in out
    assert "333.34, 333.33, 333.33 (sum 1000.00)" in out


def test_demo_shows_payment_runs(capsys: pytest.CaptureFixture[str]) -> None:
    # 10 August 2026 falls in the closure: the 25th (Tuesday) pays, the bank adds a day.
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "monthly on the 10th and the 25th (following business day)" in out
    assert "paid in the run of 2026-08-25, cash on 2026-08-26" in out
    # due 2 March: run 25 March; due 30 March: run 25 April (Saturday) -> 27 April; +1 day
    assert "sent 2026-01-31 -> cash 2026-03-26; sent 2026-02-01 -> cash 2026-04-28" in out
    assert "send by 2026-01-31 for cash on 2026-03-26" in out


def test_demo_shows_wording(capsys: pytest.CaptureFixture[str]) -> None:
    # Source: reference/legal.md §4 (CEPC): 15 Jan, reading (a) -> 31 Mar, (b) -> 17 Mar.
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "'14 Tage 2 % Skonto, 30 Tage netto' in French: 'escompte 2 % pour paiement" in out
    assert "2026-01-15, THEN_DAYS: 2026-03-17" in out
    assert "2026-01-15, DAYS_THEN: 2026-03-31" in out
    # Source: reference/legal.md §0.1 and §4: ECB 2.15 + 10 points; EUR 40 (D441-5).
    # 2025 H1: ECB rate on 1 January 2025 (3.15, rates-update.md §3.2) + 10 points
    assert "Pénalités de retard : 13,15 % par an" in out
    assert "Indemnité forfaitaire pour frais de recouvrement : 40,00 EUR." in out


def test_unknown_command_exits_with_usage() -> None:
    with pytest.raises(SystemExit) as info:
        main(["nonsense"])
    assert info.value.code == 2


def test_module_entry_point() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "payterms", "version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("payterms ")


def test_demo_shows_payment_terms(capsys: pytest.CaptureFixture[str]) -> None:
    # legal.md §4: 15 Jan, "45 jours fin de mois" -> 17 Mar (CM+45D) or 31 Mar (45D+CM).
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "CM+45D -> 2026-03-17, 45D+CM -> 2026-03-31" in out
    # 28 Feb 2026 is a Saturday: the balance moves to Monday 2 March.
    assert "363.00 on 2026-01-15, 847.00 on 2026-03-02; or 1185.80 by 2026-01-26" in out
