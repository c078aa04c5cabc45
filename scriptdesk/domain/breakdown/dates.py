"""Historical date expressions, normalised with their precision.

Finds full dates ("November 16, 1927", "16 ноября 1927 года"), day and month
("On November 7"), month and year, seasons ("the spring of 1935"), decades
("the mid-1920s", "20-е годы"), centuries, ranges ("1932–1933", "from 1908
to 1917") and years, in English and Russian. Relative expressions ("a week
and a half later", "the previous year") are kept with precision RELATIVE and
resolved with :class:`dateutil.relativedelta.relativedelta` against the
nearest preceding date in the same or the previous block.

Counts and measures ("5,000", "100 percent", "ten years in the camps") are
not dates. Each pattern runs once over each block, so the finder is linear.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from scriptdesk.domain.breakdown.text_tools import ScriptReading, StemAnchor, finditer_near
from scriptdesk.domain.enums import DatePrecision
from scriptdesk.domain.model import DateDraft, ScriptDocument, Span

_YEAR = r"(?:1[0-9]{3}|20[0-9]{2})"
_MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_MONTH_RU = (
    r"(?i:январ[ьяе]|феврал[ьяе]|март[аеу]?|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|август[аеу]?"
    r"|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])"
)
_MONTH = rf"(?:{_MONTH_EN}|{_MONTH_RU})"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_RU_YEAR_WORD = r"(?:\s*(?:-?(?:го|й|м)\b)?\s*(?:года|году|год|г\.|гг\.))?"
_DASH = r"[-‐‑–—]"
_NOT_A_MEASURE = (
    r"(?![\d]|[.,]\d|\s*(?:%|percent|per\s+cent|people|persons|men|women|workers|soldiers|troops"
    r"|copies|rubles|roubles|dollars|pounds|francs|marks|km|kilomet|miles|met(?:er|re)s|tons|tonnes"
    r"|square|feet|households|members|delegates|pages|prisoners|votes|words|units|(?:\w+\s+)?years\b"
    r"|человек|руб|тонн|экземпляр|процент|штук|лет\b))"
)
_NOT_AFTER = r"(?<![\w$£€№#/.,:])(?<!page )(?<!Page )(?<!p\. )(?<!pp\. )(?<!No\. )(?<!no\. )"

_SEASONS = {
    "spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2),
    "весн": (3, 5), "лет": (6, 8), "осен": (9, 11), "зим": (12, 2),
}
_MONTH_PREFIXES = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "oct": 10, "nov": 11, "dec": 12, "янв": 1, "фев": 2, "мар": 3, "апр": 4, "ма": 5,
    "июн": 6, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12,
}
_DECADE_PARTS = {"early": (0, 3), "beginning": (0, 3), "mid": (4, 6), "middle": (4, 6),
                 "late": (7, 9), "end": (7, 9), "начал": (0, 3), "середин": (4, 6), "конц": (7, 9)}
_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "half a": 0.5, "half an": 0.5,
    "один": 1, "одну": 1, "два": 2, "две": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6,
    "семь": 7, "восемь": 8, "девять": 9, "десять": 10, "пол": 0.5, "полтора": 1.5, "полторы": 1.5,
}
_UNIT_PREFIXES = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade",
                  "centur": "century", "дн": "day", "ден": "day", "недел": "week", "месяц": "month",
                  "год": "year", "лет": "year", "век": "century", "десятилет": "decade"}

_ROMAN = {"XV": 15, "XVI": 16, "XVII": 17, "XVIII": 18, "XIX": 19, "XX": 20, "XXI": 21}


@dataclass(slots=True)
class _Found:
    start: int
    end: int
    precision: DatePrecision
    earliest: dt.date | None
    latest: dt.date | None
    confidence: float
    relative: tuple[str, float, str, int] | None = None  # (unit, amount, mode, sign)


def _month(word: str) -> int:
    word = word.lower().rstrip(".")
    return _MONTH_PREFIXES.get(word[:3]) or _MONTH_PREFIXES[word[:2]]


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group(0))


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, 1) + relativedelta(day=31)


def _year_span(first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(first, 1, 1), dt.date(last, 12, 31)


def _full_date(m: re.Match[str]) -> _Found | None:
    day = _safe_date(int(m["year"]), _month(m["month"]), _day_number(m["day"]))
    if day is None:
        return None
    return _Found(m.start(), m.end(), DatePrecision.DAY, day, day, 0.95)


def _numeric_date(m: re.Match[str]) -> _Found | None:
    if m["iso"]:
        year, month, day = int(m["iso"]), int(m["im"]), int(m["id"])
    else:
        year, month, day = int(m["y"]), int(m["m"]), int(m["d"])
    value = _safe_date(year, month, day)
    return None if value is None else _Found(m.start(), m.end(), DatePrecision.DAY, value, value, 0.9)


def _day_month(m: re.Match[str]) -> _Found | None:
    # The year comes from the context later (see _resolve_years).
    found = _Found(m.start(), m.end(), DatePrecision.DAY, None, None, 0.7)
    found.relative = ("daymonth", float(_month(m["month"])), "day", _day_number(m["day"]))
    return found


def _day_of_month(m: re.Match[str]) -> _Found:
    # "By the 17th": month and year come from a dated expression just before.
    found = _Found(m.start(), m.end(), DatePrecision.DAY, None, None, 0.6)
    found.relative = ("monthday", 0.0, "monthday", _day_number(m["day"]))
    return found


def _month_year(m: re.Match[str]) -> _Found:
    year, month = int(m["year"]), _month(m["month"])
    return _Found(m.start(), m.end(), DatePrecision.MONTH, dt.date(year, month, 1), _month_end(year, month), 0.9)


def _season(m: re.Match[str]) -> _Found:
    year = int(m["year"])
    word = m["season"].lower()
    first, last = next(v for k, v in _SEASONS.items() if word.startswith(k))
    end_year = year + 1 if last < first else year
    return _Found(m.start(), m.end(), DatePrecision.SEASON, dt.date(year, first, 1), _month_end(end_year, last), 0.85)


def _decade(m: re.Match[str]) -> _Found:
    digits = m["decade"]
    base = int(digits) if len(digits) == 4 else 1900 + int(digits)
    base -= base % 10
    first, last = 0, 9
    part = (m["part"] or "").lower()
    for key, bounds in _DECADE_PARTS.items():
        if part.startswith(key):
            first, last = bounds
    earliest, latest = _year_span(base + first, base + last)
    return _Found(m.start(), m.end(), DatePrecision.DECADE, earliest, latest, 0.85)


def _century(m: re.Match[str]) -> _Found:
    number = int(m["ordinal"]) if m["ordinal"] else _ROMAN[m["roman"].upper()]
    earliest, latest = _year_span((number - 1) * 100 + 1, number * 100)
    return _Found(m.start(), m.end(), DatePrecision.RANGE, earliest, latest, 0.7)


def _range(m: re.Match[str]) -> _Found | None:
    first = int(m["first"])
    last_text = m["last"]
    last = int(last_text) if len(last_text) == 4 else first - first % 100 + int(last_text)
    if last < first or last - first > 150:
        return None
    earliest, latest = _year_span(first, last)
    return _Found(m.start(), m.end(), DatePrecision.RANGE, earliest, latest, 0.9)


def _year(m: re.Match[str]) -> _Found:
    year = int(m["year"])
    earliest, latest = _year_span(year, year)
    return _Found(m.start(), m.end(), DatePrecision.YEAR, earliest, latest, 0.85 if m["cue"] else 0.75)


def _relative(m: re.Match[str]) -> _Found:
    text = m.group(0).lower()
    found = _Found(m.start(), m.end(), DatePrecision.RELATIVE, None, None, 0.6)
    unit = next((u for k, u in _UNIT_PREFIXES.items() if re.search(rf"\b{k}", text)), "")
    if m["period"] is not None:  # "the previous year", "the next day", "that same day"
        word = re.sub(r"^the\s+", "", m["period"].lower())
        sign = 1 if re.match(r"next|following|след|after", word) else -1 if re.match(
            r"previous|preceding|пред|прошл|before", word) else 0
        found.relative = (unit, 1.0 if sign else 0.0, "period", sign)
        return found
    amount_text = (m["amount"] or "a").lower().strip()
    amount = _NUMBER_WORDS.get(amount_text)
    if amount is None and amount_text.isdigit():
        amount = float(amount_text)
    if "half a" in text and "and a half" not in text:
        amount = 0.5
    if amount is not None and ("and a half" in text or "с половиной" in text):
        amount += 0.5
    if "полвека" in text:
        unit, amount = "century", 0.5
    sign = -1 if re.search(r"earlier|before|ago|раньше|ранее|назад", text) else 1
    if amount is not None and unit:
        found.relative = (unit, float(amount), "offset", sign)
    return found


_Maker = Callable[[re.Match[str]], "_Found | None"]
# Cheap anchors (see text_tools.finditer_near): every pattern needs one of them.
_ANCHOR_YEAR = re.compile(r"[12][0-9]{3}")
_ANCHOR_MONTH = StemAnchor("jan feb mar apr may jun jul aug sep oct nov dec янв фев мар апр ма июн июл авг сен окт ноя дек")
_ANCHOR_DECADE = re.compile(r"[0-9]0(?:['’]?s\b|-[ехы])")
_ANCHOR_CENTURY = re.compile(r"(?:century|век|вв?\.)")
_ANCHOR_RELATIVE = StemAnchor(
    "day week month year decade centur morning evening night spring summer autumn winter "
    "дн ден недел месяц год лет полвека накануне"
)
_ANCHOR_ORDINAL = re.compile(r"[0-9](?:st|nd|rd|th)\b")
_PATTERNS: list[tuple[re.Pattern[str], _Maker]] = [
    (re.compile(rf"{_NOT_AFTER}(?i:(?:from|between|с)\s+)(?P<first>{_YEAR})\s+(?:to|until|till|and|(?i:по|до))"
                rf"\s+(?P<last>{_YEAR}){_RU_YEAR_WORD}{_NOT_A_MEASURE}"), _range),
    (re.compile(rf"{_NOT_AFTER}(?P<first>{_YEAR})\s?{_DASH}\s?(?P<last>{_YEAR}|\d{{2}})(?![\d-])"
                rf"(?:\s*(?i:годы|годах|годов|гг\.))?"), _range),
    (re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>{_DAY}),?\s+(?P<year>{_YEAR})\b(?:{_RU_YEAR_WORD})"), _full_date),
    (re.compile(rf"{_NOT_AFTER}\b(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH}),?\s+(?P<year>{_YEAR})\b{_RU_YEAR_WORD}"),
     _full_date),
    (re.compile(r"(?<![\d.])(?:(?P<iso>1[0-9]{3}|20[0-9]{2})-(?P<im>0[1-9]|1[0-2])-(?P<id>[0-2][0-9]|3[01])"
                r"|(?P<d>[0-2]?[0-9]|3[01])\.(?P<m>0[1-9]|1[0-2])\.(?P<y>1[0-9]{3}|20[0-9]{2}))(?![\d.]\d)"),
     _numeric_date),
    (re.compile(rf"\b(?P<month>{_MONTH_EN})\s+(?P<day>{_DAY})\b(?!\s*{_DASH}?\s*\d)(?!,?\s+{_YEAR})"), _day_month),
    (re.compile(rf"{_NOT_AFTER}\b(?P<day>{_DAY})(?:\s+of)?\s+(?P<month>{_MONTH})\b(?!,?\s+{_YEAR})"), _day_month),
    (re.compile(rf"\b(?P<month>{_MONTH})(?:\s+of)?,?\s+(?P<year>{_YEAR})\b{_RU_YEAR_WORD}{_NOT_A_MEASURE}"), _month_year),
    (re.compile(rf"(?:\b(?i:the)\s+)?\b(?P<season>(?i:spring|summer|autumn|fall|winter))(?:\s+of)?,?\s+(?P<year>{_YEAR})\b"
                rf"|\b(?P<season_ru>(?i:весн(?:а|ой|ы|у|е)|лет(?:о|ом|а|е)|осен(?:ь|ью|и)|зим(?:а|ой|ы|у|е)))"
                rf"\s+(?P<year_ru>{_YEAR}){_RU_YEAR_WORD}"), lambda m: _season(_SeasonMatch(m))),
    (re.compile(rf"(?:\b(?:the\s+)?(?P<part>(?i:early|mid|late|beginning of the|middle of the|end of the))[-\s]?)?"
                rf"(?:the\s+)?(?P<decade>1[0-9]{{2}}0|20[0-9]0)(?:['’]?s\b|-(?i:е|х|ые|ых)\b(?:\s+(?i:годы|годах|годов|гг\.))?)"
                rf"|(?:\b(?P<part_ru>(?i:начал[еао]|середин[еыау]|конц[еау]))\s+)?(?<![\d-])"
                rf"(?P<decade_ru>[1-9]0)-(?i:е|х)\s+(?i:годы|годах|годов|гг\.)"), lambda m: _decade(_DecadeMatch(m))),
    (re.compile(r"\b(?:the\s+)?(?P<ordinal>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)[-\s]century\b"
                r"|\b(?P<roman>XV|XVI|XVII|XVIII|XIX|XX|XXI)\s+(?i:век[аеу]?|вв?\.)"), _century),
    (re.compile(rf"{_NOT_AFTER}(?P<cue>(?:\b(?:in|since|by|until|till|from|of|to|after|before|year|the year|(?i:в|с|до|к|по))\s+))?"
                rf"(?P<year>{_YEAR})(?![\d'’]|-?(?:е|х|ые|ых|s)\b){_RU_YEAR_WORD}{_NOT_A_MEASURE}"), _year),
    (re.compile(
        r"(?i:\b(?:the\s+)?(?P<period>previous|preceding|following|next|same|that same)\s+(?:day|week|month|year|spring|summer"
        r"|autumn|winter|decade|morning|evening|night)\b"
        r"|\bthe\s+(?P<period_b>day|year|week|month)\s+(?:before|after)\b"
        r"|\b(?P<amount>a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
        r"|forty|fifty|half\s+an?|\d{1,3}|a\s+few|several)\s+(?:days?|weeks?|months?|years?|decades?|centur(?:y|ies))"
        r"(?:\s+and\s+a\s+half)?\s+(?:later|afterwards|earlier|before\s+that|after\s+that|on\b)"
        r"|\bwithin\s+(?:a|an|one|two|three|six|half\s+a)\s+(?:days?|weeks?|months?|years?)(?:\s+and\s+a\s+half)?"
        r"|\bчерез\s+(?:(?:один|одну|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|полтора|полторы|\d{1,3})\s+)?"
        r"(?:день|дня|дней|неделю|недели|недель|месяцев|месяца|месяц|года|год|лет)"
        r"|\b(?:полвека|(?:(?:один|два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|полтора|полторы|\d{1,3})\s+)?"
        r"(?:года|год|лет|месяцев|месяца|месяц|дня|дней|неделю|недели|недель))\s+(?:спустя|позже|позднее|назад|ранее|раньше)"
        r"|\b(?:на\s+следующий\s+(?:день|год)|в\s+тот\s+же\s+день|в\s+(?:предыдущем|прошлом|следующем)\s+году|накануне))"),
     lambda m: _relative(_RelativeMatch(m))),
    # "By the 17th not a ship had left": a day of the month just named ("the 15th Congress" is none).
    (re.compile(r"\b(?:[Bb]y|[Oo]n|[Uu]ntil|[Tt]ill|[Ss]ince|[Ff]rom|[Tt]o)\s+the\s+(?P<day>[12][0-9]|3[01]|0?[1-9])"
                r"(?:st|nd|rd|th)\b(?![ \t]*[A-ZА-ЯЁ(\-])(?!\s+(?:century|centuries|anniversary|birthday|floor|time"
                r"|row|place|day|year|of)\b)"), _day_of_month),
]


class _SeasonMatch:
    """Adapts the Russian alternative of the season pattern to the English names."""

    def __init__(self, match: re.Match[str]) -> None:
        self._match = match

    def __getitem__(self, key: str) -> str:
        return self._match[key] or self._match[f"{key}_ru"]

    def start(self) -> int:
        return self._match.start()

    def end(self) -> int:
        return self._match.end()


class _DecadeMatch(_SeasonMatch):
    """Adapts the Russian alternative of the decade pattern."""


class _RelativeMatch(_SeasonMatch):
    """Normalises the groups of the relative-expression pattern."""

    def __getitem__(self, key: str) -> str | None:
        if key == "period":
            return self._match["period"] or (
                f"{'previous' if 'before' in self._match.group(0) else 'next'}" if self._match["period_b"] else None
            ) or _russian_period(self._match.group(0))
        if key == "amount":
            return self._match["amount"] or _russian_amount(self._match.group(0))
        return self._match[key]

    def group(self, index: int = 0) -> str:
        return self._match.group(index)


def _russian_period(text: str) -> str | None:
    lowered = text.lower()
    if lowered.startswith("на следующий") or "следующем" in lowered:
        return "next"
    if "предыдущем" in lowered or "прошлом" in lowered or lowered == "накануне":
        return "previous"
    if "тот же" in lowered:
        return "same"
    return None


def _russian_amount(text: str) -> str | None:
    for word in text.lower().split():
        if word in _NUMBER_WORDS or word.isdigit():
            return word
    return None


def find_dates(
    document: ScriptDocument, skip_blocks: set[int], *, reading: ScriptReading | None = None
) -> list[DateDraft]:
    """Every date expression of the document outside ``skip_blocks``, in script order.

    ``reading`` shares the anchors found over the whole script with the other
    finders of one breakdown.
    """
    reading = reading or ScriptReading(document)
    dates: list[DateDraft] = []
    anchors: list[tuple[int, _Found]] = []  # recent dated expressions (block, found)
    for index, block in enumerate(document.blocks):
        if index in skip_blocks:
            continue
        for found in _scan(block.text, lambda anchor, index=index: reading.anchor_spans(index, anchor)):
            if found.relative is not None:
                _resolve(found, index, anchors)
                if found.relative[2] == "monthday" and found.earliest is None:
                    continue  # a bare "the 17th" with no month to belong to is no date
            if found.earliest is not None and found.precision is not DatePrecision.RELATIVE:
                anchors.append((index, found))
                del anchors[:-8]
            dates.append(
                DateDraft(
                    span=Span(index, found.start, found.end),
                    text=block.text[found.start : found.end],
                    precision=found.precision,
                    earliest=found.earliest,
                    latest=found.latest,
                    confidence=found.confidence,
                )
            )
    return dates


_WINDOWS = [
    (_ANCHOR_YEAR, 45, 30), (_ANCHOR_YEAR, 10, 30), (_ANCHOR_YEAR, 40, 30), (_ANCHOR_YEAR, 40, 30),
    (_ANCHOR_YEAR, 10, 10), (_ANCHOR_MONTH, 5, 30), (_ANCHOR_MONTH, 15, 30), (_ANCHOR_YEAR, 30, 30),
    (_ANCHOR_YEAR, 30, 30), (_ANCHOR_DECADE, 45, 20), (_ANCHOR_CENTURY, 20, 10), (_ANCHOR_YEAR, 25, 40),
    (_ANCHOR_RELATIVE, 45, 30), (_ANCHOR_ORDINAL, 20, 5),
]


def _scan(text: str, hits: Callable[[re.Pattern[str] | StemAnchor], list[tuple[int, int]]]) -> list[_Found]:
    """Non-overlapping matches, longest first at each position."""
    candidates: list[_Found] = []
    for (pattern, make), (anchor, before, after) in zip(_PATTERNS, _WINDOWS, strict=True):
        spans = hits(anchor)
        if not spans:
            continue
        for match in finditer_near(pattern, spans, text, before, after):
            found = make(match)
            if found is not None:
                _trim_cue(text, found)
                candidates.append(found)
    candidates.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[_Found] = []
    last_end = -1
    for found in candidates:
        if found.start >= last_end:
            chosen.append(found)
            last_end = found.end
    return chosen


_CUE = re.compile(r"(?:(?:from|between|in|since|by|until|till|of|to|after|before|the year|year|the|в|с|до|к|по)\s+)+",
                  re.IGNORECASE)


def _trim_cue(text: str, found: _Found) -> None:
    """Drop a leading preposition ("in 1927" -> "1927") but keep "from ... to"."""
    if found.precision is DatePrecision.RANGE and re.match(r"(?i:from|between|с)\s", text[found.start : found.end]):
        return
    if found.precision is DatePrecision.RELATIVE:
        return
    if found.precision in (DatePrecision.DECADE, DatePrecision.SEASON, DatePrecision.RANGE) and re.match(
        r"(?i:the)\s", text[found.start : found.end]
    ):
        return  # "the spring of 1935", "the mid-1920s", "the 20th century" keep their article
    cue = _CUE.match(text, found.start, found.end)
    if cue and cue.end() < found.end:
        found.start = cue.end()
    while found.end > found.start and text[found.end - 1] in " ,":
        found.end -= 1


def _resolve(found: _Found, block: int, anchors: list[tuple[int, _Found]]) -> None:
    """Fill earliest/latest of a relative or year-less date from a clear anchor."""
    unit, amount, mode, value = found.relative
    if mode == "monthday":  # "the 17th": of the month of a day or month named in the last few blocks
        anchor = next((a for b, a in reversed(anchors) if block - b <= 3
                       and a.precision in (DatePrecision.DAY, DatePrecision.MONTH)), None)
        if anchor is not None:
            found.earliest = found.latest = _safe_date(anchor.earliest.year, anchor.earliest.month, value)
        return
    if mode == "day":  # "November 7": the year of the nearest dated expression
        anchor = next((a for b, a in reversed(anchors) if block - b <= 3), None)
        if anchor is not None:
            day = _safe_date(anchor.latest.year if anchor.precision is DatePrecision.YEAR else anchor.earliest.year,
                             int(amount), value)
            found.earliest = found.latest = day
        return
    anchor = next((a for b, a in reversed(anchors) if block - b <= 1 and a.precision in (
        DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.SEASON, DatePrecision.YEAR)), None)
    if anchor is None or not unit:
        return
    if unit in ("day", "week") and anchor.precision is not DatePrecision.DAY and mode == "offset":
        return  # days after "1927" say nothing precise
    if unit == "month" and anchor.precision not in (DatePrecision.DAY, DatePrecision.MONTH) and mode == "offset":
        return
    whole, fraction = int(amount), amount - int(amount)
    delta = {
        "day": relativedelta(days=round(amount)),
        "week": relativedelta(days=round(amount * 7)),
        "month": relativedelta(months=whole, days=round(fraction * 30)),
        "year": relativedelta(years=whole, months=round(fraction * 12)),
        "decade": relativedelta(years=round(amount * 10)),
        "century": relativedelta(years=round(amount * 100)),
    }[unit]
    if mode == "period":
        base = anchor.earliest + relativedelta(years=value) if unit == "year" else anchor.earliest
        if unit == "year":
            found.earliest, found.latest = _year_span(base.year, base.year)
        elif unit == "day" and anchor.precision is DatePrecision.DAY:
            found.earliest = found.latest = anchor.earliest + relativedelta(days=value)
        return
    if value < 0:
        delta = -delta
    found.earliest, found.latest = anchor.earliest + delta, anchor.latest + delta
    found.confidence = 0.5
