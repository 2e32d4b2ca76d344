"""People named in Arabic text (pure): Arabic writes no capitals, so a name is what
follows an honorific ("الدكتور سالم بن محمد المالك", "معالي السيد جيهون بيراموف",
"الأستاذة إلميرا قاسيموفا"), up to a comma, a preposition or a title word. The role is
the title said just before the honorific ("المدير العام للإيسيسكو، الدكتور ...") or
just after the name ("...، وزير العلم والتعليم في ..."); the organisation is the one that
title names. Names are keyed by their consonants (:func:`monitor.person_names.arabic_key`),
so that المالك meets AlMalik and аль-Малик. :func:`monitor.entity_people.find_people`
adds these to the people it finds.
"""

from __future__ import annotations

import re

from monitor.entities import ORGANISATIONS

# honorifics: a name follows (one or two of them: "معالي السيد")
_HONORIFIC = re.compile(
    r"(?<![\u0600-\u06ff])(?:ب|و|ل)?(?:الدكتورة?|السيدة?|الأستاذة?|الاستاذة?|معالي|سعادة"
    r"|فضيلة|الشيخ|د\.)(?:\s+(?:الدكتورة?|السيدة?|الأستاذة?|الاستاذة?|الشيخ))?\s+"
)
# a word that opens a title: "وزير", "المدير العام", "سفير", "رئيس", "الأمين العام"
_TITLE = re.compile(
    r"^[وب]?(?:ال)?(?:وزير|سفير|رئيس|مدير|أمين|نائب|مستشار|عميد|محافظ|مندوب|ممثل)"
    r"(?:ة|ت)?(?:ها|ه|هم)?$"  # feminine, and "its": "رئيستها"
)
# words that end a name: prepositions, "today", conjunctions with their verb
_STOP = frozenset(
    (
        *("في", "مع", "على", "من", "إلى", "الى", "عن", "خلال", "اليوم", "أمس", "حيث"),
        *("الذي", "التي", "وذلك", "بمقر", "بحضور", "لدى", "ضمن"),
        *("إن", "أن", "ان", "إنه", "أنه", "بأن", "قد", "لقد", "كان", "هو", "هي"),
    )
)
_WORD = re.compile(r"[\u0621-\u065f\u066e-\u06d3\u06fa-\u06ff]+")  # letters, no commas


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
    for honour in _HONORIFIC.finditer(text):
        words: list[str] = []
        end = honour.end()
        for m in _WORD.finditer(text, honour.end()):
            if text[end : m.start()].strip() or m.group(0) in _STOP or _TITLE.match(m.group(0)):
                break
            words.append(m.group(0))
            end = m.end()
            if len(words) >= 5:
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
        after = re.compile(r"\s*[،,]\s*").match(text, end)
        if role is None and after:
            title = _title_at(text, after.end())  # "...، وزير العلم والتعليم في ..."
            if title:
                tail = re.split(r"[،.\n]", text[title[1] : title[1] + 120])[0]
                role, org = title[0], _organisation(title[0] + tail)
        found.append((" ".join(words), honour.end(), role, org))
        floor = end
    return found
