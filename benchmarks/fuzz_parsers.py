"""Fuzz every text parser: only a payterms error or a valid value, and no input slower than linear.

Run: ``PYTHONPATH=src python benchmarks/fuzz_parsers.py [count] [seed]`` (default
1 000 000 inputs, seed 20260115). The parsers: payment-term wording (``parse_with_notes``
in English, French, Dutch, German and with the language guessed), ``DueRule.parse``,
``DunningLadder.parse``, ``AgingBuckets.parse`` and ``PaymentRun.parse`` (the run syntax).
Inputs are random strings over each parser's characters, valid texts mutated (characters
deleted, inserted, doubled; words, formulas and numbers spliced in) and valid texts with
their numbers rewritten in the forms a reader could misread: thousands separators
(``1,000``, ``1.000``, ``1 000``, ``1'000`` and the no-break spaces), decimal commas,
superscripts, full-width and Arabic-Indic digits, fractions, minus signs and dashes.

Every input must give a payterms error or a value; a value must round-trip through its
text form (wording through ``describe`` in its language). Any other exception or a
failed round trip is printed and makes the script exit non-zero.

Linearity: for each parser, adversarial texts (long runs of spaces, digits, separators,
brackets, nested cut-offs, repeated clauses) are timed at lengths 256 to 4096 characters
(``payterms.limits.MAX_TEXT_LENGTH``), in this process's CPU time, best of five; the
script prints how much the time per character grows from 256 to 4096 characters and fails
above fourfold (a quadratic parser grows sixteenfold). The counts by outcome and the
timings are printed.
"""

from __future__ import annotations

import contextlib
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from payterms.dunning import DunningLadder
from payterms.errors import PaytermsError
from payterms.limits import MAX_TEXT_LENGTH
from payterms.receivables import AgingBuckets
from payterms.rules import DueRule
from payterms.runs import PaymentRun
from payterms.text import VOCABULARIES, describe, parse_with_notes
from text_phrasings import PHRASINGS

# Numbers as a reader could misread them: (written, what a careless parser would read)
NUMBER_FORMS = [
    "1,000", "1.000", "1 000", "1\u00a0000", "1\u202f000", "1'000", "1’000", "1,000.50",
    "1.000,50", "2,5", "2.5", "2.125", "2,125", "10,000", "1,000,000", "1.000.000",
    "0,500", ".5", "30¹", "3⁰", "₃₀", "①", "½", "٣٠", "۳۰", "३०", "３０", "-30", "−30",
    "–30", "—30", "+30", "30-60", "(-5)", "1,0,0", "1..0", "1,,0", "9" * 30, "0" * 20 + "30",
]  # fmt: skip
WORDING_ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 %/+,;()[]<>:?-.'"
    "éàßëü€$£#=\n\t\u00a0\u202f’¹½٣３−–—"
)
FORMULA_ALPHABET = "0123456789DWMQYBCDW+-<>:? dmqycbw\u00a0３٣¹"
LADDER_ALPHABET = "0123456789+-DB remindnotfeapywth[],;.\u00a0３٣¹−"
BUCKET_ALPHABET = "0123456789-–+, curentCURRENT\u00a0３٣¹"
RUN_ALPHABET = "0123456789,-= LASTlastMOTUWEHFRSAmotuweadjusmnfolwigcp_yrhkv\u00a0３٣¹"

WORDING_SEEDS = [p.values[0] for p in PHRASINGS]
FORMULA_SEEDS = [
    "CM+45D", "45D+CM", "<15: 1M+CM ? -CM+2M+D15>", "-CM+1M+D20", "WD5", "5BD", "1Y+2Q",
    "30D", "CW+1W", "<12: -CM+1M+D20 ? -CM+2M+D20>", "0D", "CQ+D10",
]  # fmt: skip
LADDER_SEEDS = [
    "+1D reminder; +15D second reminder; +30D formal notice [fee 40.00]",
    "-3D friendly note; +1D reminder [pay within 14D]",
    "+5BD reminder [fee 10, pay within 7D]; +20BD notice",
]
BUCKET_SEEDS = ["current, 1-30, 31-60, 61-90, 90+", "0-30, 31-60, 61-90, 90+", "current, 1-15, 15+"]
RUN_SEEDS = [
    "10,25", "LAST", "TH", "MO,TH every=2 anchor=2026-01-05", "2026-03-06,2026-03-20",
    "15,LAST adjustment=preceding cutoff_day=20", "FR adjustment=modified_following",
]  # fmt: skip
LANGS = [None, "en", "fr", "nl", "de"]
WORDS = sorted({w for v in VOCABULARIES.values() for w in v.words()})


# --------------------------------------------------------------------------- the parsers


def _wording(text: str, rng: random.Random) -> object:
    lang = rng.choice(LANGS)
    result = parse_with_notes(text, lang=lang)
    again = parse_with_notes(describe(result.terms, result.lang), lang=result.lang)
    if again.terms != result.terms:
        raise AssertionError(f"round trip changed the terms: {describe(result.terms)!r}")
    return result


def _formula(text: str, rng: random.Random) -> object:
    rule = DueRule.parse(text)
    if DueRule.parse(str(rule)) != rule:
        raise AssertionError(f"round trip changed the rule: {rule}")
    return rule


def _ladder(text: str, rng: random.Random) -> object:
    ladder = DunningLadder.parse(text)
    if DunningLadder.parse(str(ladder)) != ladder:
        raise AssertionError(f"round trip changed the ladder: {ladder}")
    return ladder


def _buckets(text: str, rng: random.Random) -> object:
    buckets = AgingBuckets.parse(text)
    if AgingBuckets.parse(str(buckets)) != buckets:
        raise AssertionError(f"round trip changed the buckets: {buckets}")
    return buckets


def _run(text: str, rng: random.Random) -> object:
    run = PaymentRun.parse(text)
    if PaymentRun.parse(str(run)) != run:
        raise AssertionError(f"round trip changed the run: {run}")
    return run


Parser = Callable[[str, random.Random], object]
PARSERS: dict[str, tuple[Parser, str, list[str]]] = {
    "wording": (_wording, WORDING_ALPHABET, WORDING_SEEDS),
    "DueRule": (_formula, FORMULA_ALPHABET, FORMULA_SEEDS),
    "DunningLadder": (_ladder, LADDER_ALPHABET, LADDER_SEEDS),
    "AgingBuckets": (_buckets, BUCKET_ALPHABET, BUCKET_SEEDS),
    "PaymentRun": (_run, RUN_ALPHABET, RUN_SEEDS),
}
# how many of every 20 inputs go to each parser (wording is the richest grammar)
SHARE = {"wording": 8, "DueRule": 3, "DunningLadder": 3, "AgingBuckets": 3, "PaymentRun": 3}


# --------------------------------------------------------------------------- the inputs


def random_text(rng: random.Random, alphabet: str) -> str:
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))


def mutated_text(rng: random.Random, seeds: list[str], alphabet: str) -> str:
    chars = list(rng.choice(seeds))
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(6)
        i = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(i, len(chars) - 1)]
        elif op == 1:
            chars.insert(i, rng.choice(alphabet))
        elif op == 2:
            chars[i:i] = " " + rng.choice(WORDS) + " "
        elif op == 3:
            chars[i:i] = rng.choice(NUMBER_FORMS)
        elif op == 4:
            chars[i:i] = rng.choice(["[CM+30D]", "<15: 1M+CM ? 2M+CM>", "(30)", "#", ";", ","])
        elif chars:
            j = min(i, len(chars) - 1)
            chars[j:j] = chars[j] * rng.randint(1, 5)
    return "".join(chars)


def renumbered_text(rng: random.Random, seeds: list[str]) -> str:
    """A seed with each run of digits replaced by one of the misreadable number forms."""
    out: list[str] = []
    text = rng.choice(seeds)
    i = 0
    while i < len(text):
        if text[i].isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(rng.choice(NUMBER_FORMS) if rng.random() < 0.5 else text[i:j])
            i = j
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def make_input(rng: random.Random, alphabet: str, seeds: list[str]) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return random_text(rng, alphabet)
    if kind == 1:
        return mutated_text(rng, seeds, alphabet)
    if kind == 2:
        return renumbered_text(rng, seeds)
    seed = rng.choice(seeds)  # other capitals and spacing
    said = [w.upper() if rng.random() < 0.2 else w for w in seed.split(" ")]
    return rng.choice(["", " ", "\t"]) + (" " * rng.randint(1, 3)).join(said) + " "


# --------------------------------------------------------------------------- linearity

ADVERSARIAL: dict[str, list[Callable[[int], str]]] = {
    "wording": [
        lambda n: "net 30" + " " * (n - 6),
        lambda n: ("2/10 net 30, " * n)[:n],
        lambda n: "1" * n,
        lambda n: ("1," * n)[:n],
        lambda n: ("1 000 " * n)[:n],
        lambda n: ("le 10, " * n)[:n],
        lambda n: "[" + "<1: " * (n // 8) + "0D" + " ? 0D>" * (n // 8),
        lambda n: ("thirty (30) days " * n)[:n],
        lambda n: "a" * n,
        lambda n: ("net " * n)[:n],
    ],
    "DueRule": [
        lambda n: ("1D+" * n)[: n - 2] + "1D",
        lambda n: "1" * (n - 1) + "D",
        lambda n: "CM" + " " * (n - 4) + "+1",
        lambda n: "<1: " * (n // 8) + "0D" + " ? 0D>" * (n // 8),
        lambda n: "CM+" + "Z" * (n - 3),
    ],
    "DunningLadder": [
        lambda n: "+5D reminder" + " " * (n - 13) + "]",
        lambda n: ("+1D a; " * n)[:n],
        lambda n: "+1D " + "[" * (n - 4),
        lambda n: "+1D a [" + "fee 1, " * (n // 7),
        lambda n: "+" + "1" * (n - 5) + "D ab",
    ],
    "AgingBuckets": [
        lambda n: "current" + " " * (n - 8) + ",",
        lambda n: ("1-2, " * n)[:n],
        lambda n: "1" + " " * (n - 3) + "-x",
        lambda n: "1" * (n - 1) + "+",
    ],
    "PaymentRun": [
        lambda n: ("10," * n)[: n - 1] + "x",
        lambda n: "10" + " " * (n - 4) + "=x",
        lambda n: ("10 , " * n)[:n] + "=",
        lambda n: "10 " + ("every=2 " * n)[: n - 3],
        lambda n: "1" * n,
    ],
}
SIZES = (256, 512, 1024, 2048, MAX_TEXT_LENGTH)


def _time_one(parse: Parser, text: str, rng: random.Random) -> float:
    """Return the best CPU time of this process over five runs of three parses, per parse.

    CPU time (``process_time``), not wall time: the machine may be shared, and other
    processes' work is not this parser's.
    """
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for _ in range(3):
            with contextlib.suppress(PaytermsError):
                parse(text, rng)
        best = min(best, (time.process_time() - start) / 3)
    return best


def linearity(rng: random.Random) -> tuple[list[str], bool]:
    lines: list[str] = []
    ok = True
    for name, makers in ADVERSARIAL.items():
        parse = PARSERS[name][0]
        worst_growth = 0.0
        worst_text = ""
        slowest = 0.0
        for i, make in enumerate(makers):
            per_char = [_time_one(parse, make(n)[:n], rng) / n for n in SIZES]
            growth = per_char[-1] / per_char[0]
            slowest = max(slowest, per_char[-1] * SIZES[-1])
            if growth > worst_growth:
                worst_growth, worst_text = growth, f"pattern {i}"
        verdict = "linear" if worst_growth <= 4 else "NOT LINEAR"
        ok = ok and worst_growth <= 4
        lines.append(
            f"  {name:14s} {len(makers)} patterns x {len(SIZES)} lengths: time per character "
            f"at {SIZES[-1]} / at {SIZES[0]} chars <= {worst_growth:.2f} ({worst_text}); "
            f"slowest {SIZES[-1]}-char input {slowest * 1000:.1f} ms: {verdict}"
        )
    return lines, ok


# --------------------------------------------------------------------------- main


def main(count: int, seed: int) -> int:
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    schedule = [name for name, share in SHARE.items() for _ in range(share)]
    outcomes: dict[str, Counter[str]] = {name: Counter() for name in PARSERS}
    failures = 0
    slowest: dict[str, tuple[float, str]] = dict.fromkeys(PARSERS, (0.0, ""))
    start = time.perf_counter()
    for n in range(count):
        name = schedule[n % len(schedule)]
        parse, alphabet, seeds = PARSERS[name]
        text = make_input(rng, alphabet, seeds)
        began = time.perf_counter()
        try:
            parse(text, rng)
            outcomes[name]["value"] += 1
        except PaytermsError as exc:
            outcomes[name][type(exc).__name__] += 1
        except Exception:  # counting what escapes is the point
            failures += 1
            outcomes[name]["FAILURE"] += 1
            print(f"{name}: {text!r}")
            traceback.print_exc()
        took = time.perf_counter() - began
        if took > slowest[name][0]:
            slowest[name] = (took, text)
    elapsed = time.perf_counter() - start
    print(f"{count} inputs in {elapsed:.1f} s ({count / elapsed:,.0f} per second), seed {seed}:")
    for name, counts in outcomes.items():
        total = sum(counts.values())
        parts = ", ".join(f"{kind} {n}" for kind, n in counts.most_common())
        took, text = slowest[name]
        print(f"  {name:14s} {total:8d} inputs: {parts}")
        print(f"  {'':14s} slowest {took * 1000:.2f} ms for {len(text)} chars: {text[:60]!r}")
    print(f"  failures (other exceptions or failed round trips): {failures}")
    print("linearity (adversarial texts up to payterms.limits.MAX_TEXT_LENGTH):")
    lines, linear = linearity(rng)
    print("\n".join(lines))
    return 1 if failures or not linear else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(
        main(int(args[0]) if args else 1_000_000, int(args[1]) if len(args) > 1 else 20260115)
    )
