"""Question-and-answer interviews: the answers are the interviewee's speech, though no cue introduces them.

Newspapers print interviews as turns (`* سؤال؟` then `- جواب`, or `س:` / `ج:`). The sentence reader finds no cue
in an answer and leaves it silent, which loses the article's main speaker for every answer (one interview in the
held-out sets held 47 such statements). When an article has at least `MIN_PAIRS` question turns ending in a
question mark and each followed by an answer turn, the text before the first question calls it an interview
(`حوار`, `في حواره مع`, `مقابلة`: a FAQ a journalist answers is none) and names a speaker (the lede: `أكد المنشد
فهد مطر أن …`), every silent statement of an answer turn is given to that speaker, with no cue. The last answer
ends with its paragraph, so what the article adds after the interview (`يذكر أن …`) is not the interviewee's. A statement with a speech verb of its own (`وقال لي المسؤول عن البرنامج …`, `شعراء كبار قالوا لي`) keeps the
speaker the reader gave it, or stays silent when the reader found none: the answer quotes somebody else there.
Questions and the lede stay as they are. Turn marks are data in `rules/speakers/interview.yaml`.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from pipeline import lexicons
from pipeline.attribute import cue_keys
from pipeline.normalize import fold
from pipeline.records import Statement

MIN_PAIRS = 3
_QUESTION_ENDS = ("؟", "?")


@dataclass(frozen=True)
class TurnMarks:
    questions: tuple[str, ...]
    answers: tuple[str, ...]
    words: frozenset[str]  # folded words that call the piece an interview


def _build(data: dict[str, list]) -> TurnMarks:
    return TurnMarks(questions=tuple(str(m) for m in data.get("question_marks", [])),
                     answers=tuple(str(m) for m in data.get("answer_marks", [])),
                     words=frozenset(fold(str(w)) for w in data.get("interview_words", [])))


def marks() -> TurnMarks:
    return lexicons.cached("speakers", _build)


def _turn(text: str, m: TurnMarks) -> str | None:
    """"q" or "a" when the statement opens a question or an answer turn, else None."""
    head = text.lstrip()
    if head.startswith(m.questions):
        return "q"
    if head.startswith(m.answers):
        return "a"
    return None


def interviewee(statements: list[Statement], first_question: int) -> str | None:
    """The speaker the lede names most (the first named on a tie), when the lede names one."""
    named = [st.speaker_canonical for st in statements[:first_question] if st.speaker_canonical]
    if not named:
        return None
    counts = Counter(named)
    best = max(counts.values())
    return next(n for n in named if counts[n] == best)


def answer_turns(statements: list[Statement], body: str) -> list[Statement]:
    """Give the interviewee the silent statements of the answer turns of a question-and-answer interview."""
    m = marks()
    turns = [_turn(st.text, m) for st in statements]
    pairs = sum(1 for i, t in enumerate(turns[:-1]) if t == "q" and _asks(statements, turns, i))
    if pairs < MIN_PAIRS:
        return statements
    first = turns.index("q")
    lede = body[:statements[first].start]
    if not any(fold(w.strip("،,.:؛\"«»“”()")) in m.words for w in lede.split()):
        return statements
    who = interviewee(statements, first)
    if who is None:
        return statements
    last = max(i for i, t in enumerate(turns) if t == "a")
    end = last + 1
    while end < len(statements) and "\n" not in body[statements[end - 1].end:statements[end].start]:
        end += 1  # the last answer goes on to the end of its paragraph only
    cues = cue_keys()
    state = None
    for st, t in zip(statements[first:end], turns[first:end]):
        state = t or state
        if state == "a" and st.speaker is None and st.kind == "sentence" \
                and not any(fold(w.strip("،,.:؛\"«»“”")) in cues for w in st.text.split()):
            st.speaker = st.speaker_canonical = who
            st.cue = None
            st.mode = "indirect"
    return statements


def _asks(statements: list[Statement], turns: list[str | None], i: int) -> bool:
    """The question turn at i ends in a question mark (over one or more statements) and an answer turn follows."""
    j = i
    while j + 1 < len(turns) and turns[j + 1] is None:
        j += 1
    return statements[j].text.rstrip().endswith(_QUESTION_ENDS) and j + 1 < len(turns) and turns[j + 1] == "a"
