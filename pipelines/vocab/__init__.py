"""Vocabulary as data: boilerplate phrases, date words, province names.

Kept apart from the code that uses them (as trafilatura keeps its xpaths and word lists) so that a
new portal's boilerplate is a one-line data change, reviewed on its own.
"""
