"""Secrets out of every text a person reads: log lines, error messages, stored errors.

A database URL can carry its password in four places, and each is replaced by ``***``:

- the userinfo of any URL: ``scheme://user:secret@host`` (SQLAlchemy, libpq, Redis URLs);
- a query parameter: ``?password=secret``, ``&sslpassword=secret`` (libpq accepts both in a
  URI, and SQLAlchemy passes query parameters to the driver), also percent-encoded names;
- a libpq key/value DSN: ``host=db password=secret sslpassword='x y'``, as psycopg prints it
  in some connection errors;
- a Python repr of connection arguments: ``'password': 'secret'``.

Pure functions on text: no SQLAlchemy, no Scrapy, so the log filter, the storage layer and the
commands all use the same rules.
"""

from __future__ import annotations

import re

MASK = "***"

# Names whose value is a secret, in a query string, a DSN or a dict repr.
SECRET_NAMES = ("password", "sslpassword", "passwd", "pwd", "secret", "token", "api_key",
                "apikey", "access_token", "auth")  # fmt: skip
_NAMES = "|".join(sorted(SECRET_NAMES, key=len, reverse=True))

# scheme://user:password@  (the user part may be empty: redis://:secret@host)
_USERINFO = re.compile(r"(?P<head>\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^:/@\s'\"]*):[^@/\s'\"]*@")
# ?password=...  &sslpassword=...  (also %-encoded "=" and names in any case)
_QUERY = re.compile(rf"(?P<head>[?&;](?:{_NAMES})(?:=|%3[dD]))[^&#\s'\"]*", re.I)
# libpq key/value DSN: password=secret  or  password = 'quoted value'
_DSN = re.compile(
    rf"(?P<head>(?<![\w?&;%])(?:{_NAMES})\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^\s'\",;]+)", re.I
)
# repr of keyword arguments: 'password': 'secret'  or  "password": "secret"
_REPR = re.compile(
    rf"(?P<head>['\"](?:{_NAMES})['\"]\s*:\s*)(?P<q>['\"])(?:(?!(?P=q)).)*(?P=q)", re.I
)


def redact(text: str) -> str:
    """``text`` with every password-like value replaced by ``***``."""
    if not text:
        return text
    text = _USERINFO.sub(rf"\g<head>:{MASK}@", text)
    text = _QUERY.sub(rf"\g<head>{MASK}", text)
    text = _DSN.sub(rf"\g<head>{MASK}", text)
    return _REPR.sub(rf"\g<head>\g<q>{MASK}\g<q>", text)
