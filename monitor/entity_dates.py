"""Dates in article text (pure: no I/O, no clock).

``find_dates(text, published)``: dated phrases in en/fr/de/ru/az/tr/ar ("3 October
2023", "October 2–5, 2023", "30.06.2019", "3 октября", "oktyabrın 2-də", "3 أكتوبر
2023"), weekdays and relative words ("yesterday", "mercredi", "в среду", "dünən", "يوم
الاثنين") read against the publication date, each as a :class:`DateHit` with how it was
said and where. Sentences that look back ("recalled his visit on ...") or forward to a
deadline ("until 5 May") are skipped. Month and weekday names are one table each, one
line a month or a day to extend. Re-exported by :mod:`monitor.entities`.

``event_date(title, body, published, lead_end, ahead)``: which of those dates is the
day of the event an article tells (for :mod:`monitor.classify`).
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
# a second day: "2–5 October", "28 and 29 October", "28 и 29 октября" (the first is taken)
_RANGE = r"(?:\s*(?:[-–—]|and|&|и|və|et|ve|und)\s*\d{1,2})?"
_DATE_PATTERNS = (
    # 3 October 2023, 3 октября 2023 года, 3 oktyabr 2023-cü il, 30. Juni 2019
    re.compile(rf"(?<!\d){_DAY}{_RANGE}\s+({_MON})\w*\.?,?\s+{_YEAR}", re.I),
    # October 3, 2023; October 2–5, 2023; oktyabrın 2-də 2023
    re.compile(rf"(?<![\w-])({_MON})\w*\.?\s+{_DAY}{_RANGE},?\s+{_YEAR}", re.I),
    # 15/03/2019, 30.06.2019
    re.compile(r"(?<![\d/.])(\d{1,2})[./](\d{1,2})[./](\d{4})(?![\d/.])"),
    # 3 October, 30 июня, 5 iyulda (year from published)
    re.compile(
        rf"(?<![\d.])(\d{{1,2}})(?:st|nd|rd|th)?\.?{_RANGE}\s+({_MON})(?:da|də|ta|tə)?(?![\w])",
        re.I,
    ),
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


_WEEKDAY_KEYS = {_fold(name): i for name, i in _WEEKDAYS.items()}


def _weekday(phrase: str) -> int | None:
    """The weekday (Monday 0) a relative phrase names, if it names one."""
    phrase = re.sub(r"\s+günü$", "", phrase)
    return next((i for name, i in _WEEKDAY_KEYS.items() if phrase.endswith(name)), None)


_RETRO = re.compile(
    r"recall|previous|earlier|last (?:year|month|week)|ago|since|anniversar|founded|established"
    r"|напомн|ранее|прошл|ötən|əvvəl|keçən|rappel",
    re.I,
)


_UNTIL = re.compile(r"until|till|through|by the end|remaining|\bдо\b|qədər|jusqu", re.I)
# a deadline said after the date: "iyulun 5-dək", "5 Temmuz'a kadar", "5 iyula qədər"
_UNTIL_AFTER = re.compile(r"-?d[əae]k\b|['’]?(?:y?[ae]|y?ə)?\s+(?:qədər|kadar)\b", re.I)


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
            if _UNTIL_AFTER.match(text, m.end()):
                continue  # a deadline, not the day of an event
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


_EVENT_WORD = re.compile(
    r"meeting|talks|conversation|held|visit|ceremon|signed|встреч|переговор|визит|церемон|вручил"
    r"|подписан"
    r"|görüş|səfər|mərasim|réunion|cérémonie",
    re.I,
)
_ON = re.compile(r"(?:on|в|во|ce|يوم|روز)\s", re.I)  # a weekday said with its "on"
_DATE_CUE = re.compile(r"(?:\bon|held|took place|\bв|\bот)\s+(?:\w+,?\s+)?$", re.I)
# a date alone on its line ("9 December 2025", "18.04.2024 14:27") is the page's stamp
_STAMP_LINE = re.compile(r"[\s•|]*[\d.:/ -]*$")


_FUTURE = re.compile(
    r"\bwill\b|\bto (?:visit|hold|attend|meet|sign|open|take part|participate|host|stage"
    r"|organi[sz]e|launch|celebrate|mark)\b|is due"
    r"|\bnext\b|upcoming|будет|будут|состоится|пройдет|пройдёт|посетит|olacaq|edəcək"
    r"|keçiriləcək|gələcək|prochain|aura lieu|se tiendra",
    re.I,
)


# a past verb right before the weekday: "... will prepare a file, the ministers agreed on
# Tuesday", "заявил во вторник"
_PAST_BEFORE = re.compile(
    r"(?:\b\w{3,}ed|\b(?:said|met|held|told|spoke|took|made)|\w{2,}(?:ил|ал|ял|ел|ли|ла))"
    r"\s+(?:on\s+|в\s+|во\s+)?$"
)


def _forward(hit: DateHit, text: str, ref: date | None) -> DateHit:
    """A weekday told of what is to come ("will visit Shusha on Monday") is the next
    one, not the last: ``find_dates`` reads weekdays as past."""
    if ref is None or hit.day >= ref:
        return hit
    sentence = text[
        max(text.rfind(".", 0, hit.start), text.rfind("\n", 0, hit.start)) + 1 : hit.start
    ]
    word = re.match(r"[^\s,.;]+(?:\s+[^\s,.;]+)?", text[hit.start :])
    weekday = _weekday(_fold(word.group(0))) if word else None
    if weekday is None or not _FUTURE.search(sentence) or _PAST_BEFORE.search(sentence):
        return hit
    return DateHit(ref + timedelta(days=(weekday - ref.weekday()) % 7), hit.kind, hit.start)


def event_date(
    title: str, body: str, published: datetime | None, lead_end: int, ahead: int = 2
) -> DateHit | None:
    """The day of the event an article tells (``lead_end``: where its lead ends in
    ``body``), at most ``ahead`` days after publication (what is to come: more).

    A date weighs by where it is said: the title most, then the lead, then a dateline
    ("BAKU, Azerbaijan, October 3.": the report's day), then a date later in the body
    said with "on"/"held" near an event word; a date alone on its line is the page's
    stamp, taken only for want of any other. "Today" outside the lead weighs less.
    """
    ref = published.date() if published else None
    best: tuple[float, int, DateHit] | None = None
    for zone, text, base in (("title", title, 4.0), ("body", body[:2500], 0.0)):
        for hit in find_dates(text, published):
            if ref and not ref - timedelta(days=45) <= hit.day <= ref + timedelta(days=ahead):
                continue
            before = text[max(0, hit.start - 40) : hit.start]
            said_on = bool(_DATE_CUE.search(before) or _ON.match(text, hit.start))
            said = _RELATIVE.match(text, hit.start) if hit.kind == "relative" else None
            past = said is not None and _fold(said.group(1)) in _YESTERDAY
            weight = base
            if zone == "body":
                if hit.start < 120 and re.search(
                    r"^[\s\W]*[A-ZА-ЯƏÇĞİÖŞÜ][\w]+[,.:]?\s*(?:\w+,\s*)?$", before
                ):
                    weight = 2.75  # dateline: "BAKU, Azerbaijan, October 3." (the report's)
                elif hit.start < lead_end:
                    weight = 3.0
                elif said_on and _EVENT_WORD.search(text[max(0, hit.start - 80) : hit.start + 60]):
                    weight = 2.0
                elif past and _EVENT_WORD.search(text[max(0, hit.start - 80) : hit.start + 60]):
                    weight = 3.3  # "was signed yesterday": beats the report's dateline
                else:
                    continue
                weight += 0.5 if said_on else 0.0
                line_start = text.rfind("\n", 0, hit.start) + 1
                line_end = text.find("\n", hit.start) % (len(text) + 1)
                if _STAMP_LINE.fullmatch(text[line_start : hit.start]) and (
                    line_end - hit.start < 30
                ):
                    weight = 1.0  # the page's stamp: the event's day only if nothing says
                if weight == 2.75 and ahead > 2:
                    weight = 1.5  # what is to come: the dateline is the report's day only
            if hit.kind == "relative" and ahead > 2:
                hit = _forward(hit, text, ref)
            if hit.kind == "relative" and not (zone == "body" and hit.start < lead_end):
                weight -= 0.5  # "today" outside the lead may be any day
            if best is None or (weight, -hit.start) > (best[0], -best[1]):
                best = (weight, hit.start, hit)
    return best[2] if best else None
