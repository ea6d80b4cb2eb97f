"""Fuzz the wording parser: random and mutated strings give terms or ParseError, nothing else.

Run: ``PYTHONPATH=src python benchmarks/fuzz_text.py [count] [seed]`` (default 100 000
strings, seed 20260115). A third of the strings are random over the characters of payment-term
wording, a third are phrasings of ``tests/text_phrasings.py`` mutated (characters deleted or
inserted, vocabulary words and numbers spliced in), a third are phrasings with other
capitals and spacing. Every result that parses is also
described in its language and read back, which must give the same terms. The script
prints the counts and exits non-zero on any other exception or a failed round trip.
"""

from __future__ import annotations

import random
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from payterms.errors import ParseError
from payterms.terms import PaymentTerms
from payterms.text import VOCABULARIES, describe, parse_with_notes
from text_phrasings import PHRASINGS

ALPHABET = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 %/+,;()[]<>:?-.'éàßëü€#=\n\t"
)
WORDS = sorted({w for v in VOCABULARIES.values() for w in v.words()})
SEEDS = [p.values[0] for p in PHRASINGS]
LANGS = [None, "en", "fr", "nl", "de"]


def random_text(rng: random.Random) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60)))


def mutated_text(rng: random.Random) -> str:
    chars = list(rng.choice(SEEDS))
    for _ in range(rng.randint(1, 2)):
        op = rng.randrange(5)
        i = rng.randrange(len(chars) + 1)
        if op == 0 and chars:
            del chars[min(i, len(chars) - 1)]
        elif op == 1:
            chars.insert(i, rng.choice(ALPHABET))
        elif op == 2:
            chars[i:i] = " " + rng.choice(WORDS) + " "
        elif op == 3:
            chars[i:i] = " " + str(rng.randint(0, 20000)) + rng.choice(["", "%", "D", "/", ","])
        else:
            chars[i:i] = rng.choice(["[CM+30D]", "[<15: 1M+CM ? 2M+CM>]", "(30)", "#"])
    return "".join(chars)


def respaced_text(rng: random.Random) -> str:
    words = rng.choice(SEEDS).split(" ")
    said = [w.upper() if rng.random() < 0.2 else w for w in words]
    return rng.choice(["", " ", "\t"]) + (" " * rng.randint(1, 3)).join(said) + " "


def main(count: int, seed: int) -> int:
    rng = random.Random(seed)  # noqa: S311 - reproducible fuzzing, not secrets
    parsed = refused = failures = 0
    start = time.perf_counter()
    for n in range(count):
        text = (random_text, mutated_text, respaced_text)[n % 3](rng)
        lang = rng.choice(LANGS)
        try:
            result = parse_with_notes(text, lang=lang)
        except ParseError as exc:
            if not 0 <= exc.position <= len(text):
                failures += 1
                print(f"position {exc.position} outside {text!r}")
            refused += 1
            continue
        except Exception:  # counting what escapes is the point
            failures += 1
            print(f"{text!r} (lang={lang!r}):")
            traceback.print_exc()
            continue
        parsed += 1
        terms = result.terms
        if not isinstance(terms, PaymentTerms):
            failures += 1
            continue
        try:
            again = parse_with_notes(describe(terms, result.lang), lang=result.lang).terms
        except Exception:
            failures += 1
            print(f"round trip of {text!r} raised:")
            traceback.print_exc()
            continue
        if again != terms:
            failures += 1
            print(f"round trip of {text!r} changed the terms")
    took = time.perf_counter() - start
    print(
        f"{count} strings in {took:.1f} s: {parsed} parsed (each described and read back), "
        f"{refused} ParseError, {failures} failures"
    )
    return 1 if failures else 0


if __name__ == "__main__":
    args = sys.argv[1:]
    raise SystemExit(
        main(int(args[0]) if args else 100_000, int(args[1]) if len(args) > 1 else 20260115)
    )
