"""The gazetteer: places the monitor recognises, each with its country (pure data).

One line per country: ``country spellings: city spellings, city spellings, ...``; ``/``
joins the spellings of one place in any script (the first is its key), so adding a
place or a spelling is a one-line change. Spellings are compared after
:func:`monitor.entities.translit` (lower case, Latin, no accents), which is passed in to
keep this module free of imports from the text helpers. Azerbaijani cities, the capitals
of OIC members and large world cities are listed, in the spellings met in the outlets
(English, Russian, Azerbaijani, French, German, Arabic).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    """A gazetteer place: its key and the key of its country (itself for a country)."""

    key: str
    country: str


# country: city aliases; "/" joins the spellings of one place (first = key).
GAZETTEER = """
azerbaijan/azerbaidjan/azərbaycan/азербайджан/aserbaidschan/azerbaïdjan/أذربيجان/اذربيجان
 /آذربيجان/آذربایجان/azerbaycan: baku/bakı/баку/bakou/باكو/باکو/bakü,
 shusha/şuşa/шуша/choucha/schuscha/شوشا/شوشة, ganja/gəncə/гянджа/gence/gandja/gandscha/كنجة
 /گنجه,
 nakhchivan/naxçıvan/нахчыван/нахичевань/nahçıvan/nakhitchevan/nachitschewan/نخجوان,
 sumgait/sumqayıt/сумгаит, lankaran/lənkəran/ленкорань/لنکران, sheki/şəki/шеки/scheki/شکی,
 gabala/qəbələ/габала/gebele, khankendi/xankəndi/ханкенди/hankendi, aghdam/ağdam/агдам,
 fuzuli/füzuli/физули, lachin/laçın/лачин, kalbajar/kəlbəcər/кельбаджар/kelbecer,
 zangilan/zəngilan/зангилан, shamakhi/şamaxı/шемаха/şamahı,
 guba/quba/губа, aghjabadi/ağcabədi/агджабеди, naftalan/нафталан, mingachevir/mingəçevir,
 gobustan/qobustan/гобустан
morocco/maroc/marokko/марокко/mərakeş/المغرب/مراکش/fas: rabat/рабат/الرباط/رباط,
 casablanca/касабланка/الدار البيضاء, marrakesh/marrakech/марракеш/مراكش, fez/fès/فاس,
 tangier/tanger/طنجة, ifrane
saudi arabia/səudiyyə ərəbistanı/السعودية/عربستان/саудовская аравия/suudi arabistan: riyadh/эр-рияд
 /الرياض/riyad, jeddah/джидда/جدة/cidde, mecca/makkah/مكة/مكة المكرمة/мекка, medina/المدينة المنورة
turkey/türkiye/турция/türkiyə/تركيا/ترکیه/turquie: ankara/анкара/أنقرة/آنکارا, istanbul/стамбул
 /إسطنبول/استانبول, konya/конья, bursa/бурса, izmir/измир, kastamonu, antalya/анталья, kayseri,
 eskişehir/eskisehir, erzurum, kars/карс
iran/иран/إيران/ایران: tehran/тегеран/طهران/تهران/téhéran/teheran, isfahan/исфахан/اصفهان
 , mashhad/мешхед/مشهد, tabriz/тебриз/تبریز, qom/قم, shiraz/шираз/شیراز
egypt/египет/مصر/égypte/misir/mısır: cairo/каир/القاهرة/le caire, alexandria/александрия
 /الإسكندرية/alexandrie
qatar/катар/qətər/قطر: doha/доха/الدوحة/dauha
united arab emirates/uae/оаэ/الإمارات: abu dhabi/абу-даби/أبوظبي/abou dhabi, dubai/дубай/دبي/dubaï,
 sharjah/шарджа/الشارقة
uzbekistan/узбекистан/özbəkistan/özbekistan/أوزبكستان: tashkent/ташкент/daşkənd/taşkent/طشقند
 /tachkent/taschkent, samarkand/самарканд/səmərqənd/semerkant/سمرقند/samarcande
 , bukhara/бухара/buxara/buhara/بخارى, khiva/хива/xivə/hive, urgench/ургенч, andijan/андижан
 /əndican, fergana/фергана, namangan/наманган, nukus/нукус
kazakhstan/казахстан/qazaxıstan/kazakistan: astana/астана/нур-султан/nur-sultan, almaty/алматы
 /almatı/алма-ата, turkestan/туркестан/türküstan/türkistan, shymkent/шымкент, kyzylorda/кызылорда
kyrgyzstan/кыргызстан/киргизия/qırğızıstan/kırgızistan: bishkek/бишкек/bişkek, osh/ош
tajikistan/таджикистан/tacikistan/tacikistan: dushanbe/душанбе/düşənbə/duşanbe
turkmenistan/туркменистан/türkmənistan/türkmenistan: ashgabat/ашхабад/aşqabad/aşkabat
pakistan/пакистан/باكستان/پاکستان: islamabad/исламабад/إسلام آباد/اسلام‌آباد, lahore/лахор,
 karachi/карачи
afghanistan/афганистан/أفغانستان/افغانستان: kabul/кабул/كابول/کابل
indonesia/индонезия/إندونيسيا: jakarta/джакарта/جاكرتا/cakarta, bali
malaysia/малайзия/ماليزيا: kuala lumpur/куала-лумпур/كوالالمبور, putrajaya
bangladesh/бангладеш: dhaka/дакка
kuwait/кувейт/الكويت: kuwait city/эль-кувейт
oman/оман/عمان/umman: muscat/маскат/مسقط
bahrain/бахрейн/البحرين: manama/манама/المنامة
jordan/иордания/الأردن: amman/амман/عمّان
iraq/ирак/العراق: baghdad/багдад/بغداد
lebanon/ливан/لبنان: beirut/бейрут/بيروت/beyrouth
syria/сирия/سوريا: damascus/дамаск/دمشق/damas
palestine/палестина/فلسطين: ramallah/рамалла/رام الله, gaza/газа/غزة
tunisia/тунис/تونس/tunisie: tunis/تونس العاصمة, hammamet/الحمامات
algeria/алжир/الجزائر/algérie: algiers/alger/الجزائر العاصمة, constantine/قسنطينة, oran/وهران
libya/ливия/ليبيا/libye: tripoli/триполи/طرابلس
sudan/судан/السودان/soudan: khartoum/хартум/الخرطوم
mauritania/мавритания/موريتانيا/mauritanie: nouakchott/нуакшот/نواكشوط
senegal/сенегал/السنغال/sénégal: dakar/дакар/داكار
nigeria/нигерия/نيجيريا: abuja/абуджа
mali/мали/مالي: bamako/бамако
niger/нигер/النيجر: niamey/ниамей/نيامي
burkina faso/буркина-фасо: ouagadougou/уагадугу
côte d'ivoire/ivory coast/кот-д'ивуар: abidjan/абиджан
gambia/гамбия/غامبيا/gambie: banjul/банджул
gabon/габон: libreville
chad/чад/tchad: n'djamena/нджамена
yemen/йемен/اليمن: sanaa/сана/صنعاء
maldives/мальдивы: malé
brunei/бруней: bandar seri begawan
france/франция/fransa/فرنسا/فرانسه: paris/париж/باريس/پاریس/parij, strasbourg, lyon
united kingdom/uk/britain/великобритания/britaniya: london/лондон/لندن
switzerland/швейцария/isveçrə/isviçre: geneva/женева/genève/genf/cenevrə/cenevre/جنيف, bern/берн
united states/usa/сша/abş/abd/الولايات المتحدة: new york/нью-йорк/نيويورك, washington/вашингтон
 /واشنطن/vaşinqton
belgium/бельгия/belçika: brussels/брюссель/bruxelles/brüssel/brüssel/bruksel/بروكسل
russia/россия/rusiya/rusya/روسيا/روسیه/russie: moscow/москва/moskva/moscou/موسكو/مسکو/moskova,
 saint petersburg/санкт-петербург/sankt-peterburq/saint-pétersbourg, kazan/казань, ufa/уфа,
 kaliningrad/калининград, sochi/сочи, grozny/грозный, makhachkala/махачкала, derbent/дербент
 /dərbənd, yekaterinburg/екатеринбург
belarus/беларусь/белоруссия/belarus: minsk/минск
ukraine/украина/ukrayna: kyiv/kiev/киев/kiyev
georgia/грузия/gürcüstan/gürcistan/géorgie: tbilisi/тбилиси/tiflis
armenia/армения/ermənistan/ermenistan/arménie: yerevan/ереван/erevan/İrəvan
germany/германия/almaniya/almanya/allemagne/deutschland: berlin/берлин, bonn, hamburg/гамбург
austria/австрия/avstriya: vienna/вена/wien/vyana/viyana/vienne
italy/италия/italiya/italya/italie/italien: rome/рим/roma, milan/милан/milano/milan
spain/испания/ispaniya/espagne: madrid/мадрид
china/китай/çin/chine/الصين: beijing/пекин/pékin/pekin, shanghai/шанхай
japan/япония/yaponiya/japon: tokyo/токио
korea/south korea/корея: seoul/сеул
india/индия/hindistan/inde: new delhi/нью-дели/delhi
hungary/венгрия/macarıstan/macaristan: budapest/будапешт
poland/польша/polşa/polonya/pologne: warsaw/варшава/varşava/varsovie
serbia/сербия/serbiya/sırbistan/serbie: belgrade/белград/belqrad
north macedonia/macedonia/македония: skopje/скопье
bosnia and herzegovina/bosnia/босния: sarajevo/сараево/saraybosna
albania/албания/albaniya/arnavutluk/albanie: tirana/тирана
romania/румыния/rumıniya/romanya/roumanie: bucharest/бухарест/bükreş/bucarest
bulgaria/болгария/bolqarıstan/bulgaristan/bulgarie: sofia/софия
greece/греция/yunanıstan/yunanistan/grèce: athens/афины/afina/atina/athènes
czech republic/czechia/чехия: prague/прага/praqa/prag
netherlands/нидерланды/niderland/hollanda/pays-bas: the hague/гаага/la haye, amsterdam/амстердам
"""


def load_places(normalise: Callable[[str], str], table: str = GAZETTEER) -> dict[str, Place]:
    """Every spelling in ``table`` (normalised) -> its :class:`Place`."""
    out: dict[str, Place] = {}
    for line in re.sub(r"\n\s+", " ", table).strip().splitlines():
        country_part, cities = line.split(":")
        names = [normalise(n.strip()) for n in country_part.split("/")]
        for name in names:
            out[name] = Place(names[0], names[0])
        for city in cities.split(","):
            spellings = [normalise(n.strip()) for n in city.split("/")]
            for name in spellings:
                out[name] = Place(spellings[0], names[0])
    return out


# A capital told by its country: "in the Saudi capital", "в азербайджанской столице",
# "в столице Марокко", "dans la capitale marocaine", "العاصمة المغربية". One line per
# capital: ``city: English adjectives | Russian adjective stems | Russian genitives of
# the country | French adjectives | Arabic adjectives``; "/" joins alternatives.
CAPITALS = """
baku: azerbaijani/azerbaijan's | азербайджанск | азербайджана | azerbaïdjanaise | الأذربيجانية
rabat: moroccan/morocco's | марокканск | марокко | marocaine | المغربية
riyadh: saudi/saudi arabia's | саудовск | саудовской аравии | saoudienne | السعودية
ankara: turkish/turkey's/türkiye's | турецк | турции | turque | التركية
tehran: iranian/iran's | иранск | ирана | iranienne | الإيرانية
cairo: egyptian/egypt's | египетск | египта | égyptienne | المصرية
doha: qatari/qatar's | катарск | катара | qatarie | القطرية
abu dhabi: emirati/uae's | эмиратск | оаэ | émiratie | الإماراتية
tashkent: uzbek/uzbekistan's | узбекск | узбекистана | ouzbèke | الأوزبكية
astana: kazakh/kazakhstan's | казахстанск | казахстана | kazakhe | الكازاخستانية
bishkek: kyrgyz/kyrgyzstan's | кыргызск/киргизск | кыргызстана/киргизии | kirghize |
dushanbe: tajik/tajikistan's | таджикск | таджикистана | tadjike |
ashgabat: turkmen/turkmenistan's | туркменск | туркменистана | turkmène |
islamabad: pakistani/pakistan's | пакистанск | пакистана | pakistanaise | الباكستانية
jakarta: indonesian/indonesia's | индонезийск | индонезии | indonésienne | الإندونيسية
kuala lumpur: malaysian/malaysia's | малайзийск | малайзии | malaisienne | الماليزية
amman: jordanian/jordan's | иорданск | иордании | jordanienne | الأردنية
baghdad: iraqi/iraq's | иракск | ирака | irakienne | العراقية
tunis: tunisian/tunisia's | тунисск | туниса | tunisienne | التونسية
algiers: algerian/algeria's | алжирск | алжира | algérienne | الجزائرية
moscow: russian/russia's | российск | россии | russe | الروسية
paris: french/france's | французск | франции | française | الفرنسية
london: british/britain's | британск | великобритании | britannique | البريطانية
berlin: german/germany's | германск/немецк | германии | allemande | الألمانية
rome: italian/italy's | итальянск | италии | italienne | الإيطالية
beijing: chinese/china's | китайск | китая | chinoise | الصينية
tbilisi: georgian/georgia's | грузинск | грузии | géorgienne | الجورجية
minsk: belarusian/belarus's | белорусск | беларуси/белоруссии | biélorusse |
"""


def capital_places(
    places: dict[str, Place], normalise: Callable[[str], str], table: str = CAPITALS
) -> dict[str, Place]:
    """Every phrase of ``table`` (normalised) -> the capital it names; ``places`` (from
    :func:`load_places`) gives each capital its country."""
    out: dict[str, Place] = {}
    for line in table.strip().splitlines():
        city, rest = line.split(":")
        english, stems, genitives, french, arabic = (
            [a.strip() for a in part.split("/") if a.strip()] for part in rest.split("|")
        )
        phrases = [f"{a} capital" for a in english]
        phrases += [f"{s}{e} столиц" for s in stems for e in ("ой", "ую")]
        phrases += [f"столиц{e} {g}" for g in genitives for e in ("е", "у", "ы")]
        phrases += [f"capitale {f}" for f in french] + [f"العاصمة {a}" for a in arabic]
        phrases += [p.replace("'", "’") for p in phrases if "'" in p]
        place = places[normalise(city)]
        out.update({normalise(phrase): place for phrase in phrases})
    return out


def country_words(normalise: Callable[[str], str], table: str = CAPITALS) -> frozenset[str]:
    """The one-word adjectives and genitives of ``table``'s countries, normalised:
    "egyptian", "египта", "marocaine"; the Russian adjective stems with a trailing "*"
    ("египетск*"). A word of a country is no part of a person's name ("Египта Айман
    Ашур")."""
    out: set[str] = set()
    for line in table.strip().splitlines():
        parts = line.split(":")[1].split("|")
        english, stems, genitives, french, _ = (
            [a.strip() for a in part.split("/") if a.strip()] for part in parts
        )
        words = [w for w in english + genitives + french if " " not in w and "'" not in w]
        out.update(normalise(w) for w in words)
        out.update(normalise(s) + "*" for s in stems)
    return frozenset(out)


def capital_keys(table: str = CAPITALS) -> frozenset[str]:
    """The capitals of ``table``, by key: where outlets and agencies have their newsrooms."""
    return frozenset(line.split(":")[0].strip() for line in table.strip().splitlines())
