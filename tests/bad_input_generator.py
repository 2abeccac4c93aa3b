"""The bad-input corpus: the stored cases plus the ones too big (or too odd) to keep in git.

``tests/fixtures/bad_input_corpus/`` holds the small cases as files. :func:`build_corpus` copies
them into a directory and adds the generated ones: 30 MB of text, 25 MB of HTML, 10,000 nested
divs, 200,000 nested inline tags, a million empty paragraphs, 10,000 repeated paragraphs, a 2 MB
word, a symbolic-link loop and a file name that is not UTF-8. Every case is meant to be refused
with a clear message or to come out as an article with valid (possibly null) fields.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

STORED = Path(__file__).resolve().parent / "fixtures" / "bad_input_corpus"

_PARAGRAPH = (
    "Giá trị sản xuất công nghiệp trên địa bàn tỉnh Thái Nguyên tháng 3 ước đạt 70 nghìn tỷ "
    "đồng, tăng 5,2% so với cùng kỳ năm trước."
)
_HEAD = "<html><head><title>Trang thử</title></head><body><h1>Trang rất lớn cần từ chối</h1>"

# name -> what it is; the files are written by build_corpus (sizes in bytes are approximate)
GENERATED: dict[str, str] = {
    "huge_30mb.txt": "30 MB of article-like text",
    "huge_25mb.html": "25 MB of HTML paragraphs",
    "nested_divs_10000.html": "10,000 nested <div> around an article",
    "deep_nesting_200000.html": "200,000 nested inline tags (an HTML bomb)",
    "million_empty_p.html": "1,000,000 empty <p></p>",
    "repeated_paragraphs_10000.txt": "one paragraph repeated 10,000 times",
    "one_word_2mb.txt": "a single 2 MB word, no spaces or newlines",
    "symlink_loop_a.txt": "symbolic link to symlink_loop_b.txt, which links back",
    "symlink_loop_b.txt": "symbolic link to symlink_loop_a.txt",
    "symlink_self.txt": "symbolic link to itself",
}
# a file name that is not valid UTF-8 (surrogate-escaped in Python): created where supported
NON_UTF8_NAME = os.fsdecode(b"ten_khong_utf8_\xff\xfe.txt")


def _repeat_to(unit: str, size: int) -> str:
    return unit * (size // len(unit.encode("utf-8")) + 1)


def write_generated(dest: Path) -> list[Path]:
    """Write the generated cases into ``dest``; returns their paths (symbolic links included)."""
    dest.mkdir(parents=True, exist_ok=True)
    files = {
        "huge_30mb.txt": "Tiêu đề rất dài\n\n" + _repeat_to(_PARAGRAPH + "\n\n", 30_000_000),
        "huge_25mb.html": _HEAD + _repeat_to(f"<p>{_PARAGRAPH}</p>\n", 25_000_000),
        "nested_divs_10000.html": _HEAD
        + "<div>" * 10_000
        + "<h2>Thái Nguyên: công nghiệp tăng trưởng</h2>"
        + f"<p>{_PARAGRAPH}</p>" * 3
        + "</div>" * 10_000
        + "</body></html>",
        "deep_nesting_200000.html": _HEAD + "<b><i>" * 100_000 + _PARAGRAPH,
        "million_empty_p.html": _HEAD + "<p></p>" * 1_000_000 + f"<p>{_PARAGRAPH}</p></body>",
        "repeated_paragraphs_10000.txt": "Sản xuất công nghiệp lặp lại\n\n"
        + (_PARAGRAPH + "\n\n") * 10_000,
        "one_word_2mb.txt": "a" * 2_000_000,
    }
    out = []
    for name, text in files.items():
        path = dest / name
        path.write_bytes(text.encode("utf-8"))
        out.append(path)
    for link, target in (
        ("symlink_loop_a.txt", "symlink_loop_b.txt"),
        ("symlink_loop_b.txt", "symlink_loop_a.txt"),
        ("symlink_self.txt", "symlink_self.txt"),
    ):
        (dest / link).symlink_to(target)
        out.append(dest / link)
    try:
        odd = dest / NON_UTF8_NAME
        odd.write_bytes(("Tên tệp lạ\n\n" + _PARAGRAPH + "\n").encode("utf-8"))
        out.append(odd)
    except (OSError, UnicodeEncodeError):  # a file system that insists on UTF-8 names
        pass
    return out


def build_corpus(dest: Path) -> Path:
    """The whole corpus in ``dest``: the stored files copied, the generated ones written."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(STORED.iterdir()):
        shutil.copyfile(path, dest / path.name)
    write_generated(dest)
    return dest


def case_names(corpus: Path) -> list[str]:
    """Every case of a built corpus, links included, by file name."""
    return sorted(os.listdir(corpus))
