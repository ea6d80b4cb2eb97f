"""Wording: parse one typical phrase, against the code a user would otherwise write.

Run: ``PYTHONPATH=src python benchmarks/text.py``. The target is a median of 50 µs or
less for a typical phrase. Two figures per phrase:

* **cold**: the phrase read from scratch (the parse cache cleared before every call, the
  cache of built terms kept: that is what a new wording costs in a long-running process);
* **warm**: the same wording read again (``parse`` memoises per distinct text, language,
  reading and default: a customer's terms recur on every invoice).

The baseline is the hand-written regular expression a user writes for one fixed English
pattern ("2/10 net 30") and the same ``PaymentTerms`` built from its groups: it reads one
pattern in one language, where the parser reads every wording of the four tables, so the
cold ratio is the price of that generality.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _timing import median_us, report

from payterms import PaymentTerms
from payterms.text import DEFAULT_READING, describe, parse
from payterms.text.parse import _read

TARGET_US = 50.0
_PATTERN = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s+net\s+(\d+)\s*", re.IGNORECASE)


def regex_baseline(text: str) -> PaymentTerms:
    m = _PATTERN.fullmatch(text)
    if m is None:
        raise ValueError(text)
    percent, days, net = m.groups()
    return PaymentTerms.net(int(net)).with_discount(percent, f"{days}D")


PHRASES = [
    ("2/10 net 30", "en"),
    ("net 30", "en"),
    ("30 jours fin de mois", "fr"),
    ("escompte 2 % pour paiement sous 8 jours", "fr"),
    ("betaling binnen 30 dagen na factuurdatum", "nl"),
    ("14 Tage 2 % Skonto, 30 Tage netto", "de"),
]


def cold(text: str, lang: str | None) -> PaymentTerms:
    _read.cache_clear()
    return parse(text, lang=lang, reading=DEFAULT_READING)  # named: "fin de mois" warns


def main() -> int:
    assert regex_baseline("2/10 net 30") == parse("2/10 net 30")
    baseline = median_us(lambda: regex_baseline("2/10 net 30"))
    clear = median_us(_read.cache_clear)
    colds = []
    for text, lang in PHRASES:
        for given in (lang, None):
            label = f"parse({text!r}{', lang=' + repr(given) if given else ''})"
            took = median_us(lambda text=text, given=given: cold(text, given)) - clear
            warm = median_us(
                lambda text=text, given=given: parse(text, lang=given, reading=DEFAULT_READING)
            )
            colds.append(took)
            report(label + " cold", took, baseline, "regex '2/10 net 30'")
            report(label + " warm", warm, baseline, "regex '2/10 net 30'")
    terms = parse("14 Tage 2 % Skonto, 30 Tage netto")
    said = median_us(lambda: describe(terms, "de"))
    print(f"{'describe(terms, de)':<44} payterms {said:9.2f} us")
    colds.sort()
    median = colds[len(colds) // 2]
    verdict = "meets" if median <= TARGET_US else "misses"
    print(
        f"median over the phrases, cold: {median:.1f} us ({verdict} the {TARGET_US:.0f} us"
        f" target; worst {colds[-1]:.1f} us); baseline {baseline:.1f} us"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
