"""The class's misconceptions: groups from submitted lab transcripts, learners counted, lessons linked."""

from __future__ import annotations

from typing import Any

from app.models import ItemResponse
from app.services.course import get_course
from tests.reports.test_misconceptions import ATTACHED, _transcript
from tests.web.classroom_setup import login, make_classroom
from tests.web.gradebook_setup import add_attempt, add_learners


def _lab(dbs, room, user_id: int, number: int, *lines: str, answer: Any = None, **shape: bool) -> None:  # type: ignore[no-untyped-def]
    attempt = add_attempt(dbs, room.assignment, user_id, 0.0, number)
    with dbs() as s:
        transcript = _transcript(*lines, **shape)
        s.add(
            ItemResponse(
                attempt_id=attempt, slot=3, item_ref=room.lab_id, score=0.0, transcript=transcript, answer=answer
            )
        )
        s.commit()


def test_groups_count_learners_and_link_the_lesson(app, dbs):
    room = make_classroom(app, dbs)
    ana, bo = add_learners(dbs, room.class_id, ["Ana", "Bo"])
    # Ana's notes as the lab page stores them now (messages), Bo's as older rows kept them (text)
    _lab(
        dbs,
        room,
        ana,
        1,
        "docker run -d --name web nginx",
        "docker stop web",
        "docker start -p 80:80 web",
        messages=True,
    )
    _lab(
        dbs,
        room,
        bo,
        1,
        "docker run -d --name web nginx",
        "docker start --publish 81:80 web",
        "docker start -p 1:1 web",
    )
    _lab(dbs, room, bo, 2, "docker run -d --name db nginx", "docker run -d --name db nginx")
    teacher = login(app, "teacher")
    for url in (f"/classes/{room.class_id}/misconceptions", f"/assignments/{room.assignment}/misconceptions"):
        response = teacher.get(url)
        assert response.status_code == 200
        html = response.get_data(as_text=True)
        first = html.index('data-kind="start_options"')
        assert first < html.index('data-kind="name_conflict"')  # two learners before one
        row = html[first : html.index("</tr>", first)]
        assert 'data-testid="learners">2<' in row
        assert "docker start -p 80:80 web" in row
        assert 'data-testid="lesson-link"' in row and "/lessons/" in row


def test_nothing_recorded_says_so(app, dbs):
    room = make_classroom(app, dbs)
    html = login(app, "teacher").get(f"/classes/{room.class_id}/misconceptions").get_data(as_text=True)
    assert 'data-testid="no-misconceptions"' in html


def test_ctrl_c_and_the_lab_hints_learners_needed_by_id(app, dbs):
    room = make_classroom(app, dbs)
    ana, bo, cy = add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy"])
    with app.app_context():
        lab = get_course().item(room.lab_id)
    first, second = lab.hint_refs(2)  # type: ignore[union-attr]
    _lab(dbs, room, ana, 1, ATTACHED, "^C", "docker ps", ids=True, answer={"hints": 2, "hint_ids": [first, second]})
    _lab(dbs, room, bo, 1, ATTACHED, "^C", "curl localhost:8080", ids=True, answer={"hints": 1, "hint_ids": [first]})
    _lab(dbs, room, cy, 1, ATTACHED, "^C", "docker ps -a", answer={"hints": 1})  # an older row: a count only
    html = login(app, "teacher").get(f"/classes/{room.class_id}/misconceptions").get_data(as_text=True)
    start = html.index('data-kind="ctrl_c_detach"')
    row = html[start : html.index("</tr>", start)]
    assert 'data-testid="learners">2<' in row and ATTACHED in row  # Ana and Bo; Cy looked with -a
    assert "/lessons/" in row and "#" in row.split('data-testid="lesson-link"')[0].rsplit("href=", 1)[1]
    hints = html[html.index('data-testid="hints-needed"') :]
    first_row = hints[hints.index(f'data-hint="{first}"') :]
    assert 'data-testid="learners">3<' in first_row[: first_row.index("</tr>")]  # Cy's count read as the first hint
    second_row = hints[hints.index(f'data-hint="{second}"') :]
    assert 'data-testid="learners">1<' in second_row[: second_row.index("</tr>")]
    assert hints.index(f'data-hint="{first}"') < hints.index(f'data-hint="{second}"')  # most learners first
    assert lab.title in hints and f"/lessons/{lab.lesson_id}" in first_row  # type: ignore[union-attr]


def test_a_missing_tag_of_the_learners_own_repository_is_its_own_group(app, dbs):
    room = make_classroom(app, dbs)
    (ana,) = add_learners(dbs, room.class_id, ["Ana"])
    _lab(
        dbs,
        room,
        ana,
        1,
        "docker pull nginx",
        "docker login -u dojo2026 -p pw",
        "docker tag nginx dojo2026/feedback-app:1.0",
        "docker push dojo2026/feedback-app:1.0",
        "docker pull dojo2026/feedback-app:2.0",
        "docker pull nginx:nope",
        messages=True,
    )
    html = login(app, "teacher").get(f"/classes/{room.class_id}/misconceptions").get_data(as_text=True)
    start = html.index('data-kind="tag_unknown_pushed"')
    row = html[start : html.index("</tr>", start)]
    assert "자기 저장소에 푸시한 적 없는 태그를 받으려 함" in row  # its own label, not "Other errors"
    assert "docker pull dojo2026/feedback-app:2.0" in row
    assert "share-images" in row  # the lesson that pulls a pushed repository back
    generic = html.index('data-kind="tag_unknown"')
    assert "docker pull nginx:nope" in html[generic : html.index("</tr>", generic)]
