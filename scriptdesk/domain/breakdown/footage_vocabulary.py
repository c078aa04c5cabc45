"""Words an archival producer logs footage by, as compiled patterns.

Kept apart from :mod:`scriptdesk.domain.breakdown.footage` so the vocabulary
can grow (more languages, more kinds of place and event) without touching the
logic. English and Russian.
"""

from __future__ import annotations

import re

from scriptdesk.domain.breakdown.text_tools import StemAnchor
from scriptdesk.domain.enums import FootageKind

_CAP = r"[A-ZА-ЯЁ][\w-]*"
_NAME_WORDS = rf"(?:{_CAP}\s+){{0,3}}"

# Places and buildings: a capitalised name with a building or street noun.
BUILDING = re.compile(
    rf"(?P<name>(?:{_CAP}\s+){{1,4}}(?:(?i:Hotel|Street|Square|Lane|Boulevard|Avenue|Prospect|Embankment|Bridge"
    rf"|Palace|Theatre|Theater|Cinema|Picture\s+House|Cathedral|Church|Monastery|Prison|Station|Institute|University|Museum"
    rf"|Academy|Hall|Tower|Gates?|Park|Garden|Cemetery|Passage|Market|Factory|Works|Plant|Camp|Mansion"
    rf"|Castle|Fortress|Barracks|Stadium|Harbou?r|Port|Quay|Bay)s?)\b"
    rf"(?:\s+of\s+(?:the\s+)?{_CAP}(?:\s+{_CAP}){{0,3}})?"
    rf"|(?:(?i:the)\s+)?(?:Houses?|Hall|Palace|Institute|Museum|Cathedral|Church)\s+(?:of|on|with)\s+(?:the\s+)?"
    rf"{_CAP}(?:\s+{_CAP}){{0,3}}"
    rf"|\b(?:the\s+)?(?:Kremlin|Smolny|Lubyanka|Reichstag|Winter Palace|Red Square|White House|Capitol)\b"
    rf"|(?:{_CAP}\s+)(?:prison|camp|monastery|cathedral|palace|station|square|street)\b"
    rf"|\b(?i:улиц[аеуы]|площад[ьи]|переул(?:ок|ке|ка)|бульвар[аеу]?|гостиниц[аеуы]|дворц[еау]|дворец|театр[аеу]?"
    rf"|тюрьм[аеуы]|набережн(?:ая|ой|ую))\s+{_CAP}(?:\s+{_CAP})?"
    rf"|\bКремл[ьеяю]\b)"
)

# A town or country after a preposition of place ("in Kaluga", "from Paris").
PLACE_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|to|from|at|near|outside|across|through|on|(?i:в|во|из|под))\s+"
    r"(?P<name>[A-ZА-ЯЁ][a-zа-яё]+(?:-[A-ZА-ЯЁ][a-zа-яё]+)?)\b(?![’'`]s\b)(?!\s+[A-ZА-ЯЁ])"
)
NOT_PLACES = frozenset(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Soviet Soviets Bolshevik Bolsheviks Red White
    Central Party God Comrade Mr Mrs Miss Lord Sir General Colonel Emperor Tsar Prince Count Academician
    The This That These Those His Her Their Its Our One Two Three Paris-based English French German Russian
    Pravda Izvestia Academia Politburo Cheka Komsomol Gosizdat Parliament Congress Committee Council
    Commissariat Government Opposition Revolution Christmas Easter Maslenitsa Christ Heaven History
    Январь Февраль Март Апрель Май Июнь Июль Август Сентябрь Октябрь Ноябрь Декабрь""".split()
)

# Events: a noun of a filmed occasion and what qualifies it.
EVENT = re.compile(
    r"(?P<qualifier>(?:(?:[A-Z0-9][\w’'-]*|joint|festive|alternative|jubilee|show|military|mass|victory|state"
    r"|opening|closing|funeral|torchlight|May Day)\s+){0,4})"
    r"\b(?P<noun>(?i:parades?|congress(?:es)?|plenums?|funerals?|trials?|demonstrations?|conferences?|rall(?:y|ies)"
    r"|uprising|insurrection|revolution|coup|strikes?|siege|blockade|famine|premiere|celebrations?|anniversary"
    r"|sessions?|assassination|executions?|elections?|coronation|procession|meeting|olympics|exhibition"
    r"|парад\w*|съезд\w*|пленум\w*|похорон\w*|процесс\w*|демонстраци\w*|конференци\w*|митинг\w*))\b"
    r"(?P<tail>\s+(?:of|in|at)\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+(?:and\s+(?:the\s+)?|of\s+(?:the\s+)?)?[A-Z][\w’'-]*){0,5})?"
)
# Occasions concrete enough to log even without a name ("the funeral").
CONCRETE_EVENTS = frozenset(
    "parade parades funeral funerals demonstration demonstrations trial trials premiere congress plenum "
    "conference rally rallies siege blockade famine procession coronation".split()
)

# Titles in Markdown emphasis: *October*, _The Devils_.
ITALIC_TITLE = re.compile(r"(?<![*\w])([*_])(?![*_\s])(?P<title>[^*_\n]{1,80}?)(?<!\s)\1(?![*\w])")

FILM_CUE = re.compile(
    r"\b(?i:films?|movies?|newsreels?|documentar(?:y|ies)|cinema|screen(?:ed|ing)?|directed|starred|appeared in"
    r"|acted in|фильм\w*|кинохроник\w*|киноленты?|снял\w*)\b"
)
NEWSPAPER_CUE = re.compile(r"\b(?i:newspapers?|journal|magazine|weekly|daily|gazette|газет\w*|журнал\w*)\b")
BOOK_CUE = re.compile(
    r"\b(?i:novels?|books?|poems?|poetry|memoirs?|diar(?:y|ies)|articles?|essays?|stor(?:y|ies)|plays?|edition"
    r"|volumes?|pamphlets?|роман\w*|книг\w*|поэм\w*|стих\w*|статья|стать\w*|мемуар\w*|пьес\w*)\b"
)
ART_CUE = re.compile(r"\b(?i:painting|painted|canvas|portrait|poster|sculpture|mural|картин\w*|плакат\w*)\b")
MUSIC_CUE = re.compile(
    r"\b(?i:symphon(?:y|ies)|opera|ballet|song|anthem|march|concerto|sonata|suite|overture|oratorio|cantata"
    r"|music|composed|симфони\w*|опер\w*|балет\w*|песн\w*|гимн\w*|марш\w*|музык\w*)\b"
)

# Newspapers an archive indexes by title; extend freely.
NEWSPAPERS = re.compile(
    r"\b(?:Pravda|Izvestia|Izvestiya|Trud|Krasnaya Zvezda|Komsomolskaya Pravda|Socialist Herald"
    r"|Sotsialistichesky Vestnik|Iskra|Novaya Zhizn|The Times|New York Times|The Guardian|Manchester Guardian"
    r"|Le Monde|Le Figaro|L'Humanité|Daily Mail|Daily Telegraph|Washington Post|Völkischer Beobachter"
    r"|Vossische Zeitung|Правд[аеыу]|Известия|Известиях|Труд|Искр[аеыу])\b"
)
NEWSPAPER_NAMED = re.compile(r"\b(?i:newspaper|газет[аеуы])\s+(?P<name>[*_«\"“]?[A-ZА-ЯЁ][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2}[*_»\"”]?)")

# Papers a researcher pulls from an archive.
DOCUMENT = re.compile(
    r"(?:\b(?:the|a|an|his|her|their|its|this|that)\s+)"
    r"(?P<qualifier>(?:(?:[A-Z][\w’'-]*|open|secret|information|official|unpaid|confidential|typewritten"
    r"|handwritten|coded)\s+){0,3})"
    r"(?P<noun>platform|bulletin|decree|declaration|telegram|petition|testament|manifesto|leaflets?|transcripts?"
    r"|record|order|letter|note|report|statement|resolution|denunciation|protocol|dossier|file|verdict"
    r"|sentence|indictment|bill|passport|certificate)\b"
    r"(?P<tail>\s+(?:of|for|from|on)\s+(?:the\s+)?[\w’'-]+"
    r"(?:\s+(?!(?:to|and|or|in|on|at|by|with|was|were|is|had|has|that|which)\b)[\w’'-]+)?)?"
)
ALWAYS_DOCUMENT = frozenset(
    "platform bulletin decree declaration telegram petition testament manifesto leaflet leaflets transcript "
    "transcripts protocol dossier verdict indictment".split()
)

OBJECT = re.compile(
    r"(?:(?P<owner>[A-ZА-ЯЁ][\w-]*[’']s)\s+)?(?P<noun>death mask|coffin|railway carriage|train carriage|armou?red train"
    r"|strip of film|film strip|ration cards?|typewriter|samovar|kokoshnik|icons?|medals?|banners?|posters?"
    r"|flags?|wooden cross|bombs?|pistol|revolver|rifle|blackboard|bookcase|telephones?|limousine|car\b|truck"
    r"|ledgers?|notebooks?|log\s?books?|photograph albums?|(?:Order|Orden)\s+of\s+(?:the\s+)?[A-Z][\w-]*"
    r"(?:\s+(?:of\s+)?[A-Z][\w-]*){0,4})"
)
POSTER_LIKE = frozenset({"poster", "posters"})
# Objects logged as another kind: posters are artworks, ledgers and notebooks documents.
OBJECT_KINDS = {
    **{noun: FootageKind.ARTWORK for noun in POSTER_LIKE},
    **{noun: FootageKind.DOCUMENT for noun in
       "ledger ledgers notebook notebooks logbook logbooks log book log books photograph album photograph albums".split()},
}
# Countries and continents: too wide for "period views of the place".
COUNTRIES = frozenset(
    """Russia Italy France Germany England Britain Europe America Asia Africa Spain Poland China Japan Sweden
    Norway Finland Austria Switzerland Ukraine India Turkey Greece Canada Australia
    России Россию Италии Франции Германии Англии Европе Европы Америке Америки""".split()
)
# Objects too common to log unless someone's ("Lenin's car"): an archive
# finds them in any reel of the period.
COMMONPLACE_OBJECTS = frozenset(
    "car truck telephone telephones flag flags banner banners bomb bombs pistol revolver rifle".split()
)

MAP_CUE = re.compile(
    r"\b(?P<phrase>(?:exiled?|deported|banished|sent|evacuated|fled|emigrated|moved)\s+(?:to|in|from)\s+"
    r"(?:the\s+)?(?P<place>[A-ZА-ЯЁ][\w-]+(?:\s+[a-z]+)?)|(?:the\s+)?route\s+(?:from|to)\s+[A-Z][\w-]+"
    r"|(?i:map)\s+of\s+[\w-]+(?:\s+[\w-]+)?|front\s+line)"
)


# Anchors for text_tools.finditer_near (the full patterns are slow to try everywhere).
BUILDING_ANCHOR = StemAnchor(
    "hotel street square lane boulevard avenue prospect embankment bridge palace theatre theater cathedral "
    "church monastery prison station institute university museum academy hall tower gate park garden cemetery "
    "passage market factory works plant camp mansion castle fortress barracks stadium harbo port quay bay "
    "house kremlin smolny lubyanka reichstag white capitol улиц площад переул бульвар гостиниц дворц дворец театр "
    "тюрьм набережн кремл"
)
EVENT_ANCHOR = StemAnchor(
    "parade congress plenum funeral trial demonstration conference rall uprising insurrection revolution coup "
    "strike siege blockade famine premiere celebration anniversary session assassination execution election "
    "coronation procession meeting olympics exhibition парад съезд пленум похорон процесс демонстраци "
    "конференци митинг"
)
OBJECT_ANCHOR = StemAnchor(
    "death coffin railway train armo strip film ration typewriter samovar kokoshnik icon medal banner poster "
    "flag wooden bomb pistol revolver rifle blackboard bookcase telephone limousine car truck ledger notebook log "
    "photograph order orden"
)
DOCUMENT_ANCHOR = StemAnchor(
    "platform bulletin decree declaration telegram petition testament manifesto leaflet transcript record order "
    "letter note report statement resolution denunciation protocol dossier file verdict sentence indictment bill "
    "passport certificate"
)
MAP_ANCHOR = StemAnchor("exile deport banish sent evacuat fled emigrat moved route map front")
# First words of the titles in NEWSPAPERS and of NEWSPAPER_NAMED's cue: a block
# without any of them cannot match either pattern.
NEWSPAPER_ANCHOR = StemAnchor(
    "pravda izvesti trud krasnaya komsomolskaya socialist sotsialistichesky iskra novaya times york guardian "
    "manchester monde figaro l'humanité daily washington völkischer vossische правд известия известиях труд искр "
    "newspaper газет"
)
