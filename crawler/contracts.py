"""Spider contracts (``scrapy check``) for the portal spiders: does each site still work?

Every portal spider gets two contract-bearing callbacks, written from its profile (see
``crawler/spiders/portals.py``): ``check_listing`` on its first listing (``@finds_articles``: the
first page yields article links) and ``check_article`` on the profile's example article URL
(``@matches``: the current selector version finds each named field on the page; ``@extracts``:
the whole extraction — metadata first, selectors, fallback — gives each named field). Against the
replicas (``-s REPLICA_URL=...``) they run offline; without, against the live sites.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from scrapy.contracts import Contract
from scrapy.exceptions import ContractFail
from scrapy.http import Request, Response

from pipelines import html as hp
from pipelines.errors import BadInputError
from pipelines.extraction import extract_document, selector_date_text

# extraction field -> the SiteSelectors attribute that finds it
_SELECTOR_FIELD = {"published_at": "date"}


def _profile(method: Any) -> Any:
    return method.__self__.profile


class FindsArticlesContract(Contract):
    """``@finds_articles``: the callback yields at least one article request."""

    name = "finds_articles"

    def post_process(self, output: list[Any]) -> None:
        articles = [
            r for r in output if isinstance(r, Request) and r.callback is not None
            and getattr(r.callback, "__name__", "") == "parse_article"
        ]  # fmt: skip
        if not articles:
            raise ContractFail(
                "no article link found: the listing's link selector or the article URL patterns "
                "no longer match (see `scrapy sites`)"
            )


class MatchesContract(Contract):
    """``@matches title date body``: the selectors of the page's version find these fields.

    The version is the first, in date order from today, whose body selectors find a body; none
    finding one fails at once (the site's layout changed: add a selector version)."""

    name = "matches"

    def __init__(self, method: Any, *args: Any) -> None:
        super().__init__(method, *args)
        self.profile = _profile(method)

    def pre_process(self, response: Response) -> None:
        root = hp.parse_html(response.text)
        if root is None:
            raise ContractFail(f"{response.url}: not an HTML page")
        hp.caption_tables_to_figures(root)
        versions = self.profile.selector_candidates(date.today())
        found = next((v for v in versions if hp.select_all(root, v.body)), None)
        if found is None:
            names = ", ".join(v.version for v in versions)
            raise ContractFail(f"{response.url}: no selector version ({names}) finds the body")
        missing = []
        for name in self.args:
            attr = _SELECTOR_FIELD.get(name, name)
            css = getattr(found, attr)
            hit = (
                selector_date_text(root, css, found.date_formats)
                if attr == "date"
                else hp.select_all(root, css)
            )
            if not hit:
                missing.append(f"{name} ({', '.join(css)})")
        if missing:
            raise ContractFail(
                f"{response.url}: selectors of {found.version} matched nothing for "
                + "; ".join(missing)
            )


class ExtractsContract(Contract):
    """``@extracts title published_at body``: the extraction of the fetched article gives them."""

    name = "extracts"

    def post_process(self, output: list[Any]) -> None:
        items = [o for o in output if hasattr(o, "get") and o.get("raw") is not None]
        if not items:
            raise ContractFail("the callback returned no fetched article")
        for item in items:
            url = item.get("final_url") or item.get("url")
            try:
                article = extract_document(
                    item["raw"], source=url, url=url, selectors=item.get("profile")
                )
            except BadInputError as err:
                raise ContractFail(str(err)) from err
            missing = [name for name in self.args if not getattr(article, name, None)]
            if missing:
                raise ContractFail(f"{url}: nothing extracted for {', '.join(missing)}")
