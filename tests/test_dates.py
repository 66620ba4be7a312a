"""Article-relative dates: (article date, phrase, tense) -> the day it names, or None if vague."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract.dates import resolve_date, resolve_period

D = dt.date
MONDAY = D(2024, 8, 5)  # the seed articles' date, a Monday

# fmt: off
DAYS = [
    # (article date, phrase, future?, expected)
    (MONDAY, "today", False, MONDAY),
    (MONDAY, "tonight", False, MONDAY),
    (MONDAY, "this morning", False, MONDAY),
    (MONDAY, "yesterday", False, D(2024, 8, 4)),
    (MONDAY, "last night", False, D(2024, 8, 4)),
    (MONDAY, "tomorrow", True, D(2024, 8, 6)),
    (MONDAY, "the day after tomorrow", True, D(2024, 8, 7)),
    (MONDAY, "two days ago", False, D(2024, 8, 3)),
    (MONDAY, "3 days ago", False, D(2024, 8, 2)),
    # a bare weekday: on or before the article date in the past, on or after it in the future
    (MONDAY, "Monday", False, MONDAY),
    (MONDAY, "Monday", True, MONDAY),
    (MONDAY, "Wednesday", False, D(2024, 7, 31)),
    (MONDAY, "Wednesday", True, D(2024, 8, 7)),
    (MONDAY, "Sunday night", False, D(2024, 8, 4)),
    (MONDAY, "Wed.", False, D(2024, 7, 31)),
    (D(2024, 8, 8), "Thursday", False, D(2024, 8, 8)),
    # last / next: strictly before / after, whatever the tense
    (MONDAY, "last Wednesday", False, D(2024, 7, 31)),
    (MONDAY, "last Monday", False, D(2024, 7, 29)),
    (MONDAY, "next Monday", True, D(2024, 8, 12)),
    (MONDAY, "next Friday", False, D(2024, 8, 9)),
    # month and day: the latest on or before the article date, the next one after it in the
    # future (a fact is never dated after its article)
    (MONDAY, "October 7", False, D(2023, 10, 7)),
    (MONDAY, "Aug. 10", True, D(2024, 8, 10)),
    (MONDAY, "Aug. 1", True, D(2025, 8, 1)),
    (MONDAY, "Aug. 3", False, D(2024, 8, 3)),
    (MONDAY, "August 3rd", False, D(2024, 8, 3)),
    (MONDAY, "3 August", False, D(2024, 8, 3)),
    (MONDAY, "the 3rd of August", False, D(2024, 8, 3)),
    (MONDAY, "Sept. 12", True, D(2024, 9, 12)),
    (D(2025, 1, 2), "Dec. 30", False, D(2024, 12, 30)),
    (D(2024, 12, 30), "Jan. 2", True, D(2025, 1, 2)),
    (MONDAY, "August 3, 2023", False, D(2023, 8, 3)),
    (MONDAY, "2024-07-31", False, D(2024, 7, 31)),
    # vague or impossible: no one day, the statement keeps the article date
    (MONDAY, "last week", False, None),
    (MONDAY, "earlier this month", False, None),
    (MONDAY, "this week", False, None),
    (MONDAY, "recently", False, None),
    (MONDAY, "August", False, None),
    (MONDAY, "the past two years", False, None),
    (MONDAY, "Feb. 30", False, None),
    (MONDAY, "Ma 3", False, None),
    # without an article date only a full date resolves
    (None, "tomorrow", True, None),
    (None, "Monday", False, None),
    (None, "Aug. 3", False, None),
    (None, "Aug. 3, 2024", False, D(2024, 8, 3)),
]
# fmt: on


@pytest.mark.parametrize(("article_date", "phrase", "future", "expected"), DAYS)
def test_a_date_phrase_names_a_day_relative_to_the_article(article_date, phrase, future, expected):
    assert resolve_date(phrase, article_date, future) == expected


# fmt: off
PERIODS = [
    # (article date, phrase, future?, (first day, last day) or None)
    (MONDAY, "2008", False, (D(2008, 1, 1), D(2008, 12, 31))),
    (MONDAY, "March 2019", False, (D(2019, 3, 1), D(2019, 3, 31))),
    (MONDAY, "the 1990s", False, (D(1990, 1, 1), D(1999, 12, 31))),
    # a month alone: the latest up to the article in the past, the next from it in the future
    (MONDAY, "April", False, (D(2024, 4, 1), D(2024, 4, 30))),
    (MONDAY, "October", False, (D(2023, 10, 1), D(2023, 10, 31))),
    (MONDAY, "October", True, (D(2024, 10, 1), D(2024, 10, 31))),
    (MONDAY, "April", True, (D(2025, 4, 1), D(2025, 4, 30))),
    (MONDAY, "last year", False, (D(2023, 1, 1), D(2023, 12, 31))),
    (MONDAY, "last month", False, (D(2024, 7, 1), D(2024, 7, 31))),
    (D(2024, 1, 10), "last month", False, (D(2023, 12, 1), D(2023, 12, 31))),
    (MONDAY, "last week", False, (D(2024, 7, 29), D(2024, 8, 4))),
    (MONDAY, "next week", True, (D(2024, 8, 12), D(2024, 8, 18))),
    (MONDAY, "45 years ago", False, (D(1979, 1, 1), D(1979, 12, 31))),
    (MONDAY, "two months ago", False, (D(2024, 6, 1), D(2024, 6, 30))),
    (MONDAY, "mid-April", False, (D(2024, 4, 1), D(2024, 4, 30))),
    (MONDAY, "early 2014", False, (D(2014, 1, 1), D(2014, 12, 31))),
    (MONDAY, "recently", False, None),
    (MONDAY, "earlier this month", False, None),
    (None, "April", False, None),
    (None, "1979", False, (D(1979, 1, 1), D(1979, 12, 31))),
]
# fmt: on


@pytest.mark.parametrize(("article_date", "phrase", "future", "expected"), PERIODS)
def test_a_period_phrase_names_its_first_and_last_day(article_date, phrase, future, expected):
    assert resolve_period(phrase, article_date, future) == expected
