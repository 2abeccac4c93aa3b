"""Redirects that leave the site fail their request, so the article is recorded, not lost.

Scrapy follows a redirect by scheduling a new request; its offsite filter then drops that request
when it leads to another domain — silently, at scheduling time, with no errback and no
``request_dropped`` signal. An article whose URL now redirects off the site (a moved section, a
hijacked domain, a parking page) vanished from the run: no article, no ``fetch_failures`` row.

This middleware replaces Scrapy's RedirectMiddleware (same settings, same behaviour on the site)
and refuses a redirect to a host outside the spider's ``allowed_domains`` by failing the original
request with :class:`OffsiteRedirect`: its errback runs, and the spider records the failure like
any other (``fetch_failures``, stats ``offsite/redirects``).
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.url import url_is_from_any_domain


class OffsiteRedirect(IgnoreRequest):
    """The page moved to another site: not followed."""


def leaves_site(request: Request, allowed_domains: list[str] | None) -> bool:
    """Whether following ``request`` (a redirect target) would leave the spider's domains."""
    if not allowed_domains or request.dont_filter or request.meta.get("allow_offsite"):
        return False
    return not url_is_from_any_domain(request.url, allowed_domains)


class OffsiteAwareRedirectMiddleware(RedirectMiddleware):
    def process_response(
        self, request: Request, response: Response, spider: Any = None
    ) -> Request | Response:
        result = super().process_response(request, response)
        if isinstance(result, Request) and result is not request:
            spider = self.crawler.spider
            if leaves_site(result, list(getattr(spider, "allowed_domains", None) or [])):
                self.crawler.stats.inc_value("offsite/redirects")
                # no "redirect" in the message: spiders retry redirect *loops*, not this
                raise OffsiteRedirect(
                    f"moved off the site (HTTP {response.status}) to {result.url}: not followed"
                )
        return result
