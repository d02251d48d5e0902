"""inspected_with_format: a docker inspect whose --format template reads a field, told from reading the whole JSON."""

from __future__ import annotations

import pytest

from app.grading import grade_lab, validate_check
from app.grading.checks.inspection import mentions
from tests.grading.hosts import play

RUN = "docker run -d --name web -v /cache nginx"
MOUNTS = {"field": ".Mounts", "target": "web"}


def _result(params: dict, lines: list[str]):
    verdict = grade_lab([("inspected_with_format", params)], "checks", play(lines))
    (result,) = verdict.checks
    return result


@pytest.mark.parametrize(
    "line",
    [
        "docker inspect --format '{{json .Mounts}}' web",
        "docker inspect -f '{{ json .Mounts }}' web",
        "docker container inspect -f '{{range .Mounts}}{{.Name}} {{end}}' web",
        "docker inspect web --format='{{index .Mounts 0}}'",
    ],
)
def test_a_format_that_reads_the_field_passes(line: str) -> None:
    result = _result(MOUNTS, [RUN, line])
    assert result.passed, result.message.english()
    assert line in result.message.english()


@pytest.mark.parametrize(
    ("lines", "words"),
    [
        ([RUN, "docker inspect web"], "printed the whole JSON"),
        ([RUN, "docker inspect -f '{{.State.Status}}' web"], "does not read .Mounts"),
        ([RUN, "docker inspect -f '{{json .Mounts' web"], "You have not run"),  # a template error is a failure
        ([RUN, "docker run -d --name db nginx", "docker inspect -f '{{json .Mounts}}' db"], "You have not run"),
        ([RUN], "You have not run"),
    ],
)
def test_whole_json_another_field_a_failed_template_or_another_target_fail(lines: list[str], words: str) -> None:
    result = _result(MOUNTS, lines)
    assert not result.passed
    assert words in result.message.english()


def test_without_a_target_any_inspect_counts_and_volume_inspect_too() -> None:
    lines = [RUN, "docker volume create notes", "docker volume inspect -f '{{.Mountpoint}}' notes"]
    assert _result({"field": ".Mountpoint"}, lines).passed
    assert not _result({"field": ".Mountpoint", "target": "web"}, lines).passed


def test_a_parent_field_is_read_through_its_children_but_not_a_longer_name() -> None:
    assert mentions("{{.State.Status}}", ".State")
    assert mentions("{{$.State.ExitCode}}", ".State.ExitCode")
    assert not mentions("{{.StateX}}", ".State")
    assert not mentions("{{.Config.State}}", ".State")
    assert not mentions("{{json .}}", ".Mounts")


@pytest.mark.parametrize("field", ["Mounts", ".Mounts.", "{{.Mounts}}", ". Mounts"])
def test_a_field_must_be_written_as_a_template_field(field: str) -> None:
    assert validate_check("inspected_with_format", {"field": field}) != []


def test_a_valid_field_validates() -> None:
    assert validate_check("inspected_with_format", {"field": ".State.Status", "target": "web"}) == []
