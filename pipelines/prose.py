"""Does the extracted text read like a Vietnamese article? The last gate before the archive.

``-a path=/etc`` once archived ``/etc/shadow`` as an article: the text rules found "paragraphs"
in any file. An article here is Vietnamese prose: enough words that only Vietnamese writes
(syllables with a tone, a vowel shape or đ — ``pipelines.vietnamese``), making up a real share
of its words, and at least one sentence-long line. A colour table, a configuration file, a
word list, an English page or a list of numbers is refused, with the counts in the message.
"""

from __future__ import annotations

from collections.abc import Iterable

from pipelines.vietnamese import marked_words

# Vietnamese words (marked syllables) an article has at least: a two-sentence news brief has
# more than twice as many.
MIN_MARKED_WORDS = 12
# Share of its words that are marked syllables (real articles: about half; see tests)
MIN_MARKED_SHARE = 0.2
# Words in its longest line, at least: prose has sentences, not only labels.
MIN_SENTENCE_WORDS = 8


def prose_refusal(lines: Iterable[str | None]) -> str | None:
    """Why these lines (title, sapo, paragraphs) are not a Vietnamese article; None if they are."""
    texts = [line for line in lines if line]
    words = sum(len(t.split()) for t in texts)
    marked = sum(marked_words(t) for t in texts)
    longest = max((len(t.split()) for t in texts), default=0)
    if marked < MIN_MARKED_WORDS or marked < MIN_MARKED_SHARE * words:
        return (
            f"not a Vietnamese article: {marked} Vietnamese words in {words} "
            f"(at least {MIN_MARKED_WORDS} and {MIN_MARKED_SHARE:.0%} expected); "
            "give an article page or text"
        )
    if longest < MIN_SENTENCE_WORDS:
        return (
            f"not an article: no sentence (the longest line has {longest} words); "
            "give an article page or text"
        )
    return None
