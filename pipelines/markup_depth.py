"""Markup nested deeper than the HTML parser goes: flattened in the middle, kept at both ends.

libxml2 (lxml's parser) stops building the tree at 256 levels ("Excessive depth in document"):
everything deeper is lost. A page of 255 nested ``<div>`` around its article gave no text, a page
100,000 deep was archived with a 23-character body. Such pages are broken or hostile, but their
text is still the article.

:func:`flatten_deep_markup` removes the tags of the *middle* of the nesting, not its ends: an
element is kept when it sits in the top :data:`KEEP_TOP` levels (html, body, the page layout) or
when its own subtree is at most :data:`KEEP_BOTTOM` levels high (the article's headings,
paragraphs, tables, links). Kept elements are then never deeper than their sum, under the
parser's limit, and the text between every removed tag stays where it was. It runs only when a
parse hit the limit (``pipelines.html.parse_html``), so normal pages are never touched.

Two linear passes over the tags with a stack: no recursion, any depth.
"""

from __future__ import annotations

import re

KEEP_TOP = 96
KEEP_BOTTOM = 96
SEARCH = 1024
# Elements that never have content (their end tag, if any, is ignored by parsers).
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr", "keygen", "command"})  # fmt: skip
# Start and end tags; comments, scripts and styles are skipped whole (their "<" are not tags).
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style)\b.*?(?:</\1\s*>|$)|<(/?)([a-zA-Z][a-zA-Z0-9:_-]*)\b[^>]*>",
    re.S | re.I,
)


def flatten_deep_markup(text: str) -> tuple[str, int]:
    """``text`` with the middle of any over-deep nesting unwrapped; (text, tags removed)."""
    tokens: list[tuple[int, int, str, bool]] = []  # (start, end, name, closing)
    for match in _TOKEN.finditer(text):
        name = match.group(3)
        if name is None:
            continue  # a comment, a script or a style
        name = name.lower()
        if name in VOID or match.group(0).endswith("/>"):
            continue
        tokens.append((match.start(), match.end(), name, bool(match.group(2))))

    depth: dict[int, int] = {}  # token index of a start tag -> its depth
    height: dict[int, int] = {}  # token index of a start tag -> height of its subtree
    partner: dict[int, int] = {}  # end tag index -> its start tag index
    stack: list[int] = []
    for i, (_, _, name, closing) in enumerate(tokens):
        if not closing:
            depth[i] = len(stack)
            height[i] = 0
            stack.append(i)
            continue
        # close the nearest open element of that name (and everything left open inside it)
        # (within the innermost SEARCH levels: stray end tags must not cost a scan of the stack)
        lowest = max(0, len(stack) - SEARCH)
        at = next(
            (k for k in range(len(stack) - 1, lowest - 1, -1) if tokens[stack[k]][2] == name), None
        )
        if at is None:
            continue  # a stray end tag: left as it is
        partner[i] = stack[at]
        while len(stack) > at:
            _close(stack, height)
    while stack:
        _close(stack, height)

    drop = {i for i in depth if depth[i] >= KEEP_TOP and height[i] > KEEP_BOTTOM}
    drop |= {i for i, start in partner.items() if start in drop}
    if not drop:
        return text, 0
    parts: list[str] = []
    position = 0
    for i in sorted(drop):
        start, end, _, _ = tokens[i]
        parts.append(text[position:start])
        parts.append(" ")
        position = end
    parts.append(text[position:])
    return "".join(parts), len(drop)


def _close(stack: list[int], height: dict[int, int]) -> None:
    element = stack.pop()
    if stack:
        parent = stack[-1]
        height[parent] = max(height[parent], height[element] + 1)
