"""The phrases that name an event beyond doubt (data, no logic), per event type.

They weigh twice a plain hit of :data:`monitor.event_rules.RULES` and are not discounted
as context; :mod:`monitor.classify` explains the weighing.
"""

from __future__ import annotations

import re

# Words posted on a social network are a statement, wherever they are about: "Hajiyev
# took to X", "wrote on his Telegram channel", "X hesabında paylaşıb", "a tweeté"
SOCIAL_POST = (
    r"\btook to (?:x|twitter|facebook|instagram|telegram|linkedin|social media)\b"
    r"|\b(?:posted|wrote|tweeted|shared|said) (?:\S+ ){0,4}?on (?:his |her |its |their )?"
    r"(?:official )?(?:x|twitter|facebook|instagram|telegram|linkedin)\b|\bin a (?:\S+ )?post on\b"
    r"|\btweeted\b|(?:в|на) (?:сво[её]м )?(?:аккаунте|странице|телеграм-канале|telegram-канале)"
    r"|(?:написал\w*|опубликовал\w*) (?:\S+ ){0,3}(?:в|на) (?:соцсет\w*|twitter|x|facebook"
    r"|telegram|instagram)\b|(?:x|twitter|facebook|instagram|telegram|sosial şəbəkə|sosyal medya)"
    r"\w* (?:\S+ )?(?:hesabında|səhifəsində|hesabından|hesabındakı)\b|\ba tweeté\b"
    r"|sur (?:son compte )?(?:x|twitter|facebook)\b|تغريدة|(?<!\w)غرد(?:ت)?(?!\w)"
    r"|عبر (?:حساب\S*|منص\S*) (?:\S+ )?(?:إكس|تويتر|فيسبوك)"
    r"|در (?:پیامی در |صفحه |حساب )?(?:شبکه |کاربری )?(?:ایکس|توییتر|تلگرام|اینستاگرام)"
    r"|حساب (?:\S+ )?(?:توییتری|تلگرامی|اینستاگرامی)"
)

# Phrases that name the event beyond doubt: they weigh twice a plain hit and are not
# discounted as context. Taking office is its own kind of news (no listed type fits);
# a speech given *at* a session is news of the session.
STRONG: dict[str, tuple[str, ...]] = {
    "award": (
        r"awards? ceremony|awarding ceremony|prize-?giving",
        # an order or a decree "on awarding" gives an award, whatever else a decree is
        r"\bon (?:the )?awarding\b|о награждении|təltif edilməsi haqqında",
        # the winners of a prize named: the prize is given ("أسماء الفائزين بجوائزها")
        r"(?:announc\w*|nam(?:es|ed)|unveil\w*) (?:the )?(?:\S+ ){0,3}winners of (?:the )?(?:\S+ )"
        r"{0,4}?(?:prize|award)s?\b|أسماء الفائزين|الفائز\S* ب\S*جائز",
    ),
    # words said while receiving someone were said at the meeting: "وقال خلال استقباله"
    "meeting": (
        r"(?:خلال|لدى|أثناء) (?:استقباله|استقبالها|لقائه|لقائها|اجتماعه|اجتماعها)(?!\w)"
        r"|\b(?:said|stated|noted|stressed) (?:\S+ ){0,3}(?:while|when) receiving\b",
    ),
    # a telephone conversation held is the event wherever the lead names it
    "phone_call": (
        r"(?:held|had|during) (?:a |the )?(?:tele)?phone (?:conversation|call)"
        r"|(?:провел\w*|состоял\w*|в ходе) телефонн\w+ (?:разговор|бесед|переговор)\w*"
        r"|telefon danışığı (?:aparıb|olub|zamanı)|telefon görüşmesi (?:yaptı|gerçekleştirdi)"
        # what was said in a call was said in the call: "Bei einem Telefonat gratulierte"
        r"|\bin an? (?:tele)?phone (?:call|conversation)|(?:bei|in) einem telefonat"
        r"|s'est entretenu\w* (?:\S+ ){0,2}au téléphone|lors d'un entretien téléphonique",
    ),
    "other": (
        r"takes office|took office|assum\w+ (?:office|(?:his|her) (?:duties|post))|sworn in"
        r"|hand-?over ceremony|церемони\w* передачи",
        r"вступил\w* в должность|приступил\w* к (?:исполнению|обязанност)\w*",
        r"vəzifəsin\w* (?:icrasına )?başla\w*|(?:prend|pris)\b[^.]{0,40}? ses fonctions",
        r"amt angetreten|tritt (?:sein|ihr) amt an|تسلم مهامه|يتسلم مهامه"
        r"|(?<!\w)[وف]?(?:باشر|يباشر|تباشر)(?: \S+){0,8}? مهام(?:ه|ها)",
        # the opening of a year as a capital, a festival, days of culture: a ceremony
        r"(?:opening|closing) ceremony of (?:the )?\W?(?:\S+ ){0,8}?(?:capital|festival|exhibition"
        r"|days|week)\b|церемони\w* (?:открытия|закрытия) (?:\S+ ){0,6}?(?:столиц|фестивал"
        r"|выставк|дней|недел)\w*|(?:başkenti|paytaxtı|festival\w*|sergisi|günləri|günleri)\S*"
        r" (?:\S+ )?(?:açılış|bağlanış|kapanış) (?:tören|mərasim)\w*"
        r"|(?:заключительн|торжественн)\w* (?:мероприяти|церемони)\w* (?:\S+ ){0,6}?(?:столиц"
        r"|фестивал|выставк|дней|недел)\w*"
        # "Doha, Capital of Culture in the Islamic World 2021, ends": its year closed
        r"|\b(?:capital|festival|days|week|season|exhibition)\b(?: \S+){0,8}? (?:ends|concludes"
        r"|closes|wraps up|comes to an end)\b",
        # a book, a translation or a catalogue out: news of neither a decision nor an event
        r"(?:publish|releas|unveil)\w* (?:an? |the |its |his |her )?(?:\S+ ){0,4}?(?:book"
        r"|translation|catalogue"
        r"|catalog|facsimile|anthology|monograph|album|guide|atlas|encyclopa?edia|dictionary)s?\b"
        r"|(?:book|translation|catalogue|catalog|facsimile|anthology|monograph|album|guide"
        r"|atlas|encyclopa?edia|dictionary)s?,?"
        r" (?:\S+ ){0,6}?(?:published|released|presented)\b"
        # "Igbalname by Nizami Ganjavi published in Uzbekistan": a work by its author
        r"|(?<!signed )(?<!issued )(?<!adopted )(?<!approved )\bby (?:\S+ ){1,5}?"
        r"(?:(?:has|have) been |was |were )?(?:published|translated)\b"
        r"|презентова\w* (?:\S+ ){0,2}книг\w*|книг\w* (?:\S+ ){0,8}?(?:издан|презентова)\w*"
        r"|открыти\w* церемони\w*"
        # "Official Launch of ICESCO Year of Women", "Lancement officiel de l'Année de ..."
        r"|\blaunch (?:of )?(?:the )?(?:\S+ ){0,3}year of\b|lancement (?:\S+ )?de l['’]année\b"
        r"|(?:издал\w*|издан\w*|вышл\w*|вышел) (?:\S+ ){0,3}"
        r"(?:книг|перевод|каталог|сборник|факсимил|монографи)\w*"
        r"|(?:kitab|tərcümə|kataloq|monoqrafiya|faksimile)\w* (?:\S+ ){0,4}"
        r"(?:nəşr (?:olunub|edilib)|işıq üzü görüb)",
        # a headline's genre label: an editorial, an opinion, an analysis is no report
        r"^\W*(?:\[(?:édito|opinion|analyse|analysis|op-ed|tribune|chronique)\]"
        r"|(?:édito|éditorial|opinion|analysis|analyse|op-ed|chronique|tribune|column)\s*[:|])",
    ),
    # what is yet to happen: the news is that it will ("will attend", "представит")
    "announcement": (
        # a capital named, an exhibition extended: decisions ("Cairo named Islamic world's
        # capital of culture", "Bukhara designated as capital", "extended for six months")
        r"\bextended (?:for|until|till|through|by)\b|\bextension of (?:the )?(?:\S+ ){0,6}?"
        r"(?:exhibition|festival|deadline|mandate|term)\b|(?<!\w)نامید(?!\w)|نامگذاری"
        r"|برگزار (?:خواهد شد|خواهند شد|می[\u200c ]?شو(?:د|ند))"
        r"|خواهد بود|خواهند بود|خواهد آمد|خواهند آمد|می[\u200c ]?آی(?:د|ند)(?!\S)"
        r"|برپا (?:می[\u200c ]?شود|خواهد شد)|(?:هفته|ماه|سال) (?:آینده|آتی)(?!\S)",
        r"will (?:\w+ )?(?:attend|take part|participate|represent|chair|be held|be represented"
        r"|commence|begin)\b"
        r"|\bto (?:attend|take part|participate|chair)\b|to be held|(?:is|are) going to\b"
        r"|\bplans? to (?:visit|meet|hold|sign|attend|open|host|establish|launch|submit|nominate"
        r"|apply|build|create|introduce)\b|will (?:\w+ )?lead (?:\S+ ){0,3}delegation"
        r"|(?:is|are) expected to (?:visit|meet|arrive|attend|hold|sign|take part|participate)\b"
        # a partner or an organiser joins an event: "ICESCO becomes partner of the festival"
        r"|\bbec(?:ame|omes) (?:an? |the |one of the )?(?:\S+ )?(?:partners?|co-?organi[sz]ers?"
        r"|organi[sz]ers?|sponsors?|members?)\b|стал\w* (?:\S+ ){0,2}(?:партн[её]р\w*"
        r"|соорганизатор\w*|организатор\w*|член\w*)|(?:tərəfdaş|təşkilatçı|üzv)\w* (?:\S+ )?"
        r"(?:oldu|olub|sırasına daxil ol\w*)|üyesi (?:oldu|olmuştur)"
        r"|est devenue? (?:\S+ )?(?:partenaire|co-?organisat\w*|membre)"
        # "Aserbaidschan wurde Mitglied des Ausschusses", "ist Mitglied ... geworden"
        r"|\b(?:wurde|wird) (?:\S+ ){0,2}mitglied\b|\bmitglied (?:\S+ ){0,6}geworden\b",
        r"будет представлен\w*|представит\b|примет участие|пройд[её]т\b|пройдут\b"
        r"|предлож(?:ит|ат)\b|перейд[её]т\b|направ(?:ит|ят)\b|предложил\w* (?:\S+ )?провести\b"
        r"|стан(?:ет|ут) (?:\S+ ){0,2}(?:председател|член|партн[её]р|столиц|хозя)\w*"
        r"|состо(?:ит|ят)ся\b"
        r"|посетит\b|прибуд(?:ет|ут)\b|поед(?:ет|ут)\b|отправ(?:ится|ятся)\b|пробуд(?:ет|ут)\b"
        r"|соверш(?:ит|ат) (?:\S+ ){0,2}визит\w*"
        r"|встрет(?:ит|ят)ся\b|подпиш(?:ет|ут)\b"
        r"|буд(?:ет|ут) (?:\S+ )?(?:проведен|открыт|подписан)\w*"
        r"|буд(?:ет|ут) учрежд\w*|провед(?:ёт|ет|ут)\b|ожида(?:ется|ются)\b|примет\b"
        r"|поучаству\w+"
        r"|планиру\w* (?:\S+ ){0,2}\w+(?:ть|ться)\b",
        # a visit or a session put off: the news is that it will not take place then
        r"(?:has been|have been|was|were|is|are) (?:postponed|deferred|rescheduled|called off"
        r"|cancell?ed)\b|"
        r"will (?:\w+ )?be (?:commissioned|opened|launched|inaugurated|established|set up"
        r"|unveiled)\b"
        # a decree's title: "О проведении в городе Баку ..." (on holding ...)
        r"|^\W*о проведении\b"
        r"|will (?:\w+ )?pay (?:an? )?(?:\w+ )?(?:visit|trip)\b"
        # "Tout savoir sur la prochaine visite de ...", "the upcoming visit of ..."
        r"|\b(?:upcoming|forthcoming) (?:\S+ )?(?:visit|trip)\b|prochaine visite|visite annoncée"
        r"|\b(?:bientôt|prochainement) (?:au|à|en|aux)\b"
        r"|предстоящ\w* (?:\S+ )?визит\w*|qarşıdakı səfər\w*|(?:الزيارة المرتقبة|زيارة مرتقبة)"
        r"|will (?:\w+ )?(?:meet|visit|host|hold|organi[sz]e|launch|open|sign|start|begin"
        r"|mark\w*|celebrate|observe|establish|create|set up|build|introduce|receive)\b",
        r"iştirak edəcək|təmsil edəcək|keçiriləcək|sədrlik edəcək|təmsil olunacaq|başlayacaq"
        r"|olacaq\b|imzala\w*(?:acaq|əcək)\b|görüşəcək(?:lər)?\b|\w+(?:acaq|əcək)(?:lar|lər)\b|yapılacak|düzenlenecek|başlayacak|gerçekleştirilecek|katılacak"
        r"|ziyaret edecek\w*|ziyaretinde bulunacak|görüşecek\b|imzalayacak|ağırlayacak"
        # an Azerbaijani passive future: "paytaxtı elan ediləcək" (will be declared)
        r"|\w+(?:iləcək|ılacaq|ulacaq|üləcək)\b|(?<!\w)edəcək(?:lər)?\b|(?<!\w)(?:yapacak|edecek)\b"
        r"|səfər\w* (?:\S+ ){0,3}(?:edəcə|gələcə|gedəcə)\w*|səfərə gəlir\b",
        # an election and a heritage inscription are decisions, whatever session took them
        r"\belect(?:s|ed)\b (?:\S+ ){1,5}?as\b|\b(?:inscrib(?:es|ed|ing)|inscription)\b"
        r"(?: \S+){0,10}? (?:on|in|into|to) (?:the )?(?:\S+ ){0,8}?list",
        # German "erklärt Schuscha zur Kulturhauptstadt": a title given, no statement
        # (not "erklärte der Minister zum Auftakt": said at the start)
        r"erklär\w* (?:\S+ ){1,3}(?:zur|zum) (?:\S+ ){0,2}?(?:\w*hauptstadt|\w*welterbe"
        r"|ehrenbürger)|\b(?:zur|zum) (?:\S+ ){0,2}?(?:\w*hauptstadt|\w*welterbe|ehrenbürger)\w*"
        r" (?:\S+ ){0,5}erklärt\b",
        r"se tiendra|\btiendr(?:a|ont)\b|aura lieu|participera|représentera|organisera"
        r"|sera reçue?\b|seront reçus|sera signée?\b|sera inauguré"
        r"|accueillera|lancera"
        # the near future: "L'ICESCO va célébrer vendredi ...", "vont signer"
        r"|\b(?:va|vont) (?:\S+ )?(?:célébrer|organiser|accueillir|signer|lancer|ouvrir|tenir"
        r"|participer|visiter|se rendre|recevoir|présenter|abriter|inaugurer|annoncer)\b"
        r"|visitera|entamera|effectuera|se rendra|rencontrera|signera|doit se rendre"
        r"|(?:est |sont )?attendue?s? (?:le \d|à |au |en )|devrait (?:se rendre|participer|signer)"
        r"|(?:wird|werden) (?:\S+ ){0,20}?(?:zusammentreffen|treffen|unterzeichnen|besuchen|reisen"
        r"|empfangen|eröffnen|teilnehmen"
        r"|stattfinden|vertreten)",
        r"سيشارك|سيعقد|ستعقد|ستستضيف|سيمثل|سي?لتق[يى]|ستلتقي|سيزور|ستزور|سيستقبل|سيوقع"
        r"|سيترأس|سيحضر|سيفتتح|برگزار خواهد شد|خواهد شد"
        r"|(?<!\w)(?:غدا|غدًا|غداً|بعد غد)(?!\w)"
        # "تعقد ... فبراير المقبل": held next February
        r"|(?:تعقد|يعقد|تنظم|ينظم|تستضيف|يستضيف)\S* (?:\S+ ){0,10}?(?:المقبل|القادم)(?!\w)",
    ),
    # an agreement approved or ratified is concluded: "a decree on the approval of the
    # Memorandum of Understanding", "ratified the agreement"
    "agreement": (
        # a country's accession signed: "The document on the accession ... was signed"
        r"(?:document|instrument|charter|protocol)s? (?:\S+ ){0,8}?(?:was|were|has been) signed"
        r"|\bacced(?:es|ed|ing) to\b",
        # a memorandum signed is the news, whatever session it was signed at
        r"\bsign(?:s|ed)\b (?:an? |the |two |three )?(?:\S+ ){0,3}?(?:memorand\w*|mous?\b"
        r"|agreements?\b)",
        r"(?:approv\w*|ratif\w*) (?:of )?(?:the |an? )?(?:\S+ ){0,3}?[\"“«]?(?:memorandum|mou"
        r"|agreement|protocol|convention|treaty|accord|programme|program|joint (?:action )?plan"
        r"|(?:action|cooperation) plan|plan of (?:joint )?(?:action|cooperation)|road ?map)\b"
        r"|(?:memorandum|agreement|protocol|convention|treaty)\b(?: \S+){0,12}? (?:was|were"
        r"|has been|have been|is) (?:approved|ratified)",
        r"(?:утвер\w*|ратифи\w*) (?:\S+ ){0,3}?[\"“«]?(?:меморандум|соглашени|протокол"
        r"|конвенци|договор|программ\w* (?:\S+ )?сотрудничеств|дорожн\w* карт)\w*",
        # a programme or a roadmap of cooperation approved by its sides
        r"(?:memorandum|saziş|protokol|konvensiya|müqavilə|(?:əməkdaşlıq|işbirliği)\w*"
        r" (?:\S+ ){0,2}?(?:proqram|program|yol xəritə|yol harita))\w* (?:\S+ ){0,2}?"
        r"(?:təsdiq|ratifikasiya|onayla)\w*",
    ),
    # headline verbs of reaction: the reaction is the news ("ICESCO welcomes ...")
    "statement": (
        r"\b(?:welcomes|condemns|hails|denounces|deplores|mourns|urges|congratulates|calls for"
        r"|praises|lauds|commends)\b|\bthanks? (?!to\b)(?:\S+ ){0,6}?for\b"
        r"|expressed (?:his |her |its )?(?:deep |sincere )?gratitude"
        r"|(?:made|make|issued?|adopted?) (?:a |the )?joint (?:statement|declaration)",
        r"осуждает|приветствует|поздравляет|призывает|qınayır|alqışlayır|təbrik edir|çağırır"
        r"|прокомментировал\w*|прида(?:ет|ют|л|ла|ли) (?:\S+ )?значени\w*"
        r"|\battach(?:es|ed)? (?:\S+ )?importance\b|(?:xüsusi )?əhəmiyyət verir"
        r"|\brenew(?:s|ed)? (?:its |his |her |their )?(?:\S+ )?commitment",
        r"(?<!\w)(?:أدان|أدانت|تدين|يدين|استنكر|استنكرت|تستنكر|يستنكر|ندد|نددت|تندد|يندد"
        r"|شجب|شجبت|تشجب|يشجب)(?!\w)|اظهارات|اظهار (?:کرد|داشت|نمود)"
        r"|ابراز (?:امیدواری|خرسندی|نگرانی|تاسف|تأسف|همدردی|رضایت)",
        # a message of congratulation or condolence sent: "a adressé un message de
        # félicitations", "sent a message of condolence"
        r"message (?:de |of )(?:félicitations|condoléances|congratulations?|condolences?)"
        r"|(?:congratulatory|condolence) (?:message|letter)"
        r"|(?:раскрыл|рассказал)\w* (?:\S+ ){0,2}детал\w*|reveal(?:s|ed)? (?:\S+ ){0,2}details",
        # a book of condolence signed at an embassy: the condolence, not a visit or a signing
        r"\binterview (?:with|to|given to|granted to)\b|\bin an interview\b|\bgave an interview"
        r"|book of condolences?|condolence book|memorial book|книг\w* (?:соболезнован|памяти)\w*"
        r"|başsağlığı kitab\w*|xatirə kitab\w*|دفتر (?:یادبود|تسلیت)|(?:دفتر|سجل) التعازي"
        r"|ابراز تسلیت|پیام تسلیت|مراتب تسلیت",
        # words posted on a social network: "took to X", "wrote on his Telegram channel"
        SOCIAL_POST,
        # a denial: "the reports do not reflect reality"
        r"(?:do|does) not (?:reflect|correspond to) (?:the )?(?:truth|reality|facts)"
        r"|не соответству\w* действительност\w*|həqiqəti (?:əks etdirmir|əks etdirməyib)",
    ),
    "conference": (
        # a body or ministers meeting is a session, not talks between two sides
        r"\b(?:(?:council|committee|board|assembly)|ministers(?: of (?:\S+ ){0,4}?\S+)?)"
        r" (?:meets?|met|convene[sd]?)\b"
        r"|встреч\w* министров|bakanlar\w* (?:\S+ ){0,3}(?:buluştu|toplandı|bir araya geldi)",
        # a conference held is the event, whatever "В Баку обсудили ..." says above it
        r"(?:прош(?:ла|ло|ел|ёл|ли)|состоял\w*|состоявш\w*|открыл\w*) (?:\S+ ){0,3}(?:конференц"
        r"|совещани"
        r"|семинар|форум|симпозиум|круглый стол|конгресс|сесси|заседани)\w*"
        r"|(?<!\w)(?:konfrans|seminar|forum|simpozium|dəyirmi masa|konqres|sessiya|diskussiya)\w*"
        r" keçiril(?:ib|di|miş)\w*",
        r"(?:said|stated|noted|speaking|spoke|address\w*|speech|remarks|keynote|lecture"
        r"|deliver\w*|(?:national )?statement)"
        r"(?: \S+){0,4} (?:at|during|to) (?:\S+ ){0,8}(?:session"
        r"|(?<!press )(?<!news )conference|forum|summit|congress|assembly|symposium|meeting of)"
        r"|\b(?:as|while|when) (?:he|she|they) address(?:ed|es)? (?:the )?(?:\S+ ){0,6}?(?:session"
        r"|conference|forum|summit|congress|assembly|meeting of)"
        r"|^\W*statement by [^:]{0,160}? (?:at|to|before) (?:the )?(?:\S+ ){0,16}?(?:session"
        r"|conference|forum|summit|congress|assembly|committee|council|meeting of)"
        r"|(?:remarks|said|stated|spoke|speech)(?: \S+){0,3} (?:while|when) address\w* "
        r"(?:\S+ ){0,2}(?:meeting|session|conference|forum|summit|assembly|congress)"
        r"|inaugurat\w* (?:the )?(?:\S+ ){0,4}(?:conference|forum|summit|session|congress"
        r"|symposium|assembly)"
        # "Baku hosts opening of international conference on ...", "the opening ceremony of
        # the forum was held": the session opened
        r"|\bhost(?:s|ed)? (?:the )?opening of (?:an? |the )?(?:\S+ ){0,3}?(?:conference|forum"
        r"|summit|congress|symposium|session)|opening ceremony of (?:an? |the )?(?:\S+ ){0,3}?"
        r"(?:conference|forum|summit|congress|symposium|session)\b"
        # what a session discussed: "heritage discussed at an ICESCO session in Cairo"
        r"|discussed (?:\S+ ){0,3}?(?:at|during) (?:an? |the )?(?:\S+ ){0,4}?(?:session|plenary"
        r"|(?<!press )(?<!news )(?<!video )(?<!video-)conference|forum|summit|congress|symposium"
        r"|general assembly)|обсу(?:дил|жд)\w* (?:\S+ ){0,3}?на (?:\S+ ){0,4}?(?:сесси"
        r"|(?<!видео)конференц|форум|саммит"
        r"|заседани|съезд)\w*|(?:sessiya|konfrans|forum|sammit|iclas)\w*(?:da|də) (?:\S+ ){0,6}?"
        r"müzakirə (?:olunub|edilib)",
        r"(?:сказал\w*|заявил\w*|отметил\w*|выступил\w*|выступая|говорится)(?: \S+){0,3}"
        r" (?:в ходе|на) (?:\S+ ){0,5}(?:сесси|конференц|форум|саммит|заседани|съезд|ассамбле)\w*"
        r"|начал\w* (?:свою )?работу (?:\S+ ){0,6}(?:форум|конференц|сесси|саммит|съезд|ассамбле"
        r"|заседани)\w*|(?:форум|конференц|сесси|саммит|съезд)\w* (?:\S+ ){0,6}начал\w* (?:свою )?"
        r"работу",
        r"(?:forum|konfrans|sessiya|sammit|iclas|konqres|qurultay|simpozium|komitə|assambleya)\w*"
        r" (?:\S+ )?(?:çıxış|iştirak)",
        # a German session begun: "hat die 43. Sitzung des Komitees begonnen"
        r"(?:sitzung|tagung|konferenz|gipfel|beratungen)\w* (?:\S+ ){0,4}(?:begonnen|eröffnet)\b"
        r"|\b(?:beginnt|begann|eröffnet|eröffnete) (?:\S+ ){0,2}(?:beratungen|sitzung|tagung)",
        r"(?:discours|allocution)\w* (?:\S+ ){0,6}(?:à|lors d\w*|devant) (?:\S+ ){0,4}(?:réunion"
        r"|session|conférence|sommet|forum|assemblée|congrès)"
        r"|(?:a déclaré|a souligné|a affirmé)(?: \S+){0,4} lors d\w* (?:\S+ ){0,4}(?:session"
        r"|conférence|forum|sommet)|(?:sagte|erklärte) (?:\S+ ){0,4}auf (?:\S+ ){0,4}"
        r"(?:konferenz|tagung|sitzung|gipfel|forum)",
        # "وقال في كلمته في افتتاح المؤتمر", "سخنرانی ... در نشست"
        r"(?:كلمته?|كلمة|خطاب)\S* (?:\S+ ){0,4}(?:في|أمام|خلال) (?:\S+ ){0,5}?\S*(?:مؤتمر|الدورة"
        r"|منتدى|القمة|اجتماع|ندوة|ملتقى)|(?:سخنرانی|سخنان) (?:\S+ ){0,4}در (?:\S+ ){0,5}?"
        r"(?:نشست|اجلاس|کنفرانس|همایش)",
    ),
}


# "The statement was part of Dr. AlMalik's address at the 47th session of the Council":
# what the lead said was a speech at a session, however far down the page that is said
SPEECH_PART_OF = re.compile(
    r"\b(?:the|this|these|his|her) (?:statement|remarks|words|call|appeal|comments?)s? (?:was"
    r"|were|came) (?:made )?(?:part of|in|during|at|within) (?:\S+ ){0,6}?(?:address|speech"
    r"|remarks|participation|intervention|keynote|lecture|presentation)\w* (?:at|during|in|to"
    r"|before) (?:\S+ ){0,12}?(?:session|conference|forum|summit|webinar|symposium|assembly"
    r"|congress|council|seminar|workshop|meeting of)"
)


# the session where words were said, in a sentence that says who said them ("Об этом
# заявил директор ... Бузид на конференции", "seminarın açılışında deyib", "Sempozyumu'nun
# açılışında konuşan Tekin"): a speech verb anywhere with the session after a preposition
# or in a locative case, anywhere
SPEECH = re.compile(
    r"\b(?:said|says|stated|noted|stressed|told|speaking|spoke|remarks|address\w*)\b"
    r"|(?:заяв|сказа|отмети|подчеркну|выступ|сообщи)\w*|(?<!\w)(?:deyib|bildirib|qeyd edib"
    r"|vurğulayıb|söyləyib|çıxış|söyledi|dedi|konuş\w*|belirtti|ifade etti|a déclaré|a dit"
    r"|a souligné|a affirmé|intervention|déclaration|allocution|قال|أكد|گفت)(?!\w)"
)
SESSION_NAMED = re.compile(
    r"\b(?:at|during|address(?:ed|ing)) (?:\S+ ){0,7}?(?:session|plenary|(?<!press )(?<!news )"
    r"conference|forum|summit|congress|assembly|symposium|seminar|round table)\b"
    r"|(?:(?<!\w)на|в ходе) (?:\S+ ){0,6}?(?:сесси|конференц|форум|саммит|заседани|съезд"
    r"|ассамбле|семинар|симпозиум|конгресс|круглом столе)\w*"
    r"|(?<!\w)(?:forum|konfrans|konferans|sessiya|oturum|sammit|zirve|seminar|seminer"
    r"|simpozium|sempozyum|konqres|kongre|iclas)\S*?(?:da|də|ta|te|nda|ndə|nde)(?!\w)"
    r"|(?<!\w)(?:forum|konfrans|konferans|sessiya|sammit|zirve|seminar|seminer|simpozium"
    r"|sempozyum|konqres|kongre|iclas)\S* (?:\S+ )?(?:açılışında|bağlanışında|kapanışında)"
    # "lors de son intervention à la session ordinaire de l'Assemblée générale"
    r"|\b(?:lors d[eu']\s?|pendant |au cours d[eu']\s?)(?:\S+ ){0,6}?(?:session|assemblée"
    r"|conférence|forum|sommet|colloque|séminaire|congrès)\b"
)

# a page's genre line above the lead ("Opinion", "Analysis", "Week in review"): no report
GENRE_LINE = re.compile(
    r"^[ \t]*(?:opinion|analysis|op-ed|commentary|column|editorial|week in review|weekly review"
    r"|мнение|аналитика|колонка|точка зрения|rəy|təhlil|analitika|köşe yazısı|yorum|analiz"
    r"|رأي|تحليل|مقال رأي|یادداشت|تحلیل)[ \t]*$",
    re.MULTILINE,
)

# words said "at a meeting with" someone (not with journalists): said at the meeting
AT_MEETING = re.compile(
    r"(?:(?:на|в ходе) встреч\w* с|(?:during|at) (?:a|the|his|her|their) (?:meeting|talks) with"
    r"|lors d\w* (?:sa |la |leur )?rencontre avec)(?! (?:журналист|journalist|reporter|the press"
    r"|la presse|des journalistes))|(?<!jurnalistlərlə )görüş(?:də|ü zamanı)"
)
