"""The words of a person's title (data, no logic): what opens one, what only marks a
name (an honorific), and what completes one before it. Read by
:mod:`monitor.entity_people`.
"""

from __future__ import annotations

import re

# Words that open a person's title, in en/fr/de/ru/az (stems are matched as prefixes).
TITLES = (
    r"president|vice-president|prime minister|minister|deputy|ambassador|director[- ]general"
    r"|director|secretary[- ]general|secretary|chairman|chairwoman|chairperson|chair|speaker"
    r"|head|first lady|king|queen|prince|emir|sheikh|dr\.?|mr\.?|mrs\.?|ms\.?|h\.e\.?"
    r"|professor|prof\.?|rector|mayor|governor|envoy|adviser|advisor|assistant|ceo|fm"
    r"|representative|représentant\w*|vertreter\w*|представител\w*|nümayəndə\w*"
    r"|président|ministre|ambassadeur|directeur|secrétaire|präsident\w*|minister\w*"
    r"|botschaft\w*|generaldirektor\w*|vizepräsident\w*|президент\w*|министр\w*|посол\w*"
    r"|генеральн\w+ директор\w*|гендиректор\w*|директор\w*|председател\w*|помощник\w*"
    r"|генсек\w*|первый вице-президент|профессор\w*|ректор\w*|академик\w*|спикер\w*"
    r"|prezident\w*|nazir\w*|səfir\w*|baş direktor\w*|direktor\w*|sədr\w*|xanım|müavin\w*"
    r"|katib\w*|rektor\w*|akademik\w*|spiker\w*|academician|mme|genel direktör\w*"
    r"|genel sekreter\w*|bakan\w*|cumhurbaşkan\w*|büyükelçi\w*|başkan\w*|rektör\w*"
    r"|müdür\w*|yardımcı\w*|direktör\w*|sekreter\w*|\w+minister\w*"
    r"|expert|specialist|spokes(?:person|man|woman)|official|coordinator|researcher|scientist"
    r"|artist|singer|poet|эксперт\w*|специалист\w*|пресс-секретар\w*|ekspert\w*"
    r"|mütəxəssis\w*|sözçü\w*"
    # the head of ("глава МИД", "главой ведомства"), a secretary, an adviser, a premier
    r"|генеральн\w+ секретар\w*|глав(?:а|ы|е|ой|у)|руководител\w*|секретар\w*|советник\w*"
    r"|премьер-министр\w*|вице-премьер\w*|губернатор\w*|мэр\w*|депутат\w*|rəhbər\w*|müşavir\w*|deputat\w*"
    r"|milletvekil\w*|danışman\w*|vali(?:si)?"
)
TITLE_RE = re.compile(rf"(?<![\w-])(?:{TITLES})(?![\w-])", re.IGNORECASE)
# a title that marks a name without saying what the person does
# (an academic title too: "Rector Professor Ilham Valiyev" is a rector)
HONORIFIC = re.compile(
    r"(?:dr|mr|mrs|ms|mme|h\.e|sheikh|xanım|prof|professor|профессор\w*|академик\w*"
    r"|akademik\w*|academician)\.?",
    re.IGNORECASE,
)
# words that complete a title before it ("Deputy Foreign Minister", "Culture Minister")
MODIFIER = re.compile(
    r"(?:deputy|vice|first|foreign|acting|former|executive|assistant|chief|senior|permanent"
    r"|special|prime|culture|education|science|economy|defen[cs]e|interior|justice|health"
    r"|finance|trade|energy|youth|sports?|tourism|agriculture|labou?r|ecology|digital"
    r"|transport|emergency|regional|general|заместитель|первый|вице-"
    # the ministry before an Azerbaijani or Turkish title: "Xarici İşlər naziri",
    # "Mədəniyyət naziri", "Kültür ve Turizm Bakanı" ("və"/"ve" joins two of them)
    r"|xarici|işlər|mədəniyyət|təhsil|elm|iqtisadiyyat|səhiyyə|ədliyyə|daxili|maliyyə"
    r"|gənclər|idman|turizm|kənd|təsərrüfatı|ekologiya|təbii|sərvətlər|rəqəmsal|inkişaf"
    r"|nəqliyyat|fövqəladə|hallar|əmək|sosial|müdafiəsi|müdafiə|energetika|və|ve"
    r"|dışişleri|kültür|milli|eğitim|eğitimi|içişleri|sağlık|adalet|ticaret|enerji|gençlik"
    r"|spor|tarım|dış)",
    re.IGNORECASE,
)
# words that join two modifiers and open no title ("və Mədəniyyət naziri" is "Mədəniyyət
# naziri" when what stands before "və" is no modifier)
LINK_MODIFIER = re.compile(r"(?:və|ve)", re.IGNORECASE)
# a title in the Russian instrumental, genitive or dative ("с генеральным директором",
# "генерального директора", "министру"), and its nominative
RU_TITLE_CASES = (
    (re.compile(r"^генеральн(?:ым|ого|ому|ом) директор(?:ом|а|у|е)\b"), "генеральный директор"),
    (
        re.compile(r"^генеральн(?:ым|ого|ому|ом) секретар(?:ём|ем|я|ю|е)\b"),
        "генеральный секретарь",
    ),
    (re.compile(r"^министр(?:ом|а|у|е)\b"), "министр"),
    (re.compile(r"^директор(?:ом|а|у|е)\b"), "директор"),
    (re.compile(r"^президент(?:ом|а|у|е)\b"), "президент"),
    (re.compile(r"^посл(?:ом|а|у|е)\b"), "посол"),
    (re.compile(r"^председател(?:ем|я|ю|е)\b"), "председатель"),
    (re.compile(r"^заместител(?:ем|я|ю|е)\b"), "заместитель"),
    (re.compile(r"^представител(?:ем|я|ю|е)\b"), "представитель"),
    (re.compile(r"^советник(?:ом|а|у|е)\b"), "советник"),
    (re.compile(r"^ректор(?:ом|а|у|е)\b"), "ректор"),
    (re.compile(r"^глав(?:ой|ы|е|у)\b"), "глава"),
)
