"""Economic-indicator extraction (issue 4): article text -> facts in the contract's shape.

The recipe: (1) NFC the body, keeping an offset map, and give lines typed without diacritics
their letters back (``diacritics.py``); (2) split into paragraphs and sentences;
(3) in each sentence find phrase mentions and figures; (4) read them left to right, attaching
each figure to the indicator, sector, period, status and basis in force (``attach.py``);
(5) merge repeated figures (title and body) into one fact; (6) add facts read from tables:
the HTML tables of the page, and tables flattened into the text one cell a line
(``flat_tables.py``), whose lines the sentence rules skip.
The vocabulary is data (``vocab.py``, ``vocab_figures.py``), compiled once at import.
"""

from __future__ import annotations

import logging
import math
import re
from datetime import date
from decimal import Decimal
from typing import Any

from pipelines.indicators.areas import NATION_AREA, Home
from pipelines.indicators.attach import read_periods_only, sentence_facts
from pipelines.indicators.diacritics import restore
from pipelines.indicators.flat_tables import find_flat_tables
from pipelines.indicators.lexicon import BREAKDOWN_RE, CONTINUATION_RE
from pipelines.indicators.measures import State
from pipelines.indicators.scan import ArticleScan
from pipelines.indicators.segment import normalize, paragraphs, sentences
from pipelines.indicators.tables import read_table, table_facts
from pipelines.provinces import detect_province, is_national, named_provinces

logger = logging.getLogger(__name__)

_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W\d_]{2,}")
# The whole country, not as a rank ("đứng thứ 3 cả nước").
_COUNTRY = re.compile(r"(?<!\d )(?<!nhất )(?<!đầu )(?:cả nước|toàn quốc)", re.IGNORECASE)

__all__ = ["AUTO", "article_home", "extract_facts", "parse_published"]

# ``extract_facts(..., province=AUTO)``: read the article's province from the text itself.
AUTO = "<auto>"


def parse_published(published_at: str | None) -> date | None:
    """The article's date from an ISO date or datetime; None when absent or unreadable."""
    if not published_at:
        return None
    try:
        return date.fromisoformat(published_at.strip()[:10])
    except ValueError:
        logger.warning(
            "published_at %r is not an ISO date; periods without a year stay open", published_at
        )
        return None


def _inside(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether a line lies within a flattened table's lines (read as a table, not as text)."""
    start, end = span
    return any(a <= start and end <= b for a, b in taken)


def article_home(body: str, province: str | None) -> Home:
    """What the article reports on. ``province`` as extracted (``AUTO``: detected here from the
    body, whose first line is the title). An article of no province of its own is national when
    its title or lead speaks of the whole country, or when it goes round several provinces and
    names the country ("... tăng ở 36 địa phương trên cả nước, như Bắc Giang ..."): its figures
    that name no place are the country's. One that names no place at all (a statistics office
    release, a province that never names itself) says nothing: no area."""
    lines = [line for line in body.split("\n", 6) if line.strip()][:2]
    if province == AUTO:
        # the title: the first line that is words, not a date or a clock
        title = next((x for x in body.split("\n", 12) if len(_WORD.findall(x)) >= 3), None)
        province = detect_province(title, body)
    national = province is None and (
        is_national("\n".join(lines), lines[0] if lines else "")
        or (len(named_provinces(body)) >= 2 and _COUNTRY.search(body) is not None)
    )
    return Home(province=province, default_area=NATION_AREA if national else None)


def _same(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """The same fact stated twice: a title rounds ("gần 709 nghìn tỷ" for 708.950 tỷ) and may
    leave out the period, so values within the scorer's tolerance and a missing period agree."""
    if any(a.get(k) != b.get(k) for k in ("indicator", "sector", "measure", "area")):
        return False
    if a["period"] and b["period"] and a["period"] != b["period"]:
        return False
    x, y = a["value"], b["value"]
    if a["measure"] == "level" and abs(x - y) <= 0.005 * max(abs(x), abs(y)):
        return True
    if abs(x - y) <= 1e-6:
        return True
    # "gần 15 tỷ USD" in the title for 14,86 tỷ in the body: a hedged round number stands for
    # any value that rounds to it
    for hedged, other in ((a, b), (b, a)):
        if hedged["qualifier"] and not other["qualifier"]:
            return abs(hedged["value"] - other["value"]) <= _rounding(hedged["value"]) / 2
    return False


def _rounding(value: float) -> float:
    """The unit a round number is rounded to: 15 tỷ -> 1 tỷ, 330 -> 10, 8,5 -> 0,1; a value
    with three significant digits or more is no round number (0)."""
    if value == 0 or not math.isfinite(value):
        return 0.0
    exact = Decimal(repr(abs(value))).normalize().as_tuple()
    if len(exact.digits) > 2 or not isinstance(exact.exponent, int):
        return 0.0
    return float(Decimal(1).scaleb(exact.exponent))


def _better(new: dict[str, Any], old: dict[str, Any]) -> bool:
    """Which copy to keep: the one that states its base, then its period, then its status."""

    def rank(f: dict[str, Any]) -> tuple[bool, ...]:
        hedged = f["status"] in ("estimate", "target")  # titles drop "ước", bodies keep it
        return (f["_explicit_basis"], f["period"] is not None, hedged, f["qualifier"] is None)

    return rank(new) > rank(old)


def _key(fact: dict[str, Any]) -> tuple[Any, ...]:
    return (fact["indicator"], fact["sector"], fact["measure"], fact.get("area"))


def _dedupe(facts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One fact per figure: a figure repeated in the title and the body is one fact, and the
    copy that states its comparison base wins (the title's "tăng 4,7%" loses to the body's
    "tăng 4,7% so với tháng 9/2021", seed 004). Facts are compared only with those of the same
    indicator, sector, measure and area (a dictionary of them), not each with every other."""
    kept: list[dict[str, Any]] = []
    alike: dict[tuple[Any, ...], list[int]] = {}
    for fact in facts:
        same = alike.setdefault(_key(fact), [])
        twin = next((i for i in same if _same(fact, kept[i])), None)
        if twin is None:
            same.append(len(kept))
            kept.append(fact)
        elif _better(fact, kept[twin]):
            kept[twin] = fact
    return kept


def extract_facts(
    body: str,
    *,
    published_at: str | None,
    tables: list[list[list[str]]] | None = None,
    province: str | None = AUTO,
) -> list[dict[str, Any]]:
    """Each fact dict: indicator, sector, area, measure, value (float), unit, basis, period,
    status, qualifier, evidence (exact substring of body, or a table-derived text for table
    facts), start, end (offsets in body with body[start:end] == evidence; None for table facts).
    published_at: ISO date/datetime or None; its year resolves periods without a year.
    province: the province the article reports on (None: none, a national article or a round-up;
    AUTO: read from the body); figures about any other place carry it as ``area``."""
    published = parse_published(published_at)
    norm = normalize(body or "")
    # lines typed without diacritics get them back (same length: offsets stay valid)
    text = restore(norm.text)
    home = article_home(text, province)
    flat = find_flat_tables(text)
    taken = sorted(span for table in flat for span in table.taken)
    spans = [p for p in paragraphs(text) if not _inside(p, taken)]
    # A paragraph without a single digit states no figure: only its periods can matter later
    # (unless the next one continues it), so the phrase scan reads periods alone there.
    read = [
        (i + 1 < len(spans) and CONTINUATION_RE.match(text, spans[i + 1][0]) is not None)
        or _DIGIT.search(text, a, b) is not None
        for i, (a, b) in enumerate(spans)
    ]
    regions = [span for span, full in zip(spans, read, strict=True) if full]
    state = State(published=published, home=home, scan=ArticleScan(text, home, regions))
    found: list[dict[str, Any]] = []
    for i, (p_start, p_end) in enumerate(spans):
        state.new_paragraph(
            bool(CONTINUATION_RE.match(text, p_start)), bool(BREAKDOWN_RE.match(text, p_start))
        )
        if not read[i]:
            read_periods_only(text, p_start, p_end, state)
            continue
        for s_start, s_end in sentences(text, p_start, p_end):
            found.extend(sentence_facts(text, s_start, s_end, state))
    for table in flat:
        context = text[max(0, table.taken[0][0] - 300) : table.taken[0][0]]
        for fact in read_table(table.grid, published, home, table.spans, context):
            if fact["start"] is not None:
                fact["_explicit_basis"] = True  # a column states its base
                found.append(fact)
    facts = []
    for fact in _dedupe(found):
        start, end = norm.span(fact["start"], fact["end"])
        del fact["_explicit_basis"]
        fact.update(start=start, end=end, evidence=body[start:end])
        facts.append(fact)
    # A table row restating a figure of the text ("Số liệu cụ thể như sau:") is the same fact;
    # the text's copy is kept because it has offsets into the body.
    alike: dict[tuple[Any, ...], list[dict[str, Any]]] = {}
    for fact in facts:
        alike.setdefault(_key(fact), []).append(fact)
    for fact in table_facts(tables or [], published=published, home=home):
        same = alike.setdefault(_key(fact), [])
        if not any(_same(fact, old) for old in same):
            same.append(fact)
            facts.append(fact)
    logger.debug("extracted %d facts", len(facts))
    return facts
