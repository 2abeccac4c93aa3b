"""indicators.area: the place a figure is about when it is not the article's province

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07 09:00:00

- ``indicators.area`` (nullable): "huyện Đại Từ", "Bắc Giang", "cả nước" ... (the contract's
  fact-level ``area``, shared/indicators.md); null for the province's own figures, which is what
  every fact stored before this revision is taken to be (re-extract with ``scrapy reprocess`` to
  fill it);
- index ``ix_indicators_area`` for ``scrapy indicators --area``;
- views ``indicator_facts`` and ``indicator_series`` re-created with ``area``: a figure with an
  area is its own series point, never one of the province's.

Written beside 0003 and chained after it on merge; neither depends on the other: this revision
only adds a column, an index and re-creates two views.
The SQL is written out here, not imported, so that this revision keeps doing what it did.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _indicator_facts(area: bool) -> str:
    column = " i.area," if area else ""
    return f"""CREATE VIEW indicator_facts AS
    SELECT i.id AS fact_id, i.indicator, i.sector,{column} i.measure, i.value, i.unit, i.basis,
           i.period, i.period_start, i.period_end, i.status, i.qualifier, i.evidence,
           a.id AS article_id, a.url, a.canonical_url, a.title, a.published_at,
           a.published_date, a.province, a.province_current, s.key AS source
    FROM indicators i
    JOIN articles a ON a.id = i.article_id
    JOIN sources s ON s.id = a.source_id"""


# One row per figure (storage/series.py applies the same rule in Python; a test checks that both
# agree): facts with the same key whose values agree within the contract's tolerance (0.5 %
# relative for level, 0.01 points otherwise), chained in value order, form one point. From this
# revision the key includes the area.
def _series_view(area: bool, greatest: str, sources_agg: str, urls_agg: str) -> str:
    place = "area, " if area else ""
    key = f"province_current, province, {place}indicator, sector, measure, basis, period, status, unit"
    return f"""CREATE VIEW indicator_series AS
    WITH ordered AS (
        SELECT f.*, lag(value) OVER (PARTITION BY {key} ORDER BY value, fact_id) AS prev
        FROM indicator_facts f
    ), breaks AS (
        SELECT ordered.*,
               CASE WHEN prev IS NOT NULL AND value - prev > 1e-9 + CASE
                        WHEN measure = 'level' THEN 0.005 * {greatest}(abs(value), abs(prev))
                        ELSE 0.01 END
                    THEN 1 ELSE 0 END AS brk
        FROM ordered
    ), clustered AS (
        SELECT breaks.*,
               sum(brk) OVER (PARTITION BY {key} ORDER BY value, fact_id
                              ROWS UNBOUNDED PRECEDING) AS cluster
        FROM breaks
    ), ranked AS (
        SELECT clustered.*,
               first_value(value) OVER (PARTITION BY {key}, cluster
                   ORDER BY published_date NULLS LAST, fact_id) AS anchor_value,
               row_number() OVER (PARTITION BY {key}, cluster, article_id
                   ORDER BY fact_id) AS article_rank
        FROM clustered
    )
    SELECT province_current, province, {place}indicator, sector, measure, basis, period,
           min(period_start) AS period_start, min(period_end) AS period_end, status, unit,
           min(anchor_value) AS value, min(value) AS value_min, max(value) AS value_max,
           count(DISTINCT article_id) AS n_articles, count(DISTINCT source) AS n_sources,
           {sources_agg} AS sources, {urls_agg} AS urls,
           min(published_date) AS first_published, max(published_date) AS last_published,
           CASE WHEN max(cluster) OVER (PARTITION BY {key}) > 0 THEN 1 ELSE 0 END AS conflict
    FROM ranked
    GROUP BY {key}, cluster"""


def _series(area: bool, sqlite: bool) -> str:
    if sqlite:
        return _series_view(
            area,
            "max",
            "group_concat(DISTINCT source)",
            "group_concat(CASE WHEN article_rank = 1 THEN url END, ' ')",
        )
    return _series_view(
        area,
        "greatest",
        "string_agg(DISTINCT source, ',' ORDER BY source)",
        "string_agg(url, ' ' ORDER BY published_date, url) FILTER (WHERE article_rank = 1)",
    )


def _recreate_views(area: bool) -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    op.execute("DROP VIEW IF EXISTS indicator_series")
    op.execute("DROP VIEW IF EXISTS indicator_facts")
    op.execute(_indicator_facts(area))
    op.execute(_series(area, sqlite))


def upgrade() -> None:
    # The views read indicators.*: drop them first (SQLite checks views when a table changes).
    op.execute("DROP VIEW IF EXISTS indicator_series")
    op.execute("DROP VIEW IF EXISTS indicator_facts")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.add_column(sa.Column("area", sa.String(length=255), nullable=True))
        batch_op.create_index("ix_indicators_area", ["area"], unique=False)
    _recreate_views(area=True)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS indicator_series")
    op.execute("DROP VIEW IF EXISTS indicator_facts")
    with op.batch_alter_table("indicators", schema=None) as batch_op:
        batch_op.drop_index("ix_indicators_area")
        batch_op.drop_column("area")
    _recreate_views(area=False)
