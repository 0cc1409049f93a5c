"""URL canonicalisation so one story reached by several URLs is one article."""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "yclid", "_ga", "ref", "ref_src", "spm",
    "gbraid", "wbraid", "twclid", "ttclid", "li_fat_id", "mkt_tok", "_hsenc", "_hsmi", "ocid", "ncid", "cmpid",
    "xtor", "at_medium", "at_campaign", "s_cid", "wt_mc", "oly_enc_id", "oly_anon_id", "vero_id", "guccounter",
    "guce_referrer", "guce_referrer_sig", "__twitter_impression",
})
# Characters a path keeps as they are; everything else (Arabic slugs, spaces) is UTF-8 percent-encoded.
_PATH_SAFE = "/:@!$&'()*+,;=~-._%"
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def _is_tracking(key: str) -> bool:
    key = key.lower()
    return key.startswith("utm_") or key in TRACKING_PARAMS


def _host(hostname: str) -> str:
    host = hostname.lower().rstrip(".")
    if host.startswith("www."):
        host = host[4:]
    try:
        return host.encode("idna").decode("ascii")  # عربي.example and its xn-- form are one host
    except UnicodeError:
        return host


def canonical_url(url: str) -> str:
    """Scheme-less lower-case host without `www.`, one percent-encoding, no fragment or tracking, sorted query."""
    parts = urlsplit(url.strip())
    host = _host(parts.hostname or "")
    try:
        port = parts.port
    except ValueError:
        port = None
    if port and port not in (80, 443):
        host = f"{host}:{port}"
    query = sorted((k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k))
    # An Arabic slug arrives both raw and percent-encoded (in either hex case): encode raw, upper-case escapes.
    path = _ESCAPE.sub(lambda m: m.group(0).upper(), quote(parts.path or "/", safe=_PATH_SAFE))
    if len(path) > 1 and path.endswith("/"):
        path = path[:-1]
    # The scheme is dropped on purpose: http and https copies of a page are the same story.
    return urlunsplit(("", host, path, urlencode(query), "")).lstrip("/")
