"""Golden tables for the round6 branch (held-out10's error classes and held-out9's `وبالعودة إلى`, written as fresh
sentences).

Each case is a short article (a list of paragraphs) and the expected (speaker_canonical, cue) per statement;
`(None, None)` is an abstention. Each group fails without its fix; guards say what must not change.
"""
from __future__ import annotations

import pytest

from tests.unit.test_attribute_phenomena import check

# `وبالعودة إلى X فقد أكد`: the copy returns to someone quoted before; X is the subject of the ف-clause, not whoever
# was quoted last.
RETURNS_TO = [
    (["وقال بيتر هينشكليف، ممثل الغرفة إن الانطباع جيد.", 'واستطرد الفريق مميش قائلا "هذه هدية مصر للعالم".',
      "وبالعودة إلى هينشكليف فقد أكد على أهمية القناة، قائلا إن الشحن ينمو."],
     [("بيتر هينشكليف", "وقال"), ("مميش", "واستطرد"), ("بيتر هينشكليف", "أكد")]),
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وأوضح المهندس فهد الحربي أن العمل مستمر.",
      "وبالعودة إلى العمري فقد أشار إلى أن الإقبال كبير."],
     [("سالم العمري", "وقال"), ("فهد الحربي", "وأوضح"), ("سالم العمري", "أشار")]),
    # guards: a thing returned to is a topic, and a name the article never gave is not vouched for
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وبالعودة إلى المشروع فقد أكد على أهميته."],
     [("سالم العمري", "وقال"), (None, None)]),
    (["وقال الدكتور سالم العمري إن الموسم ناجح.", "وبالعودة إلى السوق فقد أكد التجار أن الأسعار مستقرة."],
     [("سالم العمري", "وقال"), ("التجار", "أكد")]),
]


@pytest.mark.parametrize("case", RETURNS_TO)
def test_returns_to(case) -> None:
    check(case)
