"""Headline grammar for :func:`monitor.classify.event_type`, read in titles only (data
and two small readers, no weighing).

"X, Y discuss ..." tells of talks; "X to visit Baku", "Baku to host ..." of what is to
come; "Speaker: words" and "words - Speaker" of a statement, unless the part before the
colon is a rubric ("Courtesy Visit: ...").
"""

from __future__ import annotations

import re

TITLE_TALKS = re.compile(
    r"^[^,:]{2,80}(?:(?:,| and| &) [^,:]{2,80}){1,4} (?:discuss|mull|eye|explore|review|weigh"
    r"|map out|hold talks|talk|probe|examine|consider|tackle)\w*\b"
)
# "X to visit Baku", "Games to kick off tomorrow": what is to come. Not after a noun or a
# verb that makes it a purpose ("agreement to organise", "invited to visit").
TITLE_FUTURE = re.compile(
    r"(?:^|(\S+)\s)(?:is |are )?to (?:visit|host|hold|attend|take part|participate|open|launch"
    r"|sign|meet|chair|organi[sz]e|be held|start|begin|commence|receive|kick off|discuss|pay"
    r"|send|become|be (?:declared|named|opened|launched)|unveil|ink|seal|conclude|appeal|apply"
    r"|submit|nominate|take place"
    r"|present|introduce|award|grant|celebrate|join|resume|deploy)\b"
)
# "Azerbaijan may apply to UNESCO ...", "Шуша может стать ...": what may come is news of
# what is to come
TITLE_MAY = re.compile(
    r"\b(?:may|could) (?:soon )?(?:apply|become|host|open|sign|join|be (?:declared|named"
    r"|included|inscribed|opened|held))\b|(?<!\w)мо(?:жет|гут) (?:\S+ )?(?:стать|открыть"
    r"|войти|попасть"
    r"|принять|подписать|провести|быть (?:объявлен|включен|открыт))\w*"
    # "Arab culture ministers set to brainstorm at conference"
    r"|\b(?:set|due|scheduled|poised) to \w+"
)
# "Minister urges ICESCO to send experts": what is asked for is no news to come
ASKED_BEFORE = re.compile(
    r"\b(?:urge[sd]?|calls? on|called on|asks?|asked|invites?|invited|encourages?|wants?"
    r"|hopes?|seeks?|ready|agree[sd]?)\b"
)
# "Minister Meets UNESCO Chief To Discuss ...": the meeting's purpose, not news to come
EVENT_BEFORE = re.compile(
    r"\b(?:meets|met|holds|held|receives|received|hosts|hosted|visits|visited|calls|called"
    r"|arrives|arrived|signs|signed)\b"
)
NOT_FUTURE = frozenset(
    (
        *("agreement", "memorandum", "deal", "plan", "decision", "decree", "bid", "order"),
        *("effort", "efforts", "ready", "agree", "agrees", "agreed", "invited", "invites"),
        *("invitation", "way", "how", "want", "wants", "like", "aims", "aim", "calls", "call"),
        *("urges", "prepared", "preparations", "commitment", "commitments", "protocol"),
        *("obligation", "obligations", "readiness", "intention"),
    )
)
# "Minister: words", "AlMalik: “...”", "Бирол Акгюн: ...": the words are the news. The
# speaker is named before a quotation, by a title, or by capitalised names alone.
SPEAKERS = (
    re.compile(r"^[^:\d]{2,60}(?=:\s+[“«\"„])"),
    re.compile(
        r"^(?!(?:under|in|on|at|with|for|from|by|after|before|during)\b)"
        r"[^:\d]{0,40}\b(?:ambassador|minister|president|official|chief|director|head"
        r"|spokes\w+|envoy|rector|secretary|mufti|expert|посол|министр|президент|глава"
        r"|директор|səfir|nazir|prezident|rəhbər|direktor|büyükelçi|bakan|ministre|président"
        r"|directeur|secrétaire|ambassadeur|porte-parole|recteur"
        r"|وزير|وزيرة|سفير|الأمين العام|المدير العام|المتحدث|وزیر|سفیر|سخنگو)(?!\w{3})"
        r"[^:\d]{0,30}(?=:\s)",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:[A-ZА-ЯЁƏİÖÜÇŞĞ][\w'’.-]+ ){1,3}[A-ZА-ЯЁƏİÖÜÇŞĞ][\w'’-]+(?=:\s)"),
    # a surname alone ("Лавров: ...", "AlMalik: ..."), not a label ("VIDEO:", "Update:")
    re.compile(
        r"^(?!(?i:photo|video|update|breaking|exclusive|opinion|analysis|interview|live|watch"
        r"|фото|видео|обновлено|эксклюзив|интервью|foto|canlı)\b)"
        r"[A-ZА-ЯЁƏİÖÜÇŞĞ][a-zа-яёəıöüçşğ'’]+(?:[A-Z][a-z]+)?(?=:\s)"
    ),
)
# The speaker after the words: "... - Economy Minister (PHOTO)", "..., declares Azoulay".
SPEAKER_AFTER = (
    re.compile(
        r"(?:\s[-–—]|:)\s((?:\S+\s){0,3}(?:minister|president|ambassador|official|chief"
        r"|director|aide|adviser|advisor|spokes\w+|envoy|secretary|expert|министр|президент"
        r"|посол|глава|nazir|prezident|səfir"
        r"|bakan|sözçü|sözcü)\w*(?:[- ]general)?)\s*(?:\([^)]{1,12}\))?$",
        re.IGNORECASE,
    ),
    # "..., says Foreign Minister" (not "..., stresses unity")
    re.compile(
        r",\s+(?:says|said|declares|stresses|warns|insists)\s+([A-ZА-ЯЁƏİÖÜÇŞĞ][^,]{1,59})$"
    ),
    # "Hosting OIC FMs great honour for Pakistan: Qureshi", "All set to host session: FO"
    re.compile(
        r":\s+((?!(?:Report|Reports|Sources?|Media|Video|Photos?|Live|Update)\b)"
        r"(?:[A-Z][\w'’.-]+\s){0,2}[A-Z][\w'’-]+)$"
    ),
    # "Morocco, a key partner for ICESCO (DG)", "... (ministre)"
    re.compile(
        r"\s\(((?:\S+ ){0,2}(?:DG|SG|PM|FM|minister|ministre|president|président|ambassador"
        r"|ambassadeur|official|director|directeur|spokes\w+|porte-parole)\w*)\)$",
        re.IGNORECASE,
    ),
)


# A rubric before the colon ("Courtesy Visit: ...", "Bilateral Talks: ...") names an event,
# not a speaker.
RUBRIC = re.compile(
    r"\b(?:visit|talks|meeting|summit|forum|conference|ceremony|agreement|award|call)s?$"
    r"|визит|встреча|переговоры|səfər|görüş",
    re.IGNORECASE,
)


def speaker(title: str) -> str | None:
    """The speaker of a "Speaker: words" or "words - Speaker" headline, if it is one."""
    text = title.strip()
    for pattern in SPEAKERS:
        if m := pattern.match(text):
            return None if RUBRIC.search(m.group()) else m.group()
    for pattern in SPEAKER_AFTER:
        if m := pattern.search(text):
            return m.group(1)
    return None


def title_future(title: str) -> bool:
    title = title.casefold()
    return any(
        (m.group(1) or "").strip(",.") not in NOT_FUTURE
        and not EVENT_BEFORE.search(title, 0, m.start())
        and not ASKED_BEFORE.search(title, 0, m.start())
        for m in TITLE_FUTURE.finditer(title)
    )
