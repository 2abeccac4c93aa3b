"""`scrapy evaluate`: scores, agreements and the misses per kind, as text and JSON."""

from __future__ import annotations

import json
from pathlib import Path

from tests.crawler.archive_cli import scrapy

ARTICLE = (
    "BÁO LAI CHÂU ĐIỆN TỬ\nSản xuất công nghiệp quý I tăng khá\nCập nhật: 05/04/2024 - 08:10\n"
    "Quý I/2024, giá trị sản xuất công nghiệp trên địa bàn tỉnh Lai Châu ước đạt 1.250 tỷ đồng, "
    "tăng 8,2% so với cùng kỳ; riêng huyện Tam Đường đạt 310 tỷ đồng.\n"
    "Chỉ số sản xuất công nghiệp quý I tăng 7,9%, cao hơn mức tăng 5,7% của cả nước.\nMinh Anh\n"
)


def _fact(**kw: object) -> dict[str, object]:
    base = {
        "indicator": "industrial_output_value",
        "sector": None,
        "measure": "level",
        "value": 0.0,
        "unit": "VND",
        "basis": None,
        "period": "2024-Q1",
        "status": "estimate",
        "qualifier": None,
        "evidence": "x",
    }
    return {**base, **kw}


def test_evaluate_reports_misses_per_kind(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(ARTICLE, encoding="utf-8")
    gold = {
        "a.txt": {
            "title": "Sản xuất công nghiệp quý I tăng khá",
            "province": "Lai Châu",
            "facts": [
                _fact(value=1.25e12),
                _fact(measure="change", unit="percent", basis="yoy", value=8.2),
                _fact(value=3.1e11, area="huyện Tam Đường"),
                _fact(
                    indicator="industrial_production_index",
                    measure="change",
                    unit="percent",
                    basis="yoy",
                    value=7.9,
                    status="actual",
                ),
                # a figure the text does not state: one miss of the kind import_value/level
                _fact(indicator="import_value", unit="USD", value=2e8),
            ],
        }
    }
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    result = scrapy("sqlite://", "evaluate", str(path), "--json")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert (out["tp"], out["fp"], out["fn"]) == (4, 0, 1)
    kinds = {(k["by"], k["kind"]): k for k in out["kinds"]}
    assert kinds[("indicator", "import_value")]["fn"] == 1
    assert kinds[("measure", "level")] == {**kinds[("measure", "level")], "tp": 2, "fn": 1}
    assert kinds[("area", "other place")]["tp"] == 1
    assert out["article_fields"] == {"checked": 2, "right": 2}
    text = scrapy("sqlite://", "evaluate", str(path), "--show")
    assert "misses per kind" in text.stdout and "MISSED:" in text.stdout
