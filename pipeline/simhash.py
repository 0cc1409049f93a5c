"""64-bit simhash of an article body, for finding near-duplicate stories within a source."""
from __future__ import annotations

import hashlib
import os
from collections import Counter
from functools import lru_cache

from pipeline.normalize import norm_text

BITS = 64
# Near-duplicates: at most this many differing bits. The banded index in 0020_loading.sql (four 16-bit bands)
# finds every pair up to distance 3 by the pigeonhole principle; larger values fall back to a scan per source.
MAX_DISTANCE = int(os.environ.get("NEWS_SIMHASH_DISTANCE", "3"))
SHINGLE = 2  # word bigrams: one edited word changes few features, a shared topic vocabulary still differs

# For each bit b, a byte translation table mapping every byte value to 1 when bit b is set, else 0.
_BIT_TABLES = tuple(bytes((v >> b) & 1 for v in range(256)) for b in range(8))


def _feature_hash(feature: str) -> bytes:
    return hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()


def features(text: str) -> Counter[str]:
    """Word bigrams of the normalised text (letter forms, digits, punctuation folded), with counts."""
    return _features(norm_text(text).split())


def _features(words: list[str]) -> Counter[str]:
    if len(words) < SHINGLE:
        return Counter(words)
    return Counter(" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def simhash(text: str) -> int:
    """Calculate an unsigned 64-bit simhash over the weighted word bigrams of the normalised text."""
    return _simhash(features(text))


def _simhash(feats: Counter[str]) -> int:
    if not feats:
        return 0
    # All feature hashes side by side, repeated by weight: byte k of every hash is the slice [k::8], and
    # translating a slice to 0/1 per bit lets bytes.count do the vote counting at C speed.
    packed = b"".join(_feature_hash(f) * w for f, w in feats.items())
    half = len(packed) // 8 / 2
    out = 0
    for k in range(8):
        column = packed[k::8]
        for bit in range(8):
            if column.translate(_BIT_TABLES[bit]).count(1) > half:
                out |= 1 << (8 * (7 - k) + bit)
    return out


def simhash_exact(feats: Counter[str]) -> int:
    """The same simhash computed bit by bit (reference implementation; no lane overflow limit)."""
    votes = [0] * BITS
    for feature, weight in feats.items():
        value = int.from_bytes(_feature_hash(feature), "big")
        for bit in range(BITS):
            votes[bit] += weight if (value >> bit) & 1 else -weight
    return sum(1 << bit for bit in range(BITS) if votes[bit] > 0)


@lru_cache(maxsize=4096)
def body_fingerprint(body: str) -> tuple[str, int]:
    """(content hash, signed simhash) of an article body from one normalisation pass; memoised per body.

    The content hash is the first 32 hex digits of SHA-256 over the normalised body (equal hashes: same text);
    the simhash is stored as a signed bigint. The processing stage computes both for each article (see
    pipeline.runner), so the loader finds them cached instead of normalising every body again on its hot path.
    """
    norm = norm_text(body)
    digest = hashlib.sha256(norm.encode("utf-8")).hexdigest()[:32]
    return digest, to_signed(_simhash(_features(norm.split())))


def body_simhash(body: str) -> int:
    """Signed simhash of an article body as stored in articles.simhash (bigint)."""
    return body_fingerprint(body)[1]


def to_signed(value: int) -> int:
    return value - (1 << BITS) if value >= 1 << (BITS - 1) else value


def distance(a: int, b: int) -> int:
    """Hamming distance between two simhashes (signed or unsigned)."""
    return ((a ^ b) & ((1 << BITS) - 1)).bit_count()
