"""The phrase tables that :func:`monitor.classify.event_type` weighs (data, no logic).

One regex per event type and language line (en, ru, az/tr, fr/de/es, ar/fa), matched on
lower-cased text; *strong* phrases that name the event beyond doubt (kept in
:mod:`monitor.event_strong`); *circumstances*
that look like an event but are its setting ("who is on a visit to Baku", "the newly
elected Director-General", "signed a decree", kept in :mod:`monitor.event_circumstances`);
and the headline grammar read in titles only (:mod:`monitor.event_titles`).
:mod:`monitor.classify` explains how they are weighed.
"""

from __future__ import annotations

import re

# what looks like an event but is its setting, a title or background (read with these)
from monitor.event_circumstances import AS_REPORTED as _AS_REPORTED
from monitor.event_circumstances import CIRCUMSTANCE as CIRCUMSTANCE
from monitor.event_circumstances import LOOKS_BACK as LOOKS_BACK
from monitor.event_circumstances import NEGATED as NEGATED
from monitor.event_circumstances import NOT_A_VISIT as NOT_A_VISIT
from monitor.event_circumstances import OPENING_AZ, OPENING_CEREMONY, WELCOMED_GUEST
from monitor.event_circumstances import TOPIC as TOPIC
from monitor.event_circumstances import TOPIC_BEFORE as TOPIC_BEFORE
from monitor.event_strong import AT_MEETING as AT_MEETING
from monitor.event_strong import GENRE_LINE as GENRE_LINE
from monitor.event_strong import SESSION_NAMED as SESSION_NAMED
from monitor.event_strong import SOCIAL_POST as _SOCIAL_POST
from monitor.event_strong import SPEECH as SPEECH
from monitor.event_strong import SPEECH_PART_OF as SPEECH_PART_OF
from monitor.event_strong import STRONG as STRONG  # the phrases that decide (read with these)

# Phrase rules: a regex per type (matched on the lower-cased text), one line per language
# (en, ru, az, fr/de, ar/fa). Arabic and Persian words take clitics (و، ب، ال), so their
# patterns are matched inside words.
RULES: dict[str, tuple[str, ...]] = {
    "phone_call": (
        r"phone (?:conversation|call|talks?|con\w*)|telephone (?:conversation|call|talks?)"
        r"|\b(?:by|on the|over the|via) (?:tele)?phone\b|videoconference call|video ?call"
        r"|video link|via video|by video|visual communication|video-?conference meeting"
        r"|in (?:an? |the )?video ?(?:format|mode)"
        r"|(?:online|virtual|video) meeting|видеовстреч\w*|videogörüş\w*"
        r"|(?:through|over|via|by|in the format of) (?:an? )?video ?conferenc\w*"
        r"|video[- ]?conferenc\w* (?:talks )?with\b"  # "held a video conference with ..."
        r"|(?:during|in|at) (?:an? |the )?video[- ]?conferenc\w* between\b"
        # two sides that "hold video conference" talk; one that holds it on a theme hosts it
        r"|\bhold (?:an? |the )?video[- ]?conferenc\w*(?! (?:on|about|dedicated)\b)",
        r"телефонн\w+ (?:разговор|беседу|беседа|переговор)|по телефону|созвонил\w*|позвонил\w*"
        r"|видеосвяз\w*"
        r"|видеозвон\w*|онлайн-встреч\w*|видео-?конференц\w*|в режиме видео\w*",
        r"telefon danışığı|telefonla danış|telefon söhbəti|telefonla zəng|telefon zəng\w*"
        r"|\bzəng (?:ed|et|vur)\w*|videobağlantı|videozəng|onlayn görüş"
        r"|telefon görüşme\w*|telefonda görüş\w*|telefon aracılığı|video konferans yoluyla"
        r"|telefon danışıq\w*|video-?konf(?:e)?rans\w*",
        r"entretien téléphonique|appel téléphonique|conversation téléphonique|par téléphone"
        r"|visioconférence|vid[ée]o-?conférence|telefongespräch|telefonierte|telefonat"
        r"|au téléphone|\btelefonisch",
        r"اتصال\S* هاتفي|مكالمة هاتفية|(?:مباحثات|محادثة|محادثات) هاتفية|تماس تلفنی"
        r"|گفت[\u200c ]?و?گو(?:یی|ی)? (?:تلفنی|ویدئویی|ویدیویی)"
        r"|(?:نشست|تماس|دیدار)\S* (?:ویدئویی|ویدیویی|مجازی)"
        r"|ویدئو\u200c?کنفرانس|ویدیو\u200c?کنفرانس"
        r"|الاتصال المرئي"
        r"|(?:التقى|اجتمع|لقاء|اجتماع)\S* (?:\S+ ){0,6}?عن بُ?عد",
    ),
    "agreement": (
        r"\bsign(?:s|ed|ing)?\b|\bsignator(?:y|ies)\b|\bink(?:s|ed|ing)?\b|initial(?:l)?ed"
        r"|initial(?:l)?ing"
        r"|conclude[ds]? (?:an? |the )?(?:\w+ )?(?:agreement|accord|treaty)"
        r"|seal(?:s|ed|ing)? (?:an? |the )?(?:\S+ ){0,2}(?:deal|agreement|accord|pact)"
        r"|exchang\w* (?:of )?(?:the )?(?:\S+ )?documents|documents were exchanged",
        r"подписа\w*|парафир\w*|обменялись (?:\S+ )?документами",
        r"imzala\w*|imzalan\w*",
        r"\bsigné|signature d|accord de|conclu\w* (?:\S+ ){0,4}(?:une |un |la |le |l')?"
        r"(?:convention|accord|mémorandum|protocole)|convention de partenariat"
        r"|mémorandum d'entente|unterzeichne\w*|absichtserklärung\w*|abkommen|vereinbarung"
        r"|\bfirm(?:ó|aron"
        r"|ado|ada)\b|\bacuerdos?\b|memorando|intercambiaron (?:\S+ ){0,2}documentos",
        # "وقع", "توقعان" (the two sign): a word of its own, not "الموقع" (the site)
        r"توقيع|(?<!الذي )(?<!التي )(?<!\S)[وف]?[تي]?وقع(?:ت|ا|ان|ون)? (?:\S+ ){0,4}?"
        r"(?:على |اتفاق|مذكرة|بروتوكول|برنامج)"
        r"|اتفاقية|مذكرة تفاهم|امضا|تفاهم‌?نامه|توافق‌?نامه",
    ),
    "award": (
        r"\bawarded|\bawards?\b|honou?red with|\border of\b(?! the (?:president|cabinet|minist))"
        r"|\bmedal|\bprize\b|decorated|\bwinners?\b|\bwon (?:\S+ ){0,3}(?:prize|award|contest"
        r"|competition|first place)|\breward(?:s|ed|ing)?\b|honorary (?:title|doctorate|degree"
        r"|professor|doctor)|honoris causa|in recognition of|\bconfer(?:s|red|ring)?\b"
        r"|\b(?:was|were|is|are|been|being) honou?red\b(?! to)|\bhonou?red (?:at|by|for)\b"
        r"|awarding ceremony|prize-?giving|\bpresent\w* (?:the |an? |his |her )?(?:\S+ ){0,3}"
        r"(?:order|medal|prize|award)\b(?! of the day)"
        r"|\b(?:named|voted|recogni[sz]ed as) (?:the )?best\b"
        r"|\b(?:offer|present|award|receiv)\w* (?:its |his |her |the |a )?(?:\S+ )?shield\b",
        r"наград\w*|(?<!воз)награжд\w*|победител\w*|\bорден\w*|медал\w*|удостоен\w*"
        r"|вручил\w* (?:\S+ )?(?:орден|медал|преми)|вручен\w* (?:\S+ ){0,3}(?:сертификат|диплом"
        r"|почетн\w* грамот)\w*|присво\w* (?:\S+ ){0,2}(?:звани|преми)\w*"
        r"|присуд\w* (?:\S+ ){0,3}преми\w*|присужд\w*|лауреат\w*"
        r"|почетн\w* (?:профессор|доктор|гражданин|звани)\w*|признан\w* лучш\w*",
        r"təltif|mükafat|\bqalib\w*|\borden\w*|ödül\w*|madalya\w*|fəxri (?:ad|professor|doktor)\w*"
        r"|fahri doktora\w*|onursal\w*|\bnişan\w*|takdim tören\w*"
        r"|ən yaxşı (?:\S+ ){0,3}(?:seçilib|seçildi|elan edilib|tanınıb)",
        r"décoré|\bprix\b|\bmédaille|décern\w*|distinctions? honorifiques?|\bdécoration"
        r"|au grade de (?:grand[- ])?(?:commandeur|officier|chevalier)|dans l['’]ordre (?:national"
        r"|du mérite)"
        r"|ausgezeichnet|\borden\b|verliehen",
        r"وسام|جائزة|منح(?:ت)? |جایزه|نشان |تكريم|(?<!\w)ب?درع(?!\w)|تقدیر (?:شد|شدند|کرد)"
        r"|لوح تقدیر",
    ),
    "visit": (
        r"\bvisit(?:ed|s|ing)?\b|\btoured\b|(?<!premier )(?<!second )\btours?\b(?! d[eu]\b| d')"
        r"|(?:arriv(?:e|ed|es|ing)|land(?:ed|s)) (?:in|at)\b(?! (?:an? |the )?"
        r"(?:decision|agreement|consensus|conclusion|understanding|solution|compromise))"
        r"|guard of honou?r|honou?r guard"
        r"|(?:got|get|gets|getting) acquainted with|acquaint\w* (?:himself|herself|themselves)"
        r" with|familiari[sz]\w* (?:himself|herself|themselves) with"
        r"|(?:took|take|takes|made|make|makes|paid|pay|pays) (?:an? )?(?:\S+ )?trip\b|\btrip to\b"
        r"|\b(?:left|leaves|departed|departs) for\b|\b(?:is |are )?off to\b"
        r"|\b(?:left|leaves) (?:on|for) (?:an? )?(?:\S+ )?visit",
        r"посетил\w*|визит\w*|прибыл\w*|(?<!п)ознакомил\w*|почетн\w* караул\w*|ташриф\w*"
        r"|tashrif\w*",
        r"(?<!\w)səfər(?!ov|li|əli)|ziyarət|gəlib|tanış ol(?:ub|ur|urlar|ublar)\b|ziyaret\w*"
        r"|(?<!\w)gəzi(?:b|blər)\b|gəzinti\w*|qonağı ol(?:ub|ublar|du)\b"
        # "Ankara'da temaslarda bulundu": the programme of a visit
        r"|temaslarda bulun\w*|təmaslarda ol\w*"
        # "Yunanıstan Milli Qalereyasında olmuşdur": was at the gallery
        r"|(?:qərargah|muzey|qalereya|universitet|sərgi|zavod|müəssisə|mərkəz|kitabxana)\w*"
        r"(?:da|də) (?:olub|olmuşdur|oldu)\b"
        r"|fəxri qarovul|şeref kıtası|\w['’](?:y?[ae]) geldi\b"
        # "Anar Kərimov Türkiyəyə gedib": went to a country or a city (a dative before it)
        r"|(?<!\w)[A-ZƏÖÜÇŞĞİa-zəöüçşğı]+(?:ya|yə)\w* (?:gedib|yola düşüb|yollanıb)\b",
        r"\bvisite\b|s'est rendue? |besuch\w*|garde d'honneur|bezoek\w*|aangekomen"
        r"|à son arrivée|accueilli\w* (?:\S+ ){0,10}?à l'aéroport|est arrivée? à"
        r"|se rend (?:en|à|au)\b|a quitté (?:\S+ ){0,3}pour se rendre",
        # "زار" (visited) alone or after و/ف: inside Persian "برگزار شد" it is "was held"
        r"زيارة|زيارات\S*|يزور|(?<![^\sوف])زار |بازدید|(?<!\w)سفر |جولة|تفقد"
        # Persian "وارد مشهد شد" (arrived in Mashhad), not "وارد فهرست شد" (entered the list)
        r"|(?<!\w)وارد (?!فهرست|مرحله|بازار|عمل|مذاکره|میدان)\S+ شد|(?<!\w)عازم (?:\S+ ){0,3}شد"
        r"|(?<!\w)(?:غادر|غادرت|يغادر|يغادرون)(?!\w)"
        # "وصل ... إلى بيروت", "وصول ... للمقر": an arrival
        r"|(?<!\w)(?:وصل|وصلت|يصل|تصل|وصول)(?!\w)[^.]{0,80}?(?:إلى|الى|لل)",
    ),
    "meeting": (
        # "received" is a meeting when a visitor is received, not an award or a letter
        r"\bmet\b|\bmeets?\b|meeting with|held talks|\btalks with"
        r"|\b(?:holds?|held|holding) (?:a number of |several |a series of |bilateral )?meetings\b"
        r"|\breceive[ds]?\b(?! (?:an? |the |his |her )?(?:award|prize|medal|letter|message"
        r"|congratulat|title|order|honou?r|guard|invitation|support|fund|grant|certificate|diploma"
        r"|(?:\S+ ){1,3}(?:award|prize|medal|title|honou?r|(?<!in )order|distinction)s?\b))"
        r"|discuss(?:ed|es)? (?:\S+ ){0,2}(?:cooperation|prospects|relations|ties)"
        r"|had a meeting|have discussed|held discussions\b|one-on-one meeting|face-to-face meeting"
        # two sides as the subject: "Bayramov and Dr. AlMalik on Monday discussed the ..."
        r"|\band (?:dr\.? )?(?:\w\. |[^\s.,;]+ ){1,4}(?:(?:on|last) \w+ )?discussed\b"
        r"|tête-à-tête|held (?:an? )?(?:\w+ )?meeting\b(?! of)"
        # "has discussed the programme with the Director-General"
        r"|discuss(?:ed|es)? (?:[^.,;]{0,80}? )?with (?:the |his |her |its )?(?:\S+ ){0,3}"
        r"(?:president|minister|secretary|director|ambassador|chairman|head|counterpart|delegation|rector"
        r"|governor|speaker|envoy|chargé|charge d'affaires|representative)"
        # a meeting told with nouns: "were discussed at a meeting between", "the sides ..."
        r"|meeting (?:between|was held|took place)|\b(?:at|during|in the course of) (?:the|a)"
        r" meeting\b(?! of)|(?:were|was|ha(?:ve|s) been) (?:also )?discussed|exchanged views"
        r"|exchange of views"
        r"|the (?:two )?(?:sides|parties) (?:discussed|exchanged|noted|stressed|emphasi[sz]ed"
        r"|agreed)"
        r"|courtesy (?:call|visit)|credentials"
        r"|host\w* (?:an? |the )?(?:\S+ ){0,3}(?:delegation|ambassadors|diplomats|envoys)"
        r"|\bhost(?:s|ed)? (?:the )?(?:\S+ ){0,2}(?:head|chief|secretary[- ]general|minister"
        r"|counterpart|ambassador|envoy|speaker|prime minister|president) of\b"
        r"|farewell (?:call|visit|meeting)|the meeting (?:reviewed|discussed|focused|touched|dealt)"
        rf"|{WELCOMED_GUEST}"
        r"|pa(?:ys|id|ying) (?:an? )?(?:\w+ )?visit to (?:the )?(?:\S+ ){0,3}(?:secretary|president"
        r"|minister|director|head|ambassador|chairman|speaker|rector|governor)"
        # South Asian English: "the Secretary General called on Foreign Minister X" (not
        # "called on the minister to resign", which is a demand)
        r"|call(?:s|ed)? on (?:\S+ ){0,3}(?:president|minister|secretary|governor|chairman|speaker"
        r"|ambassador|director|chief|fm|pm)\b(?! to)(?![^.]{0,50}? to (?!the\b|his\b|her\b)\w)",
        r"(?<!не )встретил\w*|встреч\w*"
        r"|(?<!не )\bпринял\w*\b(?! участие| решение| (?:\S+ ){0,2}(?:декларац|резолюц|заявлени"
        r"|документ|программ|план|закон|коммюнике|устав|бюджет))"
        r"|переговор\w*|обсудил\w*"
        r"|верительн\w* грамот\w*",
        r"görüş\w*|(?<!qərar )qəbul e(?:d(?!ilən)|tdi|tmiş)\w*|müzakirə|danışıqlar|kabul ett\w*"
        # "Bakanlar ... buluştu" (met), not "sergi sanatseverlerle buluştu" (opened to them)
        r"|bir araya gel\w*|(?<![^i\s]l[ae] )(?<!yl[ae] )(?<!\w)buluş(?:tu|tular|muş|ma|ması"
        r"|masında)\b"
        r"|ağırla\w*|etimadnamə\w*|güven mektub\w*|makamında ziyaret\w*",
        r"\ba reçu\b(?! (?:le |la |les |un |une )?(?:prix|médaille|titre|lettre))|\breçoit\b"
        r"|rencontr\w*|s'est entretenu|s'entretien(?:t|nent)|tenu une réunion"
        # Italian: "ha incontrato", "ha ricevuto"
        r"|(?:ha|hanno) incontrato|si (?:è|sono) incontrat\w*|incontro con"
        r"|(?:ha|hanno) ricevuto(?! (?:il |la |un |una )?(?:premio|medaglia|titolo|lettera))"
        r"|visite de courtoisie|(?:a |ont )?échangé? avec|échangent avec|s'est réunie? avec"
        r"|se réuni(?:t|ssent) avec|se sont réunis"
        r"|déjeuner de travail|dîner de travail|séance de travail avec|en audience"
        r"|a accordé (?:\S+ )?audiences?"
        r"|ont (?:examiné|discuté|évoqué|passé en revue)|se sont entretenus"
        # "Lors de l'entretien, X a souligné ...": the talks (not "un entretien accordé à")
        r"|(?:lors|au cours|à l'issue) de (?:l'|cet |leur |son |ces )entretiens?\b(?! accordé)"
        r"|au menu des (?:discussions|entretiens|pourparlers)"
        r"|a (?:examiné|discuté|évoqué) (?:\S+ ){0,3}avec"
        r"|entretien (?:\S+ ){0,6}avec (?:le |la |l')"
        r"|(?:a|ont) été reçue?s?\b[^.]{0,80}?\bpar\b|\breçue?s? (?:au palais|à la présidence)"
        r"|réunion (?:avec|entre)|\btrifft\b|\btraf\b|empfing|empfängt|zusammengetroffen"
        r"|empfangen|(?<!ein)getroffen|lettres de créance|se reún\w*|\breunión|recibió"
        r"|se discutieron",
        r"استقبل|[يت]ستقبل|التقى|يلتقي|لقاء|مباحثات|دیدار|ملاقات|گفتگو کرد"
        r"|(?<!\w)(?:اجتمع|اجتمعت|يجتمع|تجتمع)(?!\w)|اجتماع\S* (?:\S+ ){0,4}?مع(?!\w)"
        r"|(?<!\w)(?:بحث|يبحث|تبحث|بحثت|ناقش|يناقش)(?!\w)[^.]{0,120}?(?<!\w)مع(?!\w)"
        # the dual: two sides discuss ("المدير العام ووزير التعليم يبحثان ...")
        r"|(?<!\w)[وف]?(?:يبحثان|تبحثان|بحثا|يناقشان|تناقشان|ناقشا|يتباحثان|تباحثا)(?!\w)",
    ),
    "conference": (
        r"conference|\bforum\b|\bsession\b|\bsummit\b|congress|symposium|general assembly"
        r"|executive council|opening ceremony|\bgames\b|colloquium|seminar|workshop|webinar"
        r"|round ?table|\btrainings?\b(?! of)|summer school|induction days?|orientation days?"
        r"|working sessions?"
        r"|(?:took|takes|taking) part in"
        r"|\b(?:held|holds?|hosts?|hosted|organi[sz]e[sd]?) (?:an? |the )?(?:\S+ ){0,3}panel\b"
        r"|panel (?:discussion|session)s?\b"
        r"|participat\w+ in"
        r"|\battend(?:ed|s|ing)?\b"
        r"|kick(?:s|ed)? off|council of (?:\w+ ){0,2}ministers|consultative council"
        r"|(?:coordination|ministerial|plenary|consultative|annual|steering committee) meetings?\b"
        r"|совещани\w* (?:\S+ ){0,2}(?:министров|глав)"
        r"|\bmeeting of (?:the )?(?:\S+ ){0,4}(?:council|ministers|heads"
        r"|committee|board|assembly|commission|states|parliament)"
        r"|address(?:ed|es|ing)? (?:the )?(?:\S+ ){0,4}(?:meeting|session"
        r"|forum|conference|summit|assembly|congress)",
        r"конференц\w*|форум\w*|сесси\w*|саммит\w*|заседани\w*|конгресс\w*|съезд\w*|ассамбле\w*"
        r"|семинар\w*|тренинг\w*|курсы повышения|летн\w+ школ\w*|круглого стола|круглый стол"
        r"|принял\w* участие"
        r"|участвовал\w*",
        r"(?<!video)(?<!video-)konfrans|\bforum\w*|sessiya\w*|sammit\w*|iclas\w*|qurultay|simpozium\w*|konqres\w*"
        r"|seminar\w*|\btəlim\w*|yay məktəb\w*|dəyirmi masa|iştirak edib|iştirak ediblər"
        r"|iştirak et(?:di|mişdir)"
        r"|yığıncağ\w*|yığıncaq\w*|(?<!video)(?<!video-)konferans\w*|zirve\w*"
        r"|sempozyum\w*|çalıştay\w*|kongre\w*|katıldı|zirvə\w*|toplantısı\w*|oturum\w*"
        r"|(?:teşkilat|örgüt|konsey|zirve|bakanlar)\S* (?:\S+ ){0,3}topla(?:dı|ndı)\w*",
        r"conférence|\bsommet\b|colloque|congrès|séminaire|webinaire|atelier|table ronde"
        r"|a participé"
        r"|conseil des ministres des affaires étrangères|réunion ministérielle"
        r"|konferenz|sitzung|gipfel|tagung|seminar|nahm (?:\S+ ){0,4}teil"
        r"|\w+forum\b|\w+(?:konferenz|gipfel|tagung)",  # Weltforum, Generalkonferenz
        r"مؤتمر|منتدى|قمة|ندوة|الدورة|ملتقى|ورشة|شارك|مشاركة|نشست|اجلاس|کنفرانس|همایش|وبینار"
        r"|(?<![^\sول])(?:ال)?تدريب\S*|دورة تدريبية"
        r"|مجمع (?:جهانی|عمومی|بین‌المللی|بین المللی)",  # a world forum, a general assembly
    ),
    "announcement": (
        # decisions, appointments and what is yet to happen ("will attend", "представит")
        r"announce[ds]?|appoint(?:s|ed|ing|ment)?\b|\bdecided\b|\bdecision\b"
        r"|declared .{0,60}capital|\bnames? (?:\S+ ){0,4}capital|\bdecrees?\b"
        # "Cairo named Islamic world's capital of culture", "designated as capital"
        r"|\b(?:named|designated|proclaimed)\b (?:as )?(?:the )?(?:\S+ ){0,8}?capital"
        r"|\bform(?:s|ed)? (?:\S+ ){0,2}(?:committees?|commissions?|task ?forces?"
        r"|working groups?)\b"
        r"|\bregist(?:er|ers|ered|ering|ration) (?:\S+ ){0,6}?(?:to|on|in|into) (?:the )?"
        r"(?:\S+ ){0,8}?list\b"
        r"|order of the president|\bestablish(?:es|ing)\b"
        r"|will (?:host|open)|(?:is|are) (?:set|due|scheduled) to|\blaunch(?:ed|es)?\b"
        r"|\b(?:re-?)?elected\b|\bselected as\b|\bchosen as\b|(?:opens?|accept\w*|invites?)"
        r" (?:\w+ )?(?:applications|nominations|submissions|entries)|\bto apply\b"
        r"|\bcan apply\b|call for (?:applications"
        r"|nominations|proposals|papers|entries)|\binscribed\b"
        r"|(?:added to|included in(?:to)?|joins?|joined|entered) (?:the )?(?:\S+ ){0,4}"
        r"(?:list|network)\b"
        r"|registered (?:as|on|in)"
        r" (?:the )?(?:\S+ ){0,4}\W?(?:heritage|list)"
        r"|\bapprov(?:es|ed|al)\b|ratif(?:y|ies|ied|ication)|inaugurat\w*"
        r"|open\w* (?:an? |the |its )?(?:\S+ ){0,3}(?:office|centre|center|branch|chair|doors)"
        r"|\b(?:publish(?:es|ed)|releas(?:es|ed))\b(?! by| (?:an? |the |its )?(?:\S+ )?(?:statement"
        r"|declaration|communiqu\w*|appeal))"
        r"|\bnominat(?:es|ed|ing|ion)\b|\ballocat(?:es|ed|ing)\b|\binstruct(?:s|ed)\b"
        r"|(?:obtain\w*|grant\w*|gain\w*|receiv\w*) (?:\S+ ){0,2}observer status"
        r"|\b(?:chooses|chose|selects|designates) (?:\S+ ){0,4}(?:ambassador|envoy|chair"
        r"|head|director|president|secretary|capital)"
        r"|put into (?:operation|service)|\bwent live\b|\bgoes live\b|\b(?:banned|suspended"
        r"|postponed|deferred|rescheduled|called off|cancell?ed|abolish(?:es|ed))\b"
        r"|(?:imposed|put) a ban\b"
        r"|\bnamed (?!after)(?:as )?(?:the )?(?:new )?(?:\S+ ){0,3}(?:chief|head|secretary|director"
        r"|ambassador|minister|president|chairman|envoy|coordinator)",
        r"объявил\w*|назнач\w*|решени\w*|объявлен\w*|возглавит|избран\w*|утвердил\w*|\bуказ\w*"
        r"|ратифицир\w*|учрежд\w*|учредит\w*|отозван\w*|в отставку"
        r"|освобожд\w* от (?:\S+ ){0,2}должност\w*"
        r"|председательств\w* (?:\S+ ){0,4}перешл\w*|назван\w* дат\w*"
        r"|выдвину\w* (?:\S+ ){0,2}кандидатур\w*|номинирова\w*|запланирован\w*"
        r"|выдел(?:ит|ят|ено|ены|ил\w*) (?:\S+ ){0,4}(?:грант|средств|рубл|млн|млрд)\w*"
        r"|упраздн\w*|созда(?:н|л)\w* (?:\S+ ){0,2}(?:комисси|комитет|рабоч\w+ групп)\w*"
        r"|исполняющ\w+ обязанност\w*|\bврио\b|поручил\w*|распоряжени\w*"
        r"|стартовал\w* (?:\S+ ){0,3}(?:конкурс|при[её]м|программ|проект)\w*"
        r"|при[её]м заявок|принима\w* заявки|включ\w* (?:\S+ ){0,6}в (?:\S+ ){0,3}списо?к\w*",
        # Turkish "ilan edildi" (declared), not "ilan edilmesi dolayısıyla" (as it was)
        r"ilan ed(?:ildi|ilmiştir|ilecek|ecek)\w*|ilan etti\w*|"
        r"elan ed\w*|(?<!\w)təyin\w*|qərar(?!gah)\w*|açılır|açılacaq|seçilib|atandı|seçildi|duyurdu"
        r"|təsdiq\w*|yaradılacaq|onayla\w*|sərəncam\w*|fərman\w*"
        r"|açıkladı|başvuru\w*|geri çağır\w*|vəzifəsindən azad\w*|istefa\w*"
        r"|sədrlik (?:\S+ ){0,3}keç\w*|siyahısına (?:daxil edil\w*|daxil et(?:di|ib)\w*|salın\w*"
        r"|düş(?:dü|üb)\w*)"
        r"|şəbəkəsinə (?:\S+ ){0,4}(?:daxil edil|qoşul)\w*|ləğv (?:edil|olun)(?:ib|di)\w*"
        r"|təsis (?:ed|olun)\w*|(?:sənəd|müraciət)\w* qəbul\w*|qəbul elan\w*"
        r"|müraciət\w* (?:\S+ ){0,2}\d+-?(?:dək|dəkdir|ə qədər|a qədər)"
        r"|namizədliy\w* (?:\S+ ){0,2}irəli sürül\w*|aday gösteril\w*",
        r"\bgewählt\b|soll (?:\S+ ){0,4}(?:leiten|führen)\b|neue[ms]? welterbe|als welterbe"
        r"|\bist (?:\S+-)?welterbe|\b(?:entschied|beschloss|beschlossen|ernennt|ernannte)\b"
        r"|zum welterbe|welterbeliste"
        r"|listesi['’]?ne (?:girdi|giren|girmiş|alındı|dahil edil\w*|eklendi|kaydedildi)"
        r"|annonc\w*|\bnommé|désignée?s? (?:\S+ ){0,3}?(?:à la tête|au poste|comme)"
        r"|finalistes?\b|shortlist\w*"
        r"|(?:a|ont) été (?:ré)?élue?s?\b|\b(?:ré)?élue? (?:à la tête|au poste"
        r"|(?:\S+ )?(?:directeur|directrice|présidente?|secrétaire|vice-présidente?|membre)\b)"
        r"|\bélue?s? (?:à la |au |aux )(?:présidence|vice-présidence|comité|conseil|bureau)"
        r"|prend (?:la )?présidence|vient d'être (?:ré)?élue?"
        r"|désignée?s? (?:\S+ ){0,2}?pour (?:le|la) (?:poste|fonction)|\b(?:a|ont) désigné"
        r"|nomination|ernannt|angekündigt|gab bekannt|appel à candidatures"
        r"|\blance[rz]?\b|\blancé\w*|lancement|ouvre ses portes|approuv\w*|ratifi\w*|تطلق|إطلاق"
        r"|date limite|prolong\w* (?:\S+ ){0,2}délai|deadline"
        r"|(?:a|ont) pris (?:des|de nouvelles) mesures"
        r"|\b(?:took|has taken|have taken) (?:\S+ )?measures"
        r"|(?:a enrichi|enrichit) sa liste|au patrimoine (?:\S+ ){0,2}de l['’]humanité",
        r"أعلن|تعلن|تعيين|قرر|انتخاب|شروط (?:\S+ ){0,3}(?:الترشح|الترشيح|المشاركة)"
        r"|(?:اختار|اختير)\S* (?:\S+ ){0,6}?\S*عاصم"
        # elected, won the post, acclaimed as secretary general; declared a capital; listed
        r"|(?<![^\sوف])(?:تفوز|فاز|فازت|يفوز) بمنصب|تزكية|(?<!\w)(?:أمينا|مديرا) (?:عاما|جديدا)"
        r"|إعلان\S* (?:\S+ ){0,3}?عاصمة"
        r"|تسجيل (?:\S+ ){0,6}?(?:في|على|ضمن) (?:\S+ ){0,2}?(?:لائحة|قائمة)"
        r"|(?<!\w)از (?:\S+ ){1,10}?خبر داد"
        r"|فتح باب (?:التقدم|الترشح|الترشيح)|انتصاب|منصوب|فراخوان"
        r"|(?:بازگشایی|افتتاح) دفتر|ثبت جهانی"
        r"|ثبت (?:\S+ ){0,3}(?:شد|شدند)\b|جهانی شد(?:ند)?(?!\S)"
        r"|به فهرست (?:\S+ ){0,6}?(?:اضافه|افزوده) شد|موافقت (?:\S+ ){0,4}?با"
        r"|از (?:\S+ ){0,3}(?:یونسکو|سازمان|پیمان|توافق)\S* خارج (?:شد|شده|می)"
        r"|\bwithdr(?:ew|aws|awn|awal) from (?:the )?(?:\S+ ){0,3}(?:unesco|organi[sz]ation|treaty"
        r"|agreement|convention|council)",
    ),
    "statement": (
        r"\bsaid\b|\bstated\b|statement|declared|\bsays\b|interview|condemn\w*|calls? on"
        r"|propos\w+|expressed|urged|told (?:journalists|reporters|the press|apa|trend"
        r"|report|azertag|news\.az|interfax|tass|anadolu|sputnik|an? \S+ correspondent)\b"
        r"|congratulat\w*"
        r"|denounc\w*|condolence\w*|welcomes|\bpraise[sd]\b|calls? for|comment(?:s|ed)? on"
        r"|in an? (?:comment|interview|op-ed|article|message|letter)|reaffirm\w*|\bsupports\b"
        r"|(?:sen[dt]s?|address\w*|wr[oi]tes?) (?:an? )?(?:\S+ )?letters?\b|\bhail(?:ed|ing)\b"
        r"|(?:press|news) conference|conve(?:y|ys|yed|ying) (?:\S+ ){0,2}messages?"
        r"|criti(?:ci[sz]\w*|que[sd]?)\b|condole[sd]?\b|pa(?:id|ys|y) (?:a )?tribute"
        r"|\b(?:denie[sd]|refut\w*|rebuff\w*)\b|reject\w* (?:the )?(?:\S+ ){0,3}(?:claims?"
        r"|allegations?|accusations?|statements?|reports?)\b"
        r"|(?:do|does) not (?:reflect|correspond)|felicitat\w*|extend\w* (?:\S+ ){0,2}greetings"
        r"|wish(?:es|ed)? (?:\S+ ){1,3}well\b|answer\w* (?:\S+ ){0,2}questions?|\bmourn(?:s|ed)?\b"
        r"|made (?:the|these|this|his|her) (?:remarks?|comments?)|\bremarked\b"
        r"|\bhighlight(?:s|ed)\b|\b(?:stresses|emphasi[sz]es|underlines|underscores)\b"
        r"|\b(?:is|are|stands?|remains?) ready to\b|\bhopeful\b|\bhopes? (?:that|for)\b"
        r"|\bexpress(?:es|ing)\b|announc\w* (?:\S+ ){0,2}support\b|\bappeal (?:to|for)\b",
        r"заявил\w*|заявлени\w*|сказал\w*|интервью|призвал\w*|предлож\w*|осудил\w*"
        r"|сообщил\w* журналист\w*|поздрави\w*|приветству\w*|приветствова\w*"
        r"|соболезнован\w*|поддерживает|выразил\w* (?:\S+ ){0,2}(?:поддержк|благодарност"
        r"|обеспокоенност|озабоченност|соболезновани|признательност|протест|надежд)\w*"
        r"|направил\w* (?:\S+ ){0,3}письм\w*|обратил\w* с письмом|məktub (?:ünvanla|göndər)\w*"
        r"|пресс-конференц\w*|критик\w*|раскритиковал\w*|опроверг\w*|отреагировал\w*"
        r"|ответил\w* на (?:\S+ )?вопрос\w*|не соответству\w*"
        r" действительност\w*|готов(?:а|ы|о)? к\b",
        r"bəyanat\w*|bildirib|deyib|hazırdır|hazır olduğunu|bəyan ed\w*|müsahibə|önəm verir"
        r"|açıqlama\w*|jurnalistlərə"
        r"|pisləy\w*|təbrik\w*|başsağlığı|alqışla\w*|açıklama\w*|\bdedi\b|söyledi|kınadı|tebrik\w*"
        r"|taziye\w*|röportaj\w*|mülakat\w*|söyleşi\w*|belirtti|vurguladı|mətbuat konfrans\w*"
        r"|basın toplantısı\w*"
        r"|\bkutlar\b|kutladı|saygılar\w*|konuştu|\bbildirdi\b|ifade etti|ifadelerini kullandı"
        r"|yanıt ver\w*"
        r"|yanıtladı|cevap verdi|cevaplandırdı|açıklamasında"
        r"|tənqid\w*|eleştir\w*|təkzib\w*|yalanla\w*|sual\w* cavablandır\w*|reaksiya ver\w*"
        # "Xarici İşlər Nazirliyinin Mətbuat xidməti idarəsinin məlumatı": a press release
        r"|mətbuat xidməti(?: idarəsi)?nin (?:məlumatı|şərhi|açıqlaması)",
        r"déclaration|a déclaré|communiqué|condamn\w*|félicit\w*|condoléances"
        r"|(?<!absichts)erklär\w*"
        r"|conférence de presse|pressekonferenz"
        r"|verurteil\w*|\bsagte\b|gratuliert\w*|begrüßt|kritisier\w*|kondolier\w*|beileid"
        r"|critiqu\w*|dément\w*|a affirmé|a souligné|a indiqué|\bdit\b|a estimé|estime que"
        r"|dénonc\w*|s'est engagée? à|a plaidé|a appelé à|a exhorté|appellen?t? à|exhorten?t?"
        r"|plaiden?t? pour"
        r"|a expliqué|a assuré|a réaffirmé|a insisté|ajoute-t-il|a-t-il (?:dit|déclaré|indiqué"
        r"|souligné|ajouté)|dans un entretien|\binterview",
        # Persian "گفت" (said), not "گفت‌وگو" (a conversation)
        # "قال" (said) not inside "تقاليد" (traditions) or Persian "مقاله" (an article)
        r"بيان|أكدت?|(?<!\w)[وف]?(?:قال|جدد|شدد)|صرح|تصريح|أعرب|دعا|أدان|تدين|خواستار"
        r"|گفت(?![\u200c ]?و?گو)|بیانیه|تکذیب|ت[اأ]کید (?:کرد|داشت|نمود)|خاطرنشان (?:کرد|ساخت)"
        r"|اعلام کرد"
        r"|(?<!\w)(?:تدعو|يدعو|دعت)(?!\w)"
        r"|(?<!\w)(?:دان|دانت|يدين)(?!\w)|(?:في|فى) حوار|مقابلة"
        r"|محکوم|هنأ|تهنئ|رحب|ترحب|تعزية|التعازي|(?<!\w)[وف]?(?:تعزي|يعزي|عزى|عزت)(?!\w)"
        r"|أشاد|تبریک|مؤتمر صحفي|انتقد",
    ),
    "other": (
        r"\bconcert\b|exhibition|festival|biennale?|biennial|\blogo\b|концерт|выставк|фестивал|sərgi|konsert"
        r"|exposition|ausstellung|konzert|معرض|مهرجان|حفل|احتفال\S*|نمایشگاه|جشنواره"
        r"|culture days|days of (?:\w+ )?culture|дн(?:и|ей|ях) (?:\w+ )?культуры"
        r"|mədəniyyət günləri|culture week|недел\w+ (?:\w+ )?культуры|mədəniyyət həftəsi"
        r"|şənli(?:k|y)\w*|bayram tədbir\w*|празднован\w*|торжественн\w* мероприяти\w*"
        r"|qastrol\w*|гастрол\w*|vəfat ed\w*"
        r"|(?:\d+-?летие|годовщин\w*|юбиле\w*) (?:\S+ ){0,6}отметил\w*"
        r"|هفته (?:\S+ )?فرهنگ|روزهای فرهنگ"
        r"|competition|contest|конкурс\w*|müsabiqə\w*|concours|wettbewerb|مسابقة"
        # an anniversary celebrated is a ceremony of its own
        r"|celebrat\w* (?:\S+ ){0,8}anniversary|\bweek in review\b|series of (?:\S+ ){0,2}events\b"
        r"|\bcelebrations? (?:start|starts|started|begin|begins|began|kick\w* off)\b"
        r"|\bmark(?:s|ed|ing)? (?:the )?(?:\S+ ){0,6}(?:birthday|anniversary)\b"
        # a ceremony held is its own news, unless it opens, signs or awards something
        r"|(?<!opening )(?<!closing )(?<!signing )(?<!award )(?<!awards )(?<!awarding )"
        r"(?<!inauguration )(?<!prize-giving )ceremony (?:\S+ ){0,12}?(?:was|has been|were) held"
        r"|\bhosts? (?:\S+ ){0,2}ceremony"
        r"|(?:состоял\w*|прош(?:ла|ли)) (?:\S+ ){0,2}церемони\w*(?! (?:награждени|подписани"
        r"|открыти|закрыти|вручени|инаугураци))"
        r"|(?<!açılış )(?<!imzalanma )(?<!mükafatlandırma )mərasim\w* keçiril(?:ib|di)"
        rf"|{OPENING_CEREMONY}|{OPENING_AZ}",
    ),
}
# the sentence after a lead that says the lead was somebody's words: "Об этом заявил
# министр ...", "\"Report\"un məlumatına görə, bunu nazir ... deyib", "This was stated by"
SAID_THIS = re.compile(
    r"^(?:.{0,120}?,\s*)?(?:об этом|bunu|bu sözləri|с (?:этим|таким) (?:предложением|призывом"
    r"|заявлением)|bu (?:təkliflə|çağırışla))\s[^.]{0,250}?(?:заявил|сказал|отметил|написал"
    r"|выступил|подчеркнул|сообщил\w* журналист|deyib|söyləyib|qeyd edib|vurğulayıb|bildirib"
    r"|yazıb|çıxış edib)"
    r"|^(?:this|these words) (?:was|were) (?:said|stated|noted|spoken) by\b"
    # "Dr AlMalik a fait cette déclaration lors de ...", "c'est ce qu'a déclaré ..."
    r"|^(?:.{0,80}?,\s*)?\S+(?: \S+){0,3} a (?:fait cette déclaration|tenu ces propos)"
    r"|^c'est ce qu'a (?:déclaré|affirmé|indiqué|souligné)\b"
)
COMPILED = {k: re.compile("|".join(v)) for k, v in RULES.items()}
COMPILED_STRONG = {k: re.compile("|".join(v)) for k, v in STRONG.items()}
PRIORITY = (
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
MIN_SCORE = 1.0
# what people do together, as against what they say: a lead that tells one of these
# makes a headline of reaction ("Minister praises ties") the words said at it (not an
# agreement: "welcomes the signing" reacts to it)
ACTS = ("meeting", "visit", "phone_call")
SOCIAL_POST = re.compile(_SOCIAL_POST)  # words posted on a social network
AS_REPORTED = re.compile(_AS_REPORTED)  # "As reported earlier, ...": a follow-up's recap
REACTION = re.compile(
    r"\b(?:lauds?|praise[sd]?|hails?|commends?|stresse[sd]|highlights?|underlines?"
    r"|emphasi[sz]e[sd]|reaffirms?|welcomes?|urges?|appreciates?|thanks)\b"
    r"|(?<!\w)(?:يثمن|ثمن|يشيد|أشاد|يؤكد|أكد)(?!\w)|высоко оцени\w*|приветствова\w*"
    r"|yüksək qiymətləndir\w*|alqışla\w*"
    # what one side told the other: "Глава МИД рассказал генсеку ОЭС об ..." over a call
    r"|\b(?:told|informs?|informed|briefs?|briefed)\b|рассказал\w*|проинформировал\w*"
    r"|məlumat verib"
)
# Nouns of setting ("on the sidelines of the forum") and verbs of speech ("he said") are
# context in most reports: they weigh less than the verbs of meeting, visiting, signing.
WEIGHT = {"conference": 0.6, "statement": 0.7, "announcement": 0.9}
STRONG_WEIGHT = 2.0
