"""Event types of reports as outlets' pages tell them: where the news is when a page says
where words were said, who posted them, what a headline plans, and where a trip went.

Each case is written for the project with a trap that real pages set (the headline is a
plan, the words were posted on a network, the talks were at a session).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from monitor.classify import classify, event_scores

PUB = datetime(2024, 3, 18, 10, 0)


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # the paper's own earlier news is background: the meeting after it is the news
        (
            "Azerbaijan's delegate and the ICESCO chief",
            "As reported earlier, the ICESCO Executive Council held its 41st session in "
            "Rabat on 3-4 March.\n\nThe head of the national commission met the Director "
            "General on the sidelines of the session and discussed the Baku Process.",
            "meeting",
        ),
        (
            "Делегат Азербайджана встретился с главой ИСЕСКО",
            "Как уже сообщалось, в Рабате прошла 41-я сессия Исполнительного совета "
            "ИСЕСКО.\n\nГлава национальной комиссии встретился с генеральным директором "
            "и обсудил с ним Бакинский процесс.",
            "meeting",
        ),
        # a press conference is speech to reporters, no session
        (
            "ICESCO chief on Shusha's bid for a capital of culture",
            "The Director General of ICESCO took part in a press conference at ADA "
            "University in Baku.",
            "statement",
        ),
        (
            "Глава ИСЕСКО о заявке Шуши",
            "Генеральный директор ИСЕСКО принял участие в пресс-конференции в университете "
            "ADA.\n\nОн заявил, что организация предложила город на этот титул.",
            "statement",
        ),
        # words posted on a network about a forum are a statement, not a speech at it
        (
            "The forum is a major platform for dialogue: presidential aide",
            "The Global Baku Forum has become a major platform for dialogue between "
            "nations, Assistant to the President Hikmet Hajiyev has stated.\n\nHajiyev "
            "took to X to congratulate the organisers on the forum's close.",
            "statement",
        ),
        # support expressed is a statement
        (
            "ОИС поддержала Азербайджан",
            "Организация исламского сотрудничества в очередной раз выразила поддержку "
            "Азербайджану в вопросе возвращения беженцев.",
            "statement",
        ),
        # French "l'entretien" between two officials is their talks, not an interview
        (
            "Paris : la coopération culturelle au menu des discussions",
            "Lors de l'entretien, le vice-ministre a souligné l'importance du partenariat "
            "avec l'UNESCO et a évoqué les projets communs.",
            "meeting",
        ),
        # a headline that tells only a trip makes the session of its lead the trip's
        (
            "Nazir Türkiyəyə gedib",
            "Azərbaycanın təhsil naziri hazırda İzmirdə keçirilən TÜRKSOY nazirlər "
            "şurasının iclasında iştirak edir.\n\nNazir çıxışında əməkdaşlığın "
            "vacibliyini vurğulayıb.",
            "visit",
        ),
        (
            "الأمين العام في زيارة إلى باكو",
            "في إطار برنامج زيارته، استقبله الرئيس إلهام علييف والتقى بوزير الخارجية "
            "ووزير الثقافة.",
            "visit",
        ),
        # a headline that is a plan stays a plan when the lead says a minister told it at
        # a conference
        (
            "Gəncə gələn il mədəniyyət paytaxtı elan ediləcək",
            'Bunu mədəniyyət naziri "Mirasın dirçəlişi" konfransında çıxışı zamanı '
            "deyib.\n\nNazir bildirib ki, tədbirlərə bütün üzv dövlətlər qatılacaq.",
            "announcement",
        ),
        # "X to send": what is to come
        (
            "ICESCO to send heritage experts to Karabakh",
            '"ICESCO is preparing a second mission of experts to the region," the '
            "Director General wrote in a letter to the President.",
            "announcement",
        ),
        # what a session discussed is the session's news
        (
            "Looted museums discussed at ICESCO session in Cairo",
            "The looting of museums in Karabakh has been discussed at an ICESCO session "
            "in Cairo.\n\nThe culture minister described the damage in his address.",
            "conference",
        ),
        # who said it, after a long source clause: "... об этом заявил ..., выступая на
        # заседании" is a speech at the session
        (
            "Баку призвал страны ОИС признать преступления",
            "БАКУ, 20 сен — Sputnik. Признать военные преступления на оккупированных "
            "территориях призвал официальный Баку страны-члены ОИС. Как сообщили Sputnik "
            "Азербайджан в пресс-службе министерства иностранных дел, об этом заявил "
            "министр, выступая на заседании контактной группы ОИС.",
            "conference",
        ),
        # a partner or an organiser joining an event is news of the decision, not of the
        # festival
        (
            "ИСЕСКО стала партнером фестиваля поэзии",
            "ИСЕСКО стала одним из организаторов фестиваля поэзии, который пройдет в Баку осенью.",
            "announcement",
        ),
        (
            "ICESCO şeir festivalının tərəfdaşı olub",
            "ICESCO şeir festivalının təşkilatçıları sırasına daxil olub.",
            "announcement",
        ),
        # a portfolio is no training course, and the talks the next paragraph opens with
        # are where the lead's praise was said
        (
            "Minister for strong education ties with ICESCO",
            "Minister for Education and Professional Training Ali Khan on Monday "
            "appreciated the relations between Pakistan and ICESCO\n\nDuring a meeting "
            "with a delegation led by the Director General, the minister thanked him for "
            "visiting Islamabad to take part in the rectors' conference.",
            "meeting",
        ),
        # the French near future
        (
            "L'ICESCO va célébrer le millionième visiteur de son musée",
            "L'ICESCO organise vendredi une cérémonie au siège de l'Organisation.",
            "announcement",
        ),
        # meetings held during a visit, the headline says so
        (
            "Foreign Minister holds a number of meetings during official visit to Tashkent",
            "The Foreign Minister, who is on an official visit to Uzbekistan, has held a "
            "number of meetings on regional cooperation.",
            "meeting",
        ),
        # an Arabic "Minister: words" headline is the minister's words
        (
            "وزير خارجية أذربيجان: العلاقات مع المغرب متميزة",
            "وصف وزير خارجية أذربيجان العلاقات بين البلدين بأنها متميزة، وقال في تصريح "
            "للصحيفة عقب وصوله إلى الرباط إن البلدين سيوقعان اتفاقية جديدة.",
            "statement",
        ),
        # a Persian post on X
        (
            "روایت سخنگو از رایزنی‌های وزیر در باکو",
            "به گزارش ابنا، سخنگوی وزارت امور خارجه در پیامی در شبکه ایکس درباره "
            "رایزنی‌های وزیر با مقامات نوشت: «وزیر امروز وارد باکو شد و با مقامات دیدار "
            "کرد.»",
            "statement",
        ),
        # Turkish "buluştu": ministers met
        (
            "Dışişleri Bakanları Ankara'da buluştu",
            "Dışişleri Bakanı, Azerbaycan Dışişleri Bakanı ile Ankara'da bir araya geldi. "
            "Görüşmenin ardından bakanlar ortak basın toplantısı düzenledi.",
            "meeting",
        ),
        # the closing event of a capital's year is a ceremony
        (
            "Состоялось заключительное мероприятие «Шеки – столица культуры-2022»",
            "15 декабря в Шеки состоялось заключительное мероприятие «Шеки - столица "
            "культуры-2022».\n\nКак сообщили в пресс-службе, министр культуры и члены "
            "оргкомитета посетили мавзолей и музей города.",
            "other",
        ),
        # a conference opened, whatever its theme ("Launch of ...") says
        (
            "Baku hosts opening of international conference on Launch of the Heritage Index",
            "On May 5, an opening ceremony of the international conference on the theme "
            "Launch of the Heritage Index was held at the Heydar Aliyev Center in Baku.",
            "conference",
        ),
        # a presentation at a session held, made on the occasion of a selection
        (
            "В Измире состоялась презентация новой культурной столицы",
            "На состоявшемся в городе Измир заседании совета министров культуры "
            "состоялась видеопрезентация в связи с избранием города Габала культурной "
            "столицей.",
            "conference",
        ),
        # the session named six words after "на"
        (
            "Генсек: Габала сыграет роль в сближении стран",
            "Габала известна своим наследием.\n\nОб этом заявил заместитель генсека на "
            "проходящем сегодня в Университете ADA IX заседании национальных комиссий.",
            "conference",
        ),
        # a headline of praise over a quotation said at a forum
        (
            "ICESCO hails growing cooperation with Azerbaijan",
            "ICESCO Director General has applauded the growth of the organisation's "
            'cooperation with Azerbaijan, News.Az reports.\n\n"We will take part in '
            'every programme of the year and share our proposals with partners," the '
            "Director General said at an international youth forum in Shusha.",
            "conference",
        ),
        # what may come, told to reporters
        (
            "Azerbaijan may apply to UNESCO for another heritage listing",
            "Azerbaijan may apply to UNESCO next year, an official of the Culture "
            "Ministry told reporters.",
            "announcement",
        ),
        # "held meetings" are meetings
        (
            "First Lady: joint projects have special significance",
            "Mehriban Aliyeva held meetings in Paris on Monday, Trend reported.",
            "meeting",
        ),
        # a capital named or designated is a decision
        (
            "Tunis named Islamic world's 2026 capital of culture",
            "Tunis has been named the 2026 capital of culture in the Islamic world by "
            "ICESCO, APA can report on Wednesday.",
            "announcement",
        ),
        (
            "Samarkand designated as capital of Islamic culture for 2027",
            "The conference of culture ministers issued a resolution whereby Samarkand was "
            "designated as capital of Islamic culture for the year 2027.",
            "announcement",
        ),
        # a Persian session that "will be held", a year that a president "named"
        (
            "هفتمین کنفرانس وزرای فرهنگ کشورهای اسلامی برگزار می‌شود",
            "به گزارش خبرگزاری مهر، این کنفرانس در روزهای 21 تا 23 مهرماه در باکو برگزار میشود.",
            "announcement",
        ),
        (
            "آذربایجان سال 2026 را سال میراث فرهنگی نامید",
            "رئیس جمهور طی سخنانی در نشست هیئت وزیران اعلام کرد سال 2026 را سال میراث "
            "فرهنگی نامگذاری می کنیم.",
            "announcement",
        ),
        # Arabic "تشجب" (denounces) and Persian "اظهارات" (remarks) are statements
        (
            "الإيسيسكو تشجب إجراء انتخابات في الإقليم المحتل",
            "قالت المنظمة إنها تشجب إجراء انتخابات في الإقليم المحتل يوم الأحد.",
            "statement",
        ),
        (
            "اظهارات سفیر درباره ثبت چوگان",
            "سفیر طی اظهاراتی اعلام کرد ثبت جهانی چوگان برای هر دو کشور ممکن است.",
            "statement",
        ),
        # an exhibition extended is the decision's news
        (
            "Calligraphy Exhibition in Rabat Extended for Six More Months",
            "ICESCO announced the extension of the international calligraphy exhibition "
            "at its headquarters in Rabat.",
            "announcement",
        ),
        # headquarters inaugurated: a ceremony
        (
            "Ruler opens regional ICESCO headquarters",
            "The Ruler of Sharjah officially inaugurated the regional headquarters of "
            "ICESCO in the presence of the Director General.",
            "other",
        ),
        # what is set to happen, what will commence
        (
            "Culture ministers set to brainstorm at conference",
            "The agenda will centre on a plan to promote cultural cooperation.",
            "announcement",
        ),
        (
            "Doha capital of culture year to commence on 8 March",
            "Activities of the Doha Capital of Culture in the Islamic World will commence "
            "on Monday and continue throughout the year.",
            "announcement",
        ),
        # an exhibition visited is a visit
        (
            "Ministers Visit ICESCO's Museum and Exhibition of Calligraphy",
            "A delegation of culture ministers visited the International Museum and "
            "Exhibition of Calligraphy and Islamic Civilization, currently hosted at the "
            "headquarters of ICESCO in Rabat. The exhibition presents rare manuscripts, and "
            "the exhibition attracts many guests.",
            "visit",
        ),
        # Arabic: a city chosen as a capital; two sides that discuss (the dual); winners
        # named; the conditions of candidacy for a prize
        (
            "الرباط عاصمة للثقافة الإسلامية 2027",
            "اختارت المنظمة العاصمة المغربية الرباط عاصمة للثقافة الإسلامية لعام 2027.",
            "announcement",
        ),
        (
            "المدير العام للإيسيسكو ووزير التعليم يبحثان في الرباط ترتيبات استضافة المؤتمر العام",
            "بحث المدير العام للإيسيسكو ووزير التعليم اليوم في الرباط الترتيبات الخاصة "
            "باستضافة الدورة المقبلة للمؤتمر العام.",
            "meeting",
        ),
        (
            "الإيسيسكو تعلن أسماء الفائزين بجوائزها للإبداع",
            "أعلنت المنظمة أسماء الفائزين بجوائزها للإبداع الفني، وهي الجوائز التي أطلقتها "
            "في أبريل الماضي.",
            "award",
        ),
        (
            "شروط وروابط الترشح لجائزة الإيسيسكو للتراث",
            "قال وزير التعليم إن اللجنة الوطنية تعلن عن جوائز دولية بالتعاون مع المنظمات.",
            "announcement",
        ),
        # French: "a fait cette déclaration lors de son intervention à la session"
        (
            "Directeur général de l'ICESCO : 300 activités menées au Sénégal",
            "Le Directeur général de l'ICESCO a affirmé que l'Organisation se félicite de "
            "ses relations avec le Sénégal.\nIl a fait cette déclaration lors de son "
            "intervention à la session ordinaire de l'Assemblée générale de la Commission "
            "nationale, tenue mercredi à Dakar.",
            "conference",
        ),
        # Azerbaijani "zəng vurub" (called): the talks it tells were a call
        (
            "Nazir qazaxıstanlı həmkarı ilə regional məsələləri müzakirə edib",
            "Qazaxıstanın xarici işlər naziri Azərbaycanın xarici işlər nazirinə zəng vurub."
            "\n\nTərəflər əməkdaşlığın gələcəyini müzakirə ediblər.",
            "phone_call",
        ),
        # what was written on a network about a forum to come: a statement
        (
            "Bakı Forumu aktual mövzuya həsr olunub – Prezidentin köməkçisi",
            "Bakı Forumu bu gün işə başlayır. Forumda Prezident açılış nitqi ilə çıxış "
            "edəcək.\nDay.Az xəbər verir ki, bunu Prezidentin köməkçisi sosial şəbəkə "
            "hesabında yazıb.",
            "statement",
        ),
        # a media session is speech to reporters, no session
        (
            "Nazir müavini: Konsepsiya mədəni inkişafda mühüm mərhələdir",
            "Milli Muzeydə Konsepsiyanın təqdimatına həsr olunmuş media sessiyası keçirilib."
            "\n\nNazir müavini bildirib ki, sənəd bir neçə il ərzində hazırlanıb.",
            "statement",
        ),
        # a festivity held is a celebration, whatever its speakers said
        (
            "Şəkidə Novruz şənliyi keçirilib",
            "Şəkidə Novruz bayramı münasibətilə tədbir keçirilib. Tədbirdə çıxış edən icra "
            "başçısı sakinləri bayram münasibətilə təbrik edib. Novruzun ən əziz "
            "bayramlardan olduğunu deyən icra başçısı bayramın təbiətin oyanışı ilə bağlı "
            "olduğunu bildirib.",
            "other",
        ),
        # named the best at a festival: a prize
        (
            "Фильм бакинского режиссера признан лучшим на кинофестивале",
            "Документальный фильм признан лучшим документальным фильмом года на "
            "кинофестивале в Сараево.",
            "award",
        ),
        (
            "Azerbaijani short film named best documentary in Sarajevo",
            "The short film was named best documentary at the festival in Sarajevo.",
            "award",
        ),
        # a trip to come and a post abolished are news of what is to come or decided
        (
            "Камерный оркестр поедет во Францию",
            "Камерный оркестр исполнит произведения азербайджанских композиторов на "
            "музыкальном фестивале в Лионе.",
            "announcement",
        ),
        (
            "В музеях упразднены должности главных хранителей",
            "В государственных музеях упразднены должности главных хранителей, сообщили "
            "в министерстве.",
            "announcement",
        ),
        # a city joins a network of UNESCO's as it joins a list
        (
            "Şəki şəhəri UNESCO-nun siyahısına düşdü",
            "UNESCO-nun yaradıcı şəhərlər şəbəkəsinə 50 şəhər daxil edilib.",
            "announcement",
        ),
        (
            "Ganja joins UNESCO Creative Cities Network",
            "The city of Ganja is among the fifty cities that UNESCO listed this year.",
            "announcement",
        ),
        # a proposal put forward in a speech at a conference: news of the conference
        (
            "Гянджу предложили включить в список наследия ЮНЕСКО",
            "Гянджу предложили включить во Всемирный список наследия ЮНЕСКО.\nС этим "
            "предложением на международной конференции в Баку выступил эксперт из Италии.",
            "conference",
        ),
        (
            "Gəncənin UNESCO-nun İrs Siyahısına salınması təklif edilib",
            "Gəncənin UNESCO-nun Ümumdünya İrs Siyahısına salınması təklif edilib.\n\nAPA "
            "xəbər verir ki, bu təkliflə italiyalı ekspert Gəncədəki beynəlxalq konfransda "
            "çıxış edib.",
            "conference",
        ),
        # "ready to support" over the talks where it was said: the stance is the news
        (
            "Bakı UNESCO-nun təşəbbüslərinə dəstək göstərməyə hazırdır",
            "Azərbaycan UNESCO-nun təşəbbüslərinə dəstək göstərmək niyyətindədir.\nBu "
            "məsələ nazir müavininin baş direktorla görüşü zamanı müzakirə olunub.",
            "statement",
        ),
        # to ink, to appeal: still to come
        (
            "Azerbaijan, Uzbekistan to ink agreement on heritage",
            "The culture minister is on an official visit to Tashkent.\n\nThe ministers "
            "are expected to sign an agreement on cooperation.",
            "announcement",
        ),
        (
            "Azerbaijan to appeal for inclusion of carpet weaving into UNESCO list",
            "Azerbaijan will appeal to UNESCO over carpet weaving, the culture minister said "
            "at a press conference on Tuesday.",
            "announcement",
        ),
        # a plan in a "words - speaker" headline, told at a conference: the plan
        (
            "Ganja to be declared youth capital in 2026 – minister",
            "Ganja will be declared the youth capital of the Turkic world in 2026, the "
            "minister said at the conference on youth policy.",
            "announcement",
        ),
        # a work by its author out in print, a book "released": no decision
        (
            "Leyli and Majnun by Fuzuli published in Kazakhstan",
            "Leyli and Majnun by the great poet Fuzuli has been published in Almaty.",
            "other",
        ),
        # a series of events marking a birthday: a commemoration
        (
            "Nizami remembered in Rome",
            "The Embassy of Azerbaijan in Rome held a series of events marking the 880th "
            "birthday of the poet Nizami, in recognition of his legacy.\n\nOn 12 June the "
            "embassy hosted a round table at Sapienza University with scholars.",
            "other",
        ),
        # talks during a visit the lead tells are the visit's
        (
            "ICESCO and University of Dakar agree to develop cooperation",
            "The ICESCO Director-General paid a visit to the University of Dakar, during "
            "which he was received by the rector. The two leaders held a meeting to "
            "explore cooperation.",
            "visit",
        ),
        # a head of an organisation hosted is received
        (
            "President hosts new secretary general of Turkic states body",
            "The President on Monday hosted Kubanychbek Omuraliev, the "
            "newly-appointed Secretary General of the Organization of Turkic "
            "States, wishing him success in his new role.",
            "meeting",
        ),
        # a meeting by visual communication is a call
        (
            "Qatar and ICESCO prepare for Doha year",
            "Officials of the ministry held a meeting with an ICESCO delegation "
            "via visual communication technology to prepare the year's "
            "programme.",
            "phone_call",
        ),
        # committees formed, items registered on a list: decided
        (
            "Ministry forms committees to assess damage at historic mosque",
            "The minister said on Monday that the ministry has formed three "
            "committees to assess the damage and inspect the manuscripts.",
            "announcement",
        ),
        (
            "Uzbekistan rises to fourth place on UNESCO heritage list",
            "Uzbekistan became the fourth country to register the most items to "
            "the UNESCO Intangible Cultural Heritage List with the latest "
            "additions.",
            "announcement",
        ),
        # hope, a desire to nominate: words
        (
            "Kazakhstan hopeful UNESCO would inscribe kokpar",
            "Kazakhstan is hopeful that kokpar, its traditional horse game, "
            "would be recognised by UNESCO as intangible heritage.",
            "statement",
        ),
        (
            "ICESCO expresses desire to nominate Samarkand as capital of culture",
            "ICESCO announced its desire to nominate Samarkand as the capital "
            "of Islamic culture, its Director-General told the governor at the "
            "meeting.",
            "statement",
        ),
        # induction days are sessions
        (
            "Induction days of ICESCO in Doha",
            "The national commission hosted the induction days of ICESCO at the "
            "ministry's headquarters on Monday.",
            "conference",
        ),
        # celebrations begun, a capital's year ended: ceremonies
        (
            "Celebrations start for Tunis's designation as culture capital",
            "Celebrations to mark the designation of Tunis as capital of "
            "culture in the Islamic world were inaugurated yesterday.",
            "other",
        ),
        (
            "Nakhchivan, Capital of Islamic Culture 2024, ends",
            "Nakhchivan, Capital of Islamic Culture 2024, ends\n\nNakhchivan: "
            "Despite the winter, special events in Nakhchivan, Capital of "
            "Islamic Culture 2024, witnessed a broad cultural movement, "
            "Minister of Culture Abulfas Garayev stated.\n\nCulture is the key to "
            'development.\n\n"I am pleased to conclude the activities of the '
            'capital year," the Minister said.',
            "other",
        ),
        # a speaker after the colon: "...: Bayramov", "...: MFA"
        (
            "Hosting the summit a great honour for Azerbaijan: Bayramov",
            "Foreign Minister Jeyhun Bayramov on Sunday said that after holding "
            "a successful extraordinary meeting last year, hosting the summit "
            "would be a great honour.",
            "statement",
        ),
        (
            "All set to host ICESCO session: MFA",
            "The ministry's spokesperson said on Friday that all arrangements "
            "have been finalised to host the 45th session of the ICESCO "
            "Executive Council.\n\nAddressing the weekly press briefing, he said "
            "member states had confirmed their attendance.",
            "statement",
        ),
        # a member of a body: joined
        (
            "Usbekistan wurde Mitglied des Welterbekomitees",
            "Usbekistan ist Mitglied des UNESCO-Welterbekomitees geworden.",
            "announcement",
        ),
        (
            "اعزام رایزن فرهنگی جدید به تاجیکستان",
            "وزیر فرهنگ از اعزام رایزن فرهنگی جدید به دوشنبه خبر داد و گفت: او "
            "هفته آینده کار خود را آغاز می‌کند.",
            "announcement",
        ),
        # Persian "از ... خبر داد" (announced)
        (
            "Türkiye'den UNESCO Dünya Mirası Listesi'ne giren yeni eserler",
            "Türkiye'deki varlıkların sayısı son on yılda arttı.",
            "announcement",
        ),
        # a list entered (Turkish)
        (
            "انطلاق احتفالية عام الثقافة في الرباط بمشاركة الوزراء",
            "انطلقت في الرباط أمس احتفالية عام الثقافة، بحضور رئيس الحكومة ومشاركة وزراء وسفراء.",
            "other",
        ),
        # an Arabic celebration, its participants its setting
        (
            "Tout savoir sur la prochaine visite du président à Rabat",
            "Le 12 mai, Rabat sera le théâtre d'une rencontre entre les deux "
            "présidents. Cette visite marque la première sortie officielle du "
            "président.",
            "announcement",
        ),
        # a visit to come
        (
            "Le Maroc élu au Comité du patrimoine mondial",
            "Le Comité du patrimoine mondial est l'instance chargée des inscriptions sur la liste.",
            "announcement",
        ),
        # elected to a committee, taking the chair (French)
        (
            "Le Sénégal prend la présidence du Groupe africain de l'UNESCO",
            "Notre pays vient d'être élu à la présidence du Groupe africain, le "
            "plus important de l'organisation.",
            "announcement",
        ),
        (
            "الفرنسية تهزم منافسها وتفوز بمنصب مدير اليونسكو",
            "الفرنسية تهزم منافسها وتفوز بمنصب مدير اليونسكو بعد حصولها على 30 صوتا.",
            "announcement",
        ),
        # Arabic: won the post, acclaimed secretary general, declared a capital, listed
        (
            "تزكية وزير سابق أمينا عاما للمنظمة",
            "رحبت المملكة اليوم بتزكية الوزير السابق أمينا عاما لمنظمة التعاون الإسلامي.",
            "announcement",
        ),
        (
            "المدينة تستعد لمسؤولياتها بعد إعلانها عاصمة الثقافة لعام 2026",
            "جاء إعلان وزيرة الثقافة خلال افتتاح مؤتمر الأدباء أن المدينة عاصمة الثقافة لعام 2026.",
            "announcement",
        ),
        (
            "Kudüs için ortak tavır",
            "Cumhurbaşkanı, İslam İşbirliği Teşkilatı'nı, İstanbul'da topladı. "
            "Kudüs'ün Filistin'in başkenti olarak tanınması gerektiğini "
            "açıkladı.",
            "conference",
        ),
        (
            "Azerbaijan becomes member of UNESCO heritage committee",
            "Azerbaijan has become a member of the UNESCO World Heritage "
            "Committee for the next four years.",
            "announcement",
        ),
        (
            "تسجيل 5 عناصر تراثية في لائحة اليونسكو",
            "عمدت المملكة إلى تسجيل عناصر التراث في لائحة التراث غير المادي "
            "لليونسكو، وفق ما جاء على لسان الملك خلال لقائه بالمديرة العامة "
            "للمنظمة.",
            "announcement",
        ),
        # a spokesman's words to an agency
        (
            "Azerbaijan has more than 80 embassies in the world",
            "Today Azerbaijan has more than 80 diplomatic missions in the "
            "world, the ministry spokesman told APA.",
            "statement",
        ),
        # the opening of a diplomatic representation is a ceremony
        (
            "Opening of the Embassy of Azerbaijan in Slovenia",
            "During the minister's official visit to Ljubljana on 26 January "
            "and his meeting with his counterpart, the decision was taken to "
            "establish a permanent diplomatic representation of Azerbaijan in "
            "Slovenia.",
            "other",
        ),
        # "to take place" is still to come
        (
            "Sixth meeting of GUAM foreign ministers to take place in Baku today",
            "The sixth meeting of the GUAM foreign ministers, who arrived to "
            "participate in the OSCE council, will take place in Baku on 29 "
            "November, the ministry spokesman said by telephone.",
            "announcement",
        ),
        # a statement delivered at a session; words said as the speaker addressed a summit
        (
            "Statement by Jeyhun Bayramov, Minister of Foreign Affairs of the "
            "Republic of Azerbaijan, at the presentation of the priorities of "
            "the Chairmanship of the Republic of Azerbaijan of the Committee of "
            "Ministers of the Council of Europe",
            "At the outset, I would like to once again congratulate my "
            "distinguished colleague, Minister Kurz, and his team for a "
            "successful and productive Chairmanship.",
            "conference",
        ),
        (
            "President Ilham Aliyev: The Council is the first organization to "
            "hold a summit on the pandemic",
            '"The pandemic has spread throughout the world," said President of '
            "Azerbaijan, chairman of the Cooperation Council of Turkic Speaking "
            "States Ilham Aliyev as he addressed the extraordinary Summit of "
            "the Turkic Council held through videoconferencing.",
            "conference",
        ),
        # Russian: will propose, will pass to, will send, may enter a list, proposed to hold
        (
            "Россия предложит внести два объекта в Список наследия ЮНЕСКО",
            "Два исторических объекта в сентябре предложат для включения в "
            "Список наследия. Об этом заявил постпред России при ЮНЕСКО.",
            "announcement",
        ),
        (
            "Киргизия станет председателем ОТГ в 2026 году",
            "Председательство в организации на 2026 год перейдет к Киргизии, "
            "заявил представитель администрации журналистам.",
            "announcement",
        ),
        (
            "Министерство направит 200 учителей в школы Таджикистана",
            "Министерство намерено направить 200 педагогов в школы Таджикистана в 2026 году.",
            "announcement",
        ),
        (
            "Ряд объектов Таджикистана может войти в список ЮНЕСКО",
            "В Согдийской области есть пять объектов, которые планируют внести "
            "в перечень наследия.",
            "announcement",
        ),
        (
            "Узбекистан предложил провести сессию ЮНЕСКО в Бухаре",
            "Узбекистан предложил провести очередную сессию Генеральной "
            "конференции в Бухаре в 2027 году.",
            "announcement",
        ),
        # Russian: commented on a meeting, attaches importance to a visit: words
        (
            "МИД прокомментировал встречу с послом",
            "В министерстве рассказали о встрече с вызванным для разговора послом.",
            "statement",
        ),
        (
            "Глава МИД придает особое значение первому визиту в Москву",
            "Министр в ходе переговоров заявил, что придает особое значение "
            "первому официальному визиту.",
            "statement",
        ),
        # Russian: certificates handed, a prize awarded ("Президентская премия:" names no speaker)
        (
            "Президенту вручены сертификаты ЮНЕСКО",
            "Три сертификата о включении элементов в Репрезентативный список вручены президенту.",
            "award",
        ),
        (
            "Специальная Президентская премия: кто ее получил в 2024 году",
            "Нескольким молодым писателям присуждена Президентская литературная "
            "премия, сообщает пресс-служба.",
            "award",
        ),
        # Russian: telephone negotiations; a meeting of officials held
        (
            "Главы МИД провели телефонные переговоры",
            "Министр иностранных дел провёл телефонные переговоры с главой МИД "
            "соседней страны. Собеседники обсудили ситуацию в регионе.",
            "phone_call",
        ),
        (
            "В Джидде прошло Совещание старших должностных лиц ОИС",
            "Сегодня в Джидде завершило работу совещание старших должностных "
            "лиц государств-членов ОИС.",
            "conference",
        ),
        # Russian: a book presented while a visit is prepared, an anniversary marked, an opening ceremony
        (
            "В Пекине презентована книга писателя, изданная на казахском языке",
            "В рамках подготовки предстоящего государственного визита в Пекине "
            "состоялась презентация книги.",
            "other",
        ),
        (
            "20-летие академии отметили в Астане",
            "В столице состоялось торжественное мероприятие, посвященное "
            "20-летию академии и дню, учрежденному ЮНЕСКО.",
            "other",
        ),
        (
            "Открытие церемонии «Туркестан – культурная столица тюркского мира»",
            "Президент сегодня принял участие в открытии церемонии «Туркестан – "
            "культурная столица тюркского мира».",
            "other",
        ),
        # a lead that says what the headline's speaker said tells his words
        (
            "Министр: концерт к годовщине будет грандиозным",
            "Министр культуры сообщил, что в день годовщины состоится важное "
            "культурное мероприятие.\n\n24 апреля на сцене театра пройдет концерт "
            "симфонического оркестра.",
            "statement",
        ),
        # "The statement was part of the DG's address at the webinar": a speech at a session
        (
            "ICESCO Calls for Joint Action on Heritage",
            "The Director-General stressed the need to protect heritage sites "
            "in times of crisis.\n\nHe also called for common mechanisms of "
            "action among member states.\n\nThe statement was part of the DG's "
            "address at the International Heritage Webinar organised by the "
            "university.",
            "conference",
        ),
        # a shield offered is an award; a prize's jury is the setting of the meeting
        (
            "University offers its shield to former Director-General",
            "At the close of the opening session of the general conference, "
            "which kicked off today at the headquarters, the rector offered the "
            "university's shield to the former Director-General.",
            "award",
        ),
        (
            "Examination of working mechanism of the jury of ICESCO Prize for Poetry",
            "The Director-General received on Monday at the headquarters the "
            "chairman of the jury and two calligraphers.",
            "meeting",
        ),
        # a Year launched at a celebration is a ceremony
        (
            "Official Launch of ICESCO Year of Youth with High-Level Participation",
            "ICESCO announced officially in a major international celebration "
            "the launch of its Year of Youth.",
            "other",
        ),
        (
            "Lancement officiel de l'Année de la Culture de l'ICESCO",
            "L'Année de la Culture de l'ICESCO a été officiellement lancée lors "
            "d'une grande célébration à Rabat.",
            "other",
        ),
        # an edition of a training programme, a series of working sessions launched: sessions
        (
            "ICESCO Launches 2024 Edition of its Leadership Training Programme",
            "ICESCO officially launched on Thursday in Rabat the 2024 edition "
            "of its Leadership Training Programme for young diplomats.",
            "conference",
        ),
        (
            "إطلاق دورة 2024 من برنامج الإيسيسكو للتدريب على القيادة",
            "أطلقت المنظمة رسميا دورة 2024 من برنامج الإيسيسكو لتدريب الشباب "
            "على القيادة، بحضور وزراء وخبراء.",
            "conference",
        ),
        (
            "ICESCO launches a series of working sessions on its heritage strategy",
            "ICESCO launched the first in a series of working sessions to "
            "develop its heritage strategy, with experts from ten countries.",
            "conference",
        ),
        # a commitment renewed, an appeal: words
        (
            "ICESCO renews its commitment to support efforts to face the "
            "pandemic and announces mechanisms to ensure continuity of "
            "education",
            "ICESCO reaffirms its firm commitment to support the efforts of the "
            "international community and national initiatives.\n\nICESCO has "
            "decided to implement a number of emergency measures.",
            "statement",
        ),
        (
            "ICESCO's Appeal to Internet Service Providers",
            "The pandemic is a global crisis limiting human activity in "
            "societies across the world.",
            "statement",
        ),
        # a videoconference meeting is a call
        (
            "Exploring implementation plan of the water programme in schools",
            "The Science Sector held a meeting with the national commission to "
            "discuss the implementation plan of the programme.\n\nThe "
            "videoconference meeting, held on Tuesday, saw the participation of "
            "the ministry.",
            "phone_call",
        ),
        # Azerbaijani: included into a list, will meet, a summit meeting (no talks)
        (
            "UNESCO daha 30 ərazini Dünya İrs Siyahısına daxil etdi",
            "UNESCO daha 30 ərazini Dünya İrs Siyahısına daxil etdi.\n\nKomitənin "
            "sessiyasında Siyahıya 30 yeni ərazi daxil edilib.",
            "announcement",
        ),
        (
            "TDT ölkələrinin xarici işlər nazirləri Nyu Yorkda görüşəcəklər",
            "Nazirlər BMT Baş Assambleyasının sessiyası çərçivəsində "
            "qeyri-rəsmi görüş keçirəcəklər.",
            "announcement",
        ),
        (
            "TDT rəsmisi: Şəkidəki zirvə görüşündə önəmli proqram nəzərdə tutulub",
            'Şəkidəki zirvə görüşündə önəmli proqram nəzərdə tutulub.\n"Report" '
            "xəbər verir ki, bunu TDT rəsmisi jurnalistlərə açıqlamasında "
            "deyib.",
            "statement",
        ),
        # Azerbaijani: got acquainted, toured, guests of a museum; a theatre's tour, a death
        (
            "Konfransın xarici qonaqları tarixi irsimizlə tanış olur",
            "Beynəlxalq konfransda iştirak etmək üçün gələn alimlər şəhərin "
            "tarixi məkanları ilə tanış olurlar.",
            "visit",
        ),
        (
            "Teatr rəhbərləri Şuşanı gəziblər",
            "Şuşada keçirilən toplantının iştirakçılarının şəhərə gəzintisi təşkil edilib.",
            "visit",
        ),
        (
            "Xalça Muzeyi qonaqlarda xoş təəssürat yaradıb",
            "Azərbaycanlıları Konqresinin nümayəndəliyinin direktoru Xalça Muzeyinin qonağı olub.",
            "visit",
        ),
        (
            "Dram Teatrının bölgələrə qastrolu davam edir",
            "Layihə çərçivəsində teatrların bölgələrə qastrol səfərləri davam "
            "edir. Teatr Şəki və Qəbələ şəhərlərində olub.",
            "other",
        ),
        (
            "Xalq artisti vəfat edib",
            "Nazirlik mərhumun yaxınlarına dərin hüznlə başsağlığı verib.",
            "other",
        ),
        # Azerbaijani: debates held, words said in a committee
        (
            "Nyu-Yorkda Baş Assambleyanın ümumi siyasi diskussiyaları keçirilib",
            "Qısa xəbərlər bölməsi",
            "conference",
        ),
        (
            "BMT-də Azərbaycanın rolundan danışılıb",
            "Azərbaycan dekolonizasiya məsələlərində fəal iştirak "
            'edir.\n"Report"un xəbərinə görə, bunu daimi nümayəndə Baş '
            "Assambleyanın Komitəsində çıxışı zamanı deyib.",
            "conference",
        ),
        # Persian futures: "خواهد بود", "هفته آینده ... می‌آیند", "برپا می‌شود"
        (
            "روم میزبان کنفرانس میراث فرهنگی افغانستان خواهد بود",
            "وزیر اطلاعات و فرهنگ در ملاقات با هیئت یونسکو درباره حفاظت میراث فرهنگی گفتگو کرد.",
            "announcement",
        ),
        (
            "بزرگترین هیئت آموزش عالی ترکیه هفته آینده به ایران می‌آیند",
            "به گزارش خبرگزاری، معاون وزیر با اعلام این خبر اظهار کرد که هیئت "
            "با وزیر علوم دیدار خواهد کرد.",
            "announcement",
        ),
        (
            "نمایشگاه اشیای تاریخی استردادی برپا می‌شود",
            "معاون سازمان میراث فرهنگی گفت که در این نمایشگاه دستاوردهای "
            "دیپلماسی فرهنگی نمایش داده می‌شود.",
            "announcement",
        ),
        # added to a list, withdrew from UNESCO, approval of a prize: decided
        (
            "سریال هزاردستان به فهرست ملی حافظه جهانی یونسکو اضافه شد",
            "چهار اثر در روز جهانی میراث دیداری و شنیداری به فهرست ملی حافظه جهانی افزوده شد.",
            "announcement",
        ),
        (
            "آمریکا رسما از یونسکو خارج شد",
            "وزارت امور خارجه آمریکا اعلام کرد که کشورش از یونسکو خارج شده است.",
            "announcement",
        ),
        (
            "United States withdraws from UNESCO",
            "The United States has withdrawn from UNESCO, the State Department said on Tuesday.",
            "announcement",
        ),
        (
            "موافقت یونسکو با جایزه جهانی فردوسی",
            "رئیس کمیته ملی از موافقت مدیرکل یونسکو با برگزاری جایزه جهانی فردوسی خبر داد.",
            "announcement",
        ),
        # Persian: departed for (a trip), hope expressed and emphasis (words), honoured (an award)
        (
            "وزیر اطلاعات و فرهنگ افغانستان عازم تهران شد",
            "وزیر به منظور شرکت در سومین اجلاس همکاری‌های آسیایی عازم تهران شد.",
            "visit",
        ),
        (
            "ابراز امیدواری سفیر ایران به برگزاری برنامه‌های فرهنگی",
            "گروه موسیقی که به عربستان سفر کرده است در سالن شهر ریاض اجرا کرد.",
            "statement",
        ),
        (
            "همکاری دانشگاهی بین کشورهای آسیایی ضروری است",
            "رئیس دانشگاه تهران بر ضرورت گفتگو بین کشورهای آسیایی تاکید کرد.",
            "statement",
        ),
        (
            "تقدیر از فعالیت‌های نمایندگی فرهنگی استان",
            "در هفته دولت از مدیران دستگاه‌های دولتی تقدیر شد.",
            "award",
        ),
        # French: measures taken, a visit "bientôt au" a country, a list enriched
        (
            "Mali: mesures pour que Tombouctou reste au patrimoine mondial",
            "Le Mali a pris des mesures pour éviter que l'Unesco retire "
            "Tombouctou du patrimoine mondial, rapporte l'agence de presse.",
            "announcement",
        ),
        (
            "Coopération : la directrice générale de l'Unesco bientôt au Gabon",
            "La directrice générale de l'Unesco sera l'hôte du pays dans les prochains jours.",
            "announcement",
        ),
        (
            "Le tapis marocain et le yodel au patrimoine immatériel de l'humanité",
            "L'Unesco a enrichi sa liste du patrimoine culturel immatériel de "
            "dizaines de pratiques et traditions vivantes.",
            "announcement",
        ),
        # French: a biennale inaugurated is an exhibition opened; "a échangé avec" is talks
        (
            "Revivez l'inauguration officielle de la première Biennale de Tanger",
            "La première Biennale de Tanger a été inaugurée officiellement hier "
            "soir au musée, en présence d'artistes et de ministres.",
            "other",
        ),
        (
            "COOPÉRATION : LA MINISTRE ÉCHANGE AVEC LA SG DE L'OIF À PARIS",
            "En marge de sa visite de travail à Paris, la ministre de la "
            "Culture a échangé avec la secrétaire générale de l'Organisation "
            "internationale de la Francophonie.",
            "meeting",
        ),
    ],
)
def test_where_the_news_is_on_outlets_pages(title: str, body: str, expected: str) -> None:
    assert classify(title, body, "", PUB).event_type == expected


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        # asked for is not to come: "urges ICESCO to send" is the urging
        (
            "Minister urges ICESCO to send heritage experts to Karabakh",
            "The culture minister called on ICESCO to assess the damage to mosques.",
            "statement",
        ),
        # talks during a video conference between two sides are a call, whatever they
        # discussed
        (
            "Minister, ICESCO chief discuss summer school",
            "Azerbaijan and ICESCO have discussed the summer school during a video "
            "conference between the minister and the Director General.",
            "phone_call",
        ),
        # a headline that tells talks as well as a trip is read from the lead as before
        (
            "Minister visits Rabat, meets ICESCO Director General",
            "The minister met the Director General at the headquarters and discussed "
            "the summer school.",
            "meeting",
        ),
        # visitors to an exhibition are no visit of someone
        (
            "Over half a million visitors to the calligraphy exhibition",
            "The number of visitors to the international calligraphy exhibition hosted at "
            "ICESCO has exceeded half a million.",
            "other",
        ),
        # why a city was proclaimed a capital is background to the session
        (
            "National Commission for ICESCO held its second meeting in Baku",
            "The second meeting of the National Commission for ICESCO was held in Baku on "
            "December 22.\n\nThe minister recalled the reason why the city of Nakhchivan "
            "was proclaimed as the capital of Islamic culture.",
            "conference",
        ),
        # what may come is not the news of the talks or the call a lead tells
        (
            "Kazakhstan may host ICESCO forum on media literacy",
            "The minister held an online meeting with the ICESCO Director General on Tuesday.",
            "phone_call",
        ),
        # an exhibition that "met art lovers" opened to them: no meeting
        (
            'Ressamın "Şuşa" sergisi İstanbul\'da açıldı',
            "Azerbaycanlı ressamın kişisel sergisi Kültür Merkezi'nde sanatseverlerle buluştu.",
            "other",
        ),
        # a forum is still a forum when a speaker is named in a "words: speaker" headline
        # and the lead puts the words at it
        (
            "Culture unites nations: presidential aide",
            "Culture unites nations, the presidential aide said at the opening of the "
            "Global Baku Forum.",
            "conference",
        ),
        # a meeting during a visit, told as the meeting, stays a meeting
        (
            "Minister meets rector of University of Dakar",
            "The minister met the rector of the University of Dakar during his visit to Senegal.",
            "meeting",
        ),
        # a source after the colon is no speaker
        (
            "ICESCO opens regional office in Baku: Report",
            "ICESCO has opened its regional office in Baku, the organisation said.",
            "announcement",
        ),
        # "станет символом" (will become a symbol) is no office taken
        (
            "Салим аль-Малик: Шуша станет символом возрождения наследия",
            "Генеральный директор ИСЕСКО в интервью агентству рассказал о планах организации.",
            "statement",
        ),
        # a decree "signed by" its author and published is the decree's news
        (
            "Decree on the Year of Heritage published",
            "The decree signed by the President on declaring 2026 the Year of Heritage was "
            "published on Monday.",
            "announcement",
        ),
    ],
)
def test_the_new_readings_leave_these_alone(title: str, body: str, expected: str) -> None:
    assert classify(title, body, "", PUB).event_type == expected


@pytest.mark.parametrize(
    ("kind", "without", "with_it", "above"),
    [
        # a forum held by video is no call, but talks held so are
        (
            "phone_call",
            (
                "ICESCO hosts 84th Diplomatic Forum",
                "Ambassadors took part in the 84th Diplomatic Forum, held via videoconference.",
            ),
            (
                "Minister and ICESCO chief hold talks",
                "The minister and the Director General held talks via videoconference.",
            ),
            0,
        ),
        # a headline of "X, Y explore ..." at a forum is no talks; the headline's talks (3)
        # and the lead's reception are
        (
            "meeting",
            (
                "Officials, scientists and experts explore space science at ICESCO Global Forum",
                "The first day of the forum saw the participation of officials.",
            ),
            (
                "Minister, ICESCO chief explore cooperation in science",
                "The minister received the Director General.",
            ),
            3,
        ),
        # "готовы к" (ready for) is a stance; "готовятся к" (are preparing for) is not
        (
            "statement",
            (
                "Страны готовятся к саммиту ОИС в Баку",
                "Страны-члены ОИС готовятся к саммиту, который пройдет в Баку в апреле.",
            ),
            (
                "Азербайджан готов к сотрудничеству с ИСЕСКО",
                "Азербайджан готов к сотрудничеству с организацией в сфере наследия.",
            ),
            0,
        ),
    ],
)
def test_what_a_type_reads_and_what_it_leaves(
    kind: str, without: tuple[str, str], with_it: tuple[str, str], above: float
) -> None:
    assert event_scores(*without)[kind] == 0
    assert event_scores(*with_it)[kind] > above


def test_an_azerbaijani_recap_is_background() -> None:
    """ "Məlum olduğu kimi, ..." (as is known) opens a recap: the appointment it recalls is
    not the news."""
    recap = classify(
        "Səfir hələ ölkəyə getməyib",
        "Məlum olduğu kimi, Prezidentin Sərəncamı ilə İlham Məmmədov səfir təyin olunub.\n\n"
        "XİN-dən verilən məlumata görə, səfir hələ ki, ölkəyə getməyib.",
        "az",
        PUB,
    )
    assert recap.event_type != "announcement"
