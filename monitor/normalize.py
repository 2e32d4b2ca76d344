"""Clean text, titles, languages, content hashes and dates (pure: no I/O, no clock).

``clean_text(text, source=None)``

1. Unicode NFC; ``\\r\\n``/``\\r`` and U+2028/U+2029 become ``\\n``.
2. Invisible characters are removed: zero-width space, word joiner, BOM, soft hyphen,
   control characters (NUL and the rest of C0 and C1, but tab and line breaks; vertical
   tab, form feed and NEL become ``\\n``) and lone surrogates, which no database stores.
   ZWNJ/ZWJ (U+200C/U+200D) are kept: they are spelling in Persian and emoji sequences.
3. NBSP, narrow NBSP and the other Unicode spaces become a plain space; runs of spaces
   and tabs collapse to one space; every line is stripped.
4. Quotes: ``’ ‘ ‚ ʼ`` become ``'``, ``“ ” „`` become ``"``, and a backtick between two
   letters (``Azerbaijan`s``) becomes ``'``. Guillemets ``« »`` are kept: in Russian
   and French they are the ordinary quotation marks and carry the quoted names.
5. Outlet clutter goes, by four pattern tables (one commented line per pattern):
   ``_PREFIXES`` at the very start (`` date 2024-01-31``, ``+ ↺ − 16 px``, ``A A A``,
   ``(MENAFN- AzerNews)``); ``_HEAD``, whole lines before the first real paragraph
   (``By Laman Ismayilova``, ``By Azernews``, a bare date/time, a masthead ``Azernews.Az``);
   ``_ANYWHERE``, whole lines (``---``, ``Read more:``/``Also read:``, photo credits,
   image placeholders, share buttons, "Subscribe to our Telegram channel", "Follow us on
   Twitter @AzerNewsAz"); ``_TAIL``, whole lines after the last real paragraph ("X is
   AzerNews' staff journalist, follow her on Twitter: @...", a line that is only an
   outlet's name or domain: ``News.Az``, ``Trend``, ``AZERTAC``, ``APA``, ``Report.az``,
   the ``source`` name; navigation leftovers: ``Loading...``, ``Tags:``). Only whole
   lines go: a sentence that mentions an outlet ("..., Azernews reports.") stays.
6. Blank-line runs become exactly one paragraph break ``\\n\\n``; single line breaks
   are kept; the result has no leading or trailing whitespace.

``clean_title(title)``: the same Unicode, space and quote rules on one line, then an
outlet suffix (`` - News.az``, `` | Trend``, `` | AzerNews``, any `` | domain.tld``)
and a trailing media mark (``[PHOTOS]``, ``(VIDEO)``) are removed.

``detect_language(text, hint=None)`` returns an ISO 639-1 code or ``"und"``: first the
script (Cyrillic, Arabic, Latin, Greek, Armenian, Georgian, Hebrew, CJK), then telling
letters (Azerbaijani ``ə``; Ukrainian ``і ї є ґ``; Persian ``پ چ ژ گ ی ک`` against Arabic
``ي ك ة``), then stopword frequencies (en, fr, de, es, it, pt, nl, tr, az, ru, uk, ar, fa).
The hint (from the feed or sources.toml) wins when the text has fewer than 40 letters
or when the evidence is weak or close between the hint and the best guess.

``content_hash(title, body)``: SHA-256 hex of the body, NFKC-normalised, casefolded, with
punctuation removed and whitespace collapsed: a text re-published by a syndicating outlet
under another title, with other quotes or line breaks, hashes equal. The title is used
(prefixed ``title:``) only when the body is empty.

``parse_datetime(value, default_tz=UTC, now=None)`` returns an aware UTC datetime or
``None`` for ``None``/blank: ISO 8601 (``Z``, offsets, date only, a space instead of
``T``, any number of fraction digits), RFC 2822 (feeds), ``31.01.2024 14:05``,
``2024/01/31``, and unix timestamps (numbers above 10^11 are milliseconds). Naive values
are read in ``default_tz`` (RFC 2822 without a zone, or with ``-0000``, in UTC). Garbage,
dates that leave the calendar in UTC (``0001-01-01T00:00+01:00``), years before 1990 and
times more than two days after ``now`` (when given) raise :class:`monitor.errors.InputError`.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from datetime import UTC, datetime, timedelta, tzinfo
from email.utils import parsedate_to_datetime

from monitor.errors import InputError

_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
_BREAKS = str.maketrans({"\x0b": "\n", "\x0c": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})
_SPACES = re.compile("[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "‚": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'})
_BACKTICK = re.compile(r"(?<=\w)`(?=\w)")
_BLANKS = re.compile(r"\n{3,}")

_OUTLETS = (
    r"news\.?az|trend(?: news agency)?|azernews(?:\.az)?|azertac|azertag|apa|report(?:\.az)?"
    r"|sia\.az|vesti\.az|day\.az|oxu\.az|qafqazinfo|musavat|milli\.az|menafn"
)
_DOMAIN = r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:az|com|ru|net|org|info|news|tr|ir|uk)"
_BUTTON = r"(?:share|tweet|e-?mail|print|поделиться|paylaş|whatsapp|telegram)"
_CALL = (
    r"(?:subscribe|follow us|join us|join our|stay up to date|подпи\w+|bizi izləyin|bütün xəbərlər)"
)
_NAV = r"skip to content|tags:?|son xəbərlər|digər xəbərlər|geri qayıt\s*\|?|\d+ views|print:?"
_SOCIAL = r"(?:telegram|twitter|facebook|whatsapp|instagram|youtube|tiktok|\bx\b|channel|@)"


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


_PREFIXES = (
    re.compile(r"date \d{4}(?:-\d\d){0,2}\b"),  # capture line: " date 2024-01-31"
    _c(r"\+\s*↺\s*[−-]\s*\d+\s*px"),  # font widget: "+ ↺ − 16 px"
    _c(r"[−-]\s*\d+\s*px\s*\+"),  # font widget: "- 16 px +"
    _c(r"a-?\s+a\s+a\+?(?=\s)"),  # font widget: "A A A", "A- A A+"
    _c(r"\(MENAFN-[^)\n]{0,60}\)"),  # syndication mark: "(MENAFN- AzerNews)"
)
_CAP = "[A-ZƏÇĞİÖŞÜ]"  # a name's capital, Azerbaijani and Turkish ones too: "By Şəbnəm ..."
_HEAD = (
    # "By Laman Ismayilova", "By Staff reporter", "Автор: Анар Гасанов", "Müəllif: ..."
    re.compile(
        rf"(?:By|(?:Автор|Автор текста|Müəllif|Yazar) ?[:—–-]) (?:{_CAP}|[А-ЯЁ])[\w.'-]*"
        r"(?: [\w.'-]+){0,3}"
    ),
    re.compile(rf"(?:{_CAP}[\w'-]+ ){{1,3}}Read more"),  # "Laman Ismayilova Read more"
    _c(r"(?:date: )?\d{1,2}[ .]\w+\.?[ .]\d{4},? \d\d:\d\d(?: \(UTC[^)]*\))?"),  # date line
    _c(r"\d{1,2} \w{3}\. \d\d:\d\d \(UTC[^)]*\)"),  # "15 Oct. 15:30 (UTC+3 MSK)"
    _c(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day,? \w+ \d{1,2},? \d{4}"),  # "Monday May 6 2024"
    _c(rf"(?:{_OUTLETS}|{_DOMAIN})\.?"),  # masthead line: "Azernews.Az"
)
_ANYWHERE = (
    re.compile(r"[-–—_*=•·~]{3,}"),  # separator line: "---"
    _c(r"(?:read more|read also|also read|see also|читайте также|həmçinin oxuyun)\s*:.*"),
    _c(r"(?:©\s*)?(?:photos?|photo credit|фото|foto|şəkil)\s*:.{0,80}"),  # photo credit
    _c(r"<image>.*</image>|!\[[^\]]*\]\([^)]*\)"),  # image placeholder from extraction
    _c(rf"{_BUTTON}(?:[\s:|]+{_BUTTON})*\s*:?"),  # share buttons: "Share Tweet Email"
    _c(rf"{_CALL}.{{0,120}}{_SOCIAL}.{{0,80}}"),  # "Follow us on Twitter @AzerNewsAz"
    # the outlet's terms of reuse and its copyright line: "Any use of materials is allowed
    # only if there is a hyperlink to Caliber.az", "Caliber.az © 2025."
    _c(
        r"(?:any use of (?:the )?materials|при (?:любом )?использовании материалов"
        r"|materiallardan istifadə|(?:©\s*)?(?:all )?(?:content|materials?) (?:from|of|on) this"
        r" (?:site|website|portal))\b.{0,200}"
    ),
    _c(r"[^\s©]{0,40}\s*©\s*\d{4}(?:\s*[-–]\s*\d{4})?[\s.,]*(?:[^\s©]{1,40}[\s.]*)?"),
)
_TAIL = (
    re.compile(  # "Laman Ismayilova is AzerNews' staff journalist, follow her on Twitter: @..."
        rf"{_CAP}[\w.'-]*(?: {_CAP}[\w.'-]*){{0,3}} is (?:an? )?[\w.]+'s? staff "
        r"(?:journalist|writer|reporter|correspondent)\b.*"
    ),
    _c(rf"(?:{_OUTLETS}|{_DOMAIN})\.?"),  # signature line: "News.Az", "AZERTAC"
    _c(rf"loading\.{{0,3}}|latest(?: see more| articles)?|more stories|{_NAV}"),  # navigation
)


def _basic(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BREAKS)
    text = _INVISIBLE.sub("", text)
    return _BACKTICK.sub("'", text.translate(_QUOTES))


def _full(patterns: tuple[re.Pattern[str], ...], line: str) -> bool:
    return any(p.fullmatch(line) for p in patterns)


def clean_text(text: str, *, source: str | None = None) -> str:
    """Normalised article text without outlet clutter (rules in the module docstring)."""
    text = _basic(text).lstrip()
    changed = True
    while changed:  # prefixes can follow one another: " date 2024-01-31 + ↺ − 16 px"
        changed = False
        for pattern in _PREFIXES:
            match = pattern.match(text)
            if match:
                text, changed = text[match.end() :].lstrip(), True
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lines = [line for line in lines if not _full(_ANYWHERE, line)]
    while lines and (not lines[0] or _full(_HEAD, lines[0])):
        lines.pop(0)
    names = {source.lower().removeprefix("www.")} if source else set()
    while lines and (not lines[-1] or _full(_TAIL, lines[-1]) or lines[-1].lower() in names):
        lines.pop()
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


_TITLE_SUFFIX = _c(rf"\s+[-|–—•]\s+(?:{_OUTLETS}|{_DOMAIN})\s*$")
_MEDIA_MARK = _c(r"\s*[\[(](?:photos?|videos?|foto|фото|видео|photo/video)[\])]\s*$")


def clean_title(title: str) -> str:
    """One line of text without outlet suffixes or media marks."""
    text = _SPACES.sub(" ", _basic(title).replace("\n", " ")).strip()
    previous = None
    while previous != text:
        previous = text
        text = _MEDIA_MARK.sub("", _TITLE_SUFFIX.sub("", text)).strip()
    return text


# -- language ------------------------------------------------------------------------------

_STOPWORDS = {
    "en": "the of and to in a is that for on with as was by at from has have are it be said",
    "fr": "le la les des de du et un une est en dans pour que qui sur au aux avec par a été",
    "de": "der die das und ist nicht den dem des ein eine mit von zu im für auf sich auch wurde",
    "es": "el la los las de del y en que un una por con para es se al lo como fue",
    "it": "il la di che e un una per con del della è sono nel alla gli le al dei",
    "pt": "o a os as de do da dos das e em um uma que para com por não foi no na",
    "nl": "de het een en van in is op te dat met voor zijn niet aan door er ook",
    "tr": "ve bir bu ile için da de olarak olan çok gibi ise daha ama sonra kadar değil",
    "az": "və bir bu ilə üçün də da olan olaraq edib edilib isə daha sonra qeyd bildirib",
    "ru": "и в не на что с по как это из к у за о от для же был было года также",
    "uk": "і в не на що з та як це до у за від для про був було також року її",
    "ar": "في من على إلى أن التي الذي عن مع هذا هذه كان ما بين قد أو",
    "fa": "و در به از که این را با است برای آن یک می شد خود تا کرد شده",
}
_STOP = {lang: frozenset(words.split()) for lang, words in _STOPWORDS.items()}
_SCRIPTS = (  # (code or family, letters); families are resolved by _choose
    ("cyrillic", re.compile("[\u0400-\u04ff]")),
    ("arabic", re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("latin", re.compile("[a-zA-Z\u00c0-\u024f\u0259\u018f]")),
    ("el", re.compile("[\u0370-\u03ff]")),
    ("hy", re.compile("[\u0530-\u058f]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("ko", re.compile("[\uac00-\ud7af]")),
    ("ja", re.compile("[\u3040-\u30ff]")),
    ("zh", re.compile("[\u4e00-\u9fff]")),
)
_LATIN = ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "az")
_FAMILY = {"cyrillic": ("ru", "uk"), "arabic": ("ar", "fa"), "latin": _LATIN}
_DEFAULT = {"cyrillic": "ru", "arabic": "ar"}  # the family's language when evidence is weak
_WORD = re.compile(r"[^\W\d_]+")
_MIN_LETTERS = 40
_SAMPLE = 20_000


LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z]{2,4})?$")  # "en", "pt-BR", "az-Latn"


def _normal_hint(hint: str | None) -> str | None:
    """``"EN-gb"`` -> ``"en"``; ``None`` for no hint."""
    return re.split(r"[-_]", (hint or "").strip().lower(), maxsplit=1)[0] or None


def _choose(family: str, sample: str, letters: int) -> tuple[str, float, float]:
    """Best language of a script family: (code, its score, the runner-up's score)."""
    words = _WORD.findall(sample.casefold())
    total = max(len(words), 1)
    scores = {lang: sum(w in _STOP[lang] for w in words) / total for lang in _FAMILY[family]}
    if family == "latin":
        schwa = sample.count("ə") + sample.count("Ə")  # about 8% of Azerbaijani letters,
        scores["az"] += 4 * schwa / letters  # a trace in other languages (names)
    elif family == "cyrillic":
        scores["uk"] += 2 * len(re.findall("[іїєґІЇЄҐ]", sample)) / letters
        scores["ru"] += 2 * len(re.findall("[ыэъёЫЭЪЁ]", sample)) / letters
    else:
        scores["fa"] += 2 * len(re.findall("[پچژگیک]", sample)) / letters
        scores["ar"] += 2 * len(re.findall("[يكة]", sample)) / letters
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    return ranked[0][0], ranked[0][1], ranked[1][1]


def detect_language(text: str, hint: str | None = None) -> str:
    """ISO 639-1 code of the text's language, the hint when unsure, else ``"und"``."""
    hint_code = _normal_hint(hint)
    sample = text[:_SAMPLE]
    counts = [(name, len(pattern.findall(sample))) for name, pattern in _SCRIPTS]
    script, letters = max(counts, key=lambda item: item[1])
    if letters < _MIN_LETTERS:
        return hint_code or "und"
    if script not in _FAMILY:
        return script
    best, score, runner_up = _choose(script, sample, letters)
    if score < 0.05 or score < runner_up * 1.25:  # weak or close evidence
        if hint_code in _FAMILY[script]:
            return hint_code
        if score < 0.05:  # Cyrillic without Ukrainian letters is Russian, and so on
            return _DEFAULT.get(script) or hint_code or "und"
    return best


# -- content hash and dates ----------------------------------------------------------------

_NON_WORD = re.compile(r"[\W_]+")


def _hash_form(text: str) -> str:
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def content_hash(title: str, body: str) -> str:
    """SHA-256 hex of the punctuation- and case-insensitive body (the title if no body)."""
    form = _hash_form(body)
    if not form:
        form = "title: " + _hash_form(title)
    return hashlib.sha256(form.encode("utf-8")).hexdigest()


_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")
_COMPACT_DATE = re.compile(r"\d{8}")  # 20240131 is ISO 8601 basic format, not a timestamp
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d\d)(?::(\d\d))?)?")
_SLASHED = re.compile(r"(\d{4})/(\d{1,2})/(\d{1,2})(?:\s+(\d{1,2}):(\d\d)(?::(\d\d))?)?")
_MS_THRESHOLD = 10**11
_EARLIEST_YEAR = 1990
_FUTURE_SLACK = timedelta(days=2)


def _from_timestamp(number: float, original: object) -> datetime:
    if not math.isfinite(number):
        raise InputError(f"not a usable timestamp: {original!r}")
    if abs(number) >= _MS_THRESHOLD:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, UTC)
    except (OverflowError, OSError, ValueError):
        raise InputError(f"timestamp out of range: {original!r}") from None


def _from_text(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(_LONG_FRACTION.sub(r"\1", text.replace("z", "Z")))
    except ValueError:
        pass
    for pattern, order in ((_DOTTED, (3, 2, 1)), (_SLASHED, (1, 2, 3))):
        m = pattern.fullmatch(text)
        if m:
            year, month, day = (int(m.group(i)) for i in order)
            hour, minute, second = (int(m.group(i) or 0) for i in (4, 5, 6))
            try:
                return datetime(year, month, day, hour, minute, second)
            except ValueError:
                return None
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)  # RFC 2822 "-0000" is UTC


_PERIOD = re.compile(r"(\d{4})(?:-?(\d{2})(?:-?(\d{2}))?)?")  # 2026, 2026-01, 20260131


def range_bound(value: str, *, end: bool = False) -> datetime | None:
    """A search filter's ``since`` (``end`` False) or ``until`` (True) as an aware UTC
    time. A year (2026), a month (2026-01) or a day (2026-01-31) is a period: ``since``
    is its first instant and ``until`` the first instant after it, so that ``until``
    includes the whole period ("--since 2026-01-31 --until 2026-01-31" is that day).
    A time (2026-01-31T14:05:00Z, and the other forms of :func:`parse_datetime`) is an
    instant, and an ``until`` instant is the first one left out."""
    period = _PERIOD.fullmatch(value.strip())
    if not period:
        return parse_datetime(value)
    year, month, day = (int(part) if part else None for part in period.groups())
    try:  # month 00 or day 00 is no date ("2024-00" is not January)
        first = datetime(
            year or 1, 1 if month is None else month, 1 if day is None else day, tzinfo=UTC
        )
    except ValueError as exc:
        raise InputError(f"no such day {value!r}: {exc}") from None
    if first.year < _EARLIEST_YEAR:
        raise InputError(f"date {value!r} is before {_EARLIEST_YEAR}: not a news date")
    if not end:
        return first
    try:
        if day is not None:
            return first + timedelta(days=1)
        if month is not None:
            return first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
        return first.replace(year=first.year + 1)
    except (ValueError, OverflowError):  # the end of 9999: the end of time
        return datetime.max.replace(tzinfo=UTC)


def parse_datetime(
    value: str | float | None, *, default_tz: tzinfo = UTC, now: datetime | None = None
) -> datetime | None:
    """An aware UTC datetime from a feed, page or record value (rules in the docstring)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise InputError(f"not a date or time: {value!r}")
    text = value.strip() if isinstance(value, str) else ""
    if isinstance(value, str) and (not _NUMBER.fullmatch(text) or _COMPACT_DATE.fullmatch(text)):
        parsed = _from_text(text)
        if parsed is None:
            raise InputError(
                f"unrecognised date/time {value!r}: expected ISO 8601 (2024-01-31T14:05:00Z), "
                "RFC 2822 (Wed, 31 Jan 2024 14:05:00 +0000), 31.01.2024 14:05 or a unix timestamp"
            )
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=default_tz)
        try:
            result = parsed.astimezone(UTC)
        except (OverflowError, ValueError):  # 0001-01-01T00:00+01:00 is before year 1 in UTC
            raise InputError(f"date {value!r} is out of range") from None
    else:
        result = _from_timestamp(float(value), value)
    if result.year < _EARLIEST_YEAR:
        raise InputError(f"date {value!r} is before {_EARLIEST_YEAR}: not a news date")
    if now is not None:
        reference = now if now.tzinfo else now.replace(tzinfo=UTC)
        if result > reference + _FUTURE_SLACK:
            raise InputError(f"date {value!r} is more than two days in the future")
    return result
