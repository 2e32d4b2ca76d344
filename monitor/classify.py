"""What an article reports: event type, participants, place and date (pure: no I/O, no clock).

``classify(title, body, language, published) -> EventInfo``

- **Event type** comes from phrase rules in English, Russian, Azerbaijani, Turkish,
  French, German, Arabic and Persian (``met with``/``встретился``/``görüşüb``/``استقبل``, ``phone
  conversation``/``телефонный разговор``/``telefon danışığı`` ...). A hit weighs by where
  it is: 3 in the title, 2 in the first sentence, 1 in the rest of the first paragraph,
  0.25 further on (capped), so the lead decides and the "he said" of every body does not.
  Ties go to the more specific type (phone_call > agreement > award > visit > meeting >
  conference > announcement > statement); below a small total the type is ``other``.
  ``confidence`` is the winner's share of all weight. Refinements:

  - *strong* phrases weigh double: taking office (``takes office``, ``вступил в
    должность``: ``other``, no listed type fits), a speech *at* a session (``said during
    the 36th session``, ``сказал в ходе ... сессии``: ``conference``) and what is yet to
    happen (``will attend``, ``представит``, ``iştirak edəcək``: ``announcement``);
  - a visit told as the setting ("received the minister, who is on a visit to Baku",
    "as part of his visit") is not counted as a visit; "received" counts as a meeting
    unless an award, a letter or a title was received (``принял участие`` is taking
    part, ``qərar qəbul edib`` a decision);
  - sentences that look back (a recalled event, a year two or more before the article's)
    are background and not counted; a lost status ("a goodwill ambassador no more",
    "stripped of") cancels an award;
  - the lead skips lines that are not prose (a menu, a heading, a temperature) and a
    repeat of the title, unwraps hard-wrapped lines, and does not end a sentence at a
    title or an initial ("Dr. AlMalik", "A. Garayev"); a lead that is only a quotation
    takes the next paragraph (its speaker) with it and counts as a statement; long
    quotations are speech, so their verbs ("we will sign") count for nothing; a URL slug
    standing for a title is read as words;
  - headline grammar is read in the title: "X, Y discuss ..." (talks), "X to visit
    Baku" (what is to come), "Minister: ..." (a statement); a decree or a guest book
    signed is no agreement, and a meeting held online is a call.
- **Date**: dated phrases (:func:`monitor.entities.find_dates`) weigh by place too: a
  dateline ("BAKU, Azerbaijan, October 3.") or the title most, the lead next, and a date
  later in the body only after "on"/"held". Sentences that look back ("recalled his
  visit on October 2-5") are skipped, and with a publication time a date must fall from
  45 days before to 2 days after it. Day-month dates without a year need ``published``.
- **Place**: in the lead, a gazetteer city after "in", "at ... in", "visit to" (or with an
  Azerbaijani locative ending) beats the dateline city, which beats such a country.
- **Participants**: titled people (:func:`monitor.entities.find_people`) with the
  organisation named next to them; ``people`` holds their surname keys,
  ``principals`` the keys of those named in the title or the first sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise

from monitor.entities import TITLE_RE, DateHit, find_dates, find_people, find_places, translit

EVENT_TYPES = (
    "meeting",
    "visit",
    "phone_call",
    "announcement",
    "agreement",
    "award",
    "conference",
    "statement",
    "other",
)


@dataclass(frozen=True)
class Participant:
    """A person taking part: the name as written, the title before it, the organisation."""

    name: str
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class EventInfo:
    """What one article reports. The key sets are what story matching compares."""

    event_type: str
    confidence: float
    participants: tuple[Participant, ...] = ()
    place: str | None = None
    event_date: date | None = None
    people: frozenset[str] = frozenset()
    principals: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    country: str | None = None
    month_day: tuple[int, int] | None = None  # the event's day when its year is unknown


# Phrase rules: a regex per type (matched on the lower-cased text), one line per language
# (en, ru, az, fr/de, ar/fa). Arabic and Persian words take clitics (و، ب، ال), so their
# patterns are matched inside words.
_RULES: dict[str, tuple[str, ...]] = {
    "phone_call": (
        r"phone (?:conversation|call|talks?|con\w*)|telephone (?:conversation|call|talks?)"
        r"|\b(?:by|on the|over the|via) (?:tele)?phone\b|videoconference call|video ?call"
        r"|video link|via video|by video|(?:online|virtual) meeting",
        r"телефонн\w+ (?:разговор|беседу|беседа)|по телефону|созвонил\w*|видеосвяз\w*"
        r"|видеозвон\w*|онлайн-встреч\w*",
        r"telefon danışığı|telefonla danış|telefon söhbəti|videobağlantı|videozəng|onlayn görüş"
        r"|telefon görüşmesi|telefonda görüş\w*|video konferans yoluyla",
        r"entretien téléphonique|appel téléphonique|telefongespräch|telefonierte|telefonat",
        r"اتصال\S* هاتفي|مكالمة هاتفية|تماس تلفنی|گفتگوی تلفنی",
    ),
    "agreement": (
        r"\bsign(?:s|ed|ing)?\b|\binks?\b|\binked\b|initial(?:l)?ed|initial(?:l)?ing"
        r"|conclude[ds]? (?:an? |the )?(?:\w+ )?(?:agreement|accord|treaty)",
        r"подписа\w*|парафир\w*",
        r"imzala\w*|imzalan\w*",
        r"\bsigné|signature d|accord de|unterzeichne\w*|abkommen|vereinbarung",
        r"توقيع|وقع(?:ت|ا)? |اتفاقية|مذكرة تفاهم|امضا|تفاهم‌?نامه|توافق‌?نامه",
    ),
    "award": (
        r"\bawarded|\bawards?\b|honou?red with|\border of\b(?! the (?:president|cabinet|minist))"
        r"|\bmedal|\bprize\b|decorated|\breward(?:s|ed|ing)?\b|honorary (?:title|doctorate|degree"
        r"|professor|doctor)|honoris causa|tribute to|in recognition of",
        r"наградил\w*|награжд\w*|\bорден\w*|медал\w*|удостоен\w*"
        r"|вручил\w* (?:\S+ )?(?:орден|медал|преми)",
        r"təltif|mükafat|\borden\w*",
        r"décoré|\bprix\b|\bmédaille|décern\w*|ausgezeichnet|\borden\b|verliehen",
        r"وسام|جائزة|منح(?:ت)? |جایزه|نشان ",
    ),
    "visit": (
        r"\bvisit(?:ed|s|ing)?\b|arriv(?:ed|es|ing) in|\btour(?:ed)?\b"
        r"|(?:got|get|gets|getting) acquainted with|acquaint\w* (?:himself|herself|themselves)"
        r" with|familiari[sz]\w* (?:himself|herself|themselves) with",
        r"посетил\w*|визит\w*|прибыл\w*|ознакомил\w*",
        r"səfər|ziyarət|gəlib|tanış olub|qərargahında olub|ziyaret\w*",
        r"\bvisite\b|s'est rendue? |\bbesuch\w*",
        r"زيارة|يزور|زار |بازدید|سفر ",
    ),
    "meeting": (
        # "received" is a meeting when a visitor is received, not an award or a letter
        r"\bmet\b|\bmeets?\b|meeting with|held talks|\btalks with"
        r"|\breceive[ds]?\b(?! (?:an? |the |his |her )?(?:award|prize|medal|letter|message"
        r"|congratulat|title|order|honou?r|invitation|support|fund|grant|certificate|diploma"
        r"|\w+ (?:award|prize|medal|title)))"
        r"|discuss(?:ed|es)? (?:cooperation|prospects)|had a meeting|have discussed"
        # a meeting told with nouns: "were discussed at a meeting between", "the sides ..."
        r"|meeting (?:between|was held|took place)|(?:at|during|in the course of) (?:the|a)"
        r" meeting\b(?! of)|(?:were|was) discussed|exchanged views|exchange of views"
        r"|the (?:sides|parties) (?:discussed|exchanged|noted|stressed|emphasi[sz]ed|agreed)"
        r"|courtesy call|host\w* (?:an? |the )?(?:\S+ ){0,3}delegation|credentials"
        r"|pa(?:ys|id|ying) (?:an? )?(?:\w+ )?visit to (?:the )?(?:\S+ ){0,3}(?:secretary|president"
        r"|minister|director|head|ambassador|chairman|speaker|rector|governor)",
        r"встретил\w*|встреч\w*|\bпринял\w*(?! участие| решение)|переговор\w*|обсудил\w*",
        r"görüş\w*|(?<!qərar )qəbul ed\w*|müzakirə|danışıqlar|kabul ett\w*|bir araya gel\w*"
        r"|ağırla\w*",
        r"\ba reçu\b(?! (?:le |la |les |un |une )?(?:prix|médaille|titre|lettre))|\breçoit\b"
        r"|rencontr\w*|s'est entretenu|\btrifft\b|\btraf\b|empfing|empfängt|zusammengetroffen"
        r"|empfangen|getroffen|lettres de créance|se reún\w*|\breunión|recibió|se discutieron",
        r"استقبل|التقى|يلتقي|لقاء|مباحثات|دیدار|ملاقات|گفتگو کرد",
    ),
    "conference": (
        r"conference|\bforum\b|\bsession\b|\bsummit\b|congress|symposium|general assembly"
        r"|executive council|opening ceremony|\bgames\b|colloquium|seminar|workshop|webinar"
        r"|round ?table|(?:took|takes|taking) part in|participat\w+ in|\battend(?:ed|s|ing)?\b"
        r"|kick(?:s|ed)? off|\bmeeting of (?:the )?(?:\S+ ){0,4}(?:council|ministers|heads"
        r"|committee|board|assembly|commission|states|parliament)"
        r"|address(?:ed|es)? (?:the )?(?:\S+ ){0,4}(?:meeting|session"
        r"|forum|conference|summit|assembly|congress)",
        r"конференц\w*|форум\w*|сесси\w*|саммит\w*|заседани\w*|конгресс\w*|съезд\w*|ассамбле\w*"
        r"|семинар\w*|круглого стола|круглый стол|принял\w* участие|участвовал\w*",
        r"konfrans|\bforum\w*|sessiya\w*|sammit\w*|iclas\w*|qurultay|simpozium\w*|konqres\w*"
        r"|seminar\w*|dəyirmi masa|iştirak edib|iştirak ediblər|konferans\w*|zirve\w*"
        r"|sempozyum\w*|çalıştay\w*|kongre\w*|katıldı|zirvə\w*|toplantısı\w*",
        r"conférence|\bsommet\b|colloque|congrès|séminaire|atelier|table ronde|a participé"
        r"|konferenz|sitzung|gipfel|tagung|seminar|nahm (?:\S+ ){0,4}teil",
        r"مؤتمر|منتدى|قمة|ندوة|الدورة|ملتقى|ورشة|شارك|مشاركة|نشست|اجلاس|کنفرانس|همایش",
    ),
    "announcement": (
        # decisions, appointments and what is yet to happen ("will attend", "представит")
        r"announce[ds]?|appoint(?:s|ed|ing|ment)?\b|\bdecided\b|\bdecision\b"
        r"|declared .{0,40}capital|\bdecrees?\b|order of the president|\bestablish(?:es|ing)\b"
        r"|will (?:host|open)|(?:is|are) (?:set|due|scheduled) to|\blaunch(?:ed|es)?\b"
        r"|\b(?:re-?)?elected\b|\bselected as\b|\bchosen as\b|(?:opens?|accept\w*|invites?)"
        r" (?:\w+ )?(?:applications|nominations|submissions|entries)|call for (?:applications"
        r"|nominations|proposals|papers|entries)|\binscribed\b|added to (?:the )?(?:\S+ ){0,4}list"
        r"|\bapprov(?:es|ed|al)\b|ratif(?:y|ies|ied|ication)|inaugurat\w*"
        r"|open\w* (?:an? |the |its )?(?:\S+ ){0,3}(?:office|centre|center|branch|chair|doors)",
        r"объявил\w*|назнач\w*|решени\w*|объявлен\w*|возглавит|избран\w*|утвердил\w*|\bуказ\w*"
        r"|ратифицир\w*",
        r"elan ed\w*|təyin\w*|qərar(?!gah)\w*|açılır|açılacaq|seçilib|atandı|seçildi|duyurdu"
        r"|təsdiq\w*|yaradılacaq|onayla\w*|sərəncam\w*|fərman\w*"
        r"|açıkladı|başvuru\w*",
        r"annonc\w*|\bnommé|nomination|ernannt|angekündigt|gab bekannt|appel à candidatures"
        r"|\blance\b|ouvre ses portes|approuv\w*|ratifi\w*|تطلق|إطلاق",
        r"أعلن|تعيين|قرر|انتخاب|انتصاب|منصوب|فراخوان",
    ),
    "statement": (
        r"\bsaid\b|\bstated\b|statement|declared|\bsays\b|interview|condemn\w*|calls? on"
        r"|propos\w+|expressed|urged|told (?:journalists|reporters|the press)|congratulat\w*"
        r"|denounc\w*|condolence\w*|welcomes|\bpraise[sd]\b|calls? for|comment(?:s|ed)? on"
        r"|in an? (?:comment|interview|op-ed|article|message)|reaffirm\w*|\bsupports\b",
        r"заявил\w*|заявлени\w*|сказал\w*|интервью|призвал\w*|предлож\w*|осудил\w*"
        r"|сообщил\w* журналист\w*|поздрави\w*|приветству\w*|соболезнован\w*|поддерживает",
        r"bəyanat\w*|bildirib|deyib|bəyan ed\w*|müsahibə|önəm verir|açıqlama\w*|jurnalistlərə"
        r"|pisləy\w*|təbrik\w*|başsağlığı|alqışla\w*|açıklama\w*|\bdedi\b|söyledi|kınadı|tebrik\w*"
        r"|taziye\w*|röportaj\w*|belirtti|vurguladı",
        r"déclaration|a déclaré|communiqué|condamn\w*|félicit\w*|condoléances|erklär\w*"
        r"|verurteil\w*|\bsagte\b|gratuliert\w*|begrüßt",
        r"بيان|أكدت?|قال|صرح|تصريح|جدد|أعرب|دعا|أدان|تدين|خواستار|گفت|بیانیه|اعلام کرد"
        r"|محکوم|هنأ|تهنئ|رحب|ترحب|تعزية|أشاد|شدد|تبریک",
    ),
    "other": (
        r"\bconcert\b|exhibition|festival|\blogo\b|концерт|выставк|фестивал|sərgi|konsert"
        r"|exposition|ausstellung|konzert|معرض|مهرجان|حفل|نمایشگاه|جشنواره"
        r"|culture days|days of (?:\w+ )?culture|дни (?:\w+ )?культуры|mədəniyyət günləri"
        r"|competition|contest|конкурс\w*|müsabiqə\w*|concours|wettbewerb|مسابقة",
    ),
}
# Phrases that name the event beyond doubt: they weigh twice a plain hit and are not
# discounted as context. Taking office is its own kind of news (no listed type fits);
# a speech given *at* a session is news of the session.
_STRONG: dict[str, tuple[str, ...]] = {
    "other": (
        r"takes office|took office|assum\w+ (?:office|(?:his|her) (?:duties|post))|sworn in",
        r"вступил\w* в должность|приступил\w* к (?:исполнению|обязанност)\w*",
        r"vəzifəsin\w* (?:icrasına )?başla\w*|prend ses fonctions|a pris ses fonctions",
        r"amt angetreten|tritt (?:sein|ihr) amt an|تسلم مهامه|يتسلم مهامه",
    ),
    # what is yet to happen: the news is that it will ("will attend", "представит")
    "announcement": (
        r"will (?:\w+ )?(?:attend|take part|participate|represent|chair|be held|be represented)"
        r"|\bto (?:attend|take part|participate|chair)\b|to be held",
        r"будет представлен\w*|представит\b|примет участие|пройд[её]т\b|состоится",
        r"will (?:\w+ )?(?:meet|visit|host|hold|organi[sz]e|launch|open|sign|start|begin)\b",
        r"iştirak edəcək|təmsil edəcək|keçiriləcək|sədrlik edəcək|təmsil olunacaq|başlayacaq"
        r"|olacaq\b|yapılacak|düzenlenecek|başlayacak|gerçekleştirilecek|katılacak",
        r"se tiendra|aura lieu|participera|représentera|organisera|accueillera|lancera"
        r"|wird (?:\S+ ){0,4}(?:teilnehmen"
        r"|stattfinden|vertreten)",
        r"سيشارك|سيعقد|ستعقد|ستستضيف|سيمثل|برگزار خواهد شد|خواهد شد",
    ),
    # headline verbs of reaction: the reaction is the news ("ICESCO welcomes ...")
    "statement": (
        r"\b(?:welcomes|condemns|hails|denounces|deplores|mourns|urges|congratulates|calls for)\b",
        r"осуждает|приветствует|поздравляет|призывает|qınayır|alqışlayır|təbrik edir|çağırır",
    ),
    "conference": (
        r"(?:said|stated|noted|speaking|spoke|addressing|addressed|speech|remarks)"
        r"(?: \S+){0,4} (?:at|during|before|to) (?:\S+ ){0,6}(?:session|conference|forum"
        r"|summit|congress|assembly|symposium|meeting of)",
        r"(?:сказал\w*|заявил\w*|отметил\w*|выступил\w*|выступая|говорится)(?: \S+){0,3}"
        r" (?:в ходе|на) (?:\S+ ){0,5}(?:сесси|конференц|форум|саммит|заседани|съезд|ассамбле)\w*",
        r"(?:forum|konfrans|sessiya|sammit|iclas)\w* (?:\S+ )?(?:çıxış|iştirak)",
        r"(?:a déclaré|a souligné|a affirmé)(?: \S+){0,4} lors d\w* (?:\S+ ){0,4}(?:session"
        r"|conférence|forum|sommet)|(?:sagte|erklärte) (?:\S+ ){0,4}auf (?:\S+ ){0,4}"
        r"(?:konferenz|tagung|sitzung|gipfel|forum)",
    ),
}
_COMPILED = {k: re.compile("|".join(v)) for k, v in _RULES.items()}
_COMPILED_STRONG = {k: re.compile("|".join(v)) for k, v in _STRONG.items()}
_PRIORITY = (
    "phone_call",
    "agreement",
    "award",
    "visit",
    "meeting",
    "conference",
    "announcement",
    "statement",
    "other",
)
_MIN_SCORE = 1.0
# Nouns of setting ("on the sidelines of the forum") and verbs of speech ("he said") are
# context in most reports: they weigh less than the verbs of meeting, visiting, signing.
_WEIGHT = {"conference": 0.6, "statement": 0.7, "announcement": 0.9}
_STRONG_WEIGHT = 2.0
# Headline grammar, read in the title only: "X, Y discuss ..." tells of talks; "X to
# visit Baku", "Baku to host ..." of what is to come; "Speaker: words" of a statement.
_TITLE_RULES: dict[str, tuple[float, re.Pattern[str]]] = {
    "meeting": (
        1.0,
        re.compile(
            r"^[^,:]{2,80}(?:,| and| &) [^,:]{2,80} (?:discuss|mull|eye|explore|review|weigh"
            r"|map out|hold talks|talk)\w*\b"
        ),
    ),
}
# "X to visit Baku", "Games to kick off tomorrow": what is to come. Not after a noun or a
# verb that makes it a purpose ("agreement to organise", "invited to visit").
_TITLE_FUTURE = re.compile(
    r"(?:^|(\S+)\s)(?:is |are )?to (?:visit|host|hold|attend|take part|participate|open|launch"
    r"|sign|meet|chair|organi[sz]e|be held|start|begin|receive|kick off)\b"
)
_NOT_FUTURE = frozenset(
    (
        *("agreement", "memorandum", "deal", "plan", "decision", "decree", "bid", "order"),
        *("effort", "efforts", "ready", "agree", "agrees", "agreed", "invited", "invites"),
        *("invitation", "way", "how", "want", "wants", "like", "aims", "aim", "calls", "call"),
        "urges",
    )
)
# "Minister: words", "AlMalik: “...”", "Бирол Акгюн: ...": the words are the news. The
# speaker is named before a quotation, by a title, or by capitalised names alone.
_SPEAKERS = (
    re.compile(r"^[^:\d]{2,60}(?=:\s+[“«\"„])"),
    re.compile(
        r"^(?!(?:under|in|on|at|with|for|from|by|after|before|during)\b)"
        r"[^:\d]{0,40}\b(?:ambassador|minister|president|official|chief|director|head"
        r"|spokes\w+|envoy|rector|secretary|mufti|expert|посол|министр|президент|глава"
        r"|директор|səfir|nazir|prezident|rəhbər|direktor|büyükelçi|bakan)[^:\d]{0,30}(?=:\s)",
        re.IGNORECASE,
    ),
    re.compile(r"^(?:[A-ZА-ЯЁƏİÖÜÇŞĞ][\w'’.-]+ ){1,3}[A-ZА-ЯЁƏİÖÜÇŞĞ][\w'’-]+(?=:\s)"),
)


def _speaker(title: str) -> str | None:
    """The speaker of a "Speaker: words" headline, if it is one."""
    for pattern in _SPEAKERS:
        if m := pattern.match(title.strip()):
            return m.group()
    return None


def _title_future(title: str) -> bool:
    return any(
        (m.group(1) or "").casefold().strip(",.") not in _NOT_FUTURE
        for m in _TITLE_FUTURE.finditer(title.casefold())
    )


# A status lost ("a goodwill ambassador no more", "stripped of the title") is no award.
_NEGATED = re.compile(
    r"\bno (?:more|longer)\b|stripped of|revok\w+|withdrawn|больше не|лишил\w*|лишен\w*"
    r"|artıq\b.{0,40}\bdeyil|n'est plus|nicht mehr|aberkannt|لم يعد|سلب"
)
# A sentence that looks back (a recalled event, a year well before the article's) is
# background: its verbs are not the news.
_LOOKS_BACK = re.compile(
    r"recall\w*|remind\w*|напомн\w*|xatırlat\w*|rappel\w*|erinnert\w*|years? ago|last year"
    r"|в прошлом году|ötən il|keçən il",
)
_QUOTES = '“«"„'
# A visit told as the setting of another event ("received the minister, who is on a
# visit to Baku", "met ... as part of his visit") is circumstance, not the news: these
# phrases are not counted as visits.
_CIRCUMSTANCE = {
    "visit": re.compile(
        r"(?:who is|who are|currently|being|\bon|during|as part of|within the framework of"
        r"|in the framework of|in the course of|within) (?:\S+ ){0,4}visit\b"
        r"|находящ\w+ (?:\S+ ){0,4}с (?:\S+ )?визитом|в (?:рамках|ходе) (?:\S+ ){0,2}визита"
        r"|səfərdə olan|səfəri çərçivəsində|səfəri zamanı|en visite (?:officielle |de travail )?"
        r"(?:en|au|à)|في إطار زيارة|خلال زيارة|الذي يزور"
        # a visit yet to come is the subject of a call or an announcement, not a visit
        r"|(?:upcoming|forthcoming|planned|future|possible|expected|next) (?:\S+ ){0,2}visit"
        r"|предстоящ\w+ (?:\S+ ){0,2}визит\w*|gələcək səfər\w*"
    ),
    # a prize launched or open for nominations is an announcement, not an award
    "award": re.compile(
        r"(?:launch\w*|lance\w*|establish\w*|invites? applications for|applications for"
        r"|nominations? for|call for|تطلق|إطلاق) (?:\S+ ){0,6}?(?:prize|award|prix|جائزة)"
    ),
    # "the newly elected Director-General" is who, not what happened
    "announcement": re.compile(r"newly (?:elected|appointed)|новоизбранн\w*|yeni seçilmiş"),
    # a meeting held online is a call (counted there), not a meeting in person
    "meeting": re.compile(
        r"(?:online|virtual|video) meeting|онлайн-встреч\w*|videobağlantı vasitəsilə görüş\w*"
        r"|onlayn görüş\w*"
    ),
    # a decree, an order or a law signed is a decision; a guest book signed is no treaty;
    # "the memorandum signed with ..." names a past signing
    "agreement": re.compile(
        r"(?:memo|memorandum|agreement|accord|protocol|mou)\w* (?:\S+ )?signed"
        r"|sign\w* (?:an? |the )?(?:\S+ )?(?:decree|order|law|ordinance|resolution|guest book"
        r"|book of (?:honou?r|condolences?)|petition)|подписал\w* (?:\S+ )?(?:указ|распоряжени"
        r"|закон)\w*|(?:sərəncam|fərman|qanun)\w* imzala\w*"
    ),
}

_ORGS = {
    "icesco": r"icesco|isesco|исеско|исеско|isesko|icesko|islamic (?:world )?educational,? "
    r"scientific,? and cultural organi[sz]ation|الإيسيسكو|ايسيسكو|إيسيسكو",
    "unesco": r"unesco|юнеско|yunesko",
    "oic": r"\boic\b|\bоис\b|\boci\b|\bi̇əT\b|islamic cooperation|исламского сотрудничества"
    r"|islam əməkdaşlıq|coopération islamique|التعاون الإسلامي",
    "alecso": r"alecso|алекcо|алексо",
    "turksoy": r"turksoy|тюрксой|türksoy",
    "un": r"\bunited nations\b|\bоон\b|\bbmt\b",
    "heydar-aliyev-foundation": r"heydar aliyev foundation|фонд\w* гейдара алиева"
    r"|heydər əliyev fondu",
    "isdb": r"islamic development bank|\bisdb\b",
}
_ORG_RE = {k: re.compile(v, re.IGNORECASE) for k, v in _ORGS.items()}
_PLACE_CUE = re.compile(
    r"(?:\bin|\bat|\bto|\bfrom|held in|\bv|\bvo|\bà|\bau|\ben|\bnach|\bim|في)\s+(?:the\s+)?"
    r"(?:(?:city|kingdom|republic|state|capital) of\s+(?:the\s+)?)?$"
)
_EVENT_WORD = re.compile(
    r"meeting|talks|conversation|held|visit|ceremony|встреч|переговор|визит|görüş|səfər|réunion",
    re.I,
)
_DATE_CUE = re.compile(r"(?:\bon|held|took place|\bв|\bот)\s+(?:\w+\s+)?$", re.I)


@dataclass(frozen=True)
class _Lead:
    """An article's lead: its first sentence and paragraph (lines unwrapped), and where
    they end in the body."""

    sentence: str
    paragraph: str
    sentence_end: int
    end: int


# A full stop after a title or an initial ("Dr. AlMalik", "H.E. Mr.", "A. Garayev",
# "2023 г.") ends no sentence.
_ABBREVIATION = re.compile(
    r"(?:\b(?:dr|mr|mrs|ms|prof|h\.e|amb|gen|col|lt|st|jr|sr|no|nos|vs|gov|sen|rev|sh|acad"
    r"|u\.s|u\.k|e\.g|i\.e|[^\W\d_])|\bг|\bгг|\bим|\bул|\bт\.е|\bт\.д|\bдр|\bакад)\.$",
    re.IGNORECASE,
)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”»']?\s+(?=[\"“«„(]?[A-ZА-ЯЁƏİÇŞÖÜĞ0-9])")
_PROSE_MARK = re.compile(r"[.!?:;,،؛]")


def _sentence_ends(text: str) -> list[int]:
    """Offsets in ``text`` where a sentence ends (titles and initials are no ends)."""
    ends = []
    for m in _SENTENCE_BREAK.finditer(text):
        head = text[max(0, m.start() - 12) : m.start()].rstrip("\"”»'")
        if not _ABBREVIATION.search(head):
            ends.append(m.start())
    return ends


def _paragraph_spans(body: str) -> list[tuple[int, int]]:
    """Paragraph (start, end) offsets in ``body``.

    A blank line always ends a paragraph; a single line break does too, unless the text
    is hard-wrapped there: the line ends in a comma, a hyphen or an opening bracket, or
    it ends without a sentence mark and the next line goes on in lower case or with a
    bracket ("... dedicated to the 100th" / "anniversary of ...").
    """
    spans: list[tuple[int, int]] = []
    for block in re.finditer(r"[^\n]+(?:\n[^\n]+)*", body):
        lines = list(re.finditer(r"[^\n]+", block.group()))
        begin = block.start() + lines[0].start()
        for line, nxt in pairwise(lines):
            tail, head = line.group().rstrip(), nxt.group().lstrip()
            wrapped = (
                bool(tail)
                and bool(head)
                and (
                    tail[-1] in ",-–("
                    or (tail[-1] not in '.!?:"”»' and (head[0].islower() or head[0] == "("))
                )
            )
            if not wrapped:
                spans.append((begin, block.start() + line.end()))
                begin = block.start() + nxt.start()
        spans.append((begin, block.start() + lines[-1].end()))
    return spans


def _unwrap(text: str) -> str:
    return re.sub(r"\s*\n\s*", " ", text.strip())


def _is_prose(text: str) -> bool:
    """Whether a paragraph reads as running text, not a menu, a heading or a byline."""
    words = sum(1 for w in text.split() if any(c.isalpha() for c in w))
    return len(text) > 40 and words >= 6 and (len(text) >= 100 or bool(_PROSE_MARK.search(text)))


def _lead(body: str, title: str = "") -> _Lead:
    """The first sentence and the first paragraph of ``body``.

    Lines that do not read as prose (clutter: a temperature, a city, a site date, a menu,
    a heading) and a repeat of the title are skipped. A first paragraph that is only a
    quotation takes the next paragraph with it, where the speaker is named ("..." / "This
    was said by ...").
    """
    heading = _unwrap(title).casefold()
    spans = [
        (a, b)
        for a, b in _paragraph_spans(body)
        if _is_prose(_unwrap(body[a:b])) and _unwrap(body[a:b]).casefold() != heading
    ]
    if not spans:
        text = _unwrap(body[:400])
        return _Lead(text, text, min(len(body), 400), min(len(body), 400))
    start, end = spans[0]
    first = body[start:end]
    if _is_quote(_unwrap(first)) and len(spans) > 1:
        end = spans[1][1]
        return _Lead(_unwrap(first), _unwrap(body[start:end]), start + len(first), end)
    ends = _sentence_ends(first)
    ends = [e for e in ends if e >= 50]  # a dateline ("Baku. 23 November.") is no sentence
    cut = start + ends[0] if ends else end
    return _Lead(_unwrap(body[start:cut]), _unwrap(first), cut, end)


def _is_quote(paragraph: str) -> bool:
    """Whether a paragraph is a direct quotation (opens with a quotation mark)."""
    text = paragraph.strip()
    return bool(text) and text[0] in _QUOTES and text.rstrip(".").endswith(("”", "»", '"', "“"))


# Words quoted at length are speech: "we will sign", "the visit was fruitful" said by
# someone are not the events of the article. Short quotations are names and stay.
_QUOTATION = re.compile(r'[“«„"][^“”«»„"\n]{1,1500}[”»"“]')


def _unquoted(text: str) -> str:
    """``text`` with its long quotations (six words or more) blanked."""
    return _QUOTATION.sub(lambda m: '" "' if m.group().count(" ") >= 6 else m.group(), text)


def _reference_year(text: str, published: datetime | None) -> int | None:
    if published:
        return published.year
    years = [int(y) for y in re.findall(r"(?<!\d)(?:19|20)\d\d(?!\d)", text[:1500])]
    return max(years) if years else None


def _looks_back(sentence: str, year: int | None) -> bool:
    """Whether a sentence tells background: a recalled event or a year long past."""
    if _LOOKS_BACK.search(sentence):
        return True
    if year is None:
        return False
    return any(
        int(y) < year - 1 for y in re.findall(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/-]|\.\d)", sentence)
    )


def _hits(pattern: re.Pattern[str], text: str, year: int | None) -> int:
    """Matches of ``pattern`` in ``text`` outside the sentences that look back."""
    return sum(
        len(pattern.findall(sentence))
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if not _looks_back(sentence, year)
    )


def event_type(title: str, body: str, published: datetime | None = None) -> tuple[str, float]:
    """The event type of an article and the winner's share of the rule weight."""
    scores = event_scores(title, body, published)
    best = max(_PRIORITY, key=lambda k: (scores[k], -_PRIORITY.index(k)))
    total = sum(scores.values())
    if scores[best] < _MIN_SCORE:
        return "other", 0.3
    return best, round(scores[best] / total, 3)


def event_scores(title: str, body: str, published: datetime | None = None) -> dict[str, float]:
    """The rule weight each event type gets from an article (what :func:`event_type` weighs)."""
    lead = _lead(body, title)
    sentence, paragraph, rest_start = lead.sentence, lead.paragraph, lead.end
    year = _reference_year(f"{title}\n{body}", published)
    if " " not in title.strip():  # a URL slug for a title: "president-receives-envoy"
        title = re.sub(r"[-_]+", " ", title)
    speaker = _speaker(title)
    zones = (
        # after "Speaker:" the headline is speech: only the speaker part is read for events
        ((speaker or title).casefold(), 3.0, 2),
        # a lead that is a quotation is speech: its verbs are not the event
        ("" if _is_quote(sentence) else _unquoted(sentence).casefold(), 2.0, 2),
        (_unquoted(paragraph[len(sentence) :]).casefold(), 1.0, 2),
        # the rest counts little and at most 4 hits: 1,500 characters of it are enough
        (_unquoted(body[rest_start : rest_start + 1500]).casefold(), 0.25, 4),
    )
    scores = dict.fromkeys(_PRIORITY, 0.0)
    call_in_lead = False
    for text, weight, cap in zones:
        for kind, pattern in _COMPILED.items():
            seen = _CIRCUMSTANCE[kind].sub(" ", text) if kind in _CIRCUMSTANCE else text
            hits = min(cap, _hits(pattern, seen, year))
            scores[kind] += _WEIGHT.get(kind, 1.0) * weight * hits
            call_in_lead |= kind == "phone_call" and weight >= 2.0 and hits > 0
        for kind, pattern in _COMPILED_STRONG.items():
            scores[kind] += _STRONG_WEIGHT * weight * min(cap, _hits(pattern, text, year))
    for kind, (weight, pattern) in _TITLE_RULES.items():
        if pattern.search(title.casefold()):
            scores[kind] += weight * 3.0
    if call_in_lead:  # a call is told with the words of talks ("the sides discussed")
        scores["phone_call"] += scores["meeting"]
        scores["meeting"] = 0.0
    if speaker:
        scores["statement"] += 3.0
    elif _title_future(title):
        scores["announcement"] += _STRONG_WEIGHT * 3.0
    if _is_quote(sentence) and sentence != paragraph:
        scores["statement"] += 2.0  # a quotation, then its speaker: a statement
    if _NEGATED.search(f"{title}\n{sentence}".casefold()):
        scores["award"] = 0.0
    return scores


def _event_date(title: str, body: str, published: datetime | None) -> DateHit | None:
    ref = published.date() if published else None
    lead_end = _lead(body, title).end
    best: tuple[float, int, DateHit] | None = None
    for zone, text, base in (("title", title, 4.0), ("body", body[:2500], 0.0)):
        for hit in find_dates(text, published):
            if ref and not ref - timedelta(days=45) <= hit.day <= ref + timedelta(days=2):
                continue
            before = text[max(0, hit.start - 40) : hit.start]
            weight = base
            if zone == "body":
                if hit.start < 120 and re.search(
                    r"^[\s\W]*[A-ZА-Я][\w]+[,.:]?\s*(?:\w+,\s*)?$", before
                ):
                    weight = 5.0  # dateline: "BAKU, Azerbaijan, October 3."
                elif hit.start < lead_end:
                    weight = 3.0
                elif _DATE_CUE.search(before) and _EVENT_WORD.search(
                    text[max(0, hit.start - 80) : hit.start + 60]
                ):
                    weight = 2.0
                else:
                    continue
                weight += 0.5 if _DATE_CUE.search(before) else 0.0
            if hit.kind == "relative":
                weight -= 0.5
            if best is None or (weight, -hit.start) > (best[0], -best[1]):
                best = (weight, hit.start, hit)
    return best[2] if best else None


def _place(title: str, body: str) -> tuple[str | None, str | None, frozenset[str]]:
    lead = f"{title}\n{body[: _lead(body).end]}"
    lead_t = translit(lead)
    chosen: list[tuple[int, str, str]] = []
    for place, start in find_places(lead):
        before = lead_t[max(0, start - 40) : start]
        after = lead_t[start + len(place.key) : start + len(place.key) + 6]
        cue = bool(_PLACE_CUE.search(before)) or bool(re.match(r"\w*(?:da|də|de|ta|te)\b", after))
        is_city = place.key != place.country
        line_start = lead_t.rfind("\n", 0, start) + 1
        dateline = (
            start - line_start < 3 and re.match(r"[\w\s]{0,30}[,.:/]", lead_t[start:]) is not None
        )
        rank = 0 if cue and is_city else 1 if dateline and is_city else 2 if cue else 9
        if rank < 9:
            chosen.append((rank, place.key, place.country))
    places = frozenset(p.key for p, _ in find_places(f"{title}\n{body[:1500]}"))
    if not chosen:
        return None, None, places
    _, key, country = min(chosen, key=lambda c: c[0])
    return key.title(), country, places


def _organisation_near(text: str, start: int) -> str | None:
    window = text[max(0, start - 100) : start + 140]
    nearest: tuple[int, str] | None = None
    for key, pattern in _ORG_RE.items():
        for m in pattern.finditer(window):
            distance = abs(m.start() - min(100, start))
            if nearest is None or distance < nearest[0]:
                nearest = (distance, key)
    return nearest[1] if nearest else None


def classify(title: str, body: str, language: str, published: datetime | None) -> EventInfo:
    """Read an article's event type, participants, place and date.

    ``language`` is accepted for the rules of later languages; the phrase tables are
    matched together because mixed-language pages are common (a Russian dateline in an
    English text). ``published`` anchors relative and year-less dates.
    """
    del language  # the rules of every language are tried at once
    kind, confidence = event_type(title, body, published)
    text = f"{title}\n\n{body}"
    lead_end = len(title) + 2 + _lead(body).sentence_end
    participants: dict[tuple[str, str], Participant] = {}
    people: set[str] = set()
    principals: set[str] = set()
    for person in find_people(text[:4000]):
        people.add(person.key)
        if person.start < lead_end:
            principals.add(person.key)
        initial = person.initial
        if not initial:  # "Dr. AlMalik": the person already named in full, if any
            initial = next((i for k, i in participants if k == person.key), "")
        existing = participants.get((person.key, initial))
        if existing is None or (len(person.name) > len(existing.name) and " " in person.name):
            role = person.role if person.role and TITLE_RE.fullmatch(person.role) else None
            role = role or (existing.role if existing else None)
            org = _organisation_near(text, person.start) or (
                existing.organisation if existing else None
            )
            participants[(person.key, initial)] = Participant(person.name, role, org)
    organisations = frozenset(k for k, p in _ORG_RE.items() if p.search(text[:4000]))
    place, country, places = _place(title, body)
    when = _event_date(title, body, published)
    return EventInfo(
        event_type=kind,
        confidence=confidence,
        participants=tuple(participants.values()),
        place=place,
        event_date=when.day if when and when.kind != "day-month" else None,
        people=frozenset(people),
        principals=frozenset(principals),
        organisations=organisations,
        places=places,
        country=country,
        month_day=(when.day.month, when.day.day) if when else None,
    )
