"""Publication time, byline and view count from Vietnamese article text.

Dates: the numeric portal formats are parsed with fixed regular expressions (fast, and exact about
whether a time was given); dateparser is only the last resort for wordy dates, because it is slow
and mis-reads zero-padded months ("tháng 09"). Times are local (Asia/Ho_Chi_Minh); a date without a
time is returned date-only, and no evidence gives None — never a guess.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from pipelines.vocab import boilerplate as bp
from pipelines.vocab import dates as dv

logger = logging.getLogger(__name__)

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
# Years outside this window are typos or horizons, not publication years.
MIN_YEAR, MAX_YEAR = 1995, 2100

_TIME = r"(?P<H>[01]?\d|2[0-3])\s*[:hg]\s*(?P<M>[0-5]\d)(?:\s*:\s*(?P<S>[0-5]\d))?(?:\s*(?P<ampm>AM|PM|SA|CH))?"
_DMY = r"(?<![\d/.])(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})(?![\d/])"
# Time before date ("15:13, 26/03/2024", "21:28 22/09/2025") and date before time
# ("26/04/2024 00:04"): two patterns, because Python's re has no duplicate group names.
_TIME_DATE = re.compile(rf"{_TIME}\s*(?:[,|–-]|ngày)?\s*{_DMY}", re.I)
_DATE_TIME = re.compile(rf"{_DMY}(?:\s*(?:[,|–-]|lúc)?\s*{_TIME})?", re.I)
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    r"(?:\.\d+)?\s*(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_WORDY = re.compile(
    r"(?:ngày\s+)?(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*|\s+)(?:năm\s+)?(?P<y>\d{4})",
    re.I,
)
_WEEKDAY_START = re.compile(rf"^\W*{dv.WEEKDAY}\b", re.I)
_PUBLISHED = re.compile(rf"^\W*{dv.PUBLISHED_LABEL}\b", re.I)
_UPDATED = re.compile(rf"^\W*{dv.UPDATED_LABEL}\b", re.I)
_LABEL_WORDS = re.compile(
    rf"{dv.WEEKDAY}\b|{dv.PUBLISHED_LABEL}\b|{dv.UPDATED_LABEL}\b|\b(?:ngày|lúc|giờ|GMT\s*\+?\s*7|\(GMT\+7\))",
    re.I,
)
_LEAD_DATE = re.compile(
    rf"^(?:[^.]{{0,40}}?\b)?(?:{dv.DAY_PART}\s+(?:nay\s+)?(?:ngày\s+)?|[Nn]gày\s+|(?:hôm )?(?:nay|qua)\s*\(\s*)"
    r"(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})(?:\s*/\s*(?P<y>\d{4}))?(?![\d/])"
)
_YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d{2})(?![\d.,]\d)")
_YEAR_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")
_HORIZON = re.compile(dv.HORIZON_BEFORE_YEAR, re.I)
_REVIEW = [re.compile(p, re.I) for p in dv.REVIEW_YEAR]
_MONTH_ZERO = re.compile(r"(tháng)\s+0(\d)\b", re.I)
_VIEWS = [re.compile(p) for p in bp.VIEW_COUNTERS]
_BYLINE_PREFIX = re.compile("^(?:" + "|".join(bp.BYLINE_PREFIXES) + ")", re.I)
_BYLINE_OFFICE = re.compile("(?:" + "|".join(bp.BYLINE_OFFICES) + ")")
_BYLINE_NOTE = re.compile("(?:" + "|".join(bp.BYLINE_NOTES) + ")")
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.-]*$")
_NAME_JOINERS = {"-", "–", "&", "và", ",", "|"}
_TERMINAL = (".", "!", "?", ";", ":", "…", '"', "”", "»")
# The longest office byline, in words ("Trung tâm Khuyến công và Tư vấn phát triển công nghiệp").
OFFICE_MAX_WORDS = 10


@dataclass(frozen=True)
class DateHit:
    """A date found in text: ISO value, whether it had a time, what kind of line carried it."""

    value: str
    has_time: bool
    kind: str  # "published" | "updated" | "clock" | "plain" | "lead" | "meta"
    rest: str = (
        ""  # the words of the line besides the date (a byline, in "Nhị Hà 15:13, 26/03/2024")
    )


def _build(
    y: int, m: int, d: int, hh: int | None, mm: int | None, ss: int | None
) -> tuple[str, bool] | None:
    """ISO string for local date(+time); None for impossible dates (31/02/2024)."""
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        day = date(y, m, d)
        if hh is None:
            return day.isoformat(), False
        # A time of exactly midnight is what CMSs store when the editor gave only a date
        # ("( Cập nhật lúc: 06/09/2021 00:00:00 )"): report the date only.
        if hh == 0 and (mm or 0) == 0 and (ss or 0) == 0:
            return day.isoformat(), False
        stamp = datetime.combine(day, time(hh, mm or 0, ss or 0), tzinfo=TZ)
    except ValueError:
        logger.debug("impossible date %04d-%02d-%02d ignored", y, m, d)
        return None
    return stamp.isoformat(), True


def _hour(match: re.Match[str]) -> tuple[int | None, int | None, int | None]:
    if match.group("H") is None:
        return None, None, None
    hh = int(match.group("H"))
    ampm = (match.group("ampm") or "").upper()
    if ampm in {"PM", "CH"} and hh < 12:
        hh += 12
    elif ampm in {"AM", "SA"} and hh == 12:
        hh = 0
    return hh, int(match.group("M")), int(match.group("S")) if match.group("S") else None


def parse_iso(text: str) -> tuple[str, bool] | None:
    """An ISO 8601 stamp (meta tags, JSON-LD) converted to Asia/Ho_Chi_Minh."""
    m = _ISO.search(text.strip())
    if not m:
        return None
    y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
    if m.group("H") is None:
        return _build(y, mo, d, None, None, None)
    hh, mm, ss = int(m.group("H")), int(m.group("M")), int(m.group("S") or 0)
    tz = m.group("tz")
    if not tz:
        return _build(y, mo, d, hh, mm, ss)
    offset = "+00:00" if tz == "Z" else (tz if ":" in tz else f"{tz[:3]}:{tz[3:]}")
    try:
        stamp = datetime.fromisoformat(
            f"{y:04d}-{mo:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}{offset}"
        )
    except ValueError:
        return None
    local = stamp.astimezone(TZ)
    return _build(local.year, local.month, local.day, local.hour, local.minute, local.second)


def _numeric(text: str) -> tuple[tuple[str, bool], tuple[int, int]] | None:
    matches = [*_TIME_DATE.finditer(text), *_DATE_TIME.finditer(text)]
    matches.sort(key=lambda m: (m.start(), -m.end()))
    for m in matches:
        built = _build(int(m.group("y")), int(m.group("m")), int(m.group("d")), *_hour(m))
        if built:
            return built, m.span()
    wordy = _WORDY.search(text)
    if wordy:
        built = _build(
            int(wordy.group("y")), int(wordy.group("m")), int(wordy.group("d")), None, None, None
        )
        if built:
            return built, wordy.span()
    iso = _ISO.search(text)
    if iso and iso.group("H") is not None:
        built = parse_iso(iso.group(0))
        if built:
            return built, iso.span()
    return None


def parse_date_text(text: str, formats: tuple[str, ...] = ()) -> tuple[str, bool] | None:
    """Parse a string known to hold a date (a selector's text, a date line)."""
    text = " ".join(text.split())
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        has_time = "%H" in fmt or "%I" in fmt
        return _build(
            parsed.year,
            parsed.month,
            parsed.day,
            *((parsed.hour, parsed.minute, parsed.second) if has_time else (None, None, None)),
        )
    found = _numeric(text)
    if found:
        return found[0]
    iso = parse_iso(text) if _ISO.fullmatch(text) else None
    if iso:
        return iso
    return _dateparser_fallback(text)


def _dateparser_fallback(text: str) -> tuple[str, bool] | None:
    # Only wordy dates reach dateparser: it costs milliseconds per call.
    if not re.search(r"tháng|\d{4}", text, re.I) or len(text) > 80:
        return None
    import dateparser  # imported lazily: it loads its language data on first import

    fixed = _MONTH_ZERO.sub(r"\1 \2", text)  # dateparser mis-reads "tháng 09"
    parsed = dateparser.parse(
        fixed,
        languages=["vi"],
        settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    if parsed is None:
        return None
    has_time = bool(re.search(r"\d{1,2}\s*[:h]\s*\d{2}", fixed))
    hms = (parsed.hour, parsed.minute, parsed.second) if has_time else (None, None, None)
    return _build(parsed.year, parsed.month, parsed.day, *hms)


def classify_date_line(line: str) -> DateHit | None:
    """A line that is mostly a date ("26/04/2024 00:04", "Nhị Hà 15:13, 26/03/2024").

    Returns None for sentences that merely contain a date: the words left after removing the date,
    weekday and labels must be few (a byline at most).
    """
    if len(line) > 120:
        return None
    found = _numeric(line)
    if not found:
        return None
    (value, has_time), (start, end) = found
    rest = _LABEL_WORDS.sub(" ", line[:start] + " " + line[end:])
    bare = " ".join(re.sub(r"[|,:;()\[\]–\-•·/]+", " ", rest).split())
    if len(bare.split()) > 5 or any(ch.isdigit() for ch in bare):
        return None
    # The byline keeps the joiner of a pair of names ("Thu Hà - Minh Tuấn 18:35, 30/12/2022");
    # only the separators left dangling by the date's removal go.
    rest = " ".join(rest.split()).strip(" |,:;()[]–-•·/") if bare else ""
    if _UPDATED.search(line):
        kind = "updated"
    elif _PUBLISHED.search(line):
        kind = "published"
    elif _WEEKDAY_START.search(line):
        kind = "clock"  # the caller decides: above the title it is the site's clock
    else:
        kind = "plain"
    return DateHit(value, has_time, kind, rest)


def publication_years(text: str) -> list[int]:
    """Years the text speaks of as present or past (ranges and horizons like "đến năm 2030" left out)."""
    spans = [m.span() for m in _YEAR_RANGE.finditer(text)]
    years: list[int] = []
    for m in _YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in spans):
            continue
        if _HORIZON.search(text[max(0, m.start() - 30) : m.start()]):
            continue
        year = int(m.group(1))
        if MIN_YEAR <= year <= MAX_YEAR:
            years.append(year)
    return years


def infer_year(month: int, text: str) -> int | None:
    """The year of a day/month with no year ("Chiều ngày 2/1"), from the years the text names.

    A meeting held in January/February that reviews year Y ("tổng kết công tác năm 2023") is in
    Y+1. Otherwise the latest present-or-past year named wins: articles name last year's results
    and this year's targets, rarely next year's. No year named at all: None (no guess).
    """
    if month <= 2:
        for pattern in _REVIEW:
            m = pattern.search(text)
            if m:
                return int(m.group("y")) + 1
    years = publication_years(text)
    return max(years) if years else None


def find_lead_date(lead: str, context: str) -> DateHit | None:
    """The event date opening a lead ("Chiều ngày 2/1, …", "Sáng 27/11/2025, …")."""
    m = _LEAD_DATE.search(lead[:160])
    if not m:
        return None
    day, month = int(m.group("d")), int(m.group("m"))
    year = int(m.group("y")) if m.group("y") else infer_year(month, context)
    if year is None:
        return None
    built = _build(year, month, day, None, None, None)
    return DateHit(built[0], False, "lead") if built else None


def parse_views(line: str, *, whole: bool = True) -> int | None:
    """The number of a view counter ("1681 Lượt xem", "Lượt xem: 6.541")."""
    for pattern in _VIEWS:
        m = pattern.fullmatch(line) if whole else pattern.search(line)
        if m:
            digits = re.sub(r"\D", "", m.group("n"))
            return int(digits) if digits else None
    return None


def strip_views(line: str) -> tuple[str, int | None]:
    """Remove a view counter embedded in a metadata line; returns the rest and the count."""
    for pattern in _VIEWS:
        m = pattern.search(line)
        if m:
            digits = re.sub(r"\D", "", m.group("n"))
            rest = (line[: m.start()] + " " + line[m.end() :]).strip(" |•·-–,")
            return " ".join(rest.split()), int(digits) if digits else None
    return line, None


def clean_author(line: str) -> str | None:
    """The name in a byline line, or None if the line is not a byline.

    A byline is 1-6 capitalised words (two names may be joined by "-", "và", "&"), no digits, no
    sentence punctuation: "Vũ Pi", "Thảo Nguyên" (a place-like name is still a byline),
    "Bài và ảnh: Thu Hà", "Quang Minh (TH)". A sentence ending in "./." is never one.
    """
    text = line.strip().strip("*_ ")
    if not text or text.endswith("./.") or any(ch.isdigit() for ch in text):
        return None
    text = _BYLINE_PREFIX.sub("", text)
    text = _BYLINE_NOTE.sub("", text).strip(" ,;-–")
    if not text or text.endswith(_TERMINAL):
        return None
    # Offices sign as "Phòng Kế hoạch - Tài chính" or "Phòng Quản lý công nghiệp - Sở Công
    # Thương": the joiners do not count towards the length.
    office_words = [w for w in text.split() if w not in _NAME_JOINERS]
    if _BYLINE_OFFICE.fullmatch(text) and len(office_words) <= OFFICE_MAX_WORDS:
        return " ".join(text.split())
    words = text.replace(",", " , ").split()
    names = [w for w in words if w not in _NAME_JOINERS]
    if not 1 <= len(names) <= 6 or len(words) > 9:
        return None
    if not all(_NAME_WORD.match(w) and w[0].isupper() for w in names):
        return None
    # One capitalised word is a byline only for an agency acronym ("TTXVN") or a pen name of 2+ words.
    if len(names) == 1 and not (names[0].isupper() and len(names[0]) >= 2):
        return None
    return " ".join(text.split())
