"""Words that are no part of a person's name (data, no logic): capitalised common
words, the words of an institution's or an office's name, and the words that make a
capitalised run an institution ("Heydar Aliyev Foundation"). Read by
:mod:`monitor.entity_people`.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a table written as text."""
    return frozenset(text.split())


# Capitalised words that never belong to a person's name (extend freely).
NOT_NAME = _words(
    """
    the a an in on at of and for to by with from as but or during following after before
    this that these those it he she they his her its their we our there here while when
    president minister ambassador director general secretary chairman chairperson head
    deputy first lady vice prime foreign affairs republic kingdom state states ministry
    islamic world educational scientific cultural organization organisation
    organizations united nations international national foundation centre center council
    committee assembly parliament conference forum session summit congress capital
    culture cultural education science youth sports tourism azerbaijani azerbaijan's
    azerbaijan's mr mrs ms dr his excellency h.e. prof. professor minister's also
    however meanwhile note notably moreover besides today yesterday tomorrow monday
    tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december news agency reports photo video
    dg fm speaking touching issues cooperation partnership supreme autonomous heritage
    day holy quran union public future board action war office government league release
    disclaimer translate report stars area citi city le la les de du des l’ d’ der die
    das und im am mit von herr frau президент министр республики азербайджан
    азербайджана первый вице-президент prezident nazir respublikası azərbaycan
    azərbaycanın birinci xanım vereinten vereinte nationen republik bildung wissenschaft
    kultur willens unies nations-unies welt islamischen islamische islamischer gast
    объединенных наций организации организация
    religious petrochemical relations affairs studies sciences resources processes
    meets receives visits holds signs discusses hosts attends calls congratulates awards
    opens says welcomes launches addresses talks offers extends expresses praises urges
    inaugurates participates reviews explores stresses highlights condemns affirms commends
    celebrates announces honours honors presents concludes chairs leads delivers joins
    list lists sends hails thanks emphasizes emphasises underlines reiterates renews condolences
    congratulations sympathy gratitude appreciation extraordinary plenipotentiary sector
    movement expatriates genel turizm research higher development innovation innovations
    technology technologies economy economic trade health finance defence defense justice
    energy labour labor information communications transport agriculture ecology
    environment social digital industry investment investments emergency situations
    interior yazıçı yazıçısı şair şairi rəssam rəssamı müğənni müğənnisi alim писатель
    писательница поэт поэтесса художник художница певица певец yazar ressam sanatçı
    """
)
# words of an institution's or an office's name, in any of its cases (stems)
ORG_WORD = re.compile(
    r"(?:associations?|partnerships?|processes|institutions?|departments?|programmes?"
    r"|институт|университет|министерств|комитет|государствен|национальн|академи|фонд"
    r"|центр|совет|агентств|управлени|служб|ведомств|госслужб|госкомитет|госагентств|госдум|департамент|библиотек|музе|организаци|ассамбле"
    r"|парламент|палат|союз|федераци|ассоциаци|обществ|республик|исламск|всемирн"
    r"|nazirliy|komitə|universitet|akademiya|mərkəz|fond|təşkilat|məclis|dövlət|milli"
    r"|respublika|kitabxana|muzey|institut|assosiasiya|federasiya|birliy|palata|agentliy"
    r"|dünya|təhsil|elm\b|mədəniyyət|islam\b|bakanlı|üniversite|kurum|vakf|administrasiya"
    r"|mətbuat|xidmət|азербайджанск|российск|марокканск|турецк|киргиз|кыргызск|узбекск"
    r"|казахск|таджикск|туркменск|арабск|иранск|пакистанск|саудовск)",
    re.IGNORECASE,
)
INSTITUTION = re.compile(
    r"^(?:foundation|fund|centre|center|prize|order|avenue|street|airport|park|palace"
    r"|university|museum|school|institute|mosque|award|library|academy|theatre|theater"
    r"|fondu|mərkəzi|kitabxanası|saray\w*|фонд\w*|библиотек\w*|дворц\w*|дворец|центр\w*"
    r"|музе\w*|университет\w*|институт\w*|проспект\w*|улиц\w*|аэропорт\w*|имени)$",
    re.IGNORECASE,
)
