"""Profiles as data: aliases, the search path (a user folder overrides and extends), compiled once."""
from __future__ import annotations

import pytest

from pipeline import boilerplate
from pipeline.clean import clean
from pipeline.records import Extracted

LEAD = "وقال الوزير في مؤتمر صحفي اليوم إن المحادثات ستستأنف الأسبوع المقبل في العاصمة."


@pytest.fixture(autouse=True)
def fresh_rules():
    boilerplate.reload()
    yield
    boilerplate.reload()


@pytest.mark.parametrize(("source", "profile"), [
    ("spa", "spa"), ("was", "spa"), ("واس", "spa"), ("SPA", "spa"), ("sana", "sana"), ("سانا", "sana"),
    ("sabq", "sabq"), ("سبق", "sabq"), ("3alyoum", "3alyoum"), ("alweeam", "alweeam"), ("unknown", "generic"),
])
def test_profile_resolved_by_name_or_alias(source, profile):
    assert boilerplate.ruleset().profile_name(source) == profile


def test_every_packaged_profile_compiles_and_declares_aliases():
    rules = boilerplate.ruleset()
    for name, doc in rules.docs.items():
        assert doc.get("name") == name
        if name != "generic":
            assert name in doc.get("aliases", [])
        rules.profile(name)  # compiles every pattern


def test_compiled_once_per_source():
    first = boilerplate.profile_for("spa")
    assert boilerplate.profile_for("spa") is first


def test_user_folder_extends_and_overrides(tmp_path, monkeypatch):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "newoutlet.yaml").write_text(
        "name: newoutlet\naliases: [newoutlet, منفذ جديد]\nrules:\n"
        "  - {id: newoutlet:footer, match: line, pattern: 'حمّل تطبيق المنفذ الآن'}\n", encoding="utf-8")
    (tmp_path / "profiles" / "sana.yaml").write_text(
        "name: sana\naliases: [sana]\nrules:\n  - {id: sana:custom, match: line, pattern: 'سطر مخصص'}\n",
        encoding="utf-8")
    monkeypatch.setenv("NEWS_RULES_DIR", str(tmp_path))
    article = clean(Extracted(title="t", text=f"{LEAD}\nحمّل تطبيق المنفذ الآن"), "newoutlet")
    assert [(r.rule, r.text) for r in article.removed] == [("newoutlet:footer", "حمّل تطبيق المنفذ الآن")]
    article = clean(Extracted(title="t", text=f"{LEAD}\nسطر مخصص"), "sana")
    assert [r.rule for r in article.removed] == ["sana:custom"]
    monkeypatch.delenv("NEWS_RULES_DIR")
    article = clean(Extracted(title="t", text=f"{LEAD}\nسطر مخصص"), "sana")
    assert article.removed == []


def test_unknown_match_kind_is_an_error(tmp_path, monkeypatch):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "bad.yaml").write_text(
        "name: bad\naliases: [bad]\nrules:\n  - {id: bad:x, match: paragraph, pattern: x}\n", encoding="utf-8")
    monkeypatch.setenv("NEWS_RULES_DIR", str(tmp_path))
    with pytest.raises(ValueError, match="unknown match"):
        boilerplate.profile_for("bad")


LINES = ["// انتهى //", "- سبق -", "(واس)", "متابعات - الرياض", "للتواصل: a@b.com", "شارك تويتر فيسبوك", "التعليقات (3)",
         "12:30 ت م", "تابعونا على تلغرام", LEAD, "", "سطر عادي"]


@pytest.mark.parametrize("name", ["generic", "sana", "spa", "sabq"])
def test_combined_line_rules_pick_the_rule_the_loop_picks(name):
    profile = boilerplate.profile_for(name)
    assert profile.line_edge is not None and profile.line_inner is not None
    for text in LINES:
        for edge, combined in ((True, profile.line_edge), (False, profile.line_inner)):
            loop = next((r.id for r in profile.line_rules if (edge or r.where != "edge") and r.regex.fullmatch(text)), None)
            assert combined.rule_id(text) == loop, (text, edge)


def test_line_rules_with_back_references_stay_a_loop(tmp_path, monkeypatch):
    (tmp_path / "profiles").mkdir()
    (tmp_path / "profiles" / "echo.yaml").write_text(
        "name: echo\naliases: [echo]\nrules:\n  - {id: echo:twice, match: line, pattern: '(\\w+) \\1'}\n",
        encoding="utf-8")
    monkeypatch.setenv("NEWS_RULES_DIR", str(tmp_path))
    assert boilerplate.profile_for("echo").line_edge is None
    article = clean(Extracted(title="t", text=f"{LEAD}\nمكرر مكرر"), "echo")
    assert [(r.rule, r.text) for r in article.removed] == [("echo:twice", "مكرر مكرر")]


@pytest.mark.parametrize("text", ["تابعونا على تلغرام", "انضموا إلى قناتنا", "FOLLOW US on Telegram", "Join Our channel",
                                  "وقال الوزير إن الخطة تبدأ غدا", "اشتركوا الآن 123"])
def test_call_to_action_without_case_agrees_where_text_has_no_case(text):
    profile = boilerplate.profile_for("generic")
    found = profile.call_to_action.search(text)
    if text.lower() == text.upper():
        plain = profile.call_to_action_uncased.search(text)
        assert (plain and plain.span()) == (found and found.span())
    article = clean(Extracted(title="t", text=f"{LEAD}\n{text}"), "generic")
    assert bool([r for r in article.removed if r.rule.startswith("promo:")]) == bool(
        found and profile.platforms and any(rx.search(text) for _, rx in profile.platforms))
