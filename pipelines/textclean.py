"""Rendered article text -> title, sapo, paragraphs and metadata lines, boilerplate removed.

Works on the text of a page as a browser renders it (the seed files) and on the paragraphs the
HTML path produces, so both paths share one set of Vietnamese rules. The recipe:

1. normalise (entities, NBSP and zero-width spaces, NFC), one unit per non-empty line;
2. drop boilerplate lines (vocabulary in ``pipelines.vocab.boilerplate``), image placeholders and
   the captions that follow them, duplicated captions;
3. stop at the first "related articles" / comments / footer heading once the article has begun —
   everything after it is someone else's text;
4. split the head (section label, clock, date lines above the title; title; date/byline/views
   lines under it), the sapo (prefix stripped) and the body; peel the byline and source credit off
   the end.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from dataclasses import dataclass, field

from w3lib.html import replace_entities

from pipelines import metadata as md
from pipelines.vocab import boilerplate as bp

logger = logging.getLogger(__name__)

# A paragraph of this many words means the article text has begun (so a related-list heading
# after it ends the article; before it, the heading is a menu entry and only that line goes).
BODY_MIN_WORDS = 15
# Titles are rarely longer than this; a first line over it is a paragraph of an untitled text.
TITLE_MAX_WORDS = 45
# Captions are short: longer unpunctuated lines are kept as text.
CAPTION_MAX_WORDS = 25
# The sapo is a real paragraph: a shorter unpunctuated line under the title is a caption.
SAPO_MIN_WORDS = 12

_SPACE = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+\d*);", re.I)


def _alt(patterns: tuple[str, ...], flags: int = re.I) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{p})" for p in patterns) + ")", flags)


_DROP = _alt(bp.DROP_LINES)
_CHROME = _alt(bp.CHROME_LINES)
# Chrome lines are short; a longer line opening with the same words is text ("Quay lại với ...").
CHROME_MAX_WORDS = 20
_COUNTER_LABEL = re.compile(r"truy cập|truy nhập|bộ đếm", re.I)
_LONE_NUMBER = re.compile(r"\d[\d.,\s]*")
_CUT = _alt(tuple(rf"(?:{p})\s*(?:[:(>»].*)?" for p in bp.CUT_HEADINGS))
_INLINE_RELATED = _alt(bp.INLINE_RELATED)
_IMAGE_MARKER = _alt(bp.IMAGE_MARKERS)
_CAPTION = _alt(bp.CAPTION_LINES, 0)
_SECTION = _alt(bp.SECTION_LABELS)
_SAPO_PREFIX = re.compile("^(?:" + "|".join(bp.SAPO_PREFIXES) + ")")
_CREDIT = _alt(bp.CREDIT_LINES)
_UPDATED_ANYWHERE = re.compile(r"^\(?\s*Cập nhật", re.I)
_SITE_COUNTER = _alt(bp.SITE_COUNTERS)
_MASTHEAD_KIND = re.compile("^(?:" + "|".join(bp.MASTHEAD_KINDS) + r")\s")
_MASTHEAD_KIND_UPPER = re.compile("^(?:" + "|".join(bp.MASTHEAD_KINDS_UPPER) + r")\s")
_MASTHEAD_WORD_UPPER = re.compile(r"(?<!\w)(?:" + "|".join(bp.MASTHEAD_WORDS_UPPER) + r")(?!\w)")
_NAV_SEPARATOR = re.compile(bp.NAV_SEPARATORS)
_ENGLISH_NAME = re.compile(r"(?<!\w)(?:" + "|".join(bp.ENGLISH_NAME_WORDS) + r")(?!\w)", re.I)
# A breadcrumb or menu segment is a few words ("Tình hình kinh tế - xã hội").
NAV_SEGMENT_MAX_WORDS = 7
_NAV_TERM = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, bp.NAV_TERMS)) + r")(?!\w)")
# The same terms, any case, for a whole line made only of them ("Kinh tế", "Tin tức - Sự kiện").
_NAV_TERM_ANY_CASE = re.compile(_NAV_TERM.pattern, re.I)
# Tokens that join the entries of a menu ("Tin tức - Sự kiện", "Trang chủ | Giới thiệu").
_MENU_JOINERS = {"-", "–", "|", "/", "•", "·", "&", ",", "›", "»"}
# A menu entry is at most this many words ("Báo cáo tháng, quý", "Thủ tục hành chính").
MENU_ENTRY_MAX_WORDS = 4
# A menu has at least this many entries; fewer are a breadcrumb or a label (handled elsewhere).
MENU_MIN_ENTRIES = 4
# A line whose letters are at least this share category terms is a menu, whatever else is in it.
NAV_COVERAGE = 0.6
# A section label or breadcrumb line is a few category names ("Kinh tế - Xã hội", "Quốc phòng
# - An ninh | Tin trong tỉnh"); longer lines of them are menus (``is_menu_line``).
SECTION_LABEL_MAX_WORDS = 8
# The head of a page (mastheads, menus, labels, title, dateline) is at most this many lines.
HEAD_MAX_LINES = 14
# Mastheads and banners are names, not headlines: short.
MASTHEAD_MAX_WORDS = 14
_TERMINAL = (".", "!", "?", ";", ":", "…", '"', "”", ")", "»", "./.")


def normalize_text(text: str) -> str:
    """Entities decoded, exotic spaces made plain, invisible characters removed, NFC."""
    if _ENTITY.search(text):
        text = replace_entities(text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _SPACE.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def split_units(text: str) -> list[str]:
    """Non-empty normalised lines: each is one paragraph (or title, or metadata line)."""
    return [" ".join(line.split()) for line in normalize_text(text).split("\n") if line.strip()]


def words(line: str) -> int:
    return len(line.split())


def is_sentence(line: str) -> bool:
    return line.rstrip().endswith(_TERMINAL)


# An amount in a line ("52,3 ngan ty dong", "2.210 triệu USD"): a caption stating a figure is
# text the figures are read from (captions and alt text often give the only copy of one).
_AMOUNT = re.compile(r"\d+[.,]\d+|\d+\s*(?:nghìn|ngàn|nghin|ngan|tỷ|ty|triệu|trieu)\b", re.I)


def is_caption_shaped(line: str) -> bool:
    """Short, no final punctuation, no percentage or amount (a figure in a sub-heading or a
    caption is text)."""
    return (
        words(line) <= CAPTION_MAX_WORDS
        and not is_sentence(line)
        and "%" not in line
        and not _AMOUNT.search(line)
    )


def _menu_entries(line: str) -> list[list[str]] | None:
    """The line cut before every capitalised word, or None when it cannot be a menu (digits,
    sentence punctuation, a lowercase start, all capitals)."""
    if any(ch.isdigit() for ch in line) or re.search(r"[.:;!?()\"“”]", line):
        return None
    tokens = [t.strip(",") for t in line.split() if t not in _MENU_JOINERS]
    tokens = [t for t in tokens if t]
    if not tokens or not tokens[0][0].isupper() or line.upper() == line:
        return None
    entries: list[list[str]] = []
    for token in tokens:
        if token[0].isupper() or not entries:
            entries.append([token])
        else:
            entries[-1].append(token)
    return entries


def is_navigation(line: str) -> bool:
    """A breadcrumb or a menu with separators ("Trang chủ > Số liệu thống kê > Báo cáo tháng",
    "Trang chủ | Giới thiệu | Tình hình kinh tế - xã hội"): short segments joined by > / | »,
    no sentence punctuation; or a run of menu entries that are almost all category terms
    ("Thời sự Chính trị Kinh tế Xã hội ... Bình Dương 24h")."""
    segments = [s.strip() for s in _NAV_SEPARATOR.split(line)]
    if (
        len(segments) >= 2
        and all(
            s and words(s) <= NAV_SEGMENT_MAX_WORDS and not re.search(r"[.:;!?%]|\d", s)
            for s in segments
        )
        and any(_NAV_TERM_ANY_CASE.fullmatch(s) or is_section_label(s) for s in segments)
    ):
        return True  # (a bilingual label "Khai khoáng / Mining and quarrying" names no section)
    terms = _NAV_TERM.findall(line)
    covered = sum(len(t) for t in terms)
    return len(terms) >= MENU_MIN_ENTRIES and covered >= NAV_COVERAGE * len(line.replace(" ", ""))


def is_menu_line(line: str) -> bool:
    """A site menu rendered as one line ("Thời sự Chính trị Kinh tế Xã hội Văn hóa Thể thao").

    Vietnamese category names are one capitalised word plus one to three lowercase ones, so a menu
    is a run of short capitalised entries with no digits, no sentence punctuation and no verb
    phrase (a lowercase run longer than an entry). Headlines and captions are sentence case: few
    entries, one of them long. A run of one-word entries is a list of names ("Nguyễn Văn An - Trần
    Thị Bình") unless the words are menu vocabulary ("Video Podcast Multimedia Infographic").
    """
    entries = _menu_entries(line)
    if entries is None or len(entries) < MENU_MIN_ENTRIES:
        return False
    if max(len(e) for e in entries) > MENU_ENTRY_MAX_WORDS:
        return False
    outside_terms = _NAV_TERM.sub(" ", line).split()
    if any(w in bp.SENTENCE_WORDS for w in outside_terms):
        return False
    multiword = sum(len(e) >= 2 for e in entries)
    known = len(_NAV_TERM.findall(line))
    return (2 * multiword > len(entries) and known >= 1) or 2 * known >= len(entries)


def is_section_label(line: str) -> bool:
    """A short line made only of category terms and joiners ("Kinh tế", "Tin tức - Sự kiện",
    "Kinh tế | Công nghiệp"): a section label or one breadcrumb entry, never a headline —
    headlines say something about a subject, these only name a site section."""
    tokens = [t for t in line.split() if t not in _MENU_JOINERS]
    if len(tokens) > SECTION_LABEL_MAX_WORDS or not _NAV_TERM_ANY_CASE.search(line):
        return False
    rest = _NAV_TERM_ANY_CASE.sub(" ", line).split()
    return all(token in _MENU_JOINERS for token in rest)


def is_masthead(line: str) -> bool:
    """The site's name or banner line ("SỞ CÔNG THƯƠNG TỈNH THÁI NGUYÊN", "Báo Công Thương",
    "Báo Thái Nguyên điện tử"): all capitals, or an organisation kind followed by capitalised
    words and the few lowercase words of official names only. Not a headline: no digits, no
    punctuation, no verb."""
    n = words(line)
    if not 2 <= n <= MASTHEAD_MAX_WORDS or any(ch.isdigit() for ch in line):
        return False
    if re.search(r"[.:;!?,%]", line):
        return False
    letters = [ch for ch in line if ch.isalpha()]
    if letters and all(ch.isascii() for ch in letters) and _ENGLISH_NAME.search(line):
        return True  # the site's name in English ("Phu Tho Statistics Office")
    if letters and all(ch.isupper() for ch in letters):
        # in capitals, a name opens with its kind ("SỞ CÔNG THƯƠNG ...") or names its medium
        # ("... TV", "ĐÀI PHÁT THANH ..."); a headline in capitals opens with its subject
        return bool(_MASTHEAD_KIND_UPPER.match(line) or _MASTHEAD_WORD_UPPER.search(line)) or n <= 3
    kind = _MASTHEAD_KIND.match(line)
    if not kind:
        return False
    # Names are capitalised compounds whose second syllable may be lowercase ("Kinh tế và Dự
    # báo"); two lowercase words in a row outside the few of official names are a predicate.
    run = 0
    for w in line[kind.end() :].split():
        if w in bp.SENTENCE_WORDS:
            return False
        if w[0].isupper() or w in bp.MASTHEAD_LOWER_WORDS:
            run = 0
            continue
        run += 1
        if run >= 2:
            return False
    return True


@dataclass
class Layout:
    """What the text rules found in one rendered article."""

    title: str | None = None
    sapo: str | None = None
    paragraphs: list[str] = field(default_factory=list)
    head_dates: list[md.DateHit] = field(default_factory=list)  # under the title (or above it)
    other_dates: list[md.DateHit] = field(default_factory=list)  # standalone date lines elsewhere
    clocks: list[md.DateHit] = field(
        default_factory=list
    )  # header clocks: never a publication time
    author: str | None = None
    credit: str | None = None
    views: int | None = None
    cut_at: str | None = None  # the heading the article was cut at
    mastheads: list[str] = field(default_factory=list)  # the site's name lines above the title


def strip_boilerplate(units: list[str], layout: Layout) -> list[str]:
    """Steps 2 and 3 of the recipe: drop boilerplate lines, cut at the related/footer block."""
    kept: list[str] = []
    seen: dict[str, int] = {}
    after_image = after_counter = False
    started = False
    for line in units:
        views = md.parse_views(line)
        if views is not None:
            layout.views = layout.views if layout.views is not None else views
            continue
        if _IMAGE_MARKER.fullmatch(line):
            after_image = True
            continue
        if _DROP.fullmatch(line) or _INLINE_RELATED.fullmatch(line):
            continue
        if after_counter and _LONE_NUMBER.fullmatch(line):
            after_counter = False
            continue  # the figure under "Số lượt truy cập"
        after_counter = False
        if words(line) <= CHROME_MAX_WORDS and _CHROME.fullmatch(line):
            after_counter = bool(_COUNTER_LABEL.search(line))
            continue  # "Truy cập nội dung", "Quay lại", "Bạn đang ở: ...", "Số lượt truy cập"
        if _SITE_COUNTER.fullmatch(line) or is_menu_line(line) or is_navigation(line):
            continue
        if _CUT.fullmatch(line) and words(line) <= 12:
            if started:
                layout.cut_at = line
                break
            continue
        if _CAPTION.fullmatch(line) and not is_sentence(line.rstrip(")")):
            continue
        if after_image and is_caption_shaped(line):
            after_image = False
            continue
        after_image = False
        if line in seen:
            # A repeated line is a caption printed twice (under the image and in the alt text);
            # when it is caption-shaped, its first copy goes too.
            if is_caption_shaped(line) and kept[seen[line]] == line:
                kept[seen[line]] = ""
            continue
        seen[line] = len(kept)
        kept.append(line)
        if words(line) >= BODY_MIN_WORDS:
            started = True
    return [line for line in kept if line]


def _title_above_dateline(lines: list[str], i: int) -> int | None:
    """The index of the title when a publication date line comes under it within the head:
    pages print the headline right above its date ("Sản xuất công nghiệp tháng 12 ..." /
    "Ngày đăng 27/12/2024"), and whatever short lines stand above the headline (a portal's name,
    a vertical menu, a section label) are not it."""
    for j in range(i + 1, min(len(lines), i + HEAD_MAX_LINES)):
        hit = md.classify_date_line(lines[j])
        if hit is None:
            if is_sentence(lines[j]) and words(lines[j]) >= SAPO_MIN_WORDS:
                return None  # the text has begun: no dateline in the head
            continue
        if hit.kind == "clock":
            continue
        title = j - 1
        candidate = lines[title]
        if title <= i or md.classify_date_line(candidate) or not words(candidate) >= 3:
            return None
        if is_lead(candidate) or is_masthead(candidate) or is_navigation(candidate):
            return None
        return title
    return None


def _split_head(lines: list[str], layout: Layout, known_title: str | None = None) -> int:
    """Find the title; collect date lines above and under it. Returns the index of the sapo."""
    i = 0
    above = _title_above_dateline(lines, 0) if known_title is None else None
    while known_title is None and above is not None and i < above:
        line = lines[i]
        hit = md.classify_date_line(line)
        if hit:
            (layout.clocks if hit.kind == "clock" else layout.head_dates).append(hit)
        elif is_masthead(line):
            layout.mastheads.append(line)
        i += 1
    while known_title is None and i < len(lines):
        line = lines[i]
        hit = md.classify_date_line(line)
        if hit:
            (layout.clocks if hit.kind == "clock" else layout.head_dates).append(hit)
            i += 1
            continue
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if is_masthead(line) and nxt:
            layout.mastheads.append(line)
            i += 1  # the site's name or banner: above the title, or above the text itself
            continue
        # Lines made only of category terms are section labels or breadcrumb entries, however
        # many are stacked one per line above the title (a vertical menu), as long as a line
        # that is not one follows to be the title.
        if is_section_label(line) and any(not is_section_label(x) for x in lines[i + 1 :]):
            i += 1
            continue
        # A generic label is short and sits above a title-shaped line (a sapo ends with ".").
        label_like = _SECTION.fullmatch(line) or (
            words(line) <= 5
            and not is_sentence(line)
            and 5 <= words(nxt) <= TITLE_MAX_WORDS
            and not nxt.endswith(".")
        )
        if label_like and nxt and not md.classify_date_line(nxt) and words(nxt) > words(line):
            i += 1  # a section label or breadcrumb above the title
            continue
        break
    if known_title is not None:
        layout.title = known_title
    elif i < len(lines) and not is_lead(lines[i]):
        layout.title = lines[i].strip()
        i += 1
    # else: the text opens with its lead sentence; it has no title (not its lead as a title)
    # Under the title: date lines, "<byline> HH:MM, DD/MM/YYYY", "Tác giả: X", counters.
    while i < len(lines):
        line, views = md.strip_views(lines[i])
        if views is not None and layout.views is None:
            layout.views = views
        hit = md.classify_date_line(line) if line else None
        if hit:
            layout.head_dates.append(hit)
            if hit.rest and not layout.author:
                layout.author = md.clean_author(hit.rest)
        elif line and not (views is not None and words(line) <= 5):
            author = md.clean_author(line) if re.match(r"(Tác giả|Bài|Tin)\b.*:", line) else None
            if not author:
                break
            layout.author = layout.author or author
        i += 1
    return i


def is_lead(line: str) -> bool:
    """A lead sentence, not a headline: a publication's tag glued to it ("BBK - ..."), or a
    sentence of some length closed by a full stop, or longer than any headline. Headlines have
    no final full stop."""
    if _SAPO_PREFIX.match(line) or words(line) > TITLE_MAX_WORDS:
        return True
    end = line.rstrip()
    return words(line) >= SAPO_MIN_WORDS and end.endswith(".") and not end.endswith(("..", "…"))


def _take_sapo(lines: list[str], i: int, layout: Layout) -> int:
    # Captions printed just under the title, before the sapo.
    while i + 1 < len(lines) and is_caption_shaped(lines[i]) and not _SAPO_PREFIX.match(lines[i]):
        if words(lines[i + 1]) < SAPO_MIN_WORDS:
            break
        i += 1
    if i < len(lines):
        line = lines[i]
        stripped = _SAPO_PREFIX.sub("", line, count=1)
        if stripped != line or words(line) >= SAPO_MIN_WORDS or is_sentence(line):
            layout.sapo = stripped.strip()
            i += 1
            # Captions printed just after the sapo (the lead image comes there).
            while (
                i + 1 < len(lines)
                and is_caption_shaped(lines[i])
                and words(lines[i + 1]) >= BODY_MIN_WORDS
            ):
                i += 1
    return i


def _peel_tail(body: list[str], layout: Layout) -> list[str]:
    """Byline, credit and standalone date lines at the end of the body."""
    for _ in range(4):
        if not body:
            break
        last = body[-1]
        if _CREDIT.fullmatch(last) and words(last) <= 20:
            layout.credit = layout.credit or last.strip("*()[] ")
        elif (hit := md.classify_date_line(last)) is not None:
            layout.other_dates.append(hit)
        elif layout.author is None and (name := md.clean_author(last)):
            layout.author = name
        else:
            break
        body.pop()
    return body


def read_tail_metadata(lines: list[str]) -> Layout:
    """Byline, view counter and date lines that follow an article's last paragraph in a page.

    Generic extractors keep paragraphs and drop the short lines under them (a byline in its own
    ``<p class="author">``, "Lượt xem: 1.024" in a toolbar), so the page is read again there. Only
    the metadata lines directly under the text count: reading stops at the first other line (a
    share bar, a related list), which keeps sidebar titles from being taken for a byline.
    """
    layout = Layout()
    for line in lines:
        if _CUT.fullmatch(line) and words(line) <= 12:
            break
        rest, views = md.strip_views(line)
        if views is not None:
            layout.views = layout.views if layout.views is not None else views
            if not rest or words(rest) <= 2:
                continue
        hit = md.classify_date_line(rest)
        if hit:
            layout.other_dates.append(hit)
            layout.author = layout.author or (md.clean_author(hit.rest) if hit.rest else None)
            continue
        name = md.clean_author(rest) if layout.author is None else None
        if not name:
            break
        layout.author = name
    return layout


def drop_title_echo(title: str | None, paragraph: str | None) -> str | None:
    """The paragraph without a copy of the title opening it ("<title>. Theo Sở …").

    Some CMSs print the headline again as the first sentence of the text; kept, its figures would
    be read twice. Only a copy followed by sentence punctuation and more text is removed."""
    if not title or not paragraph or not paragraph.startswith(title):
        return paragraph
    rest = paragraph[len(title) :]
    if rest[:1] not in {".", "!", "?", ":"} or words(rest) < SAPO_MIN_WORDS // 2:
        return paragraph
    return rest[1:].strip()


def parse_rendered_text(text: str | list[str], *, known_title: str | None = None) -> Layout:
    """Apply the whole recipe to rendered text; the result has no boilerplate left in it.

    ``known_title`` (from selectors or the page's h1) replaces the title search; copies of it
    in the text are dropped.
    """
    layout = Layout()
    units = (
        split_units(text) if isinstance(text, str) else [u for t in text for u in split_units(t)]
    )
    if known_title is not None:
        if known_title in units:
            # Lines above the title (a section label, a clock) are not article text.
            idx = units.index(known_title)
            for line in units[:idx]:
                hit = md.classify_date_line(line)
                if hit:
                    (layout.clocks if hit.kind == "clock" else layout.head_dates).append(hit)
            units = units[idx + 1 :]
        units = [u for u in units if u != known_title]
    lines = strip_boilerplate(units, layout)
    i = _split_head(lines, layout, known_title)
    i = _take_sapo(lines, i, layout)
    layout.sapo = drop_title_echo(layout.title, layout.sapo)
    body: list[str] = []
    for line in lines[i:]:
        hit = md.classify_date_line(line)
        if hit and (hit.kind != "plain" or _UPDATED_ANYWHERE.match(line) or not hit.rest):
            layout.other_dates.append(hit)
            continue
        body.append(line)
    layout.paragraphs = _peel_tail(body, layout)
    return layout


def assemble_body(title: str | None, sapo: str | None, paragraphs: list[str]) -> str:
    """The article's full clean text: title, sapo, paragraphs, separated by blank lines."""
    parts = [p for p in (title, sapo, *paragraphs) if p]
    return "\n\n".join(parts)
