"""docs/grading.md lists every check with every parameter, every question kind, every policy."""

import json
import re
from pathlib import Path

import pytest

from app.grading import CHECKS, POLICIES, QUESTION_KINDS, validate_check
from tests.catalogue import english, korean

DOC = (Path(__file__).resolve().parents[2] / "docs" / "grading.md").read_text(encoding="utf-8")


def section(name: str) -> str:
    m = re.search(rf"^### `{name}`\n(.*?)(?=^#{{2,3}} )", DOC, re.S | re.M)
    assert m, f"docs/grading.md has no section for {name}"
    return m.group(1)


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_check_is_documented_with_its_parameters_and_a_valid_example(name):
    text = section(name)
    for param in CHECKS[name].params:
        assert f"| `{param.name}` |" in text, f"{name}: parameter {param.name} not documented"
    example = re.search(r"```yaml\n- \{check: (\w+)(.*?)\}\n```", text, re.S)
    assert example and example.group(1) == name
    params = {}
    for pair in filter(None, (p.strip() for p in example.group(2).split(", ") if p.strip())):
        key, _, raw = pair.partition(": ")
        params[key] = json.loads(raw)
    assert validate_check(name, params) == []


@pytest.mark.parametrize("kind", sorted(QUESTION_KINDS))
def test_every_question_kind_is_documented(kind):
    assert f"| `{kind}` |" in DOC


@pytest.mark.parametrize("policy", sorted(POLICIES))
def test_every_policy_is_documented(policy):
    assert f"| `{policy}` |" in DOC


def test_the_final_state_rule_is_written_down():
    assert "### The final state decides" in DOC and "counts as **failed**" in DOC


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_every_documented_goal_line_is_what_describe_check_says(name):
    from app.grading import describe_check

    text = section(name)
    example = re.search(r"```yaml\n- \{check: \w+(.*?)\}\n```", text, re.S)
    params = {}
    for pair in filter(None, (p.strip() for p in example.group(1).split(", ") if p.strip())):
        key, _, raw = pair.partition(": ")
        params[key] = json.loads(raw)
    line = re.search(r"Goal line: “(.*)” — “(.*)”", text)
    assert line, f"{name}: no goal line"
    assert line.group(1) == korean(describe_check(name, params))
    assert line.group(2) == english(describe_check(name, params))
