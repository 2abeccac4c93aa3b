"""Version of the extraction rules.

Bump it whenever cleaning, metadata or indicator rules change what they produce: every stored
article and fact records the version that made it, and ``scrapy reprocess`` selects on it.
"""

EXTRACTOR_VERSION = "0.4.0"
