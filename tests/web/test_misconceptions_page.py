"""The class's misconceptions: groups from submitted lab transcripts, learners counted, lessons linked."""

from __future__ import annotations

from app.models import ItemResponse
from tests.reports.test_misconceptions import _transcript
from tests.web.classroom_setup import login, make_classroom
from tests.web.gradebook_setup import add_attempt, add_learners


def _lab(dbs, room, user_id: int, number: int, *lines: str) -> None:  # type: ignore[no-untyped-def]
    attempt = add_attempt(dbs, room.assignment, user_id, 0.0, number)
    with dbs() as s:
        s.add(ItemResponse(attempt_id=attempt, slot=3, item_ref=room.lab_id, score=0.0, transcript=_transcript(*lines)))
        s.commit()


def test_groups_count_learners_and_link_the_lesson(app, dbs):
    room = make_classroom(app, dbs)
    ana, bo = add_learners(dbs, room.class_id, ["Ana", "Bo"])
    _lab(dbs, room, ana, 1, "docker run -d --name web nginx", "docker stop web", "docker start -p 80:80 web")
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
