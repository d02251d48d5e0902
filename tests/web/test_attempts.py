"""Taking an assignment: start, autosave and resume, deadlines decided on the server, submit once."""

from __future__ import annotations

import re
from datetime import timedelta

from app.models import AssignmentAttempt, AttemptState, ItemResponse, LabAttempt, LatePolicy
from app.services import attempts
from app.services.course import get_course
from tests.web.classroom_setup import login, make_classroom, now


def _start(app, dbs, client, room):  # type: ignore[no-untyped-def]
    response = client.post(f"/assignments/{room.assignment}/start")
    assert response.status_code == 302, response.get_data(as_text=True)[:500]
    with dbs() as s:
        attempt = (
            s.query(AssignmentAttempt).filter_by(user_id=room.learner).order_by(AssignmentAttempt.id.desc()).first()
        )
        return attempt.id, list(attempt.slots)


def _right_answer(app, ref: str) -> dict[str, str]:
    with app.app_context():
        question = get_course().by_id[ref]
    if question.kind == "single":
        return {"answer": str(question.key["correct"])}
    if question.kind == "true_false":
        return {"answer": "true" if question.key["correct"] else "false"}
    return {"answer": question.key["accept"][0]}


def test_start_records_the_start_and_a_deadline_from_the_time_limit(app, dbs):
    room = make_classroom(app, dbs, time_limit_minutes=20)
    client = login(app, "learner")
    before = now()
    attempt_id, slots = _start(app, dbs, client, room)
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert before <= attempt.started_at <= now()
        assert attempt.deadline_at == attempt.started_at + timedelta(minutes=20)
    assert [s["kind"] for s in slots].count("lab") == 1 and len(slots) == 4
    # Starting again resumes the same attempt.
    assert _start(app, dbs, client, room)[0] == attempt_id


def test_deadline_is_the_due_time_when_that_comes_first(app, dbs):
    due = now() + timedelta(minutes=5)
    room = make_classroom(app, dbs, time_limit_minutes=60, due_at=due)
    attempt_id, _ = _start(app, dbs, login(app, "learner"), room)
    with dbs() as s:
        assert s.get(AssignmentAttempt, attempt_id).deadline_at == due


def test_autosave_resumes_on_another_device_and_submit_records_once(app, dbs):
    room = make_classroom(app, dbs)
    phone = login(app, "learner")
    attempt_id, slots = _start(app, dbs, phone, room)
    first = next(n for n, s in enumerate(slots) if s["kind"] == "question")
    saved = phone.post(
        f"/attempts/{attempt_id}/answer/{first}",
        data=_right_answer(app, slots[first]["ref"]),
        headers={"Accept": "application/json"},
    )
    assert saved.status_code == 200 and saved.get_json()["ok"] is True
    laptop = login(app, "learner")
    page = laptop.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    assert f'class="save-state is-saved" role="status" data-testid="saved-{first}"' in page
    section = page.split(f'attempt-item" id="slot-{first}"')[1].split("attempt-item")[0]
    answer = _right_answer(app, slots[first]["ref"])["answer"]
    assert f'value="{answer}" checked' in section or f'value="{answer}"' in section
    unanswered = [str(n + 1) for n, s in enumerate(slots) if s["kind"] == "question" and n != first]
    for number in unanswered:
        assert f'data-unanswered="{int(number) - 1}"' in page
    assert laptop.post(f"/attempts/{attempt_id}/submit").status_code == 302
    assert phone.post(f"/attempts/{attempt_id}/submit").status_code == 302  # the second submit changes nothing
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert attempt.state is AttemptState.finished and attempt.score == 1.0
        submitted = attempt.submitted_at
        assert s.query(ItemResponse).filter_by(attempt_id=attempt_id).count() == 2  # the answer and the lab
    late = phone.post(
        f"/attempts/{attempt_id}/answer/{first}", data={"answer": "0"}, headers={"Accept": "application/json"}
    )
    assert late.status_code == 409 and late.get_json()["code"] == "finished"
    with dbs() as s:
        assert s.get(AssignmentAttempt, attempt_id).submitted_at == submitted


def test_the_server_submits_at_the_next_request_after_the_deadline(app, dbs):
    room = make_classroom(app, dbs, time_limit_minutes=5)
    client = login(app, "learner")
    attempt_id, slots = _start(app, dbs, client, room)
    first = next(n for n, s in enumerate(slots) if s["kind"] == "question")
    client.post(f"/attempts/{attempt_id}/answer/{first}", data=_right_answer(app, slots[first]["ref"]))
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        deadline = now() - timedelta(seconds=1)
        attempt.deadline_at = deadline  # as if the five minutes were over
        s.commit()
    refused = client.post(
        f"/attempts/{attempt_id}/answer/{first}", data={"answer": "0"}, headers={"Accept": "application/json"}
    )
    assert refused.status_code == 409
    response = client.get(f"/attempts/{attempt_id}")
    assert response.status_code == 302 and response.headers["Location"].endswith("/review")
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert attempt.state is AttemptState.finished and attempt.auto_submitted
        assert attempt.submitted_at == deadline and attempt.score == 1.0  # what was saved counts
    review = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert 'data-testid="auto-submitted"' in review


def test_close_overdue_command_is_safe_to_repeat(app, dbs, runner):
    room = make_classroom(app, dbs, time_limit_minutes=5)
    attempt_id, _ = _start(app, dbs, login(app, "learner"), room)
    with dbs() as s:
        s.get(AssignmentAttempt, attempt_id).deadline_at = now() - timedelta(minutes=1)
        s.commit()
    assert "1 attempt(s) submitted" in runner.invoke(args=["assignments", "close-overdue"]).output
    assert "0 attempt(s) submitted" in runner.invoke(args=["assignments", "close-overdue"]).output
    with dbs() as s:
        assert s.get(AssignmentAttempt, attempt_id).state is AttemptState.finished


def test_attempts_allowed_and_not_open_and_closed(app, dbs):
    room = make_classroom(app, dbs, attempts_allowed=1)
    client = login(app, "learner")
    attempt_id, _ = _start(app, dbs, client, room)
    client.post(f"/attempts/{attempt_id}/submit")
    response = client.post(f"/assignments/{room.assignment}/start")
    assert response.status_code == 302
    with dbs() as s:
        assert s.query(AssignmentAttempt).count() == 1


def test_outsider_cannot_start_or_see(app, dbs):
    room = make_classroom(app, dbs)
    client = login(app, "outsider")
    assert client.post(f"/assignments/{room.assignment}/start").status_code == 404
    attempt_id, _ = _start(app, dbs, login(app, "learner"), room)
    assert client.get(f"/attempts/{attempt_id}").status_code == 404
    assert client.get(f"/attempts/{attempt_id}/review").status_code == 404


def test_a_lab_in_an_assignment_has_its_own_host_graded_at_submission(app, dbs):
    room = make_classroom(app, dbs, lab_help=attempts.LabHelp.hidden)
    client = login(app, "learner")
    client.post(f"/labs/{room.lab_id}/run", json={"line": "docker volume create practice-only"})
    attempt_id, slots = _start(app, dbs, client, room)
    base = f"/attempts/{attempt_id}/labs/{room.lab_id}"
    assert client.get(base).status_code == 200
    reply = client.post(f"{base}/run", json={"line": "docker volume ls -q"}).get_json()
    assert "practice-only" not in str(reply)
    with app.app_context():
        lab = get_course().by_id[room.lab_id]
        steps = [s for s in lab.solution_steps() if not s.is_interrupt]
    for step in steps:
        client.post(f"{base}/run", json={"line": step.command, "terminal": step.terminal})
    assert client.post(f"{base}/hint", json={}).status_code == 409  # exam mode: no hints
    client.post(f"/attempts/{attempt_id}/submit")
    with dbs() as s:
        scopes = sorted(a.scope for a in s.query(LabAttempt).filter_by(lab_id=room.lab_id))
        assert scopes == [f"assignment:{attempt_id}", "practice"]
        lab_slot = next(n for n, e in enumerate(slots) if e["kind"] == "lab")
        response = s.query(ItemResponse).filter_by(attempt_id=attempt_id, slot=lab_slot).one()
        assert response.verdict["passed"] is True and response.score == 5.0
        assert any("volume ls" in entry[2] for entry in response.transcript)
    closed = client.post(f"{base}/run", json={"line": "docker ps"})
    assert closed.status_code == 409


def test_an_assigned_lab_takes_every_terminal_action_the_practice_lab_takes(app, dbs):
    """Ctrl+P Ctrl+Q (detach) was missing from the assigned lab's own copy of the action table."""
    room = make_classroom(app, dbs)
    client = login(app, "learner")
    attempt_id, _ = _start(app, dbs, client, room)
    base = f"/attempts/{attempt_id}/labs/{room.lab_id}"
    client.post(f"{base}/run", json={"line": "docker run -it --name box busybox sh", "terminal": 1})
    detached = client.post(f"{base}/detach", json={"terminal": 1})
    assert detached.status_code == 200, detached.get_data(as_text=True)[:200]
    listing = client.post(f"{base}/run", json={"line": "docker ps --format '{{.Names}} {{.State}}'"}).get_json()
    assert "box running" in str(listing["output"])


def test_grade_methods():
    def attempt(number: int, score: float) -> AssignmentAttempt:
        return AssignmentAttempt(number=number, score=score, state=AttemptState.finished)

    rows = [attempt(1, 2.0), attempt(2, 5.0), attempt(3, 3.0)]
    assert attempts.grade_of(rows, attempts.GradeMethod.highest) == 5.0
    assert attempts.grade_of(rows, attempts.GradeMethod.first) == 2.0
    assert attempts.grade_of(rows, attempts.GradeMethod.last) == 3.0
    assert attempts.grade_of(rows, attempts.GradeMethod.average) == round(10 / 3, 4)
    assert attempts.grade_of([], attempts.GradeMethod.highest) is None


def test_review_options_hide_the_score_until_allowed(app, dbs):
    room = make_classroom(app, dbs, review_score=attempts.ReviewWhen.never, review_right=attempts.ReviewWhen.never)
    client = login(app, "learner")
    attempt_id, _ = _start(app, dbs, client, room)
    client.post(f"/attempts/{attempt_id}/submit")
    page = client.get(f"/attempts/{attempt_id}/review").get_data(as_text=True)
    assert 'data-testid="score-hidden"' in page and 'data-testid="score"' not in page
    assert 'data-testid="review-slot-0"' not in page


def test_random_draw_is_per_learner_seeded_and_recorded(app, dbs):
    with app.app_context():
        from app.models import AssignmentItem
        from app.services.assignment_items import draw_slots, lesson_choices

        lessons = [lesson_id for lesson_id, _ in lesson_choices()][:3]
        item = AssignmentItem(id=1, kind="random", lesson_ids=lessons, count=4, points=1.0)
        one = draw_slots([item], seed=7, shuffle=True)
        assert one == draw_slots([item], seed=7, shuffle=True)
        assert len(one) == 4 and len({s["ref"] for s in one}) == 4
        assert any(draw_slots([item], seed=s, shuffle=True) != one for s in range(8, 12))
        course = get_course()
        for seed in range(20):  # choices of choice questions come in a recorded, per-draw order
            for slot in draw_slots([item], seed=seed, shuffle=True):
                question = course.by_id[slot["ref"]]
                if question.kind in ("single", "multiple"):
                    assert sorted(slot["choices"]) == list(range(len(question.key["choices"])))
                else:
                    assert "choices" not in slot
        assert all("choices" not in slot for slot in draw_slots([item], seed=7, shuffle=False))


def test_override_gives_more_time_and_attempts(app, dbs):
    room = make_classroom(app, dbs, time_limit_minutes=10, attempts_allowed=1)
    teacher = login(app, "teacher")
    response = teacher.post(
        f"/assignments/{room.assignment}/overrides",
        data={"user_id": room.learner, "extra_attempts": "1", "time_limit": "45"},
    )
    assert response.status_code == 302
    client = login(app, "learner")
    attempt_id, _ = _start(app, dbs, client, room)
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert attempt.deadline_at == attempt.started_at + timedelta(minutes=45)
    client.post(f"/attempts/{attempt_id}/submit")
    assert _start(app, dbs, client, room)[0] != attempt_id  # the extra attempt
    refused = teacher.post(
        f"/assignments/{room.assignment}/overrides", data={"user_id": room.outsider, "extra_attempts": "1"}
    )
    assert refused.status_code == 302
    with dbs() as s:
        from app.models import AssignmentOverride

        assert s.query(AssignmentOverride).count() == 1


def test_shuffled_choices_render_in_the_drawn_order_and_grade_by_the_original(app, dbs):
    room = make_classroom(app, dbs, shuffle=True)
    client = login(app, "learner")
    attempt_id, slots = _start(app, dbs, client, room)
    slot = next(n for n, s in enumerate(slots) if "choices" in s)
    page = client.get(f"/attempts/{attempt_id}").get_data(as_text=True)
    section = page.split(f'attempt-item" id="slot-{slot}"')[1].split("attempt-item")[0]
    shown = [int(v) for v in re.findall(r'name="answer" value="(\d+)"', section)]
    assert shown == slots[slot]["choices"]
    client.post(f"/attempts/{attempt_id}/answer/{slot}", data=_right_answer(app, slots[slot]["ref"]))
    with dbs() as s:
        assert s.query(ItemResponse).filter_by(attempt_id=attempt_id, slot=slot).one().verdict["passed"] is True


def _solve_lab(app, client, base: str, lab_id: str) -> None:  # type: ignore[no-untyped-def]
    with app.app_context():
        steps = [s for s in get_course().by_id[lab_id].solution_steps() if not s.is_interrupt]
    for step in steps:
        client.post(f"{base}/run", json={"line": step.command, "terminal": step.terminal})


def test_lab_hints_can_cost_points(app, dbs):
    room = make_classroom(app, dbs, lab_help=attempts.LabHelp.cost, hint_cost=20.0)
    client = login(app, "learner")
    attempt_id, slots = _start(app, dbs, client, room)
    base = f"/attempts/{attempt_id}/labs/{room.lab_id}"
    assert client.post(f"{base}/hint", json={}).status_code == 200
    _solve_lab(app, client, base, room.lab_id)
    client.post(f"/attempts/{attempt_id}/submit")
    lab_slot = next(n for n, e in enumerate(slots) if e["kind"] == "lab")
    with dbs() as s:
        response = s.query(ItemResponse).filter_by(attempt_id=attempt_id, slot=lab_slot).one()
        with app.app_context():
            first_hint = get_course().item(room.lab_id).hint_ids[0]  # type: ignore[union-attr]
        assert response.verdict["passed"] is True
        assert response.answer == {"hints": 1, "hint_ids": [f"{room.lab_id}/{first_hint}"]}  # which hint it saw
        assert response.score == 4.0  # 5 points, less 20 % for one hint


def test_a_late_submission_under_a_penalty_policy(app, dbs):
    room = make_classroom(app, dbs, late_policy=LatePolicy.penalty, late_penalty_per_day=10.0, late_penalty_cap=30.0)
    client = login(app, "learner")
    attempt_id, slots = _start(app, dbs, client, room)
    first = next(n for n, s in enumerate(slots) if s["kind"] == "question")
    client.post(f"/attempts/{attempt_id}/answer/{first}", data=_right_answer(app, slots[first]["ref"]))
    with dbs() as s:
        from app.models import Assignment

        s.get(Assignment, room.assignment).due_at = now() - timedelta(hours=2)  # the due time has passed
        s.commit()
    client.post(f"/attempts/{attempt_id}/submit")
    with dbs() as s:
        attempt = s.get(AssignmentAttempt, attempt_id)
        assert attempt.late_penalty == 10.0 and attempt.score == 0.9 and not attempt.auto_submitted
    report = login(app, "teacher").get(f"/assignments/{room.assignment}/report").get_data(as_text=True)
    assert 'data-testid="count-late">1<' in report
