"""The SSRF guard: which addresses are public, what a source may allow, and which URLs are fetchable."""
from __future__ import annotations

import ipaddress

import pytest

from pipeline.netguard import Blocked, NetPolicy, check_ip, check_url, is_public

pytestmark = pytest.mark.fetch

PUBLIC = ["8.8.8.8", "1.1.1.1", "185.60.216.35", "2001:4860:4860::8888", "2a03:2880:f12f:83:face:b00c:0:25de",
          "::ffff:8.8.8.8"]
NOT_PUBLIC = [
    ("127.0.0.1", "loopback"), ("127.255.0.9", "loopback /8"), ("10.1.2.3", "private"), ("172.16.0.1", "private"),
    ("172.31.255.255", "private"), ("192.168.1.1", "private"), ("169.254.169.254", "link-local cloud metadata"),
    ("0.0.0.0", "unspecified"), ("100.64.0.1", "carrier-grade NAT"), ("192.0.2.1", "documentation"),
    ("198.18.0.1", "benchmarking"), ("224.0.0.1", "multicast"), ("239.255.255.250", "multicast SSDP"),
    ("240.0.0.1", "reserved"), ("255.255.255.255", "broadcast"),
    ("::1", "IPv6 loopback"), ("::", "IPv6 unspecified"), ("fe80::1", "IPv6 link-local"), ("fc00::1", "unique local"),
    ("fd12:3456::1", "unique local"), ("ff02::1", "IPv6 multicast"), ("ff0e::1", "IPv6 global-scope multicast"),
    ("::ffff:127.0.0.1", "IPv4-mapped loopback"), ("::ffff:10.0.0.1", "IPv4-mapped private"),
    ("::ffff:169.254.169.254", "IPv4-mapped metadata"), ("2002:7f00:1::", "6to4 of 127.0.0.1"),
    ("2002:a00:1::", "6to4 of 10.0.0.1"), ("64:ff9b::a00:1", "NAT64 of 10.0.0.1"), ("::127.0.0.1", "IPv4-compatible"),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", "Teredo"), ("2001:db8::1", "IPv6 documentation"),
]


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address):
    assert is_public(ipaddress.ip_address(address))
    assert check_ip(address, NetPolicy()) == ipaddress.ip_address(address)


@pytest.mark.parametrize(("address", "why"), NOT_PUBLIC)
def test_non_public_addresses_are_refused(address, why):
    assert not is_public(ipaddress.ip_address(address)), why
    with pytest.raises(Blocked) as caught:
        check_ip(address, NetPolicy())
    assert caught.value.reason == "ssrf_blocked"


def test_a_source_allows_exactly_what_it_lists():
    policy = NetPolicy.parse(["127.0.0.1"])
    assert check_ip("127.0.0.1", policy)
    assert check_ip("::ffff:127.0.0.1", policy)  # the same address written as IPv4-mapped IPv6
    for other in ("127.0.0.2", "::1", "10.0.0.1", "169.254.169.254"):
        with pytest.raises(Blocked):
            check_ip(other, policy)


@pytest.mark.parametrize(("spec", "allowed", "refused"), [
    (None, [], ["10.0.0.1"]),
    ("", [], ["10.0.0.1"]),
    (False, [], ["10.0.0.1"]),
    (True, ["10.0.0.1", "::1", "169.254.169.254"], []),
    ("all", ["10.0.0.1"], []),
    ("10.0.0.0/8, 192.168.1.5", ["10.9.9.9", "192.168.1.5"], ["192.168.1.6", "127.0.0.1"]),
    (["fd00::/8"], ["fd00::5"], ["fe80::1", "10.0.0.1"]),
])
def test_policy_settings(spec, allowed, refused):
    policy = NetPolicy.parse(spec)
    for address in allowed:
        assert policy.permits(ipaddress.ip_address(address))
    for address in refused:
        assert not policy.permits(ipaddress.ip_address(address))


def test_policies_add_up():
    both = NetPolicy.parse("10.0.0.0/8").union(NetPolicy.parse(["127.0.0.1"]))
    assert both.permits(ipaddress.ip_address("10.2.3.4")) and both.permits(ipaddress.ip_address("127.0.0.1"))
    assert NetPolicy().union(NetPolicy(allow_all=True)).allow_all


@pytest.mark.parametrize(("url", "reason"), [
    ("file:///etc/passwd", "ssrf_blocked"),
    ("gopher://127.0.0.1:6379/_INFO", "ssrf_blocked"),
    ("ftp://8.8.8.8/file", "ssrf_blocked"),
    ("javascript:alert(1)", "ssrf_blocked"),
    ("//8.8.8.8/no-scheme", "ssrf_blocked"),
    ("http:///no-host", "bad_url"),
    ("http://user:secret@8.8.8.8/", "bad_url"),
    ("http://8.8.8.8:99999/", "bad_url"),
    ("http://127.0.0.1/", "ssrf_blocked"),
    ("http://localhost:8080/admin", "ssrf_blocked"),
    ("http://2130706433/", "ssrf_blocked"),  # 127.0.0.1 as one decimal number
    ("http://0x7f000001/", "ssrf_blocked"),  # and in hex
    ("http://[::1]/", "ssrf_blocked"),
    ("http://[::ffff:127.0.0.1]/", "ssrf_blocked"),
    ("http://169.254.169.254/latest/meta-data/", "ssrf_blocked"),
    ("http://0.0.0.0:5432/", "ssrf_blocked"),
    ("http://no-such-host.invalid/", "dns_error"),
])
def test_unfetchable_urls(url, reason):
    with pytest.raises(Blocked) as caught:
        check_url(url, NetPolicy())
    assert caught.value.reason == reason


def test_public_literal_and_allowed_loopback_pass():
    assert check_url("https://8.8.8.8/feed.xml", NetPolicy()) == ("https", "8.8.8.8", 443)
    assert check_url("HTTP://127.0.0.1:8000/x", NetPolicy.parse("127.0.0.1")) == ("http", "127.0.0.1", 8000)
