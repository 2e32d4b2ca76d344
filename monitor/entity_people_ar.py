"""People named in Arabic and Persian text (pure): these scripts write no capitals, so
a name is what follows an honorific ("الدكتور سالم بن محمد المالك", "معالي السيد جيهون
بيراموف", "الأستاذة إلميرا قاسيموفا", "دکتر سالم المالک", "آقای جیحون بایراموف"), up to
a comma, a preposition or a title word; in Persian also the words between a clause's
start and the title said right after them ("به گزارش ایرنا، سالم بن محمد الملک
مدیرکل آیسسکو ...", "با جیحون بایراموف، وزیر امور خارجه ..."). The role is the title
said just before the honorific ("المدير العام للإيسيسكو، الدكتور ...") or just after the
name ("...، وزير العلم والتعليم في ..."); the organisation is the one that title
names. Names are keyed by their consonants (:func:`monitor.person_names.arabic_key`),
so that المالك meets AlMalik and аль-Малик. :func:`monitor.entity_people.find_people`
adds these to the people it finds.
"""

from __future__ import annotations

import re

from monitor.entities import ORGANISATIONS

# honorifics: a name follows (one or two of them: "معالي السيد")
_HONORIFIC = re.compile(
    r"(?<![\u0600-\u06ff])(?:ب|و|ل)?(?:الدكتورة?|السيدة?|الأستاذة?|الاستاذة?|معالي|سعادة"
    r"|فضيلة|الشيخ|د\.|دکتر|آقای|خانم|جناب|سرکار|آیت[\u200c ]?الله"
    r"|حج(?:ت|ه|ة)[\u200c ]?الاسلام(?:[\u200c ]?و[\u200c ]?المسلمین)?)"
    r"(?:\s+(?:الدكتورة?|السيدة?|الأستاذة?|الاستاذة?|الشيخ|آقای|خانم|دکتر))?\s+"
)
# a word that opens a title: "وزير", "المدير العام", "سفير", "رئيس", "الأمين العام"
_TITLE = re.compile(
    r"^[وب]?(?:ال)?(?:وزير|سفير|رئيس|مدير|أمين|نائب|مستشار|عميد|محافظ|مندوب|ممثل)"
    r"(?:ة|ت)?(?:ها|ه|هم)?$"  # feminine, and "its": "رئيستها"
    # Persian: "مدیرکل", "دبیرکل", "وزیر", "سفیر", "رئیس", "معاون", "مشاور", "سخنگوی"
    r"|^(?:مدیر|دبیر)(?:\u200c?کل)?$|^(?:وزیر|سفیر|رئیس(?:\u200cجمهور)?|معاون|مشاور|نماینده|سخنگوی?"
    r"|رایزن|استاندار|شهردار|سرکنسول)$"
)
# words that end a name: prepositions, "today", conjunctions with their verb
_STOP = frozenset(
    (
        *("في", "مع", "على", "من", "إلى", "الى", "عن", "خلال", "اليوم", "أمس", "حيث"),
        *("الذي", "التي", "وذلك", "بمقر", "بحضور", "لدى", "ضمن"),
        *("إن", "أن", "ان", "إنه", "أنه", "بأن", "قد", "لقد", "كان", "هو", "هي"),
        # Persian prepositions, "today", "also", "said"
        *("در", "با", "به", "از", "که", "را", "و", "برای", "روز", "امروز", "دیروز", "نیز"),
        *("هم", "طی", "گفت", "است", "بود", "این", "آن", "وی", "او"),
    )
)
_PERSIAN = re.compile(r"[پچژگیک]")  # letters Arabic does not write
_OPENS_FA = frozenset(("با", "و"))  # the words after which a name opens a clause
# a surname's ending that Persian may write apart: "بایرام اف", "علی یف", "حسن زاده"
_SUFFIX_FA = frozenset(("اف", "یف", "وف", "اوف", "وا", "اوا", "یوا", "زاده"))
# words of a Persian clause that are no part of a name before a title: "دیدار", "سازمان"
_NOT_NAME_FA = re.compile(
    r"^(?:دیدار|سفر|پیام|نشست|همایش|اجلاس|مراسم|حضور|سازمان|وزارت|دولت|جمهوری"
    r"|هیئت|گزارش|خبرگزاری|جهان|اسلام|اسلامی|ایران\S*|آذربایجان\S*|فرهنگ|فرهنگی|علمی|آموزشی"
    r"|همتا\S*|مقام\S*|کشور\S*|دو|طرف\S*"
    r"|امور|خارجه|گفت\S*|کرد\S*|شد\S*|است|بود|آیسسکو|ایسسکو|یونسکو|ملی|بین\S*)$"
)
# letters, no commas; a Persian word may hold a zero-width non-joiner ("علی‌یف")
# (the tatweel, "ـ", stretches a word but alone is no word: "ـ ابنا ـ" parts an agency's
# name from the report)
_L = r"\u0621-\u063f\u0641-\u065f\u066e-\u06d3\u06fa-\u06ff"
_WORD = re.compile(rf"[{_L}](?:[{_L}\u0640]*[{_L}])?(?:\u200c[{_L}]+)*")


def _title_at(text: str, start: int) -> tuple[str, int] | None:
    """The title phrase that opens at ``start`` (its first four words at most, up to a
    word with the genitive ل or a preposition) and where the phrase ends."""
    words: list[str] = []
    end = start
    for m in _WORD.finditer(text, start):
        if m.start() != end and text[end : m.start()].strip():
            break  # punctuation ends the title
        word = m.group(0)
        if words and (word in _STOP or word.startswith(("ل", "بال"))):
            break  # "لمنظمة", "للإيسيسكو", "بالمملكة": what the title is of, or where
        words.append(word)
        end = m.end()
        if len(words) >= 4:
            break
    return (" ".join(words), end) if words and _TITLE.match(words[0]) else None


def _organisation(text: str) -> str | None:
    for key, pattern in ORGANISATIONS.items():
        if pattern.search(text):
            return key
    return None


def arabic_people(text: str) -> list[tuple[str, int, str | None, str | None]]:
    """(name, offset, role, organisation key) of each person named after an honorific."""
    found: list[tuple[str, int, str | None, str | None]] = []
    floor = 0  # where the last name ended: a title before it is not the next one's
    persian = bool(_PERSIAN.search(text))
    for honour in _HONORIFIC.finditer(text):
        words: list[str] = []
        end = honour.end()
        for m in _WORD.finditer(text, honour.end()):
            word = m.group(0)
            if text[end : m.start()].strip() or word in _STOP or _TITLE.match(word):
                break
            if persian and _NOT_NAME_FA.match(word):  # "آقای ... دیدار کرد": the verb
                break
            words.append(m.group(0))
            end = m.end()
            # a Persian clause runs on after the name (object, then verb: "... رئیسی مطلبی
            # نوشت"): three words at most, four with a patronymic ("سالم بن محمد الملک")
            if len(words) >= (5 if not persian else 4 if "بن" in words else 3):
                break
        if not words or (len(words) == 1 and len(words[0]) < 4) or words[0].startswith("ال"):
            continue  # ("السيد الوزير": a title, not a name)
        role = org = None
        # the title just before: "المدير العام لمنظمة ... (إيسيسكو)، الدكتور"
        before = text[max(0, floor, honour.start() - 160) : honour.start()]
        clause = re.split(r"[.\n]", before)[-1]
        for m in reversed(list(_WORD.finditer(clause))):
            between = clause[m.start() :]
            if between.count("،") + between.count(",") > 1 or _STOP & set(between.split()):
                break  # another clause: the title is someone else's
            title = _title_at(clause, m.start())
            if title:
                role, org = title[0], _organisation(between)
                break
        # the title after the name: after a comma ("...، وزير العلم"), or right after it
        # ("... الملک مدیرکل آیسسکو"; in Arabic only a title of an organisation, "المدير
        # العام للإيسيسكو": "استقبل الدكتور ... الوزير" is the verb's object)
        after = re.compile(r"\s*([،,]?)\s*").match(text, end)
        if role is None and after:
            title = _title_at(text, after.end())  # "...، وزير العلم والتعليم في ..."
            if title:
                tail = re.split(r"[،.\n]", text[title[1] : title[1] + 120])[0]
                org = _organisation(title[0] + tail)
                if after.group(1) or persian or org:
                    role = title[0]
                else:
                    org = None
        found.append((_joined(words), honour.end(), role, org))
        floor = end
    if persian:
        spans = [(start, start + len(name)) for name, start, _, _ in found]
        for person in _persian_before_title(text):
            start, end = person[1], person[1] + len(person[0])
            if not any(a < end and start < b for a, b in spans):  # read after an honorific
                found.append(person)
        found.sort(key=lambda p: p[1])
    return found


def _joined(words: list[str]) -> str:
    """A name's words, a surname's ending written apart joined back ("علی اف": Aliyev)."""
    if len(words) > 1 and words[-1] in _SUFFIX_FA:
        words = [*words[:-2], words[-2] + "\u200c" + words[-1]]
    return " ".join(words)


def _persian_before_title(text: str) -> list[tuple[str, int, str | None, str | None]]:
    """Persian names said right before their title, from a clause's start (punctuation,
    a new line, "با" (with) or "و" (and)): "به گزارش ایرنا، سالم بن محمد الملک مدیرکل
    آیسسکو", "با جیحون بایراموف، وزیر امور خارجه"."""
    found: list[tuple[str, int, str | None, str | None]] = []
    words = list(_WORD.finditer(text))
    for i, title in enumerate(words):
        if not _TITLE.match(title.group(0)):
            continue
        name: list[str] = []
        start = title.start()
        opens = False  # the words before the title run from a clause's start
        for w in reversed(words[max(0, i - 6) : i]):
            gap = text[w.end() : start]
            if "\n" in gap or (gap.strip() and (name or gap.strip() not in "،,")):
                opens = True  # a comma may part the name from its title
                break
            if w.group(0) in _STOP:
                # "با جیحون بایراموف، وزیر": with someone; "در دفتر یادبود رئیس‌جمهور" (in
                # the president's memorial book) is no name
                opens = w.group(0) in _OPENS_FA
                break
            if _TITLE.match(w.group(0)) or _NOT_NAME_FA.match(w.group(0)):
                break
            name.insert(0, w.group(0))
            start = w.start()
        else:
            opens = i <= 5 and not text[:start].strip()
        if not (opens and 2 <= len(name) <= 5):
            continue
        role = _title_at(text, title.start())
        # the organisation's own name may hold a comma ("سازمان آموزشی، علمی و ...")
        tail = re.split(r"[.\n(]", text[title.start() : title.start() + 100])[0]
        found.append(
            (_joined(name), start, role[0] if role else title.group(0), _organisation(tail))
        )
    return found
