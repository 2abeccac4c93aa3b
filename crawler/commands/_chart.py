"""Charts of one indicator over time: series points -> what to draw (pure) -> PNG or HTML.

:func:`chart_data` decides what a reader sees: one value per period and line (actual figures
preferred over estimates; where sources disagree, the value most sources give), periods of
different lengths on separate lines (a year's output is not a quarter's), the unit scaled to
"nghìn tỷ đồng" and the like. :func:`render_png` and :func:`render_html` only draw it.
matplotlib is imported inside them: every `scrapy` command imports this package.
"""

from __future__ import annotations

import html
import io
import textwrap
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from crawler.commands._labels import (
    BASES,
    INDICATORS,
    MEASURES,
    PERIOD_KINDS,
    SCALES,
    SECTORS,
    STATUSES,
)
from storage.periods import period_bounds, period_kind, period_sort_key
from storage.series import SeriesPoint

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_STATUS_PREFERENCE = {"actual": 0, "estimate": 1, "target": 2}


@dataclass
class Line:
    label: str
    periods: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)  # scaled
    estimated: list[bool] = field(default_factory=list)


@dataclass
class ChartData:
    title: str
    y_label: str
    periods: list[str]  # every period on the x axis, in time order
    lines: list[Line]
    note: str
    points: list[tuple[str, SeriesPoint]]  # (line label, point) drawn, for the HTML table
    divisor: float


def period_label(period: str | None) -> str:
    """How a Vietnamese report writes a period: "Quý I/2024", "T10/2021", "10T/2021"."""
    start, end = period_bounds(period)
    if start is None or end is None or period is None:
        return period or "?"
    kind = period_kind(period)
    if kind == "year":
        return str(start.year)
    if kind == "quarter":
        return f"Quý {_ROMAN[(start.month - 1) // 3 + 1]}/{start.year}"
    if kind == "half":
        return f"6T {'đầu' if start.month == 1 else 'cuối'}/{start.year}"
    if kind == "month":
        return f"T{start.month}/{start.year}"
    if kind == "ytd":
        return f"{end.month}T/{end.year}"
    if kind == "years":
        return f"{start.year}–{end.year}"
    if start.year == end.year:
        return f"T{start.month}–T{end.month}/{end.year}"
    return f"T{start.month}/{start.year}–T{end.month}/{end.year}"


def format_number(value: float, decimals: int | None = None) -> str:
    """Vietnamese style: dot for thousands, comma for decimals (201,9; 1.234,5)."""
    if decimals is None:
        decimals = 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2
    text = f"{value:,.{decimals}f}"
    text = text.replace(",", " ").replace(".", ",").replace(" ", ".")
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def scale_for(unit: str, largest: float) -> tuple[float, str]:
    for divisor, label in SCALES.get(unit, [(1.0, unit)]):
        if largest >= divisor:
            return divisor, label
    return SCALES.get(unit, [(1.0, unit)])[-1]


def _best(points: list[SeriesPoint]) -> SeriesPoint:
    """One point per period: actual before estimate, then the most sources, then the first."""

    def key(p: SeriesPoint) -> tuple[int, int, date]:
        first = min((s.published_at or "9999")[:10] for s in p.sources)
        return (
            _STATUS_PREFERENCE.get(p.status or "", 3),
            -len(p.sources),
            date.fromisoformat(first) if first[:4].isdigit() and len(first) == 10 else date.max,
        )

    return min(points, key=key)


def _group(point: SeriesPoint, by: str | None) -> str | None:
    if by == "sector":
        return SECTORS.get(point.sector, point.sector or SECTORS[None])
    if by == "province":
        return point.province or point.province_current or "?"
    if by == "area":
        return point.area or "Toàn tỉnh"
    return None


def _title(indicator: str, points: list[SeriesPoint], by: str | None) -> str:
    title = INDICATORS.get(indicator, indicator)
    sectors = {p.sector for p in points}
    if by != "sector" and len(sectors) == 1:
        sector = next(iter(sectors))
        if sector is not None:
            title += f" — {SECTORS.get(sector, sector)}"
    areas = {p.area for p in points}
    if by != "area" and len(areas) == 1 and None not in areas:
        return f"{title} — {next(iter(areas))}"  # a place's series, not its article's province
    provinces = {p.province or p.province_current for p in points}
    if by != "province" and len(provinces) == 1 and None not in provinces:
        title += f" — {next(iter(provinces))}"
    return title


def chart_data(
    points: list[SeriesPoint],
    indicator: str,
    *,
    measure: str = "level",
    by: str | None = None,
    statuses: tuple[str, ...] = ("actual", "estimate"),
) -> ChartData:
    """What to draw for ``indicator``; ValueError (saying what exists) when nothing is left."""
    chosen = [
        p
        for p in points
        if p.indicator == indicator and p.measure == measure and (p.status or "") in statuses
    ]
    if not chosen:
        measures = sorted({p.measure for p in points if p.indicator == indicator})
        raise ValueError(
            f"no {measure} figures for {indicator} with status {'/'.join(statuses)}"
            + (f"; it has: {', '.join(measures)}" if measures else "; check the filters")
        )
    # one line must be one sector and one province: never a mix of them
    sectors = {p.sector for p in chosen}
    if by != "sector" and len(sectors) > 1:
        keep = None if None in sectors else Counter(p.sector for p in chosen).most_common(1)[0][0]
        chosen = [p for p in chosen if p.sector == keep]
    # a district's or the country's figures are never drawn on the province's line
    areas = {p.area for p in chosen}
    if by != "area" and len(areas) > 1:
        keep_area = None if None in areas else Counter(p.area for p in chosen).most_common(1)[0][0]
        chosen = [p for p in chosen if p.area == keep_area]
    if by is None and len({p.province or p.province_current for p in chosen}) > 1:
        by = "province"
    unit = Counter(p.unit for p in chosen).most_common(1)[0][0]
    dropped_units = sorted({p.unit for p in chosen if p.unit != unit})
    chosen = [p for p in chosen if p.unit == unit]
    basis = Counter(p.basis for p in chosen).most_common(1)[0][0]
    chosen = [p for p in chosen if p.basis == basis]

    by_slot: dict[tuple[str | None, str, str | None], list[SeriesPoint]] = {}
    for point in chosen:
        slot = (_group(point, by), period_kind(point.period), point.period)
        by_slot.setdefault(slot, []).append(point)
    best = {slot: _best(candidates) for slot, candidates in by_slot.items()}

    largest = max(abs(p.value) for p in best.values())
    divisor, unit_label = scale_for(unit, largest)
    kinds = {kind for _, kind, _ in best}
    lines: dict[tuple[str | None, str], Line] = {}
    drawn: list[tuple[str, SeriesPoint]] = []
    for (group, kind, period), point in sorted(
        best.items(), key=lambda item: (str(item[0][0]), item[0][1], period_sort_key(item[0][2]))
    ):
        parts = [group] if group else []
        if len(kinds) > 1 or not parts:
            parts.append(PERIOD_KINDS.get(kind, kind))
        label = " — ".join(parts)
        line = lines.setdefault((group, kind), Line(label[:1].upper() + label[1:]))
        line.periods.append(period or "?")
        line.values.append(point.value / divisor)
        line.estimated.append(point.status != "actual")
        drawn.append((line.label, point))

    periods = sorted({p for line in lines.values() for p in line.periods}, key=period_sort_key)
    # legend in the order the lines stand on the chart: highest first
    ordered = sorted(lines.values(), key=lambda line: -max(line.values))
    y_label = unit_label
    if measure != "level":
        y_label = MEASURES.get(measure, measure).format(basis=BASES.get(basis, basis))
        y_label = y_label[:1].upper() + y_label[1:]
    return ChartData(
        title=_title(indicator, [p for _, p in drawn], by),
        y_label=y_label,
        periods=periods,
        lines=ordered,
        note=_note([p for _, p in drawn], points, dropped_units),
        points=drawn,
        divisor=divisor,
    )


def _note(drawn: list[SeriesPoint], all_points: list[SeriesPoint], dropped: list[str]) -> str:
    articles: dict[str, set[int]] = {}
    for point in drawn:
        for source in point.sources:
            articles.setdefault(source.source, set()).add(source.article_id)
    total = len({a for ids in articles.values() for a in ids})
    listed = ", ".join(
        f"{key} ({len(ids)} bài)"
        for key, ids in sorted(articles.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    )
    note = (
        f"Nguồn: {listed} — {total} bài viết. Mỗi điểm là một số liệu; các bài đăng lại "
        "cùng số liệu chỉ tính một lần."
    )
    if any(p.status != "actual" for p in drawn):
        note += f" Điểm rỗng: số {STATUSES['estimate']}."
    conflicted = {p.key for p in drawn if p.conflict}
    if conflicted:
        note += (
            f" {len(conflicted)} kỳ có số liệu khác nhau giữa các nguồn: "
            "lấy số được nhiều nguồn nêu nhất (xem `scrapy indicators --conflicts`)."
        )
    if dropped:
        note += f" Không vẽ số liệu tính bằng {', '.join(dropped)}."
    return note


# --- drawing ------------------------------------------------------------------------------------


def _figure(data: ChartData) -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    # DejaVu Sans has every Vietnamese glyph (ệ, ở, đ) and ships with matplotlib itself
    plt.rcParams["font.family"] = "DejaVu Sans"
    plt.rcParams["svg.fonttype"] = "path"  # the HTML page needs no font installed
    fig, ax = plt.subplots(figsize=(10, 6.2), dpi=150)
    index = {p: i for i, p in enumerate(data.periods)}
    colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    few = len(data.periods) <= 16
    # value labels only where they cannot collide with another line's
    labelled = few and len(data.lines) == 1
    for n, line in enumerate(data.lines):
        colour = colours[n % len(colours)]
        xs = [index[p] for p in line.periods]
        ax.plot(xs, line.values, color=colour, linewidth=2, label=line.label, zorder=2)
        for x, y, estimated in zip(xs, line.values, line.estimated, strict=True):
            ax.plot(
                x,
                y,
                marker="o",
                markersize=7,
                color=colour,
                markerfacecolor="white" if estimated else colour,
                markeredgewidth=2,
                zorder=3,
            )
            if labelled:
                ax.annotate(
                    format_number(y),
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 9),
                    ha="center",
                    fontsize=9,
                    color="#333333",
                )
    ax.set_xticks(range(len(data.periods)))
    # "Quý III/2024" on two lines ("Quý III" over "2024"): fifteen quarters fit side by side
    labels = [period_label(p).replace("/", "\n", 1) for p in data.periods]
    ax.set_xticklabels(labels, rotation=0 if few else 90, fontsize=9 if few else 8)
    ax.set_xlim(-0.5, len(data.periods) - 0.5)
    ax.set_ylabel(data.y_label, fontsize=11)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_number(v)))
    low = min(min(line.values) for line in data.lines)
    if low >= 0:
        ax.set_ylim(bottom=0, top=ax.get_ylim()[1] * 1.08)
    ax.grid(axis="y", color="#dddddd", linewidth=0.8)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_title(data.title, fontsize=14, fontweight="bold", loc="left", pad=14)
    if len(data.lines) > 1 or data.lines[0].label:
        ax.legend(frameon=False, loc="best", fontsize=10)
    note = "\n".join(textwrap.wrap(data.note, 150))
    fig.text(0.01, 0.015, note, fontsize=8.5, color="#555555", va="bottom")
    fig.tight_layout(rect=(0, 0.03 + 0.025 * note.count("\n") + 0.03, 1, 1))
    return fig


def render_png(data: ChartData, path: Path | BinaryIO) -> None:
    import matplotlib.pyplot as plt

    fig = _figure(data)
    fig.savefig(path, format="png")
    plt.close(fig)


def render_html(data: ChartData) -> str:
    """A self-contained page: the chart as inline SVG and a table of every point's sources."""
    import matplotlib.pyplot as plt

    fig = _figure(data)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    svg = buffer.getvalue()
    svg = svg[svg.find("<svg") :]  # drop the XML prolog and doctype: inline in HTML
    e = html.escape
    rows = []
    for label, point in data.points:
        links = "<br>".join(
            f'<a href="{e(s.url)}">{e(s.source)}</a> ({e((s.published_at or "")[:10])})'
            for s in point.sources
        )
        rows.append(
            "<tr>"
            f"<td>{e(period_label(point.period))}</td><td>{e(label)}</td>"
            f"<td class=n>{e(format_number(point.value / data.divisor))}</td>"
            f"<td>{e(STATUSES.get(point.status or '', point.status or ''))}</td>"
            f"<td>{links}</td><td>{e(point.sources[0].evidence)}</td>"
            "</tr>"
        )
    return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{e(data.title)}</title>
<style>
body {{ font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1000px; margin: 2em auto;
       color: #222; }}
svg {{ max-width: 100%; height: auto; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.85em; }}
th, td {{ border-bottom: 1px solid #ddd; padding: 4px 6px; text-align: left;
          vertical-align: top; }}
td.n {{ text-align: right; white-space: nowrap; }}
p.note {{ color: #555; font-size: 0.9em; }}
</style></head>
<body>
<h1>{e(data.title)}</h1>
{svg}
<p class="note">{e(data.note)}</p>
<table><thead><tr><th>Kỳ</th><th>Chuỗi</th><th>{e(data.y_label)}</th><th>Loại số</th>
<th>Nguồn</th><th>Trích dẫn</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
</body></html>
"""
