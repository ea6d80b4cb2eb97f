"""Read payment-term wording ("2/10 net 30", "45 jours fin de mois") into :class:`PaymentTerms`.

The text goes through three stages, none of which knows a language:

1. **Lexing** folds case and accents ("Réception" = "reception", "ß" = "ss") and cuts
   the text into numbers, words, the signs ``% / + , ; ( )`` and Business Central date
   formulas (``CM+30D``, or any formula in brackets: ``[<25: 1M+CM ? 2M+CM>]``), each
   keeping its position in the original text. Numbers are ASCII digits (a full-width
   digit is its ASCII digit; a superscript, a fraction or another script's digit is
   refused) read by the language's conventions: 1,000.50 in English, 1.000,50 in French,
   Dutch and German, thousands also grouped by a space, a no-break space, a narrow
   no-break space or an apostrophe. A number the conventions read two ways ("1.000" in
   English, "1,000" in French) is refused with both readings unless only one can stand
   where it is (a percentage is at most 100); a minus sign before a number is refused.
2. **Wording**: runs of words are matched, longest first, against the phrases of one
   language's table in :mod:`payterms.text.vocab` and become senses (``NET``,
   ``END_OF_MONTH``, ``DISCOUNT``...) or numbers ("thirty", "dertig"). A word the table
   does not know raises :class:`~payterms.errors.ParseError` at its position, with the
   closest known word as a suggestion.
3. **Grammar**: the senses are cut into parts at commas and "and" (and before "net"
   after a discount: "2/10 net 30"); each part is a discount tier (a percentage with
   "discount"/"Skonto", or the ``2/10`` shorthand, or ``2% 10`` beside a net term), an
   instalment (a percentage, an amount, "balance") or the net term, with its timing.

"N days end of month" is ambiguous (French practice reads it both as ``CM+45D`` and as
``45D+CM``; Code de commerce L441-10, CEPC): the *reading* argument decides, by default
:attr:`EndOfMonth.THEN_DAYS` (the reading of US "net 30 EOM", SAP, ERPNext and Odoo
17+). "after end of month", "end of month + 45 days" and "45 days then end of month" are
not ambiguous. So is a percentage "at once" beside a net term ("5 % comptant, 2 % à 10
jours, net à 30 jours"): a discount for paying at once, or a part paid at once; the
*cash* argument decides (:class:`CashPercent`, by default a discount). Such a phrase is
never read silently: :func:`parse` warns (:class:`~payterms.errors.PaytermsWarning`)
naming the reading it applied unless the argument was given, and
:func:`parse_with_notes` reports it in its notes.

>>> from payterms.terms import EndOfMonth
>>> str(parse("45 jours fin de mois", reading=EndOfMonth.THEN_DAYS).installments[0].rule)
'CM+45D'
>>> result = parse_with_notes("45 jours fin de mois", reading=EndOfMonth.DAYS_THEN)
>>> str(result.terms.installments[0].rule), result.reading, result.lang
('45D+CM', <EndOfMonth.DAYS_THEN: 'days_then'>, 'fr')
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from functools import cache, lru_cache
from types import FrameType
from typing import NamedTuple, TypeVar, cast

import attrs
from attrs import frozen

from payterms._checks import check_text
from payterms.errors import InvalidArgument, InvalidType, ParseError, PaytermsWarning, shown
from payterms.limits import MAX_CACHED_LENGTH, MAX_COUNT
from payterms.rules import DueRule, Shift
from payterms.terms import (
    CashPercent,
    DiscountTier,
    EndOfMonth,
    Installment,
    LineKind,
    PaymentTerms,
    PercentOf,
    Start,
    TaxBase,
    TermHoliday,
    end_of_month_rule,
)
from payterms.text.vocab import VOCABULARIES, Sense, Vocabulary

__all__ = [
    "DEFAULT_CASH",
    "DEFAULT_NET",
    "DEFAULT_READING",
    "CashPercent",
    "Parsed",
    "parse",
    "parse_with_notes",
]

DEFAULT_READING = EndOfMonth.THEN_DAYS
"""The reading of an ambiguous "N days end of month" when none is given: end of month,
then N days (``CM+45D``), as US "net 30 EOM", SAP (fixed day 31 + days), ERPNext and
Odoo 17+ "days after end of month" compute it."""

DEFAULT_NET = "30D"
"""The net term used when the text names only a discount ("escompte 2 % pour paiement
sous 8 jours"): 30 calendar days, the default period of Directive 2011/7/EU art. 3(3)(b),
Code de commerce L441-10 I, BW 6:119a lid 2 and BGB § 286(3). Reported in the notes."""


_HUNDRED = Decimal(100)


class _Sym(Enum):
    __hash__ = object.__hash__

    SLASH = "/"
    LPAREN = "("
    RPAREN = ")"
    FORMULA = "formula"
    GROUP = "group"  # a bracketed discount of the instalment before it: its tokens
    HOLIDAY = "holiday"  # a term holiday in brackets: (holiday, postponed date)


_T = TypeVar("_T")
_Kind = Sense | _Sym
# A token: (kind, position in the original text, value).  Values: Decimal for NUMBER,
# DueRule for FORMULA, the folded word for words, None otherwise.
_Token = tuple[_Kind, int, object]

_STEP = r"(?:[0-9]+(?:bd|[dwmqy])|c[wmqy]|wd[1-7]|d[0-9]{1,2})"
_DASHES = "\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212"
# Characters between words that carry nothing; a '.' only when no digit follows (".5" is
# refused, never read as 5), a dash only when it is not a minus sign before a number.
_NOISE = rf"""(?:[\s'’‘`´:!*"«»]|\.(?![0-9])|[{_DASHES}](?![0-9])|(?<=[a-z0-9%)\]])[{_DASHES}])"""
_LEX = re.compile(
    rf"""
    (?:[\s'’‘`´:!*"«»]|\.(?![0-9]))*
    (?:(?P<skonto>\#skonto\#tage=(?P<days>[0-9]+)\#prozent=(?P<pct>[0-9]+(?:\.[0-9]+)?)\#
        (?P<base>basisbetrag=[^#]*\#)?)
    |(?P<bracket>\[[^\]]*\]?)
    |(?P<formula>(?<![a-z0-9])-?{_STEP}(?:[+-]{_STEP})*(?![a-z0-9]))
    |(?P<minus>(?<![a-z0-9%)\]])[{_DASHES}](?=[0-9]))
    |(?P<num>[0-9]+(?:[.,'’][0-9]+|\ [0-9]{{3}}(?![0-9]))*)
    |(?P<word>[a-z]+)
    |(?P<sym>[%/+,;()€$£])
    |(?P<skip>{_NOISE}+))
    """,
    re.VERBOSE,
)
_SYMBOLS: Mapping[str, _Kind] = {
    "%": Sense.PERCENT,
    "/": _Sym.SLASH,
    "+": Sense.THEN,
    ",": Sense.AND,
    ";": Sense.AND,
    "(": _Sym.LPAREN,
    ")": _Sym.RPAREN,
    "€": Sense.AMOUNT,
    "$": Sense.AMOUNT,
    "£": Sense.AMOUNT,
}
_UNITS: Mapping[_Kind, str] = {
    Sense.DAY: "D",
    Sense.WEEK: "W",
    Sense.MONTH: "M",
    Sense.BUSINESS_DAY: "BD",
}
_STARTS: Mapping[_Kind, Start] = {
    Sense.RECEIPT: Start.RECEIPT,
    Sense.DELIVERY: Start.DELIVERY,
    Sense.ORDER: Start.ORDER,
    Sense.POSTING: Start.POSTING,
    Sense.INVOICE: Start.INVOICE_DATE,
    Sense.FROM_END_OF_MONTH: Start.END_OF_MONTH,
}
_TAX: Mapping[_Kind, TaxBase] = {
    Sense.TAX_INCLUDED: TaxBase.INCLUDED,
    Sense.TAX_EXCLUDED: TaxBase.EXCLUDED,
    Sense.TAX_MIXED: TaxBase.MIXED,
}
_PERCENT_OF: Mapping[Sense, PercentOf] = {
    Sense.PERCENT_AFTER_FIXED: PercentOf.AFTER_FIXED,
    Sense.PERCENT_UNTAXED: PercentOf.UNTAXED,
    Sense.PERCENT_REMAINDER: PercentOf.REMAINDER,
}


DEFAULT_CASH = CashPercent.DISCOUNT
"""The reading of a percentage "at once" beside a net term when none is given."""


@frozen
class Parsed:
    """What :func:`parse_with_notes` read: the terms, the language, the readings, notes.

    >>> read = parse_with_notes("2/10 net 30")
    >>> read.lang, read.terms.due_date(date(2026, 1, 15))
    ('en', datetime.date(2026, 2, 14))

    Attributes:
        terms: the :class:`~payterms.terms.PaymentTerms` read.
        lang: the language whose table read the text (``"en"``, ``"fr"``, ``"nl"``, ``"de"``).
        reading: the :class:`~payterms.terms.EndOfMonth` reading applied to an ambiguous
            "N days end of month", or ``None`` when the text had none.
        notes: one sentence per choice the parser made that the text did not spell out.
        cash: the :class:`CashPercent` reading applied to a percentage "at once" beside a
            net term ("5 % comptant"), or ``None`` when the text had none.

    """

    terms: PaymentTerms
    lang: str
    reading: EndOfMonth | None
    notes: tuple[str, ...]
    cash: CashPercent | None = None


# --- stage 1: lexing -----------------------------------------------------------------


def _fold(text: str) -> tuple[str, list[int] | None]:
    """Return the folded text and, if its length differs, each folded char's position."""
    if text.isascii():
        return text.lower(), None
    import unicodedata

    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        low = ch.casefold()
        if not low.isascii():
            low = "".join(
                c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c)
            )
            if not low or (
                # a superscript, subscript, circled digit or fraction is not a number: kept
                # as it is, the lexer refuses it; a full-width digit is the digit itself
                any("0" <= c <= "9" for c in low)
                and not unicodedata.decomposition(ch).startswith("<wide>")
            ):
                low = ch
        out.append(low)
        where.extend([i] * len(low))
    return "".join(out), where


def _lex(text: str, vocab: Vocabulary) -> list[_Token]:
    folded, where = _fold(text)
    tokens: list[_Token] = []
    words: list[tuple[str, int]] = []

    def flush() -> None:
        if words:
            _wording(text, words, vocab, tokens)
            words.clear()

    pos = 0
    end = len(folded)
    match = _LEX.match
    while pos < end:
        m = match(folded, pos)
        if m is None or m.lastgroup is None:
            bad = pos
            while bad < end - 1 and (
                folded[bad] in " \t\n'’‘`´:!*\"«»"
                or (folded[bad] == "." and not "0" <= folded[bad + 1] <= "9")
            ):
                bad += 1
            char = folded[bad]
            raise ParseError(
                text,
                bad if where is None else where[bad],
                "digits 0-9 (a superscript, a fraction or another script's digit is not read)"
                if char.isdigit() or char.isnumeric()
                else "a digit before the decimal mark (0.5, not .5)"
                if char == "."
                else "a word, a number or one of % / + , ; ( )",
            )
        kind = m.lastgroup
        pos = m.end()
        if kind == "skip":
            continue
        start = m.start(kind)
        at = start if where is None else where[start]
        if kind == "word":
            words.append((m.group(kind), at))
            continue
        flush()
        if kind == "skonto":  # XRechnung BR-DE-18: "#SKONTO#TAGE=14#PROZENT=2.00#"
            if m.group("base"):
                raise ParseError(
                    text,
                    at + m.start("base") - start,
                    "a discount on the whole amount (a BASISBETRAG is not read)",
                )
            tokens += [
                (Sense.AND, at, None),
                (Sense.NUMBER, at, Decimal(m.group("days"))),
                (Sense.DAY, at, None),
                (Sense.NUMBER, at, Decimal(m.group("pct"))),
                (Sense.PERCENT, at, None),
                (Sense.DISCOUNT, at, None),
                (Sense.AND, at, None),
            ]
        elif kind == "num":
            tokens.append((Sense.NUMBER, at, _number(text, m.group(kind), at, vocab)))
        elif kind == "minus":
            raise ParseError(text, at, "a number without a sign (no period or amount is negative)")
        elif kind == "sym":
            tokens.append((_SYMBOLS[m.group(kind)], at, None))
        else:  # a date formula, bare or in brackets
            raw = m.group(kind)
            if kind == "bracket":
                if not raw.endswith("]"):
                    raise ParseError(text, at, "a closing ']' after the date formula")
                raw = raw[1:-1]
                at_formula = at + 1
                moved = _HOLIDAY.fullmatch(raw)
                if moved:  # a term holiday: "[2015-03-16>2015-03-17]"
                    tokens.append((_Sym.HOLIDAY, at, _holiday(text, moved, at_formula)))
                    continue
            else:
                at_formula = at
            tokens.append((_Sym.FORMULA, at, _formula(text, raw, at_formula)))
    flush()
    return tokens


class _Ambiguous(NamedTuple):
    """A number the language's conventions do not settle: "1.000" in English, "1,000" in French."""

    raw: str
    readings: tuple[tuple[Decimal, str], tuple[Decimal, str]]


class _Fatal(Exception):
    """A ParseError that trying another language must not hide (an ambiguous number)."""

    def __init__(self, error: ParseError) -> None:
        super().__init__(error)
        self.error = error


def _ambiguity(text: str, at: int, number: _Ambiguous) -> ParseError:
    (first, why_first), (second, why_second) = number.readings
    return ParseError(
        text,
        at,
        f"a number with one reading: {number.raw!r} is {first.normalize():f} {why_first}, "
        f"or {second.normalize():f} {why_second} (write {second.normalize():f} or name "
        "the language with lang=)",
    )


def _grouped(groups: list[str], marks: list[str], thousands: str) -> str | None:
    """Return the digits of *groups* joined by thousands separators, or None if not grouped so."""
    if not marks:
        return groups[0]
    if len(set(marks)) > 1 or marks[0] not in (thousands, " ", "'", "’"):
        return None
    if not 1 <= len(groups[0]) <= 3 or groups[0][0] == "0":
        return None
    if any(len(group) != 3 for group in groups[1:]):
        return None
    return "".join(groups)


def _reading(groups: list[str], marks: list[str], point: str) -> Decimal | None:
    """Return the value of a number whose decimal mark is *point* ('.' or ','), or None."""
    thousands = "," if point == "." else "."
    if marks and marks[-1] == point:
        whole = _grouped(groups[:-1], marks[:-1], thousands)
        return None if whole is None else Decimal(f"{whole}.{groups[-1]}")
    whole = _grouped(groups, marks, thousands)
    return None if whole is None else Decimal(whole)


_NUMBER_PARTS = re.compile(r"([^0-9])")


def _number(text: str, raw: str, at: int, vocab: Vocabulary) -> Decimal | _Ambiguous:
    """Return the value of the number *raw*, read by the conventions of *vocab*'s language.

    English writes 1,000.50; French, Dutch and German write 1.000,50; a space, a no-break
    space, a narrow no-break space or an apostrophe (Swiss) may group thousands in any
    of them. A number only one convention can read is read so ("2,5" in English is 2.5).
    A number the two conventions read differently is read by the language's when its
    separator is the language's thousands separator ("1,000" in English is 1000); when
    it is the language's decimal mark followed by three digits ("1.000" in English,
    "1,000" in French) both readings are kept, and the grammar refuses the number unless
    one reading is impossible where it stands (a percentage above 100).
    """
    parts = _NUMBER_PARTS.split(raw)
    groups, marks = parts[0::2], parts[1::2]
    point = "," if vocab.templates.decimal_comma else "."
    other = "." if point == "," else ","
    mine, theirs = _reading(groups, marks, point), _reading(groups, marks, other)
    if mine is None and theirs is None:
        example = "1.000,50" if point == "," else "1,000.50"
        raise ParseError(text, at, f"a number written as in {vocab.name}, such as {example}")
    if theirs is None or mine == theirs:
        return cast(Decimal, mine)
    if mine is None:
        return theirs
    if marks[-1] != point:  # the language's thousands separator: "1,000" in English
        return mine
    return _Ambiguous(
        raw,
        (
            (mine, f"with {point!r} as the decimal mark, as {vocab.name} writes"),
            (theirs, f"with {point!r} as a thousands separator"),
        ),
    )


_HOLIDAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})\s*>\s*(\d{4}-\d{2}-\d{2})\s*")


def _holiday(text: str, m: re.Match[str], at: int) -> tuple[date, date]:
    """Return the (holiday, postponed date) pair written in brackets."""
    days = []
    for group in (1, 2):
        try:
            days.append(date.fromisoformat(m.group(group)))
        except ValueError:
            raise ParseError(text, at + m.start(group), "a date as YYYY-MM-DD") from None
    return days[0], days[1]


def _formula(text: str, raw: str, at: int) -> DueRule:
    try:
        return _user_rule(raw.upper())
    except ParseError as exc:
        position = at + min(max(exc.position, 0), len(raw))
        raise ParseError(text, position, exc.expected) from None


@lru_cache(maxsize=1024)
def _rule(formula: str) -> DueRule:
    return DueRule.parse(formula)


def _user_rule(formula: str) -> DueRule:
    """Return the rule of a formula from the caller; only short ones are memoised."""
    if len(formula) > MAX_CACHED_LENGTH:
        return DueRule.parse(formula)
    return _rule(formula)


def _wording(
    text: str, words: list[tuple[str, int]], vocab: Vocabulary, tokens: list[_Token]
) -> None:
    """Match runs of words against the vocabulary, longest phrase first."""
    senses = vocab.senses
    numbers = vocab.numbers
    longest = _longest(vocab.code)
    i = 0
    n = len(words)
    while i < n:
        for size in range(min(longest.get(words[i][0], 0), n - i), 0, -1):
            key = tuple(w for w, _ in words[i : i + size])
            sense = senses.get(key)
            if sense is not None:
                if sense is not Sense.FILLER:  # fillers carry nothing for the grammar
                    tokens.append((sense, words[i][1], key))
                break
            number = numbers.get(key)
            if number is not None:
                tokens.append((Sense.NUMBER, words[i][1], Decimal(number)))
                break
        else:
            raise _unknown(text, words, i, vocab)
        i += size


def _unknown(text: str, words: list[tuple[str, int]], i: int, vocab: Vocabulary) -> ParseError:
    """Return the error for the words at *i*: the first unknown word, or the phrase."""
    import difflib

    known = _known_set(vocab.code)
    expected = f"a word of payment terms in {vocab.name}"
    j = i
    while j < len(words) and words[j][0] in known:
        j += 1
    if j < len(words) and j - i < 8:  # an unknown word close by: point at it
        word, at = words[j]
        close = difflib.get_close_matches(word, _known(vocab.code), n=1, cutoff=0.75)
        return ParseError(text, at, expected, suggestion=close[0] if close else None)
    word, at = words[i]  # known words in an order no phrase has
    phrases = [" ".join(k) for k in (*vocab.senses, *vocab.numbers) if k[0] == word]
    said = " ".join(w for w, _ in words[i : i + 4])
    close = difflib.get_close_matches(said, phrases, n=1, cutoff=0.6)
    return ParseError(text, at, expected, suggestion=close[0] if close else None)


@cache
def _longest(code: str) -> dict[str, int]:
    """Return, for each first word of a phrase, the length of the longest such phrase."""
    vocab = VOCABULARIES[code]
    longest: dict[str, int] = {}
    for key in (*vocab.senses, *vocab.numbers):
        longest[key[0]] = max(longest.get(key[0], 0), len(key))
    return longest


@cache
def _known(code: str) -> list[str]:
    return sorted(VOCABULARIES[code].words())


# --- stage 3: grammar ----------------------------------------------------------------


# A discount tier as read: (percentage, fixed amount, rule); one of the first two is None.
_TierSpec = tuple[Decimal | None, Decimal | None, DueRule]


class _Clause(NamedTuple):
    """One part of the terms: its percentage, amount, timing, markers and own discounts."""

    first: int
    percent: Decimal | None
    amount: Decimal | None
    rule: DueRule | None
    senses: set[_Kind]
    shorthand: bool
    tiers: tuple[_TierSpec, ...] = ()


class _Reader:
    """Reads the sense tokens of a whole text; collects the terms and the notes."""

    def __init__(
        self,
        text: str,
        tokens: list[_Token],
        reading: EndOfMonth,
        cash: CashPercent = DEFAULT_CASH,
    ) -> None:
        self.text = text
        self.tokens = tokens
        self.reading = reading
        self.applied: EndOfMonth | None = None
        self.cash = cash
        self.cash_applied: CashPercent | None = None
        self.notes: list[str] = []
        self.start: tuple[Start, int] | None = None
        self.tax: tuple[TaxBase, int] | None = None
        self.holidays: list[_Token] = []

    def error(self, at: int, expected: str) -> ParseError:
        return ParseError(self.text, at, expected)

    # -- cutting into clauses --

    def clauses(self) -> list[list[_Token]]:
        tokens = self.tokens
        if any(tok[0] is _Sym.HOLIDAY for tok in tokens):  # term holidays stand apart
            self.holidays = [tok for tok in tokens if tok[0] is _Sym.HOLIDAY]
            tokens = [tok for tok in tokens if tok[0] is not _Sym.HOLIDAY]
        if "(" in self.text:
            tokens = _collapse_echo(self.text, tokens)
        parts: list[list[_Token]] = []
        current: list[_Token] = []
        has_percent = False
        has_timing = False
        numbers = 0
        prev: _Kind | None = None
        after_comma: list[int] = []  # separators' positions, in order
        for tok in tokens:
            kind = tok[0]
            if kind is _Sym.SLASH and prev is not Sense.NUMBER and prev is not Sense.NET:
                kind = Sense.AND  # "33 % at 15 days / 67 % at 60 days"
            prev = kind
            if kind is Sense.AND:
                if current:
                    parts.append(current)
                current, has_percent, has_timing, numbers = [], False, False, 0
                after_comma.append(tok[1])
                continue
            if (kind is Sense.NET and has_percent and numbers >= 2) or (
                kind is Sense.BALANCE and (has_percent or has_timing)
            ):
                # "2/10 net 30", "2 % 10 net 30": a discount, then the net term;
                # but "50 % net 30" is one instalment
                parts.append(current)
                current, has_percent, has_timing, numbers = [], False, False, 0
            current.append(tok)
            if kind is Sense.NUMBER:
                numbers += 1
            if kind is Sense.PERCENT or kind is _Sym.SLASH:
                has_percent = True
            elif kind in _UNITS or kind is Sense.END_OF_MONTH or kind is _Sym.FORMULA:
                has_timing = True
        if current:
            parts.append(current)
        # "30 jours fin de mois, le 10": a day of the month alone belongs to the part before
        merged: list[list[_Token]] = []
        text = self.text
        for part in parts:
            if (
                merged
                and len(part) == 2
                and part[0][0] is Sense.DAY_OF_MONTH
                and part[1][0] is Sense.NUMBER
                and not text[_before(after_comma, part[0][1]) + 1 : part[0][1]].strip(" ,;")
            ):
                merged[-1].extend(part)
            else:
                merged.append(part)
        return merged

    # -- one clause --

    def clause(self, toks: list[_Token]) -> _Clause | None:
        percent: Decimal | None = None
        amount: Decimal | None = None
        shorthand = False
        tiers: tuple[_TierSpec, ...] = ()
        senses: set[_Kind] = set()
        items: list[tuple[str, object, int]] = []  # timing items in order
        nouns: list[tuple[_Kind, int, bool]] = []  # start nouns: (kind, pos, after AFTER)
        n = len(toks)
        i = 0
        prev: _Kind | None = None
        while i < n:
            kind, at, value = toks[i]
            nxt = toks[i + 1][0] if i + 1 < n else None
            if kind is Sense.NUMBER:
                if nxt is Sense.PERCENT:
                    if percent is not None:
                        raise self.error(at, "one percentage per part (separate parts with ',')")
                    percent = self.number(value, at, percent=True)
                    i += 2
                    prev = Sense.PERCENT
                    continue
                if nxt is Sense.AMOUNT or prev is Sense.AMOUNT:
                    if amount is not None:
                        raise self.error(at, "one amount per part")
                    amount = self.number(value, at)
                    i += 1 if prev is Sense.AMOUNT else 2  # "EUR 500" or "500 EUR"
                    prev = Sense.NUMBER
                    continue
                if (
                    nxt is _Sym.SLASH
                    and i + 2 < n
                    and toks[i + 2][0] is Sense.NUMBER
                    and percent is None
                    and not items
                ):
                    percent = self.number(value, at, percent=True)
                    days_at = toks[i + 2][1]
                    days = self.number(toks[i + 2][2], days_at)
                    items.append(("off", (self.count(days, days_at), "D"), days_at))
                    shorthand = True
                    i += 3
                    if i < n and toks[i][0] in _UNITS:
                        i += 1
                    prev = Sense.DAY
                    continue
                if prev is Sense.DAY_OF_MONTH or nxt is Sense.NEXT_MONTH:
                    items.append(("dom", self.day(self.number(value, at), at), at))
                    i += 1
                    prev = Sense.NUMBER
                    continue
                unit = _UNITS.get(nxt) if nxt is not None else None
                items.append(("off", (self.count(self.number(value, at), at), unit or "D"), at))
                i += 2 if unit else 1
                prev = Sense.DAY
                continue
            if kind is _Sym.GROUP:
                if tiers:
                    raise self.error(at, "one bracket of discounts per instalment")
                tiers = self.group(cast(list[_Token], value), at)
                i += 1
                continue
            if kind is Sense.PERCENT:
                raise self.error(at, "a number before the percent sign")
            if kind in _UNITS:  # a unit without its number ("days net"): noise
                i += 1
                prev = kind
                continue
            if kind is Sense.END_OF_MONTH or kind is Sense.END_OF_NEXT_MONTH:
                items.append(("eom" if kind is Sense.END_OF_MONTH else "eonm", None, at))
            elif kind is Sense.BEFORE_END_OF_MONTH:
                items.append(("beom", None, at))
            elif kind is Sense.THEN:
                items.append(("then", None, at))
            elif kind is Sense.AFTER:
                items.append(("after", None, at))
            elif kind is Sense.NEXT_MONTH:
                items.append(("next_month", None, at))
            elif kind is _Sym.FORMULA:
                assert isinstance(value, DueRule)  # noqa: S101 - lexer invariant
                shift = _plain_shift(value)
                if shift is None:
                    items.append(("rule", value, at))
                else:  # "45D end of month": a bare shift reads as words would
                    items.append(("off", shift, at))
            elif kind in _STARTS:
                nouns.append((kind, at, prev is Sense.AFTER))
            elif kind in _TAX:
                self.set_tax(_TAX[kind], at)
            elif kind in (Sense.IMMEDIATE, Sense.ADVANCE):
                senses.add(kind)
                items.append(("now", None, at))
            elif isinstance(kind, Sense):
                senses.add(kind)
            if kind is not Sense.DAY_OF_MONTH or nxt is Sense.NUMBER:
                prev = kind
            i += 1
        has_period = any(k in ("off", "eom", "eonm", "beom", "rule", "dom") for k, _, _ in items)
        for noun, at, after in nouns:
            if noun is Sense.FROM_END_OF_MONTH or after or has_period:
                # "30 days after delivery", "after receipt of invoice": the start
                self.set_start(_STARTS[noun], at)
            elif noun is not Sense.INVOICE:
                # "on receipt", "à la commande", "cash on delivery": due at once
                items.append(("now", None, at))
        if not items and Sense.DEPOSIT in senses:  # "30 % deposit": paid at once
            items.append(("now", None, toks[0][1]))
        rule = self.timing(items) if items else None
        if tiers and rule is None:
            raise self.error(toks[0][1], "an instalment with its period before its discounts")
        if (
            percent is None
            and amount is None
            and rule is None
            and not senses
            & {
                Sense.BALANCE,
                Sense.DISCOUNT,
                Sense.DEPOSIT,
                Sense.NO_DISCOUNT,
            }
        ):
            if Sense.NET in senses:
                raise self.error(toks[0][1], "a payment period after 'net' (e.g. 'net 30')")
            return None
        return _Clause(toks[0][1], percent, amount, rule, senses, shorthand, tiers)

    def group(self, toks: list[_Token], at: int) -> tuple[_TierSpec, ...]:
        """Return the discount tiers of a bracket after an instalment."""
        parts: list[list[_Token]] = [[]]
        for tok in toks:
            if tok[0] is Sense.AND:
                parts.append([])
            else:
                parts[-1].append(tok)
        tiers: list[_TierSpec] = []
        for part in parts:
            c = self.clause(part) if part else None
            if c is None or c.tiers or not (Sense.DISCOUNT in c.senses or c.shorthand):
                where = part[0][1] if part else at
                raise self.error(where, "a discount in the brackets (e.g. '2 % within 10 days')")
            tiers.append(self.tier(c))
        return tuple(tiers)

    def tier(self, c: _Clause) -> _TierSpec:
        """Return the discount tier a discount part says."""
        if c.percent is not None and c.amount is not None:
            raise self.error(c.first, "a discount percentage or an amount, not both")
        if c.percent is None and c.amount is None:
            raise self.error(c.first, "a discount percentage (e.g. '2 %') or amount")
        if c.rule is None:
            raise self.error(c.first, "the period within which the discount holds")
        return (c.percent, c.amount, c.rule)

    def number(self, value: object, at: int, *, percent: bool = False) -> Decimal:
        """Return the number *value*; an ambiguous one must have one possible reading."""
        if isinstance(value, Decimal):
            return value
        assert isinstance(value, _Ambiguous)  # noqa: S101 - lexer invariant
        if percent:  # a percentage is at most 100: "2.125 %" in English is 2.125
            possible = [v for v, _ in value.readings if 0 < v <= _HUNDRED]
            if len(possible) == 1:
                return possible[0]
        raise _Fatal(_ambiguity(self.text, at, value))

    def count(self, value: Decimal, at: int) -> int:
        if value != value.to_integral_value() or value > MAX_COUNT:
            raise self.error(
                at, f"a whole number of days from 0 to {MAX_COUNT} (payterms.limits.MAX_COUNT)"
            )
        return int(value)

    def day(self, value: Decimal, at: int) -> int:
        if value != value.to_integral_value() or not 1 <= value <= 31:
            raise self.error(at, "a day of the month from 1 to 31")
        return int(value)

    def set_start(self, start: Start, at: int) -> None:
        if self.start is not None and self.start[0] is not start:
            raise self.error(
                at,
                f"one start for the whole terms (the text already counts from "
                f"{self.start[0].value.replace('_', ' ')})",
            )
        self.start = (start, at)

    def set_tax(self, base: TaxBase, at: int) -> None:
        if self.tax is not None and self.tax[0] is not base:
            raise self.error(at, "one tax base for the discount")
        self.tax = (base, at)

    # -- timing --

    def timing(self, items: list[tuple[str, object, int]]) -> DueRule | None:
        rules = [(cast(DueRule, v), at) for k, v, at in items if k == "rule"]
        offsets = [(cast(tuple[int, str], v), at) for k, v, at in items if k == "off"]
        eoms = [(k, at) for k, _, at in items if k in ("eom", "eonm")]
        doms = [(cast(int, v), at) for k, v, at in items if k == "dom"]
        nows = [at for k, _, at in items if k == "now"]
        befores = [at for k, _, at in items if k == "beom"]
        if befores:  # "10 days before the end of the month": CM-10D
            if rules or eoms or doms or nows or len(befores) > 1:
                others = [at for k, _, at in items if k not in ("off", "beom", "then", "after")]
                raise self.error(
                    (others or befores[1:])[0], "only a period before the end of the month"
                )
            if len(offsets) != 1 or offsets[0][1] > befores[0] or offsets[0][0][0] == 0:
                raise self.error(befores[0], "a period before 'before the end of the month'")
            (count, unit), _ = offsets[0]
            return _rule(f"CM-{count}{unit}")
        if rules:
            others = [at for k, _, at in items if k not in ("rule", "then", "after")]
            if len(rules) > 1 or others:
                raise self.error(
                    rules[-1][1] if len(rules) > 1 else others[0],
                    "either a date formula or words for one period, not both",
                )
            return rules[0][0]
        if len(offsets) > 1:
            raise self.error(offsets[1][1], "one period per part (separate parts with ',')")
        if len(eoms) > 1:
            raise self.error(eoms[1][1], "one end of month per part")
        if len(doms) > 1:
            raise self.error(doms[1][1], "one day of the month per part")
        if nows and (offsets or eoms or doms):
            first = min([at for _, at in offsets] + [at for _, at in eoms] + [at for _, at in doms])
            if nows[0] < first:
                raise self.error(first, "no period after a payment due at once")
            raise self.error(nows[0], "no 'at once' after a payment period")
        if not (offsets or eoms or doms):
            return _rule("0D") if nows else None
        count, unit = offsets[0][0] if offsets else (0, "D")
        day = doms[0][0] if doms else None
        if not eoms:
            next_month = any(k == "next_month" for k, _, _ in items)
            if day is None:
                return _rule(f"{count}{unit}")
            head = f"{count}{unit}+" if offsets else ""
            if next_month:  # "the 10th of the following month"
                return _rule(head + end_of_month_rule(0, unit, day=day))
            return _rule(f"{head}D{day}")  # "on the 10th": the next 10th
        eom_kind, eom_at = eoms[0]
        months = 1 if eom_kind == "eonm" else 0
        if not offsets or count == 0:
            return _rule(end_of_month_rule(0, unit, months=months, day=day))
        off_at = offsets[0][1]
        between = [k for k, _, at in items if min(off_at, eom_at) < at < max(off_at, eom_at)]
        if off_at > eom_at or "after" in between:  # "end of month + 45 days"
            reading = EndOfMonth.THEN_DAYS
        elif "then" in between:  # "45 days then end of month"
            reading = EndOfMonth.DAYS_THEN
        else:  # "45 days end of month": ambiguous
            reading = self.reading
            self.applied = reading
            note = (
                f"'{count} days end of month' read as "
                + (
                    "end of month, then the days (CM+{0}{1})"
                    if reading is EndOfMonth.THEN_DAYS
                    else "the days, then end of month ({0}{1}+CM)"
                ).format(count, unit)
                + f" (reading={reading.name}; pass reading= to choose)"
            )
            if note not in self.notes:
                self.notes.append(note)
        return _rule(end_of_month_rule(count, unit, reading=reading, months=months, day=day))

    def read_cash(self, c: _Clause) -> bool:
        """Return whether "N % at once" beside a net term is a discount (two readings)."""
        self.cash_applied = self.cash
        said = self.text[c.first :].split(",")[0].strip()
        note = (
            f"{said!r} read as "
            + (
                f"a {c.percent} % discount for payment at once"
                if self.cash is CashPercent.DISCOUNT
                else f"{c.percent} % of the amount paid at once"
            )
            + f" (cash={self.cash.name}; pass cash= to choose)"
        )
        if note not in self.notes:
            self.notes.append(note)
        return self.cash is CashPercent.DISCOUNT

    # -- the whole text --

    def terms(self, default_net: DueRule | None) -> PaymentTerms:
        clauses = [c for c in (self.clause(part) for part in self.clauses()) if c is not None]
        if not clauses:
            raise self.error(len(self.text), "payment terms (e.g. 'net 30', '30 jours net')")
        has_net = any(
            c.percent is None
            and c.amount is None
            and c.rule is not None
            and Sense.DISCOUNT not in c.senses
            for c in clauses
        )
        has_balance = any(Sense.BALANCE in c.senses for c in clauses)
        lines: list[_LineSpec] = []
        tiers: list[tuple[Decimal | None, Decimal | None, DueRule, int]] = []
        no_discount: int | None = None
        for c in clauses:
            if Sense.NO_DISCOUNT in c.senses and c.rule is None:
                # a statement of its own ("pas d'escompte pour paiement anticipé"); beside a
                # period it says that part is paid in full ("30 Tagen ohne Abzug")
                no_discount = c.first
                if c.percent is None and c.amount is None and Sense.DISCOUNT not in c.senses:
                    continue
            plain_percent = (
                c.percent is not None
                and c.amount is None
                and has_net
                and not has_balance
                and not c.senses & {Sense.BALANCE, Sense.DEPOSIT, Sense.ADVANCE}
            )
            is_discount = (
                Sense.DISCOUNT in c.senses
                or c.shorthand
                or (plain_percent and Sense.IMMEDIATE not in c.senses)
                or (plain_percent and self.read_cash(c))
            )
            if is_discount:
                if c.tiers:
                    raise self.error(c.first, "discounts in brackets after an instalment")
                tiers.append((*self.tier(c), c.first))
                continue
            if c.rule is None:
                raise self.error(c.first, "when this part is due (e.g. 'at 30 days')")
            if c.percent is not None and c.amount is not None:
                raise self.error(c.first, "a percentage or an amount, not both")
            if c.percent is not None:
                of = next(
                    (of for sense, of in _PERCENT_OF.items() if sense in c.senses),
                    PercentOf.TOTAL,
                )
                lines.append((LineKind.PERCENT, c.percent, c.rule, of, c.tiers, c.first))
            elif c.amount is not None:
                lines.append((LineKind.FIXED, c.amount, c.rule, PercentOf.TOTAL, c.tiers, c.first))
            else:
                lines.append((LineKind.BALANCE, None, c.rule, PercentOf.TOTAL, c.tiers, c.first))
        if tiers and no_discount is not None:
            raise self.error(no_discount, "either a discount or 'no discount', not both")
        if not lines:
            if not tiers:
                raise self.error(len(self.text), "payment terms (e.g. 'net 30', '30 jours net')")
            if default_net is None:
                raise self.error(len(self.text), "a net term (e.g. 'net 30')")
            lines.append((LineKind.BALANCE, None, default_net, PercentOf.TOTAL, (), 0))
            self.notes.append(
                f"no net term in the text: the default {default_net} applied "
                "(Directive 2011/7/EU art. 3(3)(b); pass default_net= to choose)"
            )
        start = self.start[0] if self.start else Start.INVOICE_DATE
        tax = self.tax[0] if self.tax else TaxBase.INCLUDED
        line_key = tuple(spec[:5] for spec in lines)
        tier_key = tuple(spec[:3] for spec in tiers)
        holiday_key = tuple(cast(tuple[date, date], value) for _, _, value in self.holidays)
        for _, at, value in self.holidays:
            self.build(TermHoliday, at, *cast(tuple[date, date], value))
        try:
            assemble = _assemble if len(self.text) <= MAX_CACHED_LENGTH else _assemble.__wrapped__
            return assemble(line_key, tier_key, start, tax, holiday_key)
        except InvalidArgument as exc:
            # find the part at fault, to point at it
            for kind, value, rule, of, line_tiers, at in lines:
                self.build(_line, at, kind, value, rule, of, line_tiers)
            for percent, amount, rule, at in tiers:
                self.build(_tier, at, percent, amount, rule)
            raise self.error(clauses[0].first, f"consistent terms ({exc})") from None

    def build(self, make: Callable[..., _T], at: int, *args: object) -> _T:
        try:
            return make(*args)
        except InvalidArgument as exc:
            raise self.error(at, f"valid terms ({exc})") from None


_LineSpec = tuple[LineKind, Decimal | None, DueRule, PercentOf, tuple[_TierSpec, ...], int]


def _tier(percent: Decimal | None, amount: Decimal | None, rule: DueRule) -> DiscountTier:
    return DiscountTier(percent, rule, amount=amount)


def _line(
    kind: LineKind,
    value: Decimal | None,
    rule: DueRule,
    of: PercentOf,
    tiers: tuple[_TierSpec, ...] = (),
) -> Installment:
    if kind is LineKind.BALANCE:
        line = Installment.balance(rule)
    elif kind is LineKind.FIXED:
        line = Installment.fixed(cast(Decimal, value), rule)
    else:
        line = Installment.percent(cast(Decimal, value), rule, of=of)
    if tiers:
        line = attrs.evolve(line, discounts=tuple(_tier(*spec) for spec in tiers))
    return line


@lru_cache(maxsize=2048)
def _assemble(
    lines: tuple[tuple[LineKind, Decimal | None, DueRule, PercentOf, tuple[_TierSpec, ...]], ...],
    tiers: tuple[_TierSpec, ...],
    start: Start,
    tax: TaxBase,
    holidays: tuple[tuple[date, date], ...] = (),
) -> PaymentTerms:
    """Return the terms of these parts (cached: terms are immutable values)."""
    return PaymentTerms(
        installments=tuple(_line(*spec) for spec in lines),
        discounts=tuple(_tier(*spec) for spec in tiers),
        start=start,
        tax_base=tax,
        holidays=tuple(TermHoliday(day, later) for day, later in holidays),
    )


def _before(positions: list[int], at: int) -> int:
    """Return the largest of the sorted *positions* before *at* (-1 when none is)."""
    i = bisect.bisect_left(positions, at)
    return positions[i - 1] if i else -1


def _plain_shift(rule: DueRule) -> tuple[int, str] | None:
    """Return (count, unit) if *rule* is one shift of days, weeks, months or business days."""
    if len(rule.steps) == 1:
        step = rule.steps[0]
        if isinstance(step, Shift) and step.unit.value in ("D", "W", "M", "BD") and step.count >= 0:
            return step.count, step.unit.value
    return None


def _collapse_echo(text: str, tokens: list[_Token]) -> list[_Token]:
    """Drop contract-style echoes: "thirty (30) days" -> one number; other brackets go.

    A bracket holding a discount ("50 % at 30 days (2 % discount within 10 days)") is the
    instalment's own discount: it becomes one GROUP token carrying the tokens inside.
    """
    out: list[_Token] = []
    i = 0
    n = len(tokens)
    while i < n:
        kind, at, value = tokens[i]
        if kind is _Sym.LPAREN:
            close = next((j for j in range(i + 1, n) if tokens[j][0] is _Sym.RPAREN), None)
            inner = tokens[i + 1 : close] if close is not None else []
            if close is not None and any(
                tok[0] is Sense.DISCOUNT or tok[0] is _Sym.SLASH for tok in inner
            ):
                out.append((_Sym.GROUP, at, inner))
                i = close + 1
                continue
        if (
            kind is Sense.NUMBER
            and i + 3 < n
            and tokens[i + 1][0] is _Sym.LPAREN
            and tokens[i + 2][0] is Sense.NUMBER
            and tokens[i + 3][0] is _Sym.RPAREN
        ):
            echo = tokens[i + 2][2]
            if isinstance(value, _Ambiguous) and echo in [v for v, _ in value.readings]:
                value = echo  # "1.000 (1000) EUR": the echo says which reading is meant
            elif isinstance(echo, _Ambiguous) and value in [v for v, _ in echo.readings]:
                pass  # "one thousand (1.000)": likewise
            elif isinstance(value, _Ambiguous):
                raise _Fatal(_ambiguity(text, tokens[i][1], value))
            elif echo != value:
                shown = f"{value:f}" if isinstance(value, Decimal) else value
                raise ParseError(text, tokens[i + 2][1], f"the same number as before, {shown}")
            out.append((kind, tokens[i][1], value))
            i += 4
            continue
        if kind is not _Sym.LPAREN and kind is not _Sym.RPAREN:
            out.append(tokens[i])
        i += 1
    return out


# --- public functions ----------------------------------------------------------------


def _check_lang(lang: object) -> str | None:
    if lang is None:
        return None
    if not isinstance(lang, str):
        raise InvalidType("lang", lang, "a language code such as 'fr', or None")
    code = lang.lower()
    if code not in VOCABULARIES:
        raise InvalidArgument("lang", lang, f"one of {', '.join(sorted(VOCABULARIES))}")
    return code


def _guess(text: str) -> list[str]:
    """Return the language codes ordered by how many of the text's words each one knows."""
    folded, _ = _fold(text)
    words = re.findall(r"[a-z]+", folded)
    scores = []
    for order, code in enumerate(VOCABULARIES):
        known = _known_set(code)
        scores.append((-sum(w in known for w in words), order, code))
    return [code for _, _, code in sorted(scores)]


@cache
def _known_set(code: str) -> frozenset[str]:
    return VOCABULARIES[code].words()


def parse_with_notes(
    text: str,
    *,
    lang: str | None = None,
    reading: EndOfMonth | None = None,
    default_net: DueRule | str | None = DEFAULT_NET,
    cash: CashPercent | None = None,
) -> Parsed:
    """Return the terms read from *text* with the language, readings and notes that applied.

    *lang* is ``"en"``, ``"fr"``, ``"nl"`` or ``"de"``; with ``None`` every language is
    tried, the one that knows most of the words first. *reading* decides an ambiguous
    "N days end of month" (``None``: :data:`DEFAULT_READING`), *cash* a percentage "at
    once" beside a net term ("5 % comptant, net 30"; ``None``: :data:`DEFAULT_CASH`); the
    notes say which reading applied. *default_net* is the net term when the text names
    only a discount (``None``: raise instead). Unlike :func:`parse`, this never warns:
    the notes are the report.

    >>> r = parse_with_notes("escompte 2 % pour paiement sous 8 jours")
    >>> r.lang, str(r.terms.discounts[0].rule), str(r.terms.installments[0].rule)
    ('fr', '8D', '30D')
    >>> print(r.notes[0])
    no net term in the text: the default 30D applied (Directive 2011/7/EU art. 3(3)(b);
    pass default_net= to choose)
    """
    if not isinstance(text, str):
        raise InvalidType("text", text, "a str")
    check_text(text)
    code = _check_lang(lang)
    if reading is None:
        reading = DEFAULT_READING
    elif not isinstance(reading, EndOfMonth):
        raise InvalidType("reading", reading, "a payterms.terms.EndOfMonth member")
    if cash is None:
        cash = DEFAULT_CASH
    elif not isinstance(cash, CashPercent):
        raise InvalidType("cash", cash, "a payterms.text.CashPercent member")
    net: DueRule | None
    if default_net is None or isinstance(default_net, DueRule):
        net = default_net
    elif isinstance(default_net, str):
        net = _user_rule(default_net.strip().upper())
    else:
        raise InvalidType("default_net", default_net, "a DueRule, its text, or None")
    if len(text) > MAX_CACHED_LENGTH:  # read each time: the cache holds short texts only
        return _read(text, code, reading, net, cash)
    return _read_cached(text, code, reading, net, cash)


def _read(
    text: str, code: str | None, reading: EndOfMonth, net: DueRule | None, cash: CashPercent
) -> Parsed:
    """Read *text*; see :func:`_read_cached`."""
    stripped = text.strip()
    if stripped.startswith("<"):  # a bare cut-off formula
        try:
            rule = _user_rule(stripped)
        except ParseError as exc:
            raise ParseError(text, text.index("<") + max(exc.position, 0), exc.expected) from None
        terms = PaymentTerms(installments=(Installment.balance(rule),))
        return Parsed(terms, code or "en", None, ())
    codes = [code] if code else _guess(text)
    first_error: ParseError | None = None
    for candidate in codes:
        try:
            reader = _Reader(text, _lex(text, VOCABULARIES[candidate]), reading, cash)
            terms = reader.terms(net)
        except _Fatal as fatal:
            raise fatal.error from None
        except ParseError as exc:
            if first_error is None:
                first_error = exc
            continue
        return Parsed(terms, candidate, reader.applied, tuple(reader.notes), reader.cash_applied)
    assert first_error is not None  # noqa: S101 - at least one language was tried
    raise first_error


# the same wording recurs on every invoice of a customer: read each short text once
_read_cached = lru_cache(maxsize=4096)(_read)


_READINGS = {
    EndOfMonth.THEN_DAYS: "end of month, then the days",
    EndOfMonth.DAYS_THEN: "the days, then end of month",
    CashPercent.DISCOUNT: "a discount for payment at once",
    CashPercent.DOWN_PAYMENT: "a part of the amount paid at once",
}


def _warn_readings(
    text: str,
    parsed: Parsed,
    reading: EndOfMonth | None,
    cash: CashPercent | None,
    stacklevel: int,
) -> None:
    """Warn for each phrase of *text* with two readings that the caller did not settle.

    *stacklevel* is the caller's level as seen from :func:`parse`.
    """
    if reading is None and parsed.reading is not None:
        warnings.warn(
            f"{shown(text)}: 'N days end of month' has two readings; read as "
            f"{_READINGS[parsed.reading]} (reading=EndOfMonth.{parsed.reading.name}); "
            "pass reading= to choose",
            PaytermsWarning,
            stacklevel=stacklevel + 1,
        )
    if cash is None and parsed.cash is not None:
        warnings.warn(
            f"{shown(text)}: a percentage at once beside a net term has two readings; read as "
            f"{_READINGS[parsed.cash]} (cash=CashPercent.{parsed.cash.name}); pass cash= "
            "to choose",
            PaytermsWarning,
            stacklevel=stacklevel + 1,
        )


def parse(
    text: str,
    *,
    lang: str | None = None,
    reading: EndOfMonth | None = None,
    default_net: DueRule | str | None = DEFAULT_NET,
    cash: CashPercent | None = None,
) -> PaymentTerms:
    """Return the :class:`~payterms.terms.PaymentTerms` that *text* words.

    See :func:`parse_with_notes` for the arguments and for what the parser chose. A
    phrase with two readings is never read silently: when *text* holds one and the
    matching argument (*reading* for "N days end of month", *cash* for "5 % comptant"
    beside a net term) is not given, the default reading applies and a
    :class:`~payterms.errors.PaytermsWarning` names it.

    >>> terms = parse("2/10 net 30")
    >>> [str(line.rule) for line in terms.installments], terms.discounts[0].percent
    (['30D'], Decimal('2'))
    >>> parse("14 Tage 2 % Skonto, 30 Tage netto") == parse("2 % 14, net 30")
    True
    >>> str(parse("45 jours fin de mois", reading=EndOfMonth.THEN_DAYS).installments[0].rule)
    'CM+45D'
    >>> parse("net 3O")
    Traceback (most recent call last):
    payterms.errors.ParseError: cannot read 'net 3O' at position 5 ('O'): expected a word ...
    """
    parsed = parse_with_notes(text, lang=lang, reading=reading, default_net=default_net, cash=cash)
    if (reading is None and parsed.reading is not None) or (cash is None and parsed.cash):
        _warn_readings(text, parsed, reading, cash, _caller_level())
    return parsed.terms


def _caller_level() -> int:
    """Return the stack level of the first caller outside payterms (as pandas finds it)."""
    import os
    import sys

    package = os.path.dirname(os.path.dirname(__file__))
    frame: FrameType | None = sys._getframe(1)  # parse()
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame = frame.f_back
        level += 1
    return level
