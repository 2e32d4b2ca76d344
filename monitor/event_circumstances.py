"""What looks like an event but is not the news (data, no logic): the circumstances that
:func:`monitor.classify.event_type` leaves out before it counts a type's phrases.

A visit told as the setting ("who is on a visit to Baku"), a title ("the newly elected
Director-General"), a decree signed, a status lost, a sentence that looks back. The
phrase tables themselves are in :mod:`monitor.event_rules`.
"""

from __future__ import annotations

import re

# Never a visit, even in a headline: a courtesy visit is a meeting (counted there); "the
# visiting prime minister" is who; "who concluded (completed) his visit" is the setting.
NOT_A_VISIT = re.compile(
    r"courtesy visit|visite de courtoisie|визит вежливости|nezaket ziyareti|makamında ziyaret\w*"
    r"|\bvisiting (?=(?:\S+ ){0,3}(?:prime minister|president|minister|crown prince|king|emir"
    r"|delegation|leader|speaker|guest|counterpart))"
    r"|(?:conclud|complet)\w+ (?:\S+ ){0,3}visit\b"
    # visitor figures: "the most visited museums", "müzeleri ziyaret edenlerin sayısı"
    r"|most visited|ziyaret ed(?:en|enler\w*|ilen)\b|ziyaretçi\w*|qastrol səfər\w*"
)

# "welcomes the new ambassador", "TSUULL Welcomes TÜRKSOY General Secretary": a guest
# received (a meeting), not a reaction to news ("welcomes the President's decision")
WELCOMED_GUEST = (
    r"welcom\w+ (?:the )?(?:new\w* )?(?:\S+ ){0,3}(?:ambassadors?|envoys?|delegations?"
    r"|secretary|minister|president|director|rector|chairman|governor|speaker)\b(?!['’])"
)

# "attended the opening of the Carpet Museum": a ceremony (other), not a conference
OPENING_CEREMONY = (
    r"(?:(?:opening|inauguration)(?: ceremony)? of|inaugurat(?:e|ed|es|ing)) (?:the |a |an )?"
    r"(?:new )?(?:\S+ ){0,4}?(?:museum"
    r"|school|park|library|monument|mosque|hospital|factory|plant|bridge|road|building|complex"
    r"|dam|power station|railway|airport|highway|terminal|headquarters|office|bureau|branch"
    r"|theat(?:re|er)|stadium|university|campus|embassy|embassies|consulate|representation)s?\b"
    # "الافتتاح الرسمي لفعاليات موسم أصيلة": the opening of a season, a festival, a museum
    r"|(?:حفل )?(?:ا?لافتتاح|افتتاح) (?:الرسمي )?(?:\S+ ){0,2}?\S*(?:موسم|مهرجان|معرض|متحف)"
    # Persian: "سد و نیروگاه ... را افتتاح کردند", "موزه ... افتتاح شد"
    r"|(?:سد|نیروگاه|موزه|نمایشگاه|جشنواره|پل|مدرسه|دانشگاه|کتابخانه|مسجد|بیمارستان)\S* "
    r"(?:\S+ ){0,6}?(?:را )?افتتاح (?:شد|کرد|کردند|گردید)"
)

# "Xalça Muzeyinin açılışında iştirak edib": the same, in Azerbaijani
OPENING_AZ = (
    r"(?:muzey|məktəb|park|kitabxana|abidə|məscid|xəstəxana|zavod|körpü|bina|kompleks|teatr"
    r"|stadion|universitet)\w* (?:\S+ )?açılış\w*"
)

# A status lost ("a goodwill ambassador no more", "stripped of the title") or denied ("did
# not award", "refutes reports") is no award.
NEGATED = re.compile(
    r"\bno (?:more|longer)\b|stripped of|revok\w+|withdrawn|\brefut\w+|\bden(?:y|ies|ied)\b"
    r"|\b(?:did not|didn't|has not|hasn't|never) (?:\S+ )?(?:award|confer|grant|honou?r)\w*"
    r"|больше не|лишил\w*|лишен\w*"
    r"|artıq\b.{0,40}\bdeyil|məhrum\w*|n'est plus|nicht mehr|aberkannt|لم يعد|سلب"
)
# A sentence that looks back (a recalled event, a year well before the article's) is
# background: its verbs are not the news.
# "As reported earlier, the session was held ...": the paper's own earlier news, whose
# follow-up starts after it (not "as reported by Trend", a source)
AS_REPORTED = (
    r"as (?:we )?(?:have )?(?:previously |earlier |already )?reported(?! by)"
    r"|как (?:уже |ранее )?сообщалось|как (?:мы )?(?:уже |ранее )?сообщали"
    r"|xəbər verdiyimiz kimi|məlum olduğu kimi"
    r"|(?:daha önce|önceki haberlerimizde) (?:bildirdiğimiz|duyurduğumuz)"
    r"|comme (?:nous l'avons|déjà) (?:annoncé|rapporté|signalé)"
)
LOOKS_BACK = re.compile(
    r"recall\w*|remind\w*|напомн\w*|xatırlat\w*|rappel\w*|erinnert\w*|years? ago|last year"
    rf"|в прошлом году|ötən il|keçən il|{AS_REPORTED}",
)
# A visit told as the setting of another event ("received the minister, who is on a
# visit to Baku", "met ... as part of his visit") is circumstance, not the news: these
# phrases are not counted as visits.
CIRCUMSTANCE = {
    # a forum or a session held by video is still a session, not a call: "at the 84th
    # Diplomatic Forum, held via videoconference"
    "phone_call": re.compile(
        r"(?:forum|conference|session|summit|webinar|seminar|assembly|council|committee)\w*,? "
        r"(?:\S+ ){0,2}(?:held|organi[sz]ed|convened|took place|taking place) (?:via|by|through"
        r"|over|in the format of|as) (?:an? )?(?:video ?-?conferenc\w*|video link"
        r"|videoconferenc\w*)"
        # "The Forum kicked off on Monday, face-to-face in Rabat and virtually"
        r"|(?:forum|conference|session|summit|seminar|assembly)\w* (?:\S+ ){0,3}?(?:kicked off"
        r"|opened|began|started|(?:was )?held) (?:\S+ ){0,14}?(?:virtually|online"
        r"|(?:via|by|through) (?:an? )?video ?-?conferenc\w*|in (?:an? )?"
        r"(?:hybrid|virtual|online) (?:format|mode))"
    ),
    "visit": re.compile(
        r"(?:who is|who are|currently|being|\bon|during|as part of|within the framework of"
        r"|in the framework of|in the course of|within) (?:\S+ ){0,4}visit\b"
        r"|находящ\w+ (?:\S+ ){0,4}с (?:\S+ )?визитом|в (?:рамках|ходе) (?:\S+ ){0,2}визита"
        r"|səfərdə olan|səfəri çərçivəsində|səfəri zamanı|ziyaret\w* kapsamında"
        r"|(?:en marge|lors|au cours|dans le cadre) d[e']\s?(?:sa|la|leur|cette) visite"
        r"|en visite (?:officielle |de travail )?"
        r"(?:en|au|à)|في إطار زيارة|خلال زيارة|الذي يزور"
        # a visit yet to come is the subject of a call or an announcement, not a visit
        r"|(?:upcoming|forthcoming|planned|future|possible|expected|next) (?:\S+ ){0,2}visit"
        # a courtesy visit to someone is a meeting (counted there)
        r"|courtesy visit"
        r"|предстоящ\w+ (?:\S+ ){0,2}визит\w*|gələcək səfər\w*"
    ),
    # a prize launched or open for nominations is an announcement, not an award
    "award": re.compile(
        # congratulations on an award are a statement: "congratulated the President on
        # being awarded the order"
        r"congratulat\w* (?:\S+ ){0,8}?on (?:\S+ ){0,2}(?:being awarded|(?:the )?award\w*"
        r"|receiving)(?: (?:with )?(?:the )?(?:\S+ ){0,3}?(?:order|medal|prize|title)(?: of)?)?"
        r"|поздрави\w* (?:\S+ ){0,6}?с (?:\S+ )?(?:награжден|присвоени|вручени)\w*"
        r"|(?:təltif|mükafat)\w* (?:\S+ ){0,3}münasibətilə|"
        r"(?:launch\w*|lance\w*|establish\w*|invites? applications for|applications for"
        r"|apply for|can apply|to apply"
        r"|nominations? for|call for|submissions? (?:to|for)|deadline|candidatures? (?:au|pour"
        r"|du)|date limite|заявк\w* на|учрежд\w*|учредит\w*|تطلق|إطلاق) (?:\S+ ){0,6}?[«\"“']?"
        r"(?:prize|award|prix|премию|премии|орден\w*|медал\w*|جائزة)"
        # "a new order ... will be established"
        r"|(?:орден|медал|преми)\w* (?:\S+ ){0,6}(?:будет |будут )?учрежд\w*"
        # a World Heritage site "ausgezeichnet" is listed (an announcement), not decorated
        r"|welterbe\w* (?:\S+ ){0,6}?ausgezeichnet|zeichnet (?:\S+ ){0,6}?aus\b"
        r"|(?:mükafat|orden|medal)\w* (?:\S+ ){0,4}təsis\w*"
        r"|mükafat\w* (?:\S+ ){0,2}müsabiqə\w*"  # an award's contest: its call
        r"|təsis (?:\S+ ){0,4}(?:mükafat|orden|medal)\w*"
        # "فتح باب التقدم لجائزة ...": applications open, no prize given yet
        r"|(?:فتح باب (?:التقدم|الترشح|الترشيح)|تعلن عن) (?:\S+ ){0,2}?\S*جائزة"
        r"|(?:الترشح|الترشيح) \S*جائز\S*|(?:برگزاری|تاسیس|ایجاد) (?:\S+ ){0,2}جایزه"
        # the finalists of a prize are named: the prize is yet to be given
        r"|finalistes? (?:du|de la|des|pour le) (?:\S+ ){0,3}?prix"
        r"|shortlist\w* (?:for|of) (?:the )?(?:\S+ ){0,3}?(?:prize|award)"
        r"|(?:jury|juries|committee|secretariat|regulations|rules) (?:of|for) (?:the )?"
        r"(?:\S+ ){0,6}?(?:prize|award)s?\b"
    ),
    # new envoys welcomed are received (a meeting); a farewell call on the minister is no
    # call for action
    "statement": re.compile(
        WELCOMED_GUEST
        # "President receives the Director-General, lauds ...": praise said at the meeting
        + r"|\b(?:receives?|received|meets|met|hosts|hosted)\b[^.;:]{0,100}?(?:,| and) (?:lauds"
        r"|praises|hails|welcomes|commends|congratulates)\b"
        r"|(?:farewell|courtesy|introductory) calls? on"
    ),
    # a festival or a contest open for entries is news of the call (an announcement); the
    # "newly sworn in" prime minister is who, not what happened
    "other": re.compile(
        # an exhibition visited is the visit's: "ministers visit the museum and exhibition"
        r"\b(?:visit(?:s|ed|ing)?|toured|tours?|tour of) (?:the )?(?:\S+ ){0,8}?"
        r"(?:exhibition|exposition"
        r"|festival|концерт|выставк\w*|sərgi\w*)|"
        # an exhibition extended is the decision's news: "Seerah Exhibition Extended"
        r"(?:extension of|extends?|extended|prolong\w*) (?:the )?(?:\S+ ){0,10}?(?:exhibition"
        r"|festival|exposition)|(?:exhibition|festival|exposition)\w* (?:\S+ ){0,6}?extended\b|"
        r"newly sworn[- ]in|winners? of (?:the |a |an )?(?:\S+ ){0,3}(?:competition|contest)|"
        # a message to the participants of a festival is the message's news
        r"(?:participants|guests|organi[sz]ers) of (?:the )?(?:\S+ ){0,4}?(?:festival|culture days"
        r"|days of (?:\w+ )?culture|exhibition|contest|competition)|"
        r"(?:call for|applications? (?:for|to)|entries (?:for|to)|nominations? for|registration"
        r" for|deadline for|заявк\w* на|при[её]м заявок на|müraciət\w*|فراخوان|باب الترشح ل"
        r"|стартовал\w*|объявлен\w*)"
        r" (?:\S+ ){0,4}?(?:the )?(?:festival|competition|contest|exhibition|фестивал\w*"
        r"|конкурс\w*|выставк\w*|festival\w*|müsabiqə\w*|sərgi\w*|جشنواره|مسابقه|مسابقة|مهرجان)"
        # a contest announced is its call for entries: "announced a poetry competition",
        # "müsabiqəsi elan edib", "объявила конкурс"
        r"|(?:announc\w*|launch\w*|объявил\w*|объявля\w*) (?:\S+ ){0,6}?(?:competition|contest"
        r"|конкурс\w*)|(?:müsabiqə|konkurs)\w* elan\w*"
    ),
    # "the newly elected Director-General" is who, not what happened
    "announcement": re.compile(
        # "inaugurated the museum" is a ceremony (other), not an announcement
        OPENING_CEREMONY + r"|"
        # a decree approving a memorandum concludes it (an agreement)
        r"(?:decree|order|указ|распоряжени|sərəncam|fərman)\w* (?:\S+ ){0,3}"
        r"(?:approv|утвер|təsdiq)\w* (?:of )?(?:the )?(?:\S+ ){0,3}?[\"“«]?(?:memorandum|agreement"
        r"|protocol|convention|treaty|accord|меморандум|соглашени|протокол|конвенци|договор|saziş|müqavilə)\w*|"
        r"newly (?:elected|appointed)|новоизбранн\w*|yeni seçilmiş|təyin (?:olunmuş|edilmiş)"
        # "Shusha, which was selected as the capital in 2023, hosted ...": who, not news
        r"|(?:which|that|who|why(?: \S+){1,5}?) (?:was|were|had been|has been|have been) "
        r"(?:\S+ ){0,2}(?:selected|chosen|named|declared|appointed|elected|proclaimed|designated)\b"
        r"|təyin olunan"
        # the occasion, not the news: "a presentation in connection with Shusha's selection
        # as the capital", "в связи с избранием города Шуша"
        r"|(?:in connection with|on the occasion of|в связи с|по случаю) (?:the |its )?(?:\S+ )?"
        r"(?:election|selection|declaration|appointment|naming|избрани|объявлени|назначени)\w*"
        # an arrival's purpose and the date of its setting are not news to come: "arrived
        # in Islamabad to participate in the session, scheduled to be held on March 22"
        r"|(?:arriv|land|came\b|come\b|comes\b|left\b|leaves\b|leaving\b|depart|visits?\b"
        r"|visiting\b|visited\b|trip\b)\w* (?:(?:to|in|at|for) )?(?:\S+ ){0,10}?to "
        r"(?:attend|take part|participate|chair)\b"
        r"|, (?:which is |that is )?(?:scheduled|set|due|expected) to (?:be held|take place)"
        r"|où (?:il|elle) participera|pour (?:y )?(?:participer|assister|prendre part)\b"
        r"|(?:котор\w+|где) (?:\S+ )?(?:пройд[её]т|пройдут|состоится|состоятся|продлится"
        r"|продлятся)"
        # "прибыл в Казань, где примет участие в форуме": the arrival's purpose
        r"|(?:прибыл\w*|приехал\w*)[^.]{0,80}?где (?:\S+ )?(?:примет|примут|проведет|проведёт"
        r"|проведут|посетит|выступит)\b"
        # a wish is not news to come: "hopes to attend", "expressed his wish to take part"
        r"|(?:hop(?:es?|ed|ing)|wish(?:es|ed)?|desire[ds]?|readiness|ready) to (?:\S+ ){0,2}?"
        r"(?:attend|take part|participate|visit)\b"
        # "expresses desire to nominate Baghdad", "announced its support for the candidate"
        r"|(?:announc\w* |express\w* )?(?:its |his |her |their )?(?:\S+ )?(?:desire|wish|intention"
        r"|aspiration) to (?:\S+ ){0,2}?(?:nominate|host|open|apply|establish|join|sign)\b"
        r"|announc\w* (?:its |his |her |their )?(?:\S+ )?support\b"
        r"|inaugur\w* (?:officielle )?(?:de |of )?(?:la |le |l['’]|the )?(?:\S+ ){0,2}(?:biennale?"
        r"|biennial|exposition|exhibition|festival|salon)"
        r"|(?:подготовк\w*|в преддверии|накануне) (?:к )?(?:\S+ ){0,2}предстоящ\w* (?:\S+ )?"
        r"визит\w*"
        r"|launch\w* (?:\S+ ){0,5}?(?:edition|session|sessions|round|cycle|series) of"
        r" (?:its |the )?"
        r"(?:\S+ ){0,5}?(?:training|course|workshop|programme|program|school|working sessions?"
        r"|seminars?|webinars?)\b|(?:إطلاق|أطلقت|أطلق) (?:\S+ )?دورة"
        r"|(?:ahead of|in preparation for|preparations for) (?:the )?(?:upcoming|forthcoming)"
        r" (?:\S+ )?visit\b|учрежденн\w*"
    ),
    # the setting of talks: "received ... on the sidelines of the summit", "as part of the
    # programme of the forum"; a title ("Chairman of the session of the Council of Foreign
    # Ministers") is who, not what happened
    "conference": re.compile(
        # a portfolio is no training course: "Minister for Education and Professional
        # Training", "Ministry of Labour and Vocational Training"
        r"(?:minist(?:er|ry)|department|directorate|institute|academy|agency) (?:of|for) "
        r"(?:\S+ ){0,5}?trainings?\b|"
        # a press conference is speech to reporters, no session: "took part in a press
        # conference", "пресс-конференции", "mətbuat konfransında iştirak edib"
        r"(?:(?:took|takes|taking) part in|participat\w* in|attend\w*|held|holds?|gave|at) "
        r"(?:a |the )?(?:joint )?(?:\S+ )?(?:press|news) conference"
        r"|(?:press|news) conference|(?:принял\w* участие|участвовал\w*) (?:\S+ ){0,3}?"
        r"пресс-конференц\w*|пресс-конференц\w*"
        r"|media[- ]?(?:sessiya|session|briefing|brifinq)\w*|медиа-?сесси\w*|брифинг\w*|brifinq\w*"
        r"|mətbuat konfrans\w*(?: (?:\S+ ){0,2}iştirak e\w+)?|basın toplantı\w*(?: katıldı)?"
        r"|conférence de presse|pressekonferenz\w*|مؤتمر\S* صحف\S*|نشست خبری|کنفرانس خبری|"
        # the OIC's name until 2011: "the Organisation of the Islamic Conference"
        r"organi[sz]ation of (?:the )?islamic conference|organisation de la conférence islamique"
        # a venue named for congresses: "held at the Shusha Congress Centre"
        r"|(?:congress|convention|conference) (?:centre|center|hall|palace)|конгресс-центр\w*"
        r"|konqres mərkəz\w*|kongre merkez\w*|palais des congrès|kongresszentrum"
        r"|azərbaycanlıları konqres\w*|congress of azerbaijanis|конгресс\w* азербайджанцев"
        r"|منظمة المؤتمر الإسلامي|организаци\w* исламск\w* конференци\w*"
        r"|islam konfransı təşkilatı|"
        r"(?:chairman|chairperson|chair|president|presidency|head) of (?:the )?(?:\S+ ){0,3}?"
        r"(?:session|summit|council|conference|assembly)(?: of (?:the )?(?:\S+ ){0,3}?(?:ministers"
        r"|states|council|conference))?"
        r"|en marge d\w* (?:\S+ ){0,6}?(?:session|conférence|sommet|forum)\w*|"
        # the French traveller's purpose: "pour se rendre à Paris où il participera à ..."
        r"(?:où (?:il|elle) participera|pour (?:y )?(?:participer|assister|prendre part)) "
        r"(?:\S+ ){0,8}?(?:session|conférence|sommet|forum|assemblée|réunion)\w*|"
        r"(?:on|at) the (?:sidelines|margins) of (?:the )?(?:\S+ ){0,6}?(?:summit|forum"
        r"|conference|session|assembly|congress)\w*|as part of (?:the )?(?:\S+ ){0,6}?(?:summit"
        r"|forum|conference|session|congress)\w*"
        r"|на полях (?:\S+ ){0,4}(?:саммит|форум|сесси|конференц|ассамбле)\w*"
        # the English traveller's purpose: "left on a working visit to Mashhad to participate
        # in the meeting of the Council", "off to Iran for ECO ministerial meeting"
        r"|(?:visit|visiting|trip|left|leaves|arrived|arrives|off) (?:\S+ ){0,6}?"
        r"(?:to (?:participate|take part) in|to attend|for) (?:the )?(?:\S+ ){0,8}?"
        r"(?:meeting|session|conference|forum|summit|assembly|council)\w*"
        # the traveller's purpose in Russian, Azerbaijani and Turkish: "прибыл в Париж для
        # участия в сессии", "sessiyasında iştirak etmək məqsədilə Parisə səfər edib"
        r"|для участия в (?:\S+ ){0,6}?(?:сесси|конференц|форум|саммит|заседани|съезд|ассамбле)\w*"
        r"|(?:\S+ ){0,8}(?:iştirak etmək|katılmak) (?:üçün|məqsədilə|için|üzere)"
        r"|в рамках (?:\S+ ){0,4}(?:саммит|форум|сесси|конференц)\w*"
        rf"|(?:attend\w*|participat\w* in|t[oa]ok\w* part in|\S*شار?ك\S* في) (?:the )?"
        rf"{OPENING_CEREMONY}|{OPENING_AZ}(?: mərasim\w*)? iştirak \w+"
        r"|(?:لحضور|للمشاركة (?:في|فى|ب)|ليرأس|ليترأس|لترؤس) (?:\S+ ){0,6}?"
        r"(?:\S*(?:مؤتمر|منتدى|قمة|ندوة|الدورة|ملتقى|اجتماع)\S*)"
        r"|(?:forum|sammit|zirvə|sessiya|konfrans)\w* çərçivəsində|(?<!\w)بمشاركة(?!\w)"
        r"|(?:принял\w* участие|участвовал\w*) в (?:открытии|закрытии) церемони\w*"
        # what a traveller comes for: "arrived in Rabat to attend the General Conference"
        r"|(?:arriv|came\b|come\b|comes\b|left\b|leaves\b|leaving\b|depart)\w* (?:to|in|at|for)"
        r" (?:\S+ ){0,10}?to (?:attend|take part in|participate in) (?:\S+ ){0,10}?(?:session"
        r"|conference|forum|summit|congress|assembly|meeting)\w*"
    ),
    # a meeting held online is a call (counted there), not a meeting in person; talks
    # named as the frame of what was said ("within the framework of the talks, he noted
    # that trade grew") are the setting
    "meeting": re.compile(
        # "was met with great applause": an idiom, no meeting
        r"(?:was|were|been) met with\b|met with (?:\S+ )?(?:applause|approval|interest"
        r"|enthusiasm|criticism|silence|resistance|ovation)|"
        r"(?:online|virtual|video) meeting|онлайн-встреч\w*|videobağlantı vasitəsilə görüş\w*"
        r"|zirvə görüş\w*|müzakirə (?:olunduğu|edildiyi|olunan|edilən)\w*"
        r"|onlayn görüş\w*|within the framework of (?:the )?(?:\S+ ){0,3}(?:talks|negotiations)"
        # "paid a visit to the university, during which he was received by the rector"
        r"|\bvisit\w* (?:\S+ ){0,12}?during which (?:\S+ ){0,3}(?:was |were )?(?:received|met"
        r"|held talks)(?: (?:by|with))?"
        r"|в рамках (?:\S+ ){0,3}переговоров|danışıqlar\w* çərçivəsində"
        # who will receive is news to come (counted as an announcement)
        r"|will (?:\w+ )?receive\b|sera reçue?(?: en audience)?|seront reçus"
    ),
    # a decree, an order or a law signed is a decision; a guest book signed is no treaty;
    # "the memorandum signed with ..." names a past signing
    "agreement": re.compile(
        # congratulations on a signing are a statement (or the call that carried them)
        r"congratulat\w* (?:\S+ ){0,8}?on (?:the )?signing|поздрави\w* (?:\S+ ){0,6}?с подписани\w*"
        r"|(?:memo|memorandum|agreement|accord|protocol|mou)\w* (?:\S+ )?signed"
        r"|(?:decree|order|law|ordinance|указ|распоряжени|sərəncam|fərman)\w* (?:\S+ ){0,2}"
        r"(?:signed|подписан|imzalan)\w*"
        r"|sign\w* (?:an? |the )?(?:\S+ )?(?:decree|order|law|ordinance|resolution|guest book"
        r"|book of (?:honou?r|condolences?)|petition)|подписал\w* (?:\S+ )?(?:указ|распоряжени"
        r"|закон)\w*|(?:sərəncam|fərman|qanun)\w* imzala\w*"
        # agreeing to sign is a signing yet to come, as is one "soon to be signed"
        r"|agree\w* (?:on |to )(?:the )?sign\w*|\bto be signed\b|договорил\w* (?:о )?подписа\w*"
        r"|will be signed|(?:is|are) (?:set|due|scheduled|expected) to sign\b"
        r"|الاتفاق على توقيع(?: مذكرة تفاهم| اتفاقية)?"
    ),
}

# What talks were about is their subject, not an event of its own: "discussed heritage
# nominations", "обсудили подготовку к визиту", "the meeting focused on the programme of
# the conference", "görüşdə ... kafedranın fəaliyyəti müzakirə olunub". Read by every type
# but the talks themselves (a meeting, a call), up to the end of the clause.
TOPIC = re.compile(
    r"(?P<verb>\bdiscuss(?:ed|es|ing)?\b|\bdiscussions? (?:on|about|of)\b|\btalked about\b"
    r"|\b(?:focused|focussed|centred|centered) on\b|\btouched (?:up)?on\b"
    r"|\bexchanged (?:views|opinions) on\b|(?<!\w)(?:обсудил\w*|обсуждал\w*|обсуждени\w*"
    r"|обсудить|обсуждались|обсуждался|обсуждены)(?!\w)"
    r"|\b(?:ont|a) (?:discuté|évoqué|abordé)\b|\b(?:besprachen|erörterten)\b"
    r"|(?<!\S)[وف]?(?:بحث|يبحث|ناقش|يناقش|تناول|تناولت|يتناول|يبحثان|تبحثان|بحثا|يناقشان"
    r"|ناقشا|يتباحثان|تباحثا)(?!\S))"
    # up to the end of the clause, or to what the sides did next ("discussed cooperation
    # and signed a memorandum", "обсудили ... и подписали")
    r"(?P<topic>(?:(?!,? (?:and|и|et|و) ?(?:then |later |also |ont |затем |также )?(?:signed"
    r"|inked|visited|toured|attended|awarded|presented|approved|adopted|signé|visité"
    r"|подписал|посетил|наградил|утвердил|وقع|زار)"
    # ... or to where it was discussed: "discussed at an ICESCO session in Cairo"
    r"| (?:at|during|на|в ходе) (?:an? |the )?(?:\S+ ){0,4}?(?:session|(?<!video )(?<!video-)"
    r"conference|forum|summit|congress|symposium|сесси|(?<!видео)конференц|форум|саммит"
    r"|заседани))[^.;!?\n])*)"
)
# the same in Azerbaijani and Turkish, whose verb closes the clause: the subject before it
TOPIC_BEFORE = re.compile(
    # the clause starts after a stop or a finished verb ("Rabata səfər edib və ... müzakirə
    # edib": the visit is no subject; "X və Y müzakirə olunub": both are); in Persian after
    # "about" ("درباره سفر ... گفت‌وگو کردند")
    r"(?P<lead>^|[,.;:!?\n]|\S(?:ib|ıb|ub|üb|kən) |görüşdə|görüş zamanı|tərəflər|taraflar"
    r"|درباره|در خصوص|در مورد|پیرامون)"
    r"(?P<topic>(?:(?!\S(?:ib|ıb|ub|üb|kən) )[^,.;:!?،؛\n]){0,200}?)"
    r"(?P<verb>(?<!\w)müzakirə (?:olunub|edilib|ediblər|olunacaq|ediləcək|olundu|edildi|edib)"
    r"|(?<!\w)(?:ele alındı|görüşüldü|masaya yatırıldı)|(?<!\w)müzakirə et(?:mək|miş)\w*"
    r"|(?:گفت‌وگو|گفتگو|بحث|رایزنی|تبادل نظر|مذاکره) (?:کردند|کرد|شد|نمودند))"
)
