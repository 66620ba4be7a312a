"""Article-relative dates: "on Monday", "last Wednesday", "tomorrow", "on Aug. 3" -> one day.

Policy. Expressions that name one day resolve to it. A clause dated by a month, a year, a decade or
a week that does not include the article's date ('in 2008', 'in March 2019', 'last year', '45 years
ago', 'in mid-April', 'in the 1990s', 'last week') is dated to the first day of that period, so
background ('Russia annexed Crimea in 2014') is never this week's news; the phrase stays in
`date_text`. Vague or current periods ('earlier this month', 'recently', 'in August' in an August
article) keep the article's date. A bare weekday ('on Monday') is the most recent such day on or
before the article date in past narrative, and the first on or after it when the statement is
planned or hypothetical ('will meet on Monday'); 'last Monday' is strictly before, 'next Monday'
strictly after. A month and day without a year ('on October 7') is, likewise, the latest such day
on or before the article date, and the first on or after it when planned or hypothetical; a verb in
the past tense is past whatever its modality ('allegedly bombed X on August 3 / in April'). Only
a date expression attached to the trigger's own clause counts ("condemned the killing ... last
Wednesday" dates the killing, not the condemnation).
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Token

__all__ = ["clause_date", "resolve_date", "resolve_period"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
# Whole phrases that are a fixed number of days from the article date.
_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "earlier today": 0,
    "later today": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
_NUMBERS = {
    word: n
    for n, word in enumerate(("one", "two", "three", "four", "five", "six", "seven"), start=1)
}
_PARTS_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY = re.compile(r"^(?:(last|this|next|on)\s+)?([a-z]+)" + _PARTS_OF_DAY + "$")
_DAYS_AGO = re.compile(r"^(\w+)\s+days?\s+ago$")
_MONTH_DAY = re.compile(r"^([a-z]+)\s+(\d{1,2})(?:st|nd|rd|th)?(?:\s+(\d{4}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)(?:\s+(\d{4}))?$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_YEAR = re.compile(r"^(?:the\s+year\s+)?(\d{4})$")
_DECADE = re.compile(r"^(?:the\s+)?(\d{3})0s$")
_MONTH_YEAR = re.compile(r"^([a-z]+)(?:\s+of)?\s+(\d{4})$")
_RELATIVE = re.compile(r"^(last|this|next)\s+(week|month|year)$")
_UNITS_AGO = re.compile(r"^(\w+)\s+(week|month|year)s?\s+ago$")
# 'early 2014', 'mid-April', 'late March': the part of a period dates to the period
_PART = re.compile(r"^(?:early|mid|late|the\s+end\s+of|the\s+beginning\s+of)[\s-]+")
# Prepositions that date a clause by a period ('in 2008', 'during the 1990s').
_PERIOD_PREPS = ("in", "during")
# Clause anchors' children that can carry the date: 'on Monday', 'Monday', 'yesterday'.
_DATE_DEPS = ("npadvmod", "tmod", "advmod")
_DATE_PREPS = ("on",)
# A noun trigger's clause is the verb it is an argument of ('held talks on Monday').
_NOUN_ARGUMENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "prep")


def _normal(phrase: str) -> str:
    """Lower case, no periods or commas, single spaces: 'Aug. 3, 2024' -> 'aug 3 2024'."""
    return " ".join(re.sub(r"[.,]", " ", phrase.lower()).split())


def _weekday(name: str) -> int | None:
    """0-6 for a weekday name or its abbreviation ('wed', 'thurs')."""
    matches = [i for i, day in enumerate(_WEEKDAYS) if len(name) >= 3 and day.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def _month(name: str) -> int | None:
    matches = [i for i, month in enumerate(_MONTHS, 1) if len(name) >= 3 and month.startswith(name)]
    return matches[0] if len(matches) == 1 else None


def _nearest_weekday(day: int, anchor: dt.date, which: str | None, future: bool) -> dt.date:
    back = (anchor.weekday() - day) % 7
    forward = (day - anchor.weekday()) % 7
    if which == "last":
        return anchor - dt.timedelta(days=back or 7)
    if which == "next":
        return anchor + dt.timedelta(days=forward or 7)
    return anchor + dt.timedelta(days=forward) if future else anchor - dt.timedelta(days=back)


def _calendar(
    month: int, day: int, year: str | None, anchor: dt.date | None, future: bool = False
) -> dt.date | None:
    """The date of a month and day; without a year, the latest one on or before the article date
    (the first on or after it for a `future` statement): a fact is never dated after its
    article."""
    try:
        if year is not None:
            return dt.date(int(year), month, day)
        if anchor is None:
            return None
        candidates = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                candidates.append(dt.date(y, month, day))
            except ValueError:  # 29 February
                continue
        if future:
            return min((d for d in candidates if d >= anchor), default=None)
        return max((d for d in candidates if d <= anchor), default=None)
    except ValueError:
        return None


def resolve_date(phrase: str, article_date: dt.date | None, future: bool = False) -> dt.date | None:
    """The day a date phrase names, read against the article date; None if it names no one day.

    >>> resolve_date("last Wednesday", dt.date(2024, 8, 5))
    datetime.date(2024, 7, 31)
    """
    text = _normal(phrase)
    if match := _ISO.match(text):
        return _calendar(int(match[2]), int(match[3]), match[1], article_date)
    if match := _MONTH_DAY.match(text):
        month = _month(match[1])
        if month is None:
            return None
        return _calendar(month, int(match[2]), match[3], article_date, future)
    if match := _DAY_MONTH.match(text.removeprefix("the ")):
        month = _month(match[2])
        if month is None:
            return None
        return _calendar(month, int(match[1]), match[3], article_date, future)
    if article_date is None:
        return None
    if text in _OFFSETS:
        return article_date + dt.timedelta(days=_OFFSETS[text])
    if match := _DAYS_AGO.match(text):
        count = _count(match[1])
        return article_date - dt.timedelta(days=count) if count else None
    if match := _WEEKDAY.match(text):
        day = _weekday(match[2])
        which = match[1] if match[1] in ("last", "next") else None
        return _nearest_weekday(day, article_date, which, future) if day is not None else None
    return None


def _count(word: str) -> int | None:
    """'two' or '2' -> 2; None for anything else ('several days ago' names no day)."""
    return _NUMBERS.get(word) or (int(word) if word.isdigit() else None)


def _year_span(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a month."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return dt.date(year, month, 1), following - dt.timedelta(days=1)


def resolve_period(
    phrase: str, article_date: dt.date | None, future: bool = False
) -> tuple[dt.date, dt.date] | None:
    """(first, last) day of the month, year, decade or week a phrase names, read against the
    article date ('in April': the latest April up to the article in the past, the next one from
    it in the future); None if it names no such period.

    >>> resolve_period("March 2019", dt.date(2024, 8, 5))
    (datetime.date(2019, 3, 1), datetime.date(2019, 3, 31))
    """
    text = _PART.sub("", _normal(phrase))
    if match := _YEAR.match(text):
        return _year_span(int(match[1]))
    if match := _DECADE.match(text):
        start = int(match[1]) * 10
        return dt.date(start, 1, 1), dt.date(start + 9, 12, 31)
    if (match := _MONTH_YEAR.match(text)) and (month := _month(match[1])):
        return _month_span(int(match[2]), month)
    if article_date is None:
        return None
    if month := (_month(text) if text.isalpha() else None):
        year = article_date.year
        if future and month < article_date.month:
            year += 1
        elif not future and month > article_date.month:
            year -= 1
        return _month_span(year, month)
    if match := _UNITS_AGO.match(text):
        count = _count(match[1])
        if count is None:
            return None
        step, unit = -count, match[2]
    elif match := _RELATIVE.match(text):
        step, unit = {"last": -1, "this": 0, "next": 1}[match[1]], match[2]
    else:
        return None
    if unit == "year":
        return _year_span(article_date.year + step)
    if unit == "month":
        index = article_date.year * 12 + article_date.month - 1 + step
        return _month_span(index // 12, index % 12 + 1)
    monday = article_date - dt.timedelta(days=article_date.weekday()) + dt.timedelta(weeks=step)
    return monday, monday + dt.timedelta(days=6)


def _clause_anchors(trigger: Token) -> list[Token]:
    """The trigger and, for a noun trigger, the verb whose argument it is."""
    anchors = [trigger]
    token = trigger
    while token.pos_ not in ("VERB", "AUX") and token.dep_ in _NOUN_ARGUMENT_DEPS:
        token = token.head
        anchors.append(token)
    return anchors


def _date_entity(token: Token):
    if token.ent_type_ != "DATE":  # tested first: reading `doc.ents` builds a Span for each
        return None
    return next(
        (e for e in token.doc.ents if e.label_ == "DATE" and e.start <= token.i < e.end), None
    )


def clause_date(
    trigger: Token, article_date: dt.date | None, future: bool = False
) -> tuple[dt.date, str] | None:
    """(date, phrase) of a DATE entity attached to the trigger's clause that names a day, or a
    period without the article's date (its first day), if any."""
    for anchor in _clause_anchors(trigger):
        # 'allegedly bombed a school on Monday / in April' is past whatever its modality
        past = anchor.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in anchor.children
        )
        ahead = future and not past
        for child in anchor.children:
            if child.dep_ in _DATE_DEPS:
                words, period = [child], True
            elif child.dep_ == "prep" and child.lower_ in (*_DATE_PREPS, *_PERIOD_PREPS):
                words = [c for c in child.children if c.dep_ == "pobj"]
                period = child.lower_ in _PERIOD_PREPS
            else:
                continue
            for word in words:
                entity = _date_entity(word)
                if entity is None:
                    continue
                date = resolve_date(entity.text, article_date, ahead)
                if date is not None:
                    return date, entity.text
                span = resolve_period(entity.text, article_date, ahead) if period else None
                if span is not None and not (article_date and span[0] <= article_date <= span[1]):
                    return span[0], entity.text
    return None
