"""Statements → who said them: speaker, cue verb, direct or indirect."""
from __future__ import annotations

import re

from pipeline.records import Article, Statement

_CUE = re.compile(r"(?:^|\s)(و?(?:قال|أكد|أضاف|ذكر|أعلن))\s+([^\s“\"«]+)")


def attribute(article: Article, statements: list[Statement]) -> list[Statement]:
    """Fill speaker and cue where a speech verb is followed by a name."""
    for st in statements:
        match = _CUE.search(st.text)
        if match:
            st.cue, st.speaker = match.group(1), match.group(2)
            st.speaker_canonical = st.speaker
            st.mode = "direct" if any(q in st.text for q in "“\"«") else "indirect"
    return statements
