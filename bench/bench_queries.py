"""Benchmark: typical archive queries over 1,000,000 facts, on SQLite and on PostgreSQL.

    python bench/bench_queries.py                       # both backends, 1M facts, 100k articles
    python bench/bench_queries.py --facts 100000 --backends sqlite

Builds a fresh archive per backend (migrated to head by storage.db.open_archive), bulk-loads
synthetic Vietnamese articles and facts (executemany on SQLite, COPY on PostgreSQL), ANALYZEs, then
times each query: one warm-up run, then the median of ``--repeat`` runs. Prints a Markdown table
for BENCHMARKS.md. Takes a few minutes and both cores: run it by hand, not in the tests.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from storage.db import open_archive, session_factory
from storage.periods import period_bounds
from storage.queries import TOTAL, list_articles, query_facts, search_articles
from storage.series import conflicts, series

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PG_BENCH_DB = "archive_bench_queries"

PROVINCES = [  # (province, province_current, weight)
    ("Thái Nguyên", "Thái Nguyên", 50),
    ("Bắc Kạn", "Thái Nguyên", 30),
    ("Hà Nội", "Hà Nội", 10),
    ("Tuyên Quang", "Tuyên Quang", 10),
]
SOURCES = [
    "baothainguyen.vn",
    "thainguyen.gov.vn",
    "backan.gov.vn",
    "baobackan.vn",
    "cokhivietnam.vn",
    "congthuong.vn",
    "nhandan.vn",
    "vneconomy.vn",
]
INDICATORS = [
    "industrial_output_value",
    "industrial_production_index",
    "industry_growth",
    "industry_value_added",
    "retail_sales",
    "export_value",
    "import_value",
    "household_electricity_rate",
]
SECTORS = [None, None, "manufacturing", "mining", "electricity", "water_waste", "fdi"]
_TEXT = (
    "giá trị sản xuất công nghiệp chế biến chế tạo khai khoáng điện nước tăng giảm so với cùng "
    "kỳ năm trước quý tháng ước đạt nghìn tỷ đồng tỉnh huyện thành phố doanh nghiệp dự án đầu tư "
    "khu cụm kinh tế xuất khẩu nhập khẩu kim ngạch bán lẻ hàng hóa dịch vụ tiêu dùng chỉ số "
    "tăng trưởng kế hoạch mục tiêu phấn đấu người dân hợp tác xã nông thôn mới chè búp tươi gang "
    "thép điện tử linh kiện Samsung Sông Công Phổ Yên Đồng Hỷ Chợ Đồn Ba Bể Bắc Kạn Thái Nguyên "
    "hội nghị triển khai nhiệm vụ giải pháp trọng tâm cải cách hành chính môi trường lao động"
)
WORDS = _TEXT.split()


def _articles(n: int, rng: random.Random) -> list[dict[str, Any]]:
    weights = [w for _, _, w in PROVINCES]
    now = datetime.now(UTC)
    rows = []
    for i in range(1, n + 1):
        province, current, _ = rng.choices(PROVINCES, weights)[0]
        published = date.fromordinal(date(2015, 1, 1).toordinal() + rng.randrange(3990))
        body = " ".join(rng.choices(WORDS, k=80))
        rows.append(
            {
                "id": i,
                "canonical_url": f"https://{SOURCES[i % len(SOURCES)]}/bai-{i}.html",
                "url": f"https://{SOURCES[i % len(SOURCES)]}/bai-{i}.html",
                "source_id": i % len(SOURCES) + 1,
                "title": " ".join(rng.choices(WORDS, k=10)),
                "sapo": " ".join(rng.choices(WORDS, k=20)),
                "body": body,
                "published_at": published.isoformat(),
                "published_date": published,
                "province": province,
                "province_current": current,
                "content_hash": f"{i:064d}",
                "extractor_version": "bench",
                "first_seen_at": now,
                "last_fetched_at": now,
                "updated_at": now,
            }
        )
    return rows


def _period(year: int, rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.4:
        return f"{year}-Q{rng.randint(1, 4)}"
    if kind < 0.7:
        return f"{year}-{rng.randint(1, 12):02d}"
    if kind < 0.85:
        return str(year)
    return f"{year}-01..{year}-{rng.randint(2, 11):02d}"


def _facts(articles: list[dict[str, Any]], n: int, rng: random.Random) -> list[dict[str, Any]]:
    now = datetime.now(UTC)
    bounds: dict[str, tuple[date | None, date | None]] = {}
    rows = []
    for i in range(1, n + 1):
        article = articles[(i - 1) % len(articles)]
        year = article["published_date"].year - (1 if rng.random() < 0.2 else 0)
        period = _period(year, rng)
        if period not in bounds:
            bounds[period] = period_bounds(period)
        measure = "level" if rng.random() < 0.5 else "change"
        value = round(rng.uniform(50, 300), 1) * 1e12 if measure == "level" else rng.uniform(-5, 15)
        rows.append(
            {
                "id": i,
                "article_id": article["id"],
                "indicator": rng.choice(INDICATORS),
                "sector": rng.choice(SECTORS),
                "measure": measure,
                "value": value,
                "unit": "VND" if measure == "level" else "percent",
                "basis": None if measure == "level" else "yoy",
                "period": period,
                "period_start": bounds[period][0],
                "period_end": bounds[period][1],
                "status": rng.choice(("actual", "estimate", "estimate", "target")),
                "qualifier": None,
                "evidence": "ước đạt ...",
                "extractor_version": "bench",
                "created_at": now,
            }
        )
    return rows


_ARTICLE_COLUMNS = (
    "id canonical_url url source_id title sapo body published_at published_date province "
    "province_current content_hash extractor_version first_seen_at last_fetched_at updated_at"
)
ARTICLE_COLUMNS = _ARTICLE_COLUMNS.split()
_FACT_COLUMNS = (
    "id article_id indicator sector measure value unit basis period period_start period_end "
    "status qualifier evidence extractor_version created_at"
)
FACT_COLUMNS = _FACT_COLUMNS.split()


def _insert_sql(table: str, columns: list[str]) -> str:
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
    )


def load_sqlite(
    engine: Engine, articles: list[dict[str, Any]], facts: list[dict[str, Any]]
) -> None:
    with engine.begin() as conn:
        now = datetime.now(UTC)
        conn.execute(
            text("INSERT INTO sources (id, key, name, created_at) VALUES (:id, :key, :key, :now)"),
            [{"id": i + 1, "key": k, "now": now} for i, k in enumerate(SOURCES)],
        )
        conn.execute(text(_insert_sql("articles", ARTICLE_COLUMNS)), articles)
        conn.execute(text(_insert_sql("indicators", FACT_COLUMNS)), facts)
    with engine.begin() as conn:
        conn.execute(text("ANALYZE"))


def load_postgres(
    engine: Engine, articles: list[dict[str, Any]], facts: list[dict[str, Any]]
) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        now = datetime.now(UTC)
        for i, key in enumerate(SOURCES):
            cursor.execute(
                "INSERT INTO sources (id, key, name, created_at) VALUES (%s, %s, %s, %s)",
                (i + 1, key, key, now),
            )
        # the GIN index is built once after the load: much faster than row by row
        cursor.execute("DROP INDEX ix_articles_search")
        for table, columns, rows in (
            ("articles", ARTICLE_COLUMNS, articles),
            ("indicators", FACT_COLUMNS, facts),
        ):
            with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:  # type: ignore[attr-defined]
                for row in rows:
                    copy.write_row([row[c] for c in columns])
        cursor.execute("CREATE INDEX ix_articles_search ON articles USING gin (search_vector)")
        for table in ("sources", "articles", "indicators"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                f"(SELECT max(id) FROM {table}))"
            )
        raw.commit()
        cursor.execute("ANALYZE")
        raw.commit()
    finally:
        raw.close()


def fresh_postgres() -> str:
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{PG_BENCH_DB}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{PG_BENCH_DB}"'))
    admin.dispose()
    return make_url(PG_ADMIN_URL).set(database=PG_BENCH_DB).render_as_string(hide_password=False)


QUERIES: list[tuple[str, Callable[[Any], int]]] = [
    (
        "facts: province_current + indicator + one year (2023-01..2023-12)",
        lambda s: len(
            query_facts(
                s,
                province_current="Thái Nguyên",
                indicator="industrial_output_value",
                period_from="2023-01",
                period_to="2023-12",
            )
        ),
    ),
    (
        "facts: province + indicator + sector total + level + 2023-Q1",
        lambda s: len(
            query_facts(
                s,
                province="Thái Nguyên",
                indicator="industrial_output_value",
                sector=TOTAL,
                measure="level",
                period_from="2023-Q1",
                period_to="2023-Q1",
            )
        ),
    ),
    (
        "series: province + indicator + total + level, all periods",
        lambda s: len(
            series(
                s,
                province="Thái Nguyên",
                indicator="industrial_output_value",
                sector=TOTAL,
                measure="level",
            )
        ),
    ),
    (
        "series: province + indicator + total + level, 2022..2024",
        lambda s: len(
            series(
                s,
                province="Thái Nguyên",
                indicator="industrial_output_value",
                sector=TOTAL,
                measure="level",
                period_from="2022",
                period_to="2024",
            )
        ),
    ),
    (
        "conflicts: province + indicator + total + level",
        lambda s: len(
            conflicts(
                s,
                province="Thái Nguyên",
                indicator="industrial_output_value",
                sector=TOTAL,
                measure="level",
            )
        ),
    ),
    (
        "view indicator_series: one indicator, one province, level",
        lambda s: len(
            s.execute(
                text(
                    "SELECT * FROM indicator_series WHERE indicator = :i AND province = :p "
                    "AND measure = 'level'"
                ),
                {"i": "industrial_output_value", "p": "Thái Nguyên"},
            ).all()
        ),
    ),
    (
        "search: rare words 'Cho Don Ba Be' (top 20)",
        lambda s: len(search_articles(s, "Cho Don Ba Be")),
    ),
    (
        "search: common words 'công nghiệp' (top 20)",
        lambda s: len(search_articles(s, "công nghiệp")),
    ),
    (
        "search: 'chè búp tươi' + province + one year",
        lambda s: len(
            search_articles(
                s, "chè búp tươi", province="Bắc Kạn", date_from="2023-01-01", date_to="2023-12-31"
            )
        ),
    ),
    (
        "articles: newest 50 of a province",
        lambda s: len(list_articles(s, province="Bắc Kạn", limit=50)),
    ),
]


def time_queries(engine: Engine, repeat: int) -> list[tuple[str, int, float]]:
    sessions = session_factory(engine)
    results = []
    for name, run in QUERIES:
        with sessions() as session:
            start = time.perf_counter()
            rows = run(session)  # warm-up (and the row count)
            timings = [time.perf_counter() - start]
            # a query slower than 5 s is reported from its warm-up run: repeating it tells nothing
            for _ in range(repeat if timings[0] < 5 else 0):
                start = time.perf_counter()
                run(session)
                timings.append(time.perf_counter() - start)
        results.append((name, rows, statistics.median(timings[1:] or timings)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=1_000_000)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--repeat", type=int, default=5)
    opts = parser.parse_args()

    rng = random.Random(20241)
    articles = _articles(opts.articles, rng)
    facts = _facts(articles, opts.facts, rng)
    table: dict[str, list[tuple[str, int, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for backend in opts.backends.split(","):
            url = f"sqlite:///{tmp}/bench.db" if backend == "sqlite" else fresh_postgres()
            engine = open_archive(url)
            start = time.perf_counter()
            (load_sqlite if backend == "sqlite" else load_postgres)(engine, articles, facts)
            print(
                f"{backend}: loaded {len(articles)} articles and {len(facts)} facts "
                f"in {time.perf_counter() - start:.1f} s",
                flush=True,
            )
            table[backend] = time_queries(engine, opts.repeat)
            engine.dispose()
    backends = list(table)
    print("\n| query | rows | " + " | ".join(f"{b} (ms)" for b in backends) + " |")
    print("|---|---:|" + "---:|" * len(backends))
    for i, (name, _) in enumerate(QUERIES):
        rows = "/".join(sorted({str(table[b][i][1]) for b in backends}))
        cells = " | ".join(f"{table[b][i][2] * 1000:.0f}" for b in backends)
        print(f"| {name} | {rows} | {cells} |")


if __name__ == "__main__":
    main()
