"""Tables that reach the text flattened, one cell a line (statistical reports converted from
PDF or a document viewer), read back into rows and columns for ``tables.read_table``.

The shape, as the contract describes it: a header block of periods and bases ("2015/2014",
"So với tháng trước", "Cộng dồn 6 tháng so với cùng kỳ"), then each row's label ("TOÀN NGÀNH",
"B. Khai khoáng / Mining and quarrying") followed by one value a line, one per column::

    Chỉ số sản xuất công nghiệp            <- title (names the indicator)
    Đơn vị tính: %                         <- notes
    Tháng 6 so với tháng trước             <- k column headers
    Tháng 6 so với cùng kỳ
    TOÀN NGÀNH                             <- a row: its label, then k cells
    101,25
    108,40
    B. Khai khoáng
    ...

A row may also come on one line ("Khai khoáng 98,10 96,50"). English glosses of bilingual
reports ("Mining and quarrying", "Prel. 2016") are joined to the line they translate. A block is
read only when at least two rows have the same number of cells and the header has that many
column headings; anything less is left to the sentence rules, never guessed.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field

from pipelines.indicators.numbers import parse_number
from pipelines.indicators.table_columns import unit_of
from pipelines.indicators.tables import Spans
from pipelines.vocab import tables as tv

logger = logging.getLogger(__name__)

# One cell: a number (signed, maybe with "%"), or a placeholder for an empty cell.
_CELL = re.compile(r"[-–+−]?\s?\d+(?:[.,]\d+)*\s?%?|[-–—]|\.{2,3}|x|X|…")
_TRAILING_CELLS = re.compile(r"(?:\s+(?:[-–+−]?\d+(?:[.,]\d+)*%?|[-–—]|\.{2,3}))+\s*$")
_LETTERS = re.compile(r"[^\W\d_]")
_UNIT_AT_END = re.compile(tv.UNIT_COLUMN + r"\s*$", re.IGNORECASE)
_VIETNAMESE = re.compile(r"[à-ỹđÀ-ỸĐ]")
_SENTENCE_END = re.compile(r"[.;!?…]\s*$")
_LABEL_HEADER = re.compile(tv.LABEL_HEADERS, re.IGNORECASE)
_NOTE = re.compile(tv.NOTE_LINES, re.IGNORECASE)
_COLUMN_WORDS = re.compile(tv.COLUMN_WORDS, re.IGNORECASE)
_STATUS_ONLY = re.compile(tv.STATUS_ONLY, re.IGNORECASE)

MAX_LABEL_WORDS = 40  # a row label (with its English gloss) or heading: longer lines are text
MAX_HEADER_WORDS = 16
MIN_ROWS = 2
MAX_BROKEN_TAIL = 12  # characters after a table's last cell for the text to count as cut there


@dataclass
class Line:
    start: int
    end: int
    text: str


@dataclass
class FlatTable:
    """A table read from text: its grid (titles, header, rows), where each cell lies, and the
    lines it took (the sentence rules skip them)."""

    grid: list[list[str]]
    spans: Spans
    taken: list[tuple[int, int]] = field(default_factory=list)


def _lines(text: str) -> list[Line]:
    return [Line(m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text)]


# A year alone ("2015", "2016/2015 (%)") heads a column: never a value cell.
_YEAR_LINE = re.compile(r"(?:19|20)\d\d(?:\s*/\s*(?:19|20)\d\d)?(?:\s*\(%\))?")


def is_cell(text: str) -> bool:
    text = text.strip()
    return _CELL.fullmatch(text) is not None and _YEAR_LINE.fullmatch(text) is None


def _part_of_table(text: str) -> bool:
    """A cell, a column's year, or a short line with no sentence end (a label or heading)."""
    if is_cell(text) or _YEAR_LINE.fullmatch(text.strip()):
        return True
    return _short(text, MAX_LABEL_WORDS) and not _SENTENCE_END.search(text)


def _value_cell(text: str) -> bool:
    cell = text.strip().rstrip("%").strip().lstrip("-–+−").strip()
    return bool(cell) and cell[0].isdigit() and parse_number(cell) is not None


def _short(text: str, limit: int) -> bool:
    words = text.split()
    return 0 < len(words) <= limit and _LETTERS.search(text) is not None


def _gloss(line: Line, before: Line | None) -> bool:
    """An English line translating the one before it ("Mining and quarrying", "Prel. 2016")."""
    if before is None or _VIETNAMESE.search(line.text) or not _LETTERS.search(line.text):
        return False
    return _VIETNAMESE.search(before.text) is not None and not is_cell(before.text)


def _merge_glosses(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for line in lines:
        if out and _gloss(line, out[-1]) and _short(line.text, MAX_LABEL_WORDS):
            last = out[-1]
            out[-1] = Line(last.start, line.end, f"{last.text} / {line.text}")
        else:
            out.append(line)
    return out


def _split_row_line(line: Line) -> list[Line] | None:
    """ "Khai khoáng 98,10 96,50 97,20" -> the label and its cells (None when not a row)."""
    tail = _TRAILING_CELLS.search(line.text)
    if tail is None or tail.start() == 0:
        return None
    label = line.text[: tail.start()].rstrip()
    if not _short(label, MAX_LABEL_WORDS) or _SENTENCE_END.search(label):
        return None
    # "Giá trị sản xuất công nghiệp Tỷ đồng 21.450 ...": the unit column, written in the label
    unit = _UNIT_AT_END.search(label)
    if unit and unit.start() > 0:
        label = f"{label[: unit.start()].rstrip()} ({unit.group(0).strip()})"
    cells = list(re.finditer(r"\S+", line.text[tail.start() :]))
    if len(cells) < 2:
        return None
    offset = line.start + (len(line.text) - len(line.text.lstrip())) + tail.start()
    parts = [Line(line.start, line.start + tail.start(), label)]
    parts.extend(Line(offset + c.start(), offset + c.end(), c.group(0)) for c in cells)
    return parts


def _explode(lines: list[Line]) -> list[Line]:
    """Rows written on one line become a label line and cell lines."""
    out: list[Line] = []
    for line in lines:
        parts = None if is_cell(line.text) else _split_row_line(line)
        out.extend(parts or [line])
    return out


def _candidate_runs(lines: list[Line]) -> list[list[Line]]:
    """Maximal runs of short lines and cells (running text ends a run)."""
    runs: list[list[Line]] = []
    run: list[Line] = []
    for line in lines:
        if _part_of_table(line.text):
            run.append(line)
        else:
            if run:
                runs.append(run)
            run = []
    if run:
        runs.append(run)
    return [r for r in runs if sum(is_cell(x.text) for x in r) >= 2 * MIN_ROWS]


def _groups(run: list[Line]) -> list[tuple[int, int]]:
    """(index of a row label, number of cells after it) for every label followed by cells."""
    found = []
    i = 0
    while i < len(run):
        if not is_cell(run[i].text) and _LETTERS.search(run[i].text):
            j = i + 1
            while j < len(run) and is_cell(run[j].text):
                j += 1
            if j > i + 1:
                found.append((i, j - i - 1))
            i = j
        else:
            i += 1
    return found


def _headers(lines: list[Line], k: int) -> tuple[list[Line], list[Line]] | None:
    """(title lines, the k column headers) from the lines above the first row."""
    heads = [x for x in lines if not _LABEL_HEADER.fullmatch(x.text)]
    # a status word alone heads the column with the line under it ("Sơ bộ" / "2016")
    merged: list[Line] = []
    for line in heads:
        if merged and _STATUS_ONLY.fullmatch(merged[-1].text) and _COLUMN_WORDS.search(line.text):
            last = merged[-1]
            merged[-1] = Line(last.start, line.end, f"{last.text} {line.text}")
        else:
            merged.append(line)
    columns = [
        x for x in merged if _short(x.text, MAX_HEADER_WORDS) or _YEAR_LINE.fullmatch(x.text)
    ]
    if len(columns) < k:
        return None
    chosen = merged[-k:]
    if not all(_COLUMN_WORDS.search(x.text) and not _NOTE.search(x.text) for x in chosen):
        return None
    return merged[:-k], chosen


def _unit_line(text: str) -> bool:
    return len(text.split()) <= 3 and unit_of(text)[0] is not None and not is_cell(text)


def _table(run: list[Line], cut_short: bool = False) -> FlatTable | None:
    """The table of a run of lines; ``cut_short``: the text ends inside it (a truncated copy),
    so its last row may have fewer cells than columns."""
    groups = _groups(run)
    if len(groups) < MIN_ROWS:
        return None
    k = Counter(n for _, n in groups).most_common(1)[0][0]
    if sum(n == k for _, n in groups) < MIN_ROWS:
        return None
    first = groups[0][0]
    # "Giá trị sản xuất công nghiệp" / "Tỷ đồng" / cells: the unit column, under its label
    if _unit_line(run[first].text) and first > 0 and not is_cell(run[first - 1].text):
        first -= 1
    found = _headers(run[:first], k)
    if found is None:
        return None
    titles, headers = found
    grid: list[list[str]] = [[t.text] for t in titles]
    grid.append(["", *(h.text for h in headers)])
    spans: Spans = {}
    taken = [(h.start, h.end) for h in headers]
    done = first  # index of the first line not yet read
    for i, n in groups:
        unit = ""
        head = i
        if _unit_line(run[i].text) and i - 1 >= done and not is_cell(run[i - 1].text):
            unit, head = f" ({run[i].text})", i - 1
        start = head
        # a label on two lines ("D. Sản xuất và phân phối điện, khí đốt," + "hơi nước ...")
        while (
            start - 1 >= done
            and not is_cell(run[start - 1].text)
            and (run[start - 1].text.endswith(",") or run[start].text[:1].islower())
        ):
            start -= 1
        for line in run[done:start]:  # section headings between rows ("Phân theo ngành")
            spans[(len(grid), 0)] = (line.start, line.end)
            grid.append([line.text, *([""] * k)])
            taken.append((line.start, line.end))
        label = Line(
            run[start].start, run[head].end, " ".join(x.text for x in run[start : head + 1])
        )
        cells = run[i + 1 : i + 1 + n]
        done = i + 1 + n
        taken.append((label.start, cells[-1].end))
        cut = n < k and (i, n) == groups[-1] and cut_short
        if n != k and not cut:
            continue  # a row with a missing or extra cell cannot be aligned: left alone
        row = len(grid)
        # a copy cut short inside the table: the cells it kept are the first columns'
        grid.append([label.text + unit, *(c.text for c in cells), *([""] * (k - n))])
        spans[(row, 0)] = (label.start, label.end)
        for j, cell in enumerate(cells, 1):
            spans[(row, j)] = (cell.start, cell.end)
    return FlatTable(grid=grid, spans=spans, taken=taken)


# Cheap tests first: a table one cell a line has lines that are a lone number; one row a line
# has lines ending in two numbers or more.
_LONE_NUMBER = re.compile(r"^[ \t]*[-–+−]?\d+(?:[.,]\d+)*[ \t]*%?[ \t]*$", re.MULTILINE)
_ROW_END = re.compile(r"\s\d+(?:[.,]\d+)*%?[ \t]+\d+(?:[.,]\d+)*%?[ \t]*$", re.MULTILINE)


def find_flat_tables(text: str) -> list[FlatTable]:
    """Every flattened table in ``text`` (offsets into ``text``)."""
    lone = len(_LONE_NUMBER.findall(text))
    if lone < 2 * MIN_ROWS and len(_ROW_END.findall(text)) < MIN_ROWS:
        return []
    lines = _explode(_merge_glosses(_lines(text)))
    tables = []
    tail = text.rstrip()
    for run in _candidate_runs(lines):
        # the text ends with the run, or with one broken cell after it ("105,")
        cut_short = len(tail) - run[-1].end <= MAX_BROKEN_TAIL
        table = _table(run, cut_short)
        if table is not None:
            logger.debug("flattened table with %d rows", len(table.grid))
            tables.append(table)
    return tables
