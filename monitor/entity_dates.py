"""Dates in article text (pure: no I/O, no clock): ``find_dates(text, published)``.

Dated phrases in en/fr/de/ru/az ("3 October 2023", "October 2–5, 2023", "30.06.2019",
"3 октября", "oktyabrın 2-də"), weekdays and relative words ("yesterday", "в среду",
"dünən") read against the publication date, each as a :class:`DateHit` with how it was
said and where. Sentences that look back ("recalled his visit on ...") or forward to a
deadline ("until 5 May") are skipped. Month names are one table (``MONTHS``), one line
a month to extend. Helpers for :mod:`monitor.classify`, re-exported by
:mod:`monitor.entities`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

_MONTHS = {  # en fr de ru az tr ar (Maghreb, Egypt and the Gulf write the Latin names)
    1: "january jan janvier januar января январь yanvar ocak يناير",
    2: "february feb février févr februar февраля февраль fevral şubat فبراير",
    3: "march mar mars märz марта март mart مارس",
    4: "april apr avril апреля апрель aprel nisan أبريل ابريل",
    5: "may mai мая май mayıs مايو ماي",
    6: "june jun juin juni июня июнь iyun haziran يونيو يونيه",
    7: "july jul juillet juli июля июль iyul temmuz يوليو يوليوز",
    8: "august aug août августа август avqust ağustos أغسطس اغسطس غشت",
    9: "september sep sept septembre сентября сентябрь sentyabr eylül سبتمبر شتنبر",
    10: "october oct octobre oktober октября октябрь oktyabr ekim أكتوبر اكتوبر",
    11: "november nov novembre ноября ноябрь noyabr kasım نوفمبر نونبر",
    12: "december dec décembre dezember декабря декабрь dekabr aralık ديسمبر دجنبر",
}
MONTHS = {name: num for num, names in _MONTHS.items() for name in names.split()}


def casefold(text: str) -> str:
    """``str.casefold`` with the Azerbaijani and Turkish capital dotted "İ" folded to a
    plain "i" ("İyun", "İCESCO"), where ``str.casefold`` leaves a combining dot after it
    (while the patterns, case-insensitive, match "İyun" as "iyun")."""
    return text.replace("İ", "i").casefold()


def _fold(name: str) -> str:
    """A name as the tables key it: case folded, the Turkish dotless ı as i ("MAYIS",
    matched case-insensitively against "mayıs", folds to "mayis")."""
    return casefold(name).replace("ı", "i")


_MONTH_KEYS = {_fold(name): num for name, num in MONTHS.items()}


def _month(name: str) -> int:
    """The month a matched name stands for."""
    return _MONTH_KEYS[_fold(name)]


_MON = "|".join(sorted(MONTHS, key=len, reverse=True))
_DAY = r"(\d{1,2})(?:st|nd|rd|th|-?(?:cü|ci|cu|cı|də|da|nd|th))?\.?"
_YEAR = r"(\d{4})"
_RANGE = r"(?:\s*[-–—]\s*\d{1,2})?"
_DATE_PATTERNS = (
    # 3 October 2023, 3 октября 2023 года, 3 oktyabr 2023-cü il, 30. Juni 2019
    re.compile(rf"(?<!\d){_DAY}{_RANGE}\s+({_MON})\w*\.?,?\s+{_YEAR}", re.I),
    # October 3, 2023; October 2–5, 2023; oktyabrın 2-də 2023
    re.compile(rf"(?<![\w-])({_MON})\w*\.?\s+{_DAY}{_RANGE},?\s+{_YEAR}", re.I),
    # 15/03/2019, 30.06.2019
    re.compile(r"(?<![\d/.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d/.])"),
    # 3 October, 30 июня (year from published)
    re.compile(rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th)?\.?{_RANGE}\s+({_MON})(?![\w])", re.I),
    # October 3, oktyabrın 2-də (year from published)
    re.compile(rf"(?<![\w-])({_MON})\w*\.?\s+{_DAY}{_RANGE}(?![\d,]*\s*\d{{4}})(?!\w)", re.I),
)
# Monday first; each line: en fr de (said alone), then ru az tr ar fa (after "в", before
# "günü", after "يوم" or "روز", Arabic also alone); "_" joins the words of one name
_WEEKDAY_LINES = """monday lundi montag | понедельник bazar_ertəsi pazartesi الاثنين الإثنين دوشنبه
    tuesday mardi dienstag | вторник çərşənbə_axşamı salı الثلاثاء سه‌شنبه
    wednesday mercredi mittwoch | среду среда çərşənbə çarşamba الأربعاء الاربعاء چهارشنبه
    thursday jeudi donnerstag | четверг cümə_axşamı perşembe الخميس پنجشنبه
    friday vendredi freitag | пятницу пятница cümə cuma الجمعة جمعه
    saturday samedi samstag | субботу суббота şənbə cumartesi السبت شنبه
    sunday dimanche sonntag | воскресенье bazar pazar الأحد الاحد یکشنبه"""
_WEEKDAYS = {
    name.replace("_", " "): i
    for i, line in enumerate(_WEEKDAY_LINES.splitlines())
    for name in line.replace("|", " ").split()
}
_ALONE = [
    name.replace("_", " ")
    for line in _WEEKDAY_LINES.splitlines()
    for name in line.split("|")[0].split()
] + [name for name in _WEEKDAYS if re.match(r"[\u0600-\u06ff]", name)]
_ANY_DAY = "|".join(sorted(_WEEKDAYS, key=len, reverse=True))
_RELATIVE = re.compile(
    r"(?<!\w)(yesterday|today|this morning|вчера|сегодня|dünən|bu gün|hier|aujourd'hui"
    r"|gestern|heute|dün|أمس|امس|دیروز"
    rf"|(?:on|в|во|ce|يوم|روز)\s+(?:{_ANY_DAY})|(?:{_ANY_DAY})\s+günü"
    rf"|(?:{'|'.join(sorted(_ALONE, key=len, reverse=True))}))(?!\w)",
    re.I,
)
_YESTERDAY = {"yesterday", "вчера", "dünən", "hier", "gestern", "dün", "أمس", "امس", "دیروز"}


def _weekday(phrase: str) -> int | None:
    """The weekday (Monday 0) a relative phrase names, if it names one."""
    phrase = re.sub(r"\s+günü$", "", phrase)
    return next((i for name, i in _WEEKDAYS.items() if phrase.endswith(_fold(name))), None)


_RETRO = re.compile(
    r"recall|previous|earlier|last (?:year|month|week)|ago|since|anniversar|founded|established"
    r"|напомн|ранее|прошл|ötən|əvvəl|keçən|rappel",
    re.I,
)


_UNTIL = re.compile(r"until|till|through|by the end|remaining|\bдо\b|qədər|jusqu", re.I)


YEAR_UNKNOWN = 2000  # the year given to a day-month date when nothing tells the year


@dataclass(frozen=True)
class DateHit:
    """A date read from text: the day, how it was said, where, and its weight."""

    day: date
    kind: str  # "full", "numeric", "no-year", "relative"; "day-month": year unknown
    start: int


def _make(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def find_dates(text: str, published: datetime | None) -> list[DateHit]:
    """Dates in ``text`` outside retrospective sentences ("recalled his visit on ...")."""
    hits: list[DateHit] = []
    ref = published.date() if published else None
    taken: list[tuple[int, int]] = []
    for i, pattern in enumerate(_DATE_PATTERNS):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            sentence_start = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start()))
            prefix = text[sentence_start + 1 : m.start()]
            if _RETRO.search(prefix) or _UNTIL.search(prefix[-30:]):
                continue
            g = m.groups()
            if i == 0:
                d = _make(int(g[2]), _month(g[1]), int(g[0]))
            elif i == 1:
                d = _make(int(g[2]), _month(g[0]), int(g[1]))
            elif i == 2:
                d = _make(int(g[2]), int(g[1]), int(g[0]))
            else:
                day, mon = (g[0], g[1]) if i == 3 else (g[1], g[0])
                d = _make(ref.year if ref else YEAR_UNKNOWN, _month(mon), int(day))
                if ref and d and d > ref + timedelta(days=60):
                    d = _make(ref.year - 1, d.month, d.day)
            if d:
                taken.append(m.span())
                kind = ("full", "full", "numeric", "no-year", "no-year")[i]
                kind = "day-month" if i > 2 and ref is None else kind
                hits.append(DateHit(d, kind, m.start()))
    if ref is not None:
        for m in _RELATIVE.finditer(text):
            word = _fold(m.group(1))
            if word in _YESTERDAY:
                d = ref - timedelta(days=1)
            elif (weekday := _weekday(word)) is not None:
                d = ref - timedelta(days=(ref.weekday() - weekday) % 7)
            else:
                d = ref
            hits.append(DateHit(d, "relative", m.start()))
    return sorted(hits, key=lambda h: h.start)
