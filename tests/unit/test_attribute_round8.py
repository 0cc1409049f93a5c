"""Golden tables for the attr8 branch (held-out12's error classes, written as fresh sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# A feminine speech verb before a definite masculine word and a name word (`أعلنت الأهلي كابيتال، المستشار …`): the
# definite word cannot describe a woman, so it opens a company's name and the company speaks; main took the last word
# (`كابيتال`) for a person described by `الأهلي`.
FEMININE_BODY = [
    (["أعلنت الأهلي كابيتال، المستشار المالي للطرح، عن انتهاء الاكتتاب في الأسهم."],
     [("الأهلي كابيتال", "أعلنت")]),
    (["وأعلنت الراجحي كابيتال، مدير الصندوق، عن توزيع أرباح نقدية على المشتركين."],
     [("الراجحي كابيتال", "وأعلنت")]),
    # guards: a feminine descriptor of a woman, a masculine verb with a descriptor, and a given name after the word
    (["وقالت الإعلامية سارة، إن البرنامج سيعود قريبا."], [("سارة", "وقالت")]),
    (["وأعلن الموسيقار خالد برزنجي، أن الحفل سيقام في جدة."], [("خالد برزنجي", "وأعلن")]),
]


@pytest.mark.parametrize("case", FEMININE_BODY)
def test_feminine_body(case) -> None:
    check(case)

