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
 /آذربيجان/آذربایجان: baku/bakı/баку/bakou/باكو/باکو,
 shusha/şuşa/шуша/choucha/شوشا/شوشة, ganja/gəncə/гянджа, nakhchivan/naxçıvan/нахчыван/нахичевань,
 sumgait/sumqayıt, lankaran/lənkəran, sheki/şəki/шеки, gabala/qəbələ, khankendi/xankəndi,
 aghdam/ağdam, fuzuli/füzuli, lachin/laçın, kalbajar/kəlbəcər, zangilan/zəngilan,
 shamakhi/şamaxı, guba/quba
morocco/maroc/marokko/марокко/mərakeş/المغرب/مراکش: rabat/рабат/الرباط/رباط, casablanca,
 marrakesh/marrakech, fez, tangier
saudi arabia/səudiyyə ərəbistanı/السعودية/عربستان: riyadh/эр-рияд/الرياض, jeddah/джидда/جدة,
 mecca/makkah/مكة/مكة المكرمة, medina/المدينة المنورة
turkey/türkiye/турция/türkiyə/تركيا/ترکیه: ankara/анкара/أنقرة, istanbul/стамбул/إسطنبول/استانبول,
 konya/конья
iran/иран/إيران/ایران: tehran/тегеран/طهران/تهران
egypt/египет/مصر: cairo/каир/القاهرة
qatar/катар/qətər/قطر: doha/доха/الدوحة
united arab emirates/uae: abu dhabi/абу-даби, dubai/дубай
uzbekistan/узбекистан: tashkent/ташкент, samarkand, bukhara, khiva
kazakhstan: astana/астана, almaty
kyrgyzstan: bishkek
tajikistan: dushanbe
turkmenistan: ashgabat
pakistan: islamabad, lahore, karachi
indonesia: jakarta
malaysia: kuala lumpur
bangladesh: dhaka
kuwait: kuwait city
oman: muscat
bahrain: manama
jordan: amman
iraq: baghdad
lebanon: beirut
syria: damascus
tunisia: tunis
algeria: algiers
libya: tripoli
sudan: khartoum
mauritania: nouakchott
senegal: dakar
nigeria: abuja
mali: bamako
niger: niamey
yemen: sanaa
france/франция/fransa/فرنسا: paris/париж/باريس/پاریس
united kingdom/uk/britain: london/лондон
switzerland/швейцария: geneva/женева/genève/genf, bern
united states/usa: new york/нью-йорк, washington/вашингтон
belgium: brussels/брюссель/bruxelles/brüssel
russia/россия/rusiya: moscow/москва/moskva
germany/германия: berlin/берлин
austria: vienna/вена/wien
italy: rome/рим/roma
spain: madrid/мадрид
china/китай: beijing/пекин
japan: tokyo
georgia/грузия/gürcüstan: tbilisi/тбилиси
ukraine: kyiv/kiev/киев
hungary: budapest
poland: warsaw
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
