"""Vocabulary of payment-term wording: one table per language (en, fr, nl, de).

Each :class:`Vocabulary` maps the phrases people write in that language to what they
mean (a :class:`Sense`), lists the number words the parser understands ("thirty",
"trente", "dertig", "dreißig"), and holds the :class:`Templates` the renderer writes
invoice wording with. The grammar in :mod:`payterms.text.parse` works on senses only,
so it is the same for every language: **adding a language is adding a table** to
:data:`VOCABULARIES`.

Phrases are written as people spell them (accents, capitals, apostrophes); they are
folded when the table is built (:func:`fold`: case folded, accents removed, "ß" to
"ss", apostrophes and hyphens as spaces), exactly as the text being read is.

>>> VOCABULARIES["de"].senses[("skonto",)]
<Sense.DISCOUNT: 'discount'>
>>> VOCABULARIES["nl"].numbers[("vijfenveertig",)]
45
>>> fold("Dreißig Tage, fin de mois à réception")
'dreissig tage, fin de mois a reception'
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from enum import Enum
from types import MappingProxyType

from attrs import frozen

__all__ = [
    "CLAIMS",
    "ClaimTemplates",
    "DE",
    "EN",
    "FR",
    "NL",
    "RATE_RULES",
    "VOCABULARIES",
    "Sense",
    "Templates",
    "Vocabulary",
    "fold",
]


class Sense(Enum):
    """What a word or phrase of payment-term wording means to the grammar."""

    # Members are compared by identity; hash them by identity too (C speed: the grammar
    # looks senses up in sets and dicts for every word it reads).
    __hash__ = object.__hash__

    NUMBER = "number"
    """A number written in words ("thirty", "trente", "dertig", "dreißig")."""

    PERCENT = "percent"
    """Percent ("%", "pct", "procent", "Prozent", "pour cent")."""

    DAY = "day"
    """Calendar days ("days", "jours", "dagen", "Tage")."""

    WEEK = "week"
    """Weeks of seven days."""

    MONTH = "month"
    """Calendar months."""

    BUSINESS_DAY = "business day"
    """Business days ("working days", "jours ouvrés", "werkdagen", "Werktage")."""

    NET = "net"
    """Net: the full amount, no deduction ("net", "netto")."""

    END_OF_MONTH = "end of month"
    """End of the (invoice) month ("EOM", "fin de mois", "einde maand", "Monatsende")."""

    BEFORE_END_OF_MONTH = "before end of month"
    """Counted back from the end of the month ("10 days before the end of the month",
    "avant la fin du mois", "voor het einde van de maand", "vor Monatsende")."""

    END_OF_NEXT_MONTH = "end of next month"
    """End of the following month ("fin du mois suivant", "Ende des Folgemonats")."""

    DAY_OF_MONTH = "day of month"
    """Introduces a day of the month ("on the" 10th, "le" 10, "op de" 10e, "am" 10.)."""

    NEXT_MONTH = "next month"
    """Of the following month ("du mois suivant", "des Folgemonats")."""

    AFTER = "after"
    """Counted after what follows ("after", "après", "na", "nach")."""

    THEN = "then"
    """Then, in this order ("then", "puis", "dan", "dann")."""

    RECEIPT = "receipt"
    """Receipt of the invoice ("on receipt", "à réception", "bij ontvangst", "bei Erhalt")."""

    IMMEDIATE = "immediate"
    """At once, in cash ("immediately", "comptant", "contant", "sofort")."""

    ADVANCE = "advance"
    """Before delivery ("cash in advance", "d'avance", "vooruitbetaling", "Vorkasse")."""

    ORDER = "order"
    """With the order ("à la commande", "bij bestelling", "bei Bestellung")."""

    DELIVERY = "delivery"
    """Delivery of the goods or services ("livraison", "levering", "Lieferung")."""

    INVOICE = "invoice"
    """The invoice date ("invoice date", "date de facture", "factuurdatum", "Rechnungsdatum")."""

    POSTING = "posting"
    """The posting date ("posting date", "date de comptabilisation", "Buchungsdatum")."""

    FROM_END_OF_MONTH = "from end of month"
    """Counted from the end of the invoice month ("à compter de la fin du mois")."""

    TAX_INCLUDED = "tax included"
    """The discount is taken on the amount including tax ("TTC", "inclusief btw")."""

    TAX_EXCLUDED = "tax excluded"
    """The discount is taken on the amount excluding tax ("HT", "exclusief btw")."""

    TAX_MIXED = "tax mixed"
    """The discount is taken excluding tax and the tax was computed on the discounted
    amount (Belgian practice; Odoo "Always (upon invoice)")."""

    PERCENT_AFTER_FIXED = "percent after fixed"
    """A percentage taken on the amount less the fixed lines ("of the amount after fixed
    amounts"; OCA/account-payment#932)."""

    PERCENT_REMAINDER = "percent remainder"
    """A percentage taken on what the lines before it left ("of the remainder", "du reste";
    Tryton's percentage of the remainder)."""

    PERCENT_UNTAXED = "percent untaxed"
    """A percentage taken on the amount excluding tax ("of the amount excluding VAT"; OCA
    ``percent_amount_untaxed``)."""

    AMOUNT = "amount"
    """A fixed amount of money follows or precedes ("amount", "EUR", "€", "montant")."""

    DISCOUNT = "discount"
    """Early-payment discount ("discount", "escompte", "korting", "Skonto")."""

    NO_DISCOUNT = "no discount"
    """No early-payment discount ("sans escompte", "zonder korting", "ohne Abzug")."""

    BALANCE = "balance"
    """The rest of the amount ("balance", "solde", "saldo", "Rest")."""

    DEPOSIT = "deposit"
    """A down payment ("deposit", "acompte", "aanbetaling", "Anzahlung")."""

    WITHIN = "within"
    """Within ("within", "sous", "binnen", "innerhalb")."""

    AND = "and"
    """Separates two parts of the terms ("and", "et", "en", "und")."""

    FILLER = "filler"
    """A word that carries no meaning for the terms ("payment", "paiement", "zahlbar")."""


@frozen
class Templates:
    """The invoice wording of one language, as ``str.format`` templates.

    Placeholders: ``{n}`` a count, ``{x}`` a period ("45 days"), ``{d}`` a day of the
    month (``{o}``: the same as an English ordinal, "10th"), ``{t}`` a timing ("30
    days", "end of month"), ``{p}`` a percentage, ``{a}`` an amount, ``{f}`` a date
    formula, ``{r}`` a rate, ``{c}`` a currency code, ``{m}``/``{y}`` month name and year,
    ``{x}`` a discount amount with its currency.
    The ``*_now`` forms are used for a part due at once (rule ``0D``).
    """

    day: str
    days: str
    week: str
    weeks: str
    month: str
    months: str
    business_day: str
    business_days: str
    now: str
    end_of_month: str
    end_of_next_month: str
    after_end_of_month: str
    before_end_of_month: str
    then_end_of_month: str
    after_end_of_next_month: str
    on_day: str
    formula: str
    net: str
    net_now: str
    percent_line: str
    percent_now: str
    balance_line: str
    balance_now: str
    fixed_line: str
    fixed_now: str
    discount: str
    discount_amount: str
    starts: Mapping[str, str]
    tax_bases: Mapping[str, str]
    percent_of: Mapping[str, str]
    decimal_comma: bool
    month_names: tuple[str, ...]
    date: str
    money: str
    terms_line: str
    due_on: str
    discount_line: str
    discount_amount_line: str
    no_discount_line: str
    penalty: str
    penalty_rule: str
    compensation: str


_SPACES = str.maketrans({"'": " ", "`": " ", "-": " "})


def fold(text: str) -> str:
    """Return *text* case folded, without accents, with "ß" as "ss" and "’'-" as spaces.

    The same folding is applied to the vocabulary and to the text being read, so that
    "Réception", "reception" and "RECEPTION" are the same word.

    >>> fold("Fünfundvierzig Tage — l’échéance")
    'funfundvierzig tage — l echeance'
    """
    if text.isascii():
        return text.lower().translate(_SPACES)
    out = []
    for ch in text.casefold():
        if ch in "'’‘`´-‐‑":
            out.append(" ")
            continue
        decomposed = unicodedata.normalize("NFKD", ch)
        out.append("".join(c for c in decomposed if not unicodedata.combining(c)) or ch)
    return "".join(out)


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(fold(phrase).split())


@frozen
class Vocabulary:
    """The wording of one language: phrases and their senses, number words, templates.

    Attributes:
        code: the ISO 639-1 code (``"en"``).
        name: the language's English name.
        senses: folded phrase (a tuple of words) -> its :class:`Sense`.
        numbers: folded number phrase -> its value.
        templates: the renderer's wording.

    """

    code: str
    name: str
    senses: Mapping[tuple[str, ...], Sense]
    numbers: Mapping[tuple[str, ...], int]
    templates: Templates

    @classmethod
    def build(
        cls,
        code: str,
        name: str,
        phrases: Mapping[Sense, tuple[str, ...]],
        numbers: Mapping[str, int],
        templates: Templates,
    ) -> Vocabulary:
        """Return a vocabulary from phrases grouped by sense, folding every phrase.

        >>> v = Vocabulary.build("xx", "Example", {Sense.NET: ("Nett",)}, {"Un": 1}, EN.templates)
        >>> v.senses[("nett",)], v.numbers[("un",)]
        (<Sense.NET: 'net'>, 1)
        """
        senses: dict[tuple[str, ...], Sense] = {}
        for sense, words in phrases.items():
            for phrase in words:
                key = _key(phrase)
                if key in senses and senses[key] is not sense:
                    msg = f"{code}: {phrase!r} is both {senses[key].name} and {sense.name}"
                    raise ValueError(msg)
                senses[key] = sense
        folded = {_key(word): value for word, value in numbers.items()}
        return cls(code, name, MappingProxyType(senses), MappingProxyType(folded), templates)

    def words(self) -> frozenset[str]:
        """Return every single word this vocabulary knows (for "did you mean" hints)."""
        known: set[str] = set()
        for key in (*self.senses, *self.numbers):
            known.update(key)
        return frozenset(known)


# --- number words -----------------------------------------------------------------------

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def _numbers_en() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_EN_UNITS)}
    for t, ten in enumerate(_EN_TENS, start=2):
        words[ten] = 10 * t
        for u in range(1, 10):
            words[f"{ten} {_EN_UNITS[u]}"] = 10 * t + u
    words.update({"a hundred": 100, "one hundred": 100, "hundred": 100, "fortnight": 14})
    return words


_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]


def _numbers_fr() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_FR_UNITS)}
    words["une"] = 1
    tens = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
    # Belgian and Swiss French: septante, huitante/octante, nonante.
    tens |= {"septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
    for ten, value in tens.items():
        words[ten] = value
        words[f"{ten} et un"] = value + 1
        for u in range(2, 10):
            words[f"{ten}-{_FR_UNITS[u]}"] = value + u
    for u in range(10, 20):  # soixante-dix ... soixante-dix-neuf
        words[f"soixante-{_FR_UNITS[u]}"] = 60 + u
    words["soixante et onze"] = 71
    words["quatre-vingts"] = 80
    words["quatre-vingt"] = 80
    for u in range(1, 20):
        words[f"quatre-vingt-{_FR_UNITS[u]}"] = 80 + u
    words.update({"cent": 100, "cent vingt": 120, "quinzaine": 15})
    return words


_NL_UNITS = [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
]
_NL_TENS = ["twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"]


def _numbers_nl() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_NL_UNITS)}
    words["een"] = 1
    for t, ten in enumerate(_NL_TENS, start=2):
        words[ten] = 10 * t
        for u in range(1, 10):
            unit = "een" if u == 1 else _NL_UNITS[u]
            joint = "ën" if unit.endswith("e") else "en"  # tweeëntwintig, drieëndertig
            words[f"{unit}{joint}{ten}"] = 10 * t + u
    words.update({"honderd": 100, "honderdtwintig": 120})
    return words


_DE_UNITS = [
    "null",
    "eins",
    "zwei",
    "drei",
    "vier",
    "fünf",
    "sechs",
    "sieben",
    "acht",
    "neun",
    "zehn",
    "elf",
    "zwölf",
    "dreizehn",
    "vierzehn",
    "fünfzehn",
    "sechzehn",
    "siebzehn",
    "achtzehn",
    "neunzehn",
]
_DE_TENS = ["zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig"]


def _numbers_de() -> dict[str, int]:
    words = {w: i for i, w in enumerate(_DE_UNITS)}
    words["ein"] = 1
    words["einem"] = 1
    for t, ten in enumerate(_DE_TENS, start=2):
        words[ten] = 10 * t
        for u in range(1, 10):
            unit = "ein" if u == 1 else _DE_UNITS[u]
            words[f"{unit}und{ten}"] = 10 * t + u
    words.update({"hundert": 100, "einhundert": 100, "hundertzwanzig": 120})
    return words


# --- the tables -------------------------------------------------------------------------

EN = Vocabulary.build(
    "en",
    "English",
    {
        Sense.PERCENT: ("percent", "per cent", "pct"),
        Sense.DAY: ("day", "days", "calendar day", "calendar days", "d"),
        Sense.WEEK: ("week", "weeks"),
        Sense.MONTH: ("month", "months"),
        Sense.BUSINESS_DAY: (
            "business day",
            "business days",
            "working day",
            "working days",
            "banking day",
            "banking days",
        ),
        Sense.NET: ("net", "nett", "n", "net terms"),
        Sense.END_OF_MONTH: (
            "eom",
            "end of month",
            "end of the month",
            "end of invoice month",
            "end of the invoice month",
            "month end",
            "month-end",
            "end of month of invoice",
        ),
        Sense.BEFORE_END_OF_MONTH: (
            "before end of month",
            "before the end of the month",
            "before the end of month",
            "before month end",
        ),
        Sense.END_OF_NEXT_MONTH: (
            "end of next month",
            "end of the next month",
            "end of following month",
            "end of the following month",
        ),
        Sense.DAY_OF_MONTH: ("on the", "the", "by the"),
        Sense.NEXT_MONTH: (
            "of the following month",
            "of next month",
            "of the next month",
            "of the month following",
            "prox",
            "proximo",
        ),
        Sense.AFTER: ("after", "from", "following", "of", "counted from"),
        Sense.THEN: ("then", "and then", "plus"),
        Sense.RECEIPT: (
            "receipt",
            "on receipt",
            "upon receipt",
            "receipt of invoice",
            "receipt of the invoice",
            "upon receipt of invoice",
            "on receipt of invoice",
            "upon receipt of the invoice",
            "on receipt of the invoice",
            "presentation",
            "on presentation",
            "upon presentation",
        ),
        Sense.IMMEDIATE: (
            "immediately",
            "immediate",
            "cash",
            "at once",
            "prompt",
            "now",
            "net cash",
            "cash net",
        ),
        Sense.ADVANCE: (
            "in advance",
            "advance",
            "prepayment",
            "prepaid",
            "upfront",
            "up front",
            "cia",
            "cash in advance",
            "payment in advance",
        ),
        Sense.ORDER: ("order", "on order", "with order", "with the order", "upon order", "cwo"),
        Sense.DELIVERY: (
            "delivery",
            "on delivery",
            "upon delivery",
            "delivery date",
            "date of delivery",
            "cod",
            "cash on delivery",
            "receipt of goods",
            "receipt of the goods",
        ),
        Sense.INVOICE: (
            "invoice",
            "invoice date",
            "date of invoice",
            "the invoice date",
            "date of the invoice",
            "the date of invoice",
            "the date of the invoice",
            "billing date",
        ),
        Sense.DISCOUNT: ("discount", "cash discount", "early payment discount"),
        Sense.PERCENT_UNTAXED: ("of the amount excluding vat", "of the untaxed amount"),
        Sense.PERCENT_REMAINDER: ("of the remainder", "of what remains"),
        Sense.PERCENT_AFTER_FIXED: (
            "of the amount after fixed amounts",
            "of the rest after fixed amounts",
            "of the amount less fixed amounts",
        ),
        Sense.POSTING: ("posting", "posting date", "date of posting"),
        Sense.FROM_END_OF_MONTH: ("counted from end of month", "counted from month end"),
        Sense.TAX_INCLUDED: (
            "including vat",
            "incl vat",
            "including tax",
            "vat included",
            "discount base including vat",
            "gross",
            "on the gross amount",
        ),
        Sense.TAX_EXCLUDED: (
            "excluding vat",
            "excl vat",
            "excluding tax",
            "vat excluded",
            "discount base excluding vat",
            "on the net amount",
            "ex vat",
        ),
        Sense.TAX_MIXED: (
            "discount base excluding vat with vat on the discounted amount",
            "vat on the discounted amount",
            "with vat on the discounted amount",
        ),
        Sense.AMOUNT: (
            "amount",
            "amount of",
            "eur",
            "euro",
            "euros",
            "usd",
            "gbp",
            "chf",
            "dollars",
            "pounds",
        ),
        Sense.NO_DISCOUNT: (
            "no discount",
            "without discount",
            "no cash discount",
            "no early payment discount",
            "no discount for early payment",
        ),
        Sense.BALANCE: (
            "balance",
            "the balance",
            "remainder",
            "the remainder",
            "rest",
            "the rest",
            "remaining balance",
            "balance due",
        ),
        Sense.DEPOSIT: ("deposit", "down payment", "a deposit"),
        Sense.WITHIN: ("within", "in", "inside"),
        Sense.AND: ("and", "or", "otherwise", "or else"),
        Sense.FILLER: (
            "payment",
            "payments",
            "payable",
            "pay",
            "paid",
            "if",
            "when",
            "is",
            "are",
            "be",
            "due",
            "terms",
            "term",
            "payment terms",
            "terms of payment",
            "a",
            "at",
            "on",
            "to",
            "made",
            "date",
            "upon",
            "by",
            "for",
            "with",
            "st",
            "nd",
            "rd",
            "th",
            "settlement",
            "settled",
            "full",
            "in full",
            "less",
            "total",
            "invoices",
        ),
    },
    _numbers_en(),
    Templates(
        day="{n} day",
        days="{n} days",
        week="{n} week",
        weeks="{n} weeks",
        month="{n} month",
        months="{n} months",
        business_day="{n} business day",
        business_days="{n} business days",
        now="on receipt",
        end_of_month="end of month",
        end_of_next_month="end of next month",
        after_end_of_month="{x} after end of month",
        before_end_of_month="{x} before end of month",
        then_end_of_month="{x} then end of month",
        after_end_of_next_month="{x} after end of next month",
        on_day="on the {o}",
        formula="[{f}]",
        net="net {t}",
        net_now="due {t}",
        percent_line="{p}% at {t}",
        percent_now="{p}% {t}",
        balance_line="balance at {t}",
        balance_now="balance {t}",
        fixed_line="amount {a} at {t}",
        fixed_now="amount {a} {t}",
        discount="{p}% discount within {t}",
        discount_amount="amount {a} discount within {t}",
        starts=MappingProxyType(
            {
                "receipt": "after receipt of invoice",
                "delivery": "after delivery",
                "order": "after order",
                "posting": "after posting date",
                "end_of_month": "counted from end of month",
            }
        ),
        tax_bases=MappingProxyType(
            {
                "included": "discount base including VAT",
                "excluded": "discount base excluding VAT",
                "mixed": "discount base excluding VAT with VAT on the discounted amount",
            }
        ),
        percent_of=MappingProxyType(
            {
                "after_fixed": "of the amount after fixed amounts",
                "untaxed": "of the amount excluding VAT",
                "remainder": "of the remainder",
            }
        ),
        decimal_comma=False,
        month_names=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
        date="{d} {m} {y}",
        money="{c} {a}",
        terms_line="Payment terms: {t}.",
        due_on="Payment due on {d}: {a}.",
        discount_line="{p}% discount for payment by {d}: {a} to pay.",
        discount_amount_line="Discount of {x} for payment by {d}: {a} to pay.",
        no_discount_line="No discount for early payment.",
        penalty="Late payment interest: {r}% a year, due from the day after the due date.",
        penalty_rule="Late payment interest at the statutory rate, that is {rule}, due from the "
        "day after the due date.",
        compensation="Fixed compensation for recovery costs: {a}.",
    ),
)

FR = Vocabulary.build(
    "fr",
    "French",
    {
        Sense.PERCENT: ("pour cent", "pourcent", "pct"),
        Sense.DAY: ("jour", "jours", "j", "jours calendaires", "jours francs", "jours date"),
        Sense.WEEK: ("semaine", "semaines"),
        Sense.MONTH: ("mois",),
        Sense.BUSINESS_DAY: ("jour ouvré", "jours ouvrés", "jour ouvrable", "jours ouvrables"),
        Sense.NET: ("net", "nets", "nette"),
        Sense.END_OF_MONTH: (
            "fin de mois",
            "fin du mois",
            "fdm",
            "fin de mois de facturation",
            "fin du mois de facturation",
            "fin de mois de facture",
            "fin du mois de la facture",
        ),
        Sense.END_OF_NEXT_MONTH: ("fin du mois suivant", "fin de mois suivant"),
        Sense.BEFORE_END_OF_MONTH: (
            "avant la fin du mois",
            "avant fin de mois",
            "avant la fin de mois",
        ),
        Sense.DAY_OF_MONTH: ("le",),
        Sense.NEXT_MONTH: ("du mois suivant", "de mois suivant"),
        Sense.AFTER: (
            "après",
            "à compter de",
            "à compter du",
            "à partir de",
            "à partir du",
            "suivant",
            "à dater de",
            "à dater du",
            "à compter de la",
            "à partir de la",
        ),
        Sense.THEN: ("puis", "ensuite", "plus"),
        Sense.RECEIPT: (
            "réception",
            "à réception",
            "dès réception",
            "à la réception",
            "réception de facture",
            "réception de la facture",
            "à réception de facture",
            "à réception de la facture",
            "dès réception de la facture",
            "dès réception de facture",
            "à présentation",
            "présentation de la facture",
            "à vue",
        ),
        Sense.IMMEDIATE: ("comptant", "au comptant", "immédiatement", "immédiat", "sans délai"),
        Sense.ADVANCE: (
            "d avance",
            "à l avance",
            "par avance",
            "avance",
            "paiement d avance",
            "par anticipation",
            "avant livraison",
        ),
        Sense.ORDER: ("commande", "à la commande", "la commande", "de commande", "dès la commande"),
        Sense.DELIVERY: (
            "livraison",
            "la livraison",
            "date de livraison",
            "à la livraison",
            "de livraison",
            "réception des marchandises",
            "date de réception des marchandises",
            "exécution de la prestation",
            "date d exécution de la prestation",
        ),
        Sense.INVOICE: (
            "facture",
            "date de facture",
            "date de la facture",
            "date de facturation",
            "date d émission",
            "date d émission de la facture",
            "émission de la facture",
            "émission",
            "la facture",
            "facturation",
        ),
        Sense.DISCOUNT: ("escompte", "escompte de", "un escompte de"),
        Sense.PERCENT_UNTAXED: ("du montant ht", "du montant hors taxes"),
        Sense.PERCENT_REMAINDER: ("du reste", "du restant"),
        Sense.PERCENT_AFTER_FIXED: (
            "du montant après montants fixes",
            "du reste après montants fixes",
        ),
        Sense.POSTING: ("date de comptabilisation", "comptabilisation"),
        Sense.FROM_END_OF_MONTH: ("à compter de la fin du mois", "à compter de fin de mois"),
        Sense.TAX_INCLUDED: (
            "ttc",
            "toutes taxes comprises",
            "sur le montant ttc",
            "escompte calculé sur le montant ttc",
            "calculé sur le montant ttc",
        ),
        Sense.TAX_EXCLUDED: (
            "ht",
            "hors taxes",
            "hors taxe",
            "sur le montant ht",
            "escompte calculé sur le montant ht",
            "calculé sur le montant ht",
        ),
        Sense.TAX_MIXED: (
            "escompte calculé sur le montant ht avec tva sur le montant escompté",
            "tva sur le montant escompté",
            "avec tva sur le montant escompté",
        ),
        Sense.AMOUNT: ("montant", "montant de", "un montant de", "eur", "euro", "euros"),
        Sense.NO_DISCOUNT: (
            "sans escompte",
            "pas d escompte",
            "aucun escompte",
            "escompte néant",
            "néant",
            "pas d escompte pour paiement anticipé",
            "aucun escompte pour paiement anticipé",
            "escompte pour paiement anticipé néant",
            "pas d escompte en cas de paiement anticipé",
        ),
        Sense.BALANCE: (
            "solde",
            "le solde",
            "reste",
            "le reste",
            "reliquat",
            "le reliquat",
            "solde restant",
        ),
        Sense.DEPOSIT: ("acompte", "un acompte", "acompte de", "un acompte de", "arrhes"),
        Sense.WITHIN: (
            "sous",
            "dans",
            "dans les",
            "dans un délai de",
            "sous un délai de",
            "en",
            "d ici",
        ),
        Sense.AND: ("et", "ou", "sinon"),
        Sense.FILLER: (
            "paiement",
            "paiements",
            "règlement",
            "réglement",
            "payable",
            "payables",
            "payer",
            "à",
            "de",
            "du",
            "des",
            "la",
            "l",
            "d",
            "pour",
            "par",
            "au",
            "aux",
            "date",
            "conditions de paiement",
            "conditions de règlement",
            "délai de paiement",
            "délai de règlement",
            "délai",
            "échéance",
            "si",
            "est",
            "sera",
            "e",
            "er",
            "ème",
            "eme",
            "payé",
            "payée",
            "réglé",
            "réglée",
            "maximum",
            "au plus tard",
            "effectué",
            "anticipé",
            "en cas de",
            "net à payer",
            "intégral",
            "total",
        ),
    },
    _numbers_fr(),
    Templates(
        day="{n} jour",
        days="{n} jours",
        week="{n} semaine",
        weeks="{n} semaines",
        month="{n} mois",
        months="{n} mois",
        business_day="{n} jour ouvré",
        business_days="{n} jours ouvrés",
        now="à réception de facture",
        end_of_month="fin de mois",
        end_of_next_month="fin du mois suivant",
        after_end_of_month="{x} après la fin du mois",
        before_end_of_month="{x} avant la fin du mois",
        then_end_of_month="{x} puis fin de mois",
        after_end_of_next_month="{x} après la fin du mois suivant",
        on_day="le {d}",
        formula="[{f}]",
        net="paiement à {t}",
        net_now="paiement {t}",
        percent_line="{p} % à {t}",
        percent_now="{p} % {t}",
        balance_line="solde à {t}",
        balance_now="solde {t}",
        fixed_line="montant de {a} à {t}",
        fixed_now="montant de {a} {t}",
        discount="escompte {p} % pour paiement sous {t}",
        discount_amount="escompte montant de {a} pour paiement sous {t}",
        starts=MappingProxyType(
            {
                "receipt": "à compter de la réception de la facture",
                "delivery": "à compter de la livraison",
                "order": "à compter de la commande",
                "posting": "à compter de la date de comptabilisation",
                "end_of_month": "à compter de la fin du mois",
            }
        ),
        tax_bases=MappingProxyType(
            {
                "included": "escompte calculé sur le montant TTC",
                "excluded": "escompte calculé sur le montant HT",
                "mixed": "escompte calculé sur le montant HT avec TVA sur le montant escompté",
            }
        ),
        percent_of=MappingProxyType(
            {
                "after_fixed": "du montant après montants fixes",
                "untaxed": "du montant HT",
                "remainder": "du reste",
            }
        ),
        decimal_comma=True,
        month_names=(
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        date="{d} {m} {y}",
        money="{a} {c}",
        terms_line="Conditions de paiement : {t}.",
        due_on="Date de paiement : {d}, {a}.",
        discount_line="Escompte de {p} % pour paiement au plus tard le {d} : {a} à payer.",
        discount_amount_line="Escompte de {x} pour paiement au plus tard le {d} : {a} à payer.",
        no_discount_line="Pas d'escompte pour paiement anticipé.",
        penalty="Pénalités de retard : {r} % par an, exigibles dès le jour suivant la date "
        "de paiement.",
        penalty_rule="Pénalités de retard au taux prévu par la loi, soit {rule}, exigibles dès "
        "le jour suivant la date de paiement.",
        compensation="Indemnité forfaitaire pour frais de recouvrement : {a}.",
    ),
)

NL = Vocabulary.build(
    "nl",
    "Dutch",
    {
        Sense.PERCENT: ("procent", "pct", "percent"),
        Sense.DAY: ("dag", "dagen", "kalenderdagen", "kalenderdag", "d"),
        Sense.WEEK: ("week", "weken"),
        Sense.MONTH: ("maand", "maanden"),
        Sense.BUSINESS_DAY: ("werkdag", "werkdagen", "bankwerkdag", "bankwerkdagen"),
        Sense.NET: ("netto",),
        Sense.BEFORE_END_OF_MONTH: (
            "voor einde maand",
            "voor het einde van de maand",
            "voor het einde maand",
            "voor einde van de maand",
        ),
        Sense.END_OF_MONTH: (
            "einde maand",
            "einde van de maand",
            "einde der maand",
            "eind van de maand",
            "eind maand",
            "einde factuurmaand",
            "einde van de factuurmaand",
            "einde de maand",
            "het einde van de maand",
            "het einde maand",
        ),
        Sense.END_OF_NEXT_MONTH: (
            "einde volgende maand",
            "einde van de volgende maand",
            "het einde van de volgende maand",
        ),
        Sense.DAY_OF_MONTH: ("op de",),
        Sense.NEXT_MONTH: ("van de volgende maand", "van de maand volgend op"),
        Sense.AFTER: ("na", "vanaf", "te rekenen vanaf", "gerekend vanaf", "volgend op"),
        Sense.THEN: ("dan", "daarna", "vervolgens", "plus"),
        Sense.RECEIPT: (
            "ontvangst",
            "bij ontvangst",
            "ontvangst van de factuur",
            "ontvangst factuur",
            "bij ontvangst van de factuur",
            "ontvangst van factuur",
        ),
        Sense.IMMEDIATE: (
            "contant",
            "direct",
            "onmiddellijk",
            "per omgaande",
            "per direct",
            "a contant",
            "meteen",
        ),
        Sense.ADVANCE: ("vooraf", "vooruitbetaling", "vooruit", "vooruitbetaald", "vooraf betalen"),
        Sense.ORDER: (
            "bestelling",
            "bij bestelling",
            "opdracht",
            "bij opdracht",
            "order",
            "opdrachtbevestiging",
            "bij opdrachtbevestiging",
        ),
        Sense.DELIVERY: ("levering", "aflevering", "leverdatum", "bij levering", "leveringsdatum"),
        Sense.INVOICE: (
            "factuur",
            "factuurdatum",
            "dagtekening",
            "dagtekening van de factuur",
            "de factuurdatum",
            "datum factuur",
            "de factuur",
        ),
        Sense.DISCOUNT: ("korting", "betalingskorting", "kredietbeperking", "korting van"),
        Sense.PERCENT_UNTAXED: ("van het bedrag exclusief btw", "van het bedrag excl btw"),
        Sense.PERCENT_REMAINDER: ("van het restant", "van de rest"),
        Sense.PERCENT_AFTER_FIXED: (
            "van het bedrag na vaste bedragen",
            "van de rest na vaste bedragen",
        ),
        Sense.POSTING: ("boekingsdatum", "boeking"),
        Sense.FROM_END_OF_MONTH: (
            "te rekenen vanaf einde maand",
            "vanaf einde maand",
            "gerekend vanaf einde maand",
        ),
        Sense.TAX_INCLUDED: (
            "inclusief btw",
            "incl btw",
            "korting berekend inclusief btw",
            "berekend inclusief btw",
        ),
        Sense.TAX_EXCLUDED: (
            "exclusief btw",
            "excl btw",
            "korting berekend exclusief btw",
            "berekend exclusief btw",
        ),
        Sense.TAX_MIXED: (
            "korting berekend exclusief btw met btw over het bedrag na korting",
            "btw over het bedrag na korting",
            "met btw over het bedrag na korting",
        ),
        Sense.AMOUNT: ("bedrag", "bedrag van", "een bedrag van", "eur", "euro"),
        Sense.NO_DISCOUNT: (
            "zonder korting",
            "geen korting",
            "zonder aftrek",
            "geen betalingskorting",
            "zonder enige korting",
        ),
        Sense.BALANCE: (
            "saldo",
            "restant",
            "rest",
            "het restant",
            "het saldo",
            "resterende",
            "het resterende bedrag",
            "restbedrag",
        ),
        Sense.DEPOSIT: ("aanbetaling", "voorschot", "een aanbetaling", "een voorschot"),
        Sense.WITHIN: ("binnen", "in", "uiterlijk binnen"),
        Sense.AND: ("en", "of", "anders"),
        Sense.FILLER: (
            "betaling",
            "betalen",
            "te betalen",
            "betaald",
            "betaalbaar",
            "bij",
            "van",
            "de",
            "het",
            "betalingstermijn",
            "betalingsconditie",
            "betalingscondities",
            "betalingsvoorwaarden",
            "uiterlijk",
            "voor",
            "e",
            "ste",
            "ten",
            "tijd",
            "als",
            "indien",
            "wordt",
            "is",
            "dient",
            "te",
            "geschieden",
            "te voldoen",
            "voldaan",
            "met",
            "datum",
            "termijn",
            "totaal",
            "op",
            "termijn van",
            "een termijn van",
            "betalingstermijn van",
            "een betalingstermijn van",
        ),
    },
    _numbers_nl(),
    Templates(
        day="{n} dag",
        days="{n} dagen",
        week="{n} week",
        weeks="{n} weken",
        month="{n} maand",
        months="{n} maanden",
        business_day="{n} werkdag",
        business_days="{n} werkdagen",
        now="bij ontvangst van de factuur",
        end_of_month="einde maand",
        end_of_next_month="einde volgende maand",
        after_end_of_month="{x} na einde maand",
        before_end_of_month="{x} voor einde maand",
        then_end_of_month="{x} dan einde maand",
        after_end_of_next_month="{x} na einde volgende maand",
        on_day="op de {d}e",
        formula="[{f}]",
        net="betaling binnen {t}",
        net_now="betaling {t}",
        percent_line="{p}% binnen {t}",
        percent_now="{p}% {t}",
        balance_line="restant binnen {t}",
        balance_now="restant {t}",
        fixed_line="bedrag van {a} binnen {t}",
        fixed_now="bedrag van {a} {t}",
        discount="{p}% korting bij betaling binnen {t}",
        discount_amount="bedrag van {a} korting bij betaling binnen {t}",
        starts=MappingProxyType(
            {
                "receipt": "na ontvangst van de factuur",
                "delivery": "na levering",
                "order": "na bestelling",
                "posting": "na boekingsdatum",
                "end_of_month": "te rekenen vanaf einde maand",
            }
        ),
        tax_bases=MappingProxyType(
            {
                "included": "korting berekend inclusief btw",
                "excluded": "korting berekend exclusief btw",
                "mixed": "korting berekend exclusief btw met btw over het bedrag na korting",
            }
        ),
        percent_of=MappingProxyType(
            {
                "after_fixed": "van het bedrag na vaste bedragen",
                "untaxed": "van het bedrag exclusief btw",
                "remainder": "van het restant",
            }
        ),
        decimal_comma=True,
        month_names=(
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        date="{d} {m} {y}",
        money="{c} {a}",
        terms_line="Betalingsvoorwaarden: {t}.",
        due_on="Te betalen uiterlijk op {d}: {a}.",
        discount_line="{p}% korting bij betaling uiterlijk op {d}: {a} te betalen.",
        discount_amount_line="Korting van {x} bij betaling uiterlijk op {d}: {a} te betalen.",
        no_discount_line="Geen korting bij vooruitbetaling.",
        penalty="Wettelijke handelsrente bij te late betaling: {r}% per jaar, vanaf de dag "
        "na de vervaldatum.",
        penalty_rule="Rente bij te late betaling tegen de bij wet bepaalde rentevoet, namelijk "
        "{rule}, vanaf de dag na de vervaldatum.",
        compensation="Vergoeding voor incassokosten: {a}.",
    ),
)

DE = Vocabulary.build(
    "de",
    "German",
    {
        Sense.PERCENT: ("prozent", "pct", "v h", "vh"),
        Sense.DAY: ("tag", "tage", "tagen", "kalendertage", "kalendertagen", "t"),
        Sense.WEEK: ("woche", "wochen"),
        Sense.MONTH: ("monat", "monate", "monaten"),
        Sense.BUSINESS_DAY: (
            "werktag",
            "werktage",
            "werktagen",
            "arbeitstag",
            "arbeitstage",
            "arbeitstagen",
            "bankarbeitstage",
            "bankarbeitstagen",
        ),
        Sense.NET: ("netto", "rein netto"),
        Sense.BEFORE_END_OF_MONTH: ("vor monatsende", "vor dem monatsende", "vor ende des monats"),
        Sense.END_OF_MONTH: (
            "monatsende",
            "ende des monats",
            "ende des rechnungsmonats",
            "zum monatsende",
            "ultimo",
            "monatsultimo",
            "dem monatsende",
            "ende monat",
        ),
        Sense.END_OF_NEXT_MONTH: (
            "ende des folgemonats",
            "ende des nächsten monats",
            "ende des darauffolgenden monats",
        ),
        Sense.DAY_OF_MONTH: ("am", "zum", "den", "bis zum", "am den"),
        Sense.NEXT_MONTH: (
            "des folgemonats",
            "des nächsten monats",
            "des darauffolgenden monats",
            "im folgemonat",
        ),
        Sense.AFTER: ("nach", "ab", "gerechnet ab", "ab dem", "nach dem", "seit"),
        Sense.THEN: ("dann", "danach", "anschließend", "plus"),
        Sense.RECEIPT: (
            "erhalt",
            "eingang",
            "zugang",
            "bei erhalt",
            "erhalt der rechnung",
            "rechnungserhalt",
            "rechnungseingang",
            "eingang der rechnung",
            "zugang der rechnung",
            "bei erhalt der rechnung",
            "bei rechnungserhalt",
        ),
        Sense.IMMEDIATE: (
            "sofort",
            "umgehend",
            "sofort fällig",
            "kasse",
            "bar",
            "in bar",
            "netto kasse",
            "unverzüglich",
        ),
        Sense.ADVANCE: ("vorkasse", "vorauskasse", "im voraus", "vorab", "vorauszahlung"),
        Sense.ORDER: (
            "bestellung",
            "bei bestellung",
            "auftragserteilung",
            "auftrag",
            "bei auftragserteilung",
            "auftragsbestätigung",
            "mit auftragserteilung",
        ),
        Sense.DELIVERY: (
            "lieferung",
            "lieferdatum",
            "wareneingang",
            "erhalt der ware",
            "bei lieferung",
            "leistung",
            "lieferung und leistung",
            "nachnahme",
            "per nachnahme",
            "empfang der gegenleistung",
            "lieferung der ware",
        ),
        Sense.INVOICE: (
            "rechnung",
            "rechnungsdatum",
            "datum der rechnung",
            "rechnungsstellung",
            "rechnungslegung",
            "der rechnung",
            "dem rechnungsdatum",
        ),
        Sense.DISCOUNT: ("skonto", "abzug", "skontoabzug"),
        Sense.PERCENT_UNTAXED: ("des nettobetrags", "des nettobetrages"),
        Sense.PERCENT_REMAINDER: ("vom rest", "vom restbetrag"),
        Sense.PERCENT_AFTER_FIXED: ("vom betrag nach festbeträgen", "vom rest nach festbeträgen"),
        Sense.POSTING: ("buchungsdatum", "buchung"),
        Sense.FROM_END_OF_MONTH: ("gerechnet ab monatsende", "ab monatsende"),
        Sense.TAX_INCLUDED: (
            "vom bruttobetrag",
            "skonto vom bruttobetrag",
            "brutto",
            "inkl mwst",
            "inklusive mwst",
            "inkl ust",
        ),
        Sense.TAX_EXCLUDED: (
            "vom nettobetrag",
            "skonto vom nettobetrag",
            "exkl mwst",
            "exklusive mwst",
            "exkl ust",
            "ohne mwst",
        ),
        Sense.TAX_MIXED: (
            "skonto vom nettobetrag mit umsatzsteuer vom skontierten betrag",
            "umsatzsteuer vom skontierten betrag",
            "mit umsatzsteuer vom skontierten betrag",
        ),
        Sense.AMOUNT: ("betrag", "betrag von", "eur", "euro"),
        Sense.NO_DISCOUNT: (
            "ohne abzug",
            "ohne skonto",
            "ohne jeden abzug",
            "kein skonto",
            "ohne skontoabzug",
            "abzugsfrei",
        ),
        Sense.BALANCE: (
            "rest",
            "restbetrag",
            "der rest",
            "der restbetrag",
            "saldo",
            "restzahlung",
            "schlusszahlung",
        ),
        Sense.DEPOSIT: ("anzahlung", "eine anzahlung", "abschlag", "abschlagszahlung"),
        Sense.WITHIN: ("innerhalb", "innerhalb von", "binnen", "in", "innert"),
        Sense.AND: ("und", "oder", "sonst", "ansonsten"),
        Sense.FILLER: (
            "zahlbar",
            "zahlung",
            "zahlungen",
            "zahlungsziel",
            "zahlungsbedingungen",
            "zahlungsbedingung",
            "bei",
            "der",
            "die",
            "das",
            "des",
            "dem",
            "von",
            "mit",
            "zu",
            "bis",
            "fällig",
            "ist",
            "wird",
            "vom",
            "zahlbar innerhalb",
            "zahlungsfrist",
            "frist",
            "spätestens",
            "te",
            "ten",
            "datum",
            "rein",
            "gesamtbetrag",
            "ohne",
            "zu zahlen",
            "zahlen",
            "erfolgt",
            "erfolgen",
            "gewähren",
            "wir",
            "gewährt",
            "abzüglich",
            "bezahlt",
            "bezahlung",
            "zahlungsziel von",
            "einer",
            "eine",
            "dieser",
            "fälligkeit",
        ),
    },
    _numbers_de(),
    Templates(
        day="{n} Tag",
        days="{n} Tage",
        week="{n} Woche",
        weeks="{n} Wochen",
        month="{n} Monat",
        months="{n} Monate",
        business_day="{n} Werktag",
        business_days="{n} Werktage",
        now="sofort",
        end_of_month="Monatsende",
        end_of_next_month="Ende des Folgemonats",
        after_end_of_month="{x} nach Monatsende",
        before_end_of_month="{x} vor Monatsende",
        then_end_of_month="{x} dann Monatsende",
        after_end_of_next_month="{x} nach Ende des Folgemonats",
        on_day="am {d}.",
        formula="[{f}]",
        net="{t} netto",
        net_now="zahlbar {t}",
        percent_line="{p} % innerhalb {t}",
        percent_now="{p} % {t}",
        balance_line="Rest innerhalb {t}",
        balance_now="Rest {t}",
        fixed_line="Betrag {a} innerhalb {t}",
        fixed_now="Betrag {a} {t}",
        discount="{t} {p} % Skonto",
        discount_amount="Skonto Betrag {a} innerhalb {t}",
        starts=MappingProxyType(
            {
                "receipt": "nach Erhalt der Rechnung",
                "delivery": "nach Lieferung",
                "order": "nach Bestellung",
                "posting": "nach Buchungsdatum",
                "end_of_month": "gerechnet ab Monatsende",
            }
        ),
        tax_bases=MappingProxyType(
            {
                "included": "Skonto vom Bruttobetrag",
                "excluded": "Skonto vom Nettobetrag",
                "mixed": "Skonto vom Nettobetrag mit Umsatzsteuer vom skontierten Betrag",
            }
        ),
        percent_of=MappingProxyType(
            {
                "after_fixed": "vom Betrag nach Festbeträgen",
                "untaxed": "des Nettobetrags",
                "remainder": "vom Rest",
            }
        ),
        decimal_comma=True,
        month_names=(
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ),
        date="{d}. {m} {y}",
        money="{a} {c}",
        terms_line="Zahlungsbedingungen: {t}.",
        due_on="Zahlbar bis {d}: {a}.",
        discount_line="Bei Zahlung bis {d} {p} % Skonto: {a} zu zahlen.",
        discount_amount_line="Bei Zahlung bis {d} {x} Skonto: {a} zu zahlen.",
        no_discount_line="Zahlbar ohne Abzug.",
        penalty="Verzugszinsen: {r} % pro Jahr ab dem Tag nach Fälligkeit.",
        penalty_rule="Verzugszinsen in gesetzlicher Höhe, d. h. {rule}, ab dem Tag nach "
        "Fälligkeit.",
        compensation="Verzugspauschale: {a}.",
    ),
)

VOCABULARIES: Mapping[str, Vocabulary] = MappingProxyType({v.code: v for v in (EN, FR, NL, DE)})
"""Every language payterms reads and writes, by ISO 639-1 code."""


@frozen
class ClaimTemplates:
    """The wording of a claim statement (what one reminder claims) in one language.

    Placeholders: ``{n}`` the reminder level, ``{l}`` its label, ``{d}`` a date, ``{a}``
    an amount. *law* holds, per regime code (``"BE"``, and ``"BE-consumer"`` for a
    consumer debtor), the sentence that names the statute behind the interest;
    *compensation_law* the one behind the fixed compensation (said only when some is
    claimed); *waiting* the sentence a consumer's first reminder must carry where the
    compensation is due only after a waiting period (``{a}``: the sum announced).
    """

    title: str
    principal: str
    interest: str
    compensation: str
    fees: str
    total: str
    pay_by: str
    law: Mapping[str, str]
    compensation_law: Mapping[str, str]
    waiting: Mapping[str, str]


# Statutes: legal.md §1 (Directive 2011/7/EU arts. 3, 6), §2.1 (BE law of 2 August 2002 arts.
# 5, 6), §2.3 (BE Book XIX CEL: free first reminder, 14 calendar days from the third working
# day after posting or the day after an electronic sending; art. XIX.4 caps), §3 (NL arts.
# 6:119, 6:119a, 6:96 lid 4 and lid 6 BW: the 14-day letter, the term starting the day after
# it), §4 (FR Code de commerce L441-10 II, D441-5), §5 (DE § 288 BGB), §6 (LU loi du 18 avril
# 2004 as amended 29 March 2013), §7 (UK Late Payment of Commercial Debts (Interest) Act 1998).
CLAIMS: Mapping[str, ClaimTemplates] = MappingProxyType(
    {
        "en": ClaimTemplates(
            title="Reminder {n} ({l}) of {d}",
            principal="Principal outstanding: {a}",
            interest="Late-payment interest up to {d}: {a}",
            compensation="Fixed compensation for recovery costs: {a}",
            fees="Reminder fees: {a}",
            total="Total due: {a}",
            pay_by="Please pay by {d}.",
            law=MappingProxyType(
                {
                    "BE": "Interest at the rate of the law of 2 August 2002 (art. 5) is due of "
                    "right, without notice.",
                    "BE-consumer": "Interest at most at the rate of the law of 2 August 2002; "
                    "damages capped by the Code of Economic Law, art. XIX.4.",
                    "FR": "Late-payment penalties are due of right from the day after the payment "
                    "date (Code de commerce, art. L441-10 II).",
                    "NL": "Statutory commercial interest is due without notice (art. 6:119a BW).",
                    "NL-consumer": "Statutory interest (art. 6:119 BW).",
                    "DE": "Default interest under § 288 BGB.",
                    "DE-consumer": "Default interest under § 288(1) BGB.",
                    "LU": "Late-payment interest under the loi du 18 avril 2004 (as amended on "
                    "29 March 2013).",
                    "LU-consumer": "Legal interest under Luxembourg law.",
                    "UK": "Statutory interest under the Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 1.",
                    "EU": "Interest is due without reminder (Directive 2011/7/EU, art. 3).",
                }
            ),
            compensation_law=MappingProxyType(
                {
                    "BE": "Fixed compensation of EUR 40, due of right (law of 2 August 2002, "
                    "art. 6).",
                    "BE-consumer": "Damages within the caps of the Code of Economic Law, "
                    "art. XIX.4.",
                    "FR": "Fixed recovery indemnity of EUR 40 (Code de commerce, art. D441-5).",
                    "NL": "Collection costs of at least EUR 40 (art. 6:96 lid 4 BW).",
                    "NL-consumer": "Extrajudicial collection costs under the Besluit vergoeding "
                    "voor buitengerechtelijke incassokosten (art. 6:96 BW).",
                    "DE": "Flat-rate fee of EUR 40 (§ 288(5) BGB).",
                    "LU": "Fixed recovery compensation of at least EUR 40 (loi du 18 avril 2004).",
                    "UK": "Fixed sum for recovery costs (Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 5A).",
                    "EU": "Fixed compensation of at least EUR 40 (Directive 2011/7/EU, art. 6).",
                }
            ),
            waiting=MappingProxyType(
                {
                    "BE": "This first reminder is free of charge. If the amount is not paid "
                    "within 14 calendar days, counted from the third working day after this "
                    "reminder was posted or from the day after it was sent electronically, "
                    "damages of {a} may be claimed (Code of Economic Law, Book XIX).",
                    "NL": "If you do not pay within 14 days, counted from the day after this "
                    "notice, extrajudicial collection costs of {a} will be due (art. 6:96 "
                    "lid 6 BW).",
                }
            ),
        ),
        "fr": ClaimTemplates(
            title="Rappel {n} ({l}) du {d}",
            principal="Principal restant dû : {a}",
            interest="Intérêts de retard jusqu'au {d} : {a}",
            compensation="Indemnité forfaitaire pour frais de recouvrement : {a}",
            fees="Frais de rappel : {a}",
            total="Total dû : {a}",
            pay_by="À payer au plus tard le {d}.",
            law=MappingProxyType(
                {
                    "BE": "Les intérêts au taux de la loi du 2 août 2002 (art. 5) sont dus de "
                    "plein droit et sans mise en demeure.",
                    "BE-consumer": "Intérêts au plus au taux de la loi du 2 août 2002 ; "
                    "dommages et intérêts plafonnés par l'article XIX.4 du Code de droit "
                    "économique.",
                    "FR": "Pénalités de retard exigibles de plein droit le jour suivant la date "
                    "de paiement (Code de commerce, art. L441-10 II).",
                    "NL": "Intérêts commerciaux légaux dus sans mise en demeure (art. 6:119a BW).",
                    "NL-consumer": "Intérêts légaux (art. 6:119 BW).",
                    "DE": "Intérêts moratoires selon le § 288 BGB.",
                    "DE-consumer": "Intérêts moratoires selon le § 288, al. 1, BGB.",
                    "LU": "Intérêts de retard selon la loi du 18 avril 2004 (modifiée par la loi "
                    "du 29 mars 2013).",
                    "LU-consumer": "Intérêts au taux légal luxembourgeois.",
                    "UK": "Intérêts légaux selon le Late Payment of Commercial Debts (Interest) "
                    "Act 1998, s. 1.",
                    "EU": "Intérêts dus sans rappel (directive 2011/7/UE, art. 3).",
                }
            ),
            compensation_law=MappingProxyType(
                {
                    "BE": "Indemnité forfaitaire de 40 EUR, due de plein droit (loi du 2 août "
                    "2002, art. 6).",
                    "BE-consumer": "Dommages et intérêts dans les limites de l'article XIX.4 du "
                    "Code de droit économique.",
                    "FR": "Indemnité forfaitaire pour frais de recouvrement de 40 EUR (Code de "
                    "commerce, art. D441-5).",
                    "NL": "Frais de recouvrement d'au moins 40 EUR (art. 6:96, al. 4, BW).",
                    "NL-consumer": "Frais de recouvrement extrajudiciaires selon le Besluit "
                    "vergoeding voor buitengerechtelijke incassokosten (art. 6:96 BW).",
                    "DE": "Forfait de 40 EUR (§ 288, al. 5, BGB).",
                    "LU": "Indemnité forfaitaire pour frais de recouvrement d'au moins 40 EUR "
                    "(loi du 18 avril 2004).",
                    "UK": "Somme forfaitaire pour frais de recouvrement (Late Payment of "
                    "Commercial Debts (Interest) Act 1998, s. 5A).",
                    "EU": "Indemnité forfaitaire d'au moins 40 EUR (directive 2011/7/UE, art. 6).",
                }
            ),
            waiting=MappingProxyType(
                {
                    "BE": "Ce premier rappel est gratuit. À défaut de paiement dans un délai de "
                    "14 jours calendrier, prenant cours le troisième jour ouvrable après "
                    "l'envoi postal de ce rappel ou le lendemain de son envoi électronique, "
                    "des dommages et intérêts de {a} pourront être réclamés (Code de droit "
                    "économique, livre XIX).",
                    "NL": "À défaut de paiement dans les 14 jours à compter du lendemain de la "
                    "présente mise en demeure, des frais de recouvrement extrajudiciaires de "
                    "{a} seront dus (art. 6:96, al. 6, BW).",
                }
            ),
        ),
        "nl": ClaimTemplates(
            title="Herinnering {n} ({l}) van {d}",
            principal="Openstaande hoofdsom: {a}",
            interest="Vertragingsrente tot en met {d}: {a}",
            compensation="Forfaitaire vergoeding voor invorderingskosten: {a}",
            fees="Herinneringskosten: {a}",
            total="Totaal verschuldigd: {a}",
            pay_by="Gelieve te betalen uiterlijk op {d}.",
            law=MappingProxyType(
                {
                    "BE": "Intresten tegen de rentevoet van de wet van 2 augustus 2002 (art. 5) "
                    "zijn van rechtswege en zonder ingebrekestelling verschuldigd.",
                    "BE-consumer": "Intresten ten hoogste tegen de rentevoet van de wet van "
                    "2 augustus 2002; schadevergoeding begrensd door artikel XIX.4 van het "
                    "Wetboek van economisch recht.",
                    "FR": "Verwijlinteresten zijn van rechtswege verschuldigd vanaf de dag na de "
                    "betaaldatum (Code de commerce, art. L441-10 II).",
                    "NL": "De wettelijke handelsrente is zonder ingebrekestelling verschuldigd "
                    "(art. 6:119a BW).",
                    "NL-consumer": "Wettelijke rente (art. 6:119 BW).",
                    "DE": "Verzugsrente volgens § 288 BGB.",
                    "DE-consumer": "Verzugsrente volgens § 288, lid 1, BGB.",
                    "LU": "Verwijlinteresten volgens de wet van 18 april 2004 (gewijzigd bij de "
                    "wet van 29 maart 2013).",
                    "LU-consumer": "Wettelijke rente naar Luxemburgs recht.",
                    "UK": "Wettelijke rente volgens de Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 1.",
                    "EU": "Rente is zonder aanmaning verschuldigd (richtlijn 2011/7/EU, art. 3).",
                }
            ),
            compensation_law=MappingProxyType(
                {
                    "BE": "Forfaitaire vergoeding van 40 EUR, van rechtswege verschuldigd (wet "
                    "van 2 augustus 2002, art. 6).",
                    "BE-consumer": "Schadevergoeding binnen de grenzen van artikel XIX.4 van het "
                    "Wetboek van economisch recht.",
                    "FR": "Forfaitaire vergoeding voor invorderingskosten van 40 EUR (Code de "
                    "commerce, art. D441-5).",
                    "NL": "Incassokosten van ten minste 40 EUR (art. 6:96 lid 4 BW).",
                    "NL-consumer": "Buitengerechtelijke incassokosten volgens het Besluit "
                    "vergoeding voor buitengerechtelijke incassokosten (art. 6:96 BW).",
                    "DE": "Forfaitaire vergoeding van 40 EUR (§ 288, lid 5, BGB).",
                    "LU": "Forfaitaire vergoeding voor invorderingskosten van ten minste 40 EUR "
                    "(wet van 18 april 2004).",
                    "UK": "Vast bedrag voor invorderingskosten (Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 5A).",
                    "EU": "Forfaitaire vergoeding van ten minste 40 EUR (richtlijn 2011/7/EU, "
                    "art. 6).",
                }
            ),
            waiting=MappingProxyType(
                {
                    "BE": "Deze eerste herinnering is kosteloos. Wordt het bedrag niet betaald "
                    "binnen 14 kalenderdagen, te rekenen vanaf de derde werkdag na de "
                    "verzending per post van deze herinnering of vanaf de dag na de "
                    "elektronische verzending, dan kan een schadevergoeding van {a} worden "
                    "gevorderd (Wetboek van economisch recht, boek XIX).",
                    "NL": "Als u niet betaalt binnen 14 dagen, te rekenen vanaf de dag na deze "
                    "aanmaning, bent u buitengerechtelijke incassokosten van {a} verschuldigd "
                    "(art. 6:96 lid 6 BW).",
                }
            ),
        ),
        "de": ClaimTemplates(
            title="Mahnung {n} ({l}) vom {d}",
            principal="Offene Hauptforderung: {a}",
            interest="Verzugszinsen bis einschließlich {d}: {a}",
            compensation="Pauschale für Beitreibungskosten: {a}",
            fees="Mahngebühren: {a}",
            total="Gesamtbetrag: {a}",
            pay_by="Bitte zahlen Sie bis spätestens {d}.",
            law=MappingProxyType(
                {
                    "BE": "Zinsen zum Satz des Gesetzes vom 2. August 2002 (Art. 5) sind von "
                    "Rechts wegen und ohne Inverzugsetzung geschuldet.",
                    "BE-consumer": "Zinsen höchstens zum Satz des Gesetzes vom 2. August 2002; "
                    "Schadenersatz begrenzt durch Art. XIX.4 des Wirtschaftsgesetzbuches.",
                    "FR": "Verzugsstrafen sind ab dem Tag nach dem Zahlungstermin von Rechts wegen "
                    "fällig (Code de commerce, Art. L441-10 II).",
                    "NL": "Die gesetzlichen Handelszinsen sind ohne Mahnung geschuldet "
                    "(Art. 6:119a BW).",
                    "NL-consumer": "Gesetzliche Zinsen (Art. 6:119 BW).",
                    "DE": "Verzugszinsen gemäß § 288 BGB.",
                    "DE-consumer": "Verzugszinsen gemäß § 288 Abs. 1 BGB.",
                    "LU": "Verzugszinsen nach dem Gesetz vom 18. April 2004 (geändert durch das "
                    "Gesetz vom 29. März 2013).",
                    "LU-consumer": "Gesetzliche Zinsen nach luxemburgischem Recht.",
                    "UK": "Gesetzliche Zinsen nach dem Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 1.",
                    "EU": "Zinsen sind ohne Mahnung geschuldet (Richtlinie 2011/7/EU, Art. 3).",
                }
            ),
            compensation_law=MappingProxyType(
                {
                    "BE": "Pauschalentschädigung von 40 EUR, von Rechts wegen geschuldet (Gesetz "
                    "vom 2. August 2002, Art. 6).",
                    "BE-consumer": "Schadenersatz in den Grenzen von Art. XIX.4 des "
                    "Wirtschaftsgesetzbuches.",
                    "FR": "Pauschalentschädigung für Beitreibungskosten von 40 EUR (Code de "
                    "commerce, Art. D441-5).",
                    "NL": "Inkassokosten von mindestens 40 EUR (Art. 6:96 Abs. 4 BW).",
                    "NL-consumer": "Außergerichtliche Inkassokosten nach dem Besluit vergoeding "
                    "voor buitengerechtelijke incassokosten (Art. 6:96 BW).",
                    "DE": "Verzugspauschale von 40 EUR (§ 288 Abs. 5 BGB).",
                    "LU": "Pauschalentschädigung für Beitreibungskosten von mindestens 40 EUR "
                    "(Gesetz vom 18. April 2004).",
                    "UK": "Pauschalbetrag für Beitreibungskosten (Late Payment of Commercial Debts "
                    "(Interest) Act 1998, s. 5A).",
                    "EU": "Pauschalentschädigung von mindestens 40 EUR (Richtlinie 2011/7/EU, "
                    "Art. 6).",
                }
            ),
            waiting=MappingProxyType(
                {
                    "BE": "Diese erste Mahnung ist kostenlos. Wird der Betrag nicht binnen 14 "
                    "Kalendertagen gezahlt, gerechnet ab dem dritten Werktag nach dem "
                    "Postversand dieser Mahnung oder ab dem Tag nach ihrem elektronischen "
                    "Versand, kann ein Schadenersatz von {a} gefordert werden "
                    "(Wirtschaftsgesetzbuch, Buch XIX).",
                    "NL": "Zahlen Sie nicht binnen 14 Tagen, gerechnet ab dem Tag nach dieser "
                    "Mahnung, werden außergerichtliche Inkassokosten von {a} fällig "
                    "(Art. 6:96 Abs. 6 BW).",
                }
            ),
        ),
    }
)
"""The claim-statement wording of every language, by ISO 639-1 code."""


# Statutes, in the words of reference/legal.md: §1 Directive 2011/7/EU arts. 2(6), 2(7)(a),
# 3(2) (reference rate: the ECB main refinancing rate in force on 1 January / 1 July, + 8
# points); §2.1 BE law of 2 August 2002 art. 5 al. 2 ("taux directeur majoré de huit points de
# pourcentage et arrondi au demi-point de pourcentage supérieur" / "referentie-interestvoet
# vermeerderd met acht procentpunten en afgerond tot het hogere halve procentpunt"; the taux
# directeur of art. 2, 4°: the ECB's most recent main refinancing operation before the first
# calendar day of the half-year); §2.3 BE Code of Economic Law art. XIX.4 (consumer debts: at
# most the rate of art. 5); §3 NL art. 6:119a/6:119b and 6:120 lid 2 BW (handelsrente: the ECB
# rate of the most recent main refinancing operation before the first calendar day of the
# half-year + 8 points), art. 6:119 and 6:120 lid 1 BW (wettelijke rente fixed by AMvB); §4 FR
# Code de commerce art. L441-10 II (the ECB rate of its most recent refinancing operation + 10
# points, H1: in force on 1 January, H2: on 1 July); §5 DE § 288(1) (+ 5) and (2) (+ 9) BGB over
# the Basiszinssatz of § 247 BGB, + 8 for obligations up to 28 July 2014 (Art. 229 § 34 EGBGB);
# §6 LU loi du 18 avril 2004 as amended by the loi du 29 mars 2013 (ECB reference rate published
# at the start of the half-year + 8 points); §7 UK Late Payment of Commercial Debts (Interest)
# Act 1998 and SI 2002/1675 (8 % over the Bank of England base rate in force on 30 June or 31
# December before the day interest starts to run).
RATE_RULES: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "BE": "the rate of the European Central Bank's most recent main refinancing "
                "operation before the first day of the half-year, plus eight percentage points, "
                "rounded up to the next half percentage point (law of 2 August 2002, art. 5)",
                "BE-consumer": "at most the rate of the law of 2 August 2002 (art. 5): the "
                "European Central Bank's main refinancing rate plus eight percentage points, "
                "rounded up to the next half percentage point (Code of Economic Law, art. XIX.4)",
                "FR": "the rate the European Central Bank applied to its most recent "
                "refinancing operation, as in force on 1 January or 1 July of the half-year, "
                "plus 10 percentage points (Code de commerce, art. L441-10 II)",
                "NL": "the statutory commercial interest: the rate of the European Central "
                "Bank's most recent main refinancing operation before the first day of the "
                "half-year, plus eight percentage points (art. 6:119a, 6:119b and 6:120 lid 2 BW)",
                "NL-consumer": "the statutory interest, at the rate fixed by order in council "
                "(art. 6:119 and 6:120 lid 1 BW)",
                "DE": "9 percentage points above the base rate of § 247 BGB (§ 288(2) BGB)",
                "DE-consumer": "5 percentage points above the base rate of § 247 BGB "
                "(§ 288(1) BGB)",
                "DE-before-2014": "8 percentage points above the base rate of § 247 BGB "
                "(§ 288(2) BGB as in force up to 28 July 2014, Art. 229 § 34 EGBGB)",
                "LU": "the European Central Bank reference rate published at the start of the "
                "half-year, plus 8 percentage points (loi du 18 avril 2004, as amended by the "
                "loi du 29 mars 2013)",
                "UK": "8 percentage points over the Bank of England base rate in force on 30 "
                "June or 31 December before the day interest starts to run (Late Payment of "
                "Commercial Debts (Interest) Act 1998; SI 2002/1675)",
                "EU": "the European Central Bank's main refinancing rate in force on 1 January "
                "or 1 July of the half-year, plus 8 percentage points (Directive 2011/7/EU, "
                "arts. 2(6), 2(7) and 3(2))",
            }
        ),
        "fr": MappingProxyType(
            {
                "BE": "le taux directeur de la Banque centrale européenne (sa plus récente "
                "opération principale de refinancement avant le premier jour du semestre), "
                "majoré de huit points de pourcentage et arrondi au demi-point de pourcentage "
                "supérieur (loi du 2 août 2002, art. 5)",
                "BE-consumer": "au plus le taux de la loi du 2 août 2002 (art. 5) : le taux "
                "directeur de la Banque centrale européenne majoré de huit points de pourcentage "
                "et arrondi au demi-point de pourcentage supérieur (Code de droit économique, "
                "art. XIX.4)",
                "FR": "le taux appliqué par la Banque centrale européenne à son opération de "
                "refinancement la plus récente, en vigueur au 1er janvier ou au 1er juillet du "
                "semestre, majoré de 10 points de pourcentage (Code de commerce, art. L441-10 II)",
                "NL": "l'intérêt commercial légal : le taux de la plus récente opération "
                "principale de refinancement de la Banque centrale européenne avant le premier "
                "jour du semestre, majoré de huit points de pourcentage (art. 6:119a, 6:119b et "
                "6:120, al. 2, BW)",
                "NL-consumer": "l'intérêt légal, au taux fixé par mesure d'administration "
                "générale (art. 6:119 et 6:120, al. 1, BW)",
                "DE": "9 points de pourcentage au-dessus du taux de base du § 247 BGB (§ 288, "
                "al. 2, BGB)",
                "DE-consumer": "5 points de pourcentage au-dessus du taux de base du § 247 BGB "
                "(§ 288, al. 1, BGB)",
                "DE-before-2014": "8 points de pourcentage au-dessus du taux de base du § 247 "
                "BGB (§ 288, al. 2, BGB en vigueur jusqu'au 28 juillet 2014, art. 229 § 34 "
                "EGBGB)",
                "LU": "le taux de référence de la Banque centrale européenne publié au début du "
                "semestre, majoré de 8 points de pourcentage (loi du 18 avril 2004, modifiée par "
                "la loi du 29 mars 2013)",
                "UK": "8 points de pourcentage au-dessus du taux de base de la Banque "
                "d'Angleterre en vigueur le 30 juin ou le 31 décembre précédant le jour où les "
                "intérêts commencent à courir (Late Payment of Commercial Debts (Interest) Act "
                "1998 ; SI 2002/1675)",
                "EU": "le taux de la Banque centrale européenne pour ses opérations principales "
                "de refinancement en vigueur au 1er janvier ou au 1er juillet du semestre, "
                "majoré de 8 points de pourcentage (directive 2011/7/UE, art. 2, points 6 et 7, "
                "et art. 3, par. 2)",
            }
        ),
        "nl": MappingProxyType(
            {
                "BE": "de referentie-interestvoet (de meest recente basisherfinancieringsoperatie "
                "van de Europese Centrale Bank vóór de eerste kalenderdag van het halfjaar), "
                "vermeerderd met acht procentpunten en afgerond tot het hogere halve procentpunt "
                "(wet van 2 augustus 2002, art. 5)",
                "BE-consumer": "ten hoogste de rentevoet van de wet van 2 augustus 2002 (art. "
                "5): de referentie-interestvoet vermeerderd met acht procentpunten en afgerond "
                "tot het hogere halve procentpunt (Wetboek van economisch recht, art. XIX.4)",
                "FR": "de rentevoet die de Europese Centrale Bank toepaste op haar meest recente "
                "herfinancieringstransactie, zoals geldend op 1 januari of 1 juli van het "
                "halfjaar, vermeerderd met 10 procentpunten (Code de commerce, art. L441-10 II)",
                "NL": "de wettelijke handelsrente: de rente van de meest recente "
                "basisherfinancieringstransactie van de Europese Centrale Bank die heeft "
                "plaatsgevonden vóór de eerste kalenderdag van het halfjaar, vermeerderd met "
                "acht procentpunten (art. 6:119a, 6:119b en 6:120 lid 2 BW)",
                "NL-consumer": "de wettelijke rente, zoals vastgesteld bij algemene maatregel "
                "van bestuur (art. 6:119 en 6:120 lid 1 BW)",
                "DE": "9 procentpunten boven de basisrentevoet van § 247 BGB (§ 288, lid 2, BGB)",
                "DE-consumer": "5 procentpunten boven de basisrentevoet van § 247 BGB (§ 288, "
                "lid 1, BGB)",
                "DE-before-2014": "8 procentpunten boven de basisrentevoet van § 247 BGB (§ "
                "288, lid 2, BGB zoals van kracht tot 28 juli 2014, art. 229 § 34 EGBGB)",
                "LU": "de referentierentevoet van de Europese Centrale Bank bekendgemaakt bij "
                "het begin van het halfjaar, vermeerderd met 8 procentpunten (wet van 18 april "
                "2004, gewijzigd bij de wet van 29 maart 2013)",
                "UK": "8 procentpunten boven de basisrente van de Bank of England die gold op "
                "30 juni of 31 december vóór de dag waarop de rente begint te lopen (Late "
                "Payment of Commercial Debts (Interest) Act 1998; SI 2002/1675)",
                "EU": "de rente van de Europese Centrale Bank voor haar "
                "basisherfinancieringstransacties, geldend op 1 januari of 1 juli van het "
                "halfjaar, vermeerderd met 8 procentpunten (richtlijn 2011/7/EU, art. 2, punten "
                "6 en 7, en art. 3, lid 2)",
            }
        ),
        "de": MappingProxyType(
            {
                "BE": "der Leitzins der Europäischen Zentralbank (ihr jüngstes "
                "Hauptrefinanzierungsgeschäft vor dem ersten Kalendertag des Halbjahres) "
                "zuzüglich acht Prozentpunkten, aufgerundet auf den nächsten halben Prozentpunkt "
                "(Gesetz vom 2. August 2002, Art. 5)",
                "BE-consumer": "höchstens der Zinssatz des Gesetzes vom 2. August 2002 (Art. "
                "5): der Leitzins der Europäischen Zentralbank zuzüglich acht Prozentpunkten, "
                "aufgerundet auf den nächsten halben Prozentpunkt (Wirtschaftsgesetzbuch, Art. "
                "XIX.4)",
                "FR": "der Zinssatz der jüngsten Refinanzierungsoperation der Europäischen "
                "Zentralbank, gültig am 1. Januar bzw. 1. Juli des Halbjahres, zuzüglich 10 "
                "Prozentpunkten (Code de commerce, Art. L441-10 II)",
                "NL": "die gesetzlichen Handelszinsen: der Zinssatz des jüngsten "
                "Hauptrefinanzierungsgeschäfts der Europäischen Zentralbank vor dem ersten "
                "Kalendertag des Halbjahres zuzüglich acht Prozentpunkten (Art. 6:119a, 6:119b "
                "und 6:120 Abs. 2 BW)",
                "NL-consumer": "die gesetzlichen Zinsen in der durch Verordnung festgesetzten "
                "Höhe (Art. 6:119 und 6:120 Abs. 1 BW)",
                "DE": "9 Prozentpunkte über dem Basiszinssatz nach § 247 BGB (§ 288 Abs. 2 BGB)",
                "DE-consumer": "5 Prozentpunkte über dem Basiszinssatz nach § 247 BGB (§ 288 "
                "Abs. 1 BGB)",
                "DE-before-2014": "8 Prozentpunkte über dem Basiszinssatz nach § 247 BGB (§ "
                "288 Abs. 2 BGB in der bis 28. Juli 2014 geltenden Fassung, Art. 229 § 34 "
                "EGBGB)",
                "LU": "der zu Beginn des Halbjahres veröffentlichte Referenzzinssatz der "
                "Europäischen Zentralbank zuzüglich 8 Prozentpunkten (Gesetz vom 18. April 2004, "
                "geändert durch das Gesetz vom 29. März 2013)",
                "UK": "8 Prozentpunkte über dem Leitzins der Bank of England, der am 30. Juni "
                "bzw. 31. Dezember vor dem Beginn des Zinslaufs galt (Late Payment of Commercial "
                "Debts (Interest) Act 1998; SI 2002/1675)",
                "EU": "der Hauptrefinanzierungssatz der Europäischen Zentralbank, gültig am 1. "
                "Januar bzw. 1. Juli des Halbjahres, zuzüglich 8 Prozentpunkten (Richtlinie "
                "2011/7/EU, Art. 2 Nr. 6 und 7, Art. 3 Abs. 2)",
            }
        ),
    }
)
"""The statutory late-interest rate rule of each regime in words, with its article.

By language, then by the key :meth:`payterms.law.Regime.rule_on` gives (``"DE"``,
``"DE-consumer"``, ...). :func:`payterms.text.describe_invoice` states the rule where the
rate of the invoice's period is not yet published: an invoice is written before it is.

>>> RATE_RULES["en"]["DE"]
'9 percentage points above the base rate of § 247 BGB (§ 288(2) BGB)'
"""
