"""SSRF guard: only http(s) to public addresses, unless a source explicitly allows a private network."""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

SCHEMES = frozenset({"http", "https"})
_TRUE = frozenset({"1", "true", "yes", "all", "*"})


class Blocked(Exception):
    """A URL or address the guard refuses; `reason` is `ssrf_blocked` or `bad_url`."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True, slots=True)
class NetPolicy:
    """Which non-public addresses may be reached: none by default, listed networks, or all of them."""

    allowed: tuple[IPNetwork, ...] = ()
    allow_all: bool = False

    @classmethod
    def parse(cls, spec: object) -> NetPolicy:
        """From settings: `true`/`"all"`, a CIDR or address, a comma-separated string or a list of them."""
        if spec is None or spec is False or spec == "":
            return cls()
        if spec is True or (isinstance(spec, str) and spec.strip().lower() in _TRUE):
            return cls(allow_all=True)
        items = spec.split(",") if isinstance(spec, str) else list(spec)  # type: ignore[call-overload]
        nets = tuple(ipaddress.ip_network(str(i).strip(), strict=False) for i in items if str(i).strip())
        return cls(allowed=nets)

    def union(self, other: NetPolicy) -> NetPolicy:
        return NetPolicy(tuple(dict.fromkeys(self.allowed + other.allowed)), self.allow_all or other.allow_all)

    def permits(self, ip: IPAddress) -> bool:
        if is_public(ip) or self.allow_all:
            return True
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        return any(ip in net for net in self.allowed if net.version == ip.version)


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address tunnels to (mapped, 6to4, Teredo, NAT64, IPv4-compatible), if any."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    if ip in ipaddress.ip_network("64:ff9b::/96") or ip in ipaddress.ip_network("::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address; private, loopback, link-local, multicast, reserved are not."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None and not ip.is_loopback and not ip.is_unspecified:
            return is_public(inner)
    return ip.is_global and not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


def check_ip(address: str | IPAddress, policy: NetPolicy) -> IPAddress:
    """The address, or Blocked when the policy does not let us connect to it."""
    ip = ipaddress.ip_address(address.split("%", 1)[0] if isinstance(address, str) else address)
    if not policy.permits(ip):
        raise Blocked("ssrf_blocked", f"address {ip} is not public")
    return ip


def resolve(host: str, port: int, policy: NetPolicy) -> list[str]:
    """Every address `host` resolves to, each vetted; one refused address refuses the host (no rebinding games)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as exc:
        raise Blocked("dns_error", f"cannot resolve {host!r}: {exc}") from exc
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    for address in addresses:
        try:
            check_ip(address, policy)
        except Blocked:
            shown = f"{host} resolves to {address}" if host != address else f"address {address}"
            raise Blocked("ssrf_blocked", f"{shown}, which is not public, and the source does not allow it") from None
    if not addresses:
        raise Blocked("dns_error", f"no address for {host!r}")
    return addresses


def check_url(url: str, policy: NetPolicy) -> tuple[str, str, int]:
    """Scheme, host and port of a fetchable URL after resolving and vetting its host; raises Blocked."""
    try:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise Blocked("bad_url", f"{url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise Blocked("ssrf_blocked", f"scheme {scheme or '(none)'!r} is not http(s): {url}")
    if not parts.hostname:
        raise Blocked("bad_url", f"no host in {url!r}")
    if parts.username or parts.password:
        raise Blocked("bad_url", f"credentials in URL are refused: {parts.hostname}")
    resolve(parts.hostname, port, policy)
    return scheme, parts.hostname, port
