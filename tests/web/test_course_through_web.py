"""The real course through the web layer: every question answered through its form as the lesson
page renders it, and every lab opened in both languages and solved through the lab API."""

from __future__ import annotations

import re

from app.curriculum import Question
from app.grading import display_order
from app.services.course import get_course


def right_form(question: Question) -> dict[str, object]:
    """The form fields a learner who knows the answer submits (field names as the page renders them)."""
    key = question.key
    if question.kind == "single":
        return {"answer": str(key["correct"])}
    if question.kind == "multiple":
        return {"answer": [str(i) for i in key["correct"]]}
    if question.kind == "true_false":
        return {"answer": "true" if key["correct"] else "false"}
    if question.kind == "short":
        return {"answer": key["accept"][0]}
    if question.kind == "command":
        return {"answer": "\n".join(key["reference"])}
    if question.kind == "ordering":
        shown = display_order(question, len(key["items"]))
        return {f"pos-{d}": str(shown[d] + 1) for d in range(len(shown))}
    if question.kind == "matching":
        shown = display_order(question, len(key["pairs"]))
        return {f"match-{i}": str(shown.index(i)) for i in range(len(shown))}
    if question.kind == "cloze":
        return {f"blank-{i}": accepted[0] for i, accepted in enumerate(key["blanks"])}
    raise AssertionError(f"no form for question kind {question.kind!r}")


def test_every_course_question_is_answerable_through_its_form(app, client):
    with app.app_context():
        lessons = get_course().lessons
    assert lessons, "the course has no lessons"
    for lesson in lessons:
        html = client.get(f"/lessons/{lesson.id}").get_data(as_text=True)
        for question in lesson.questions:
            form = right_form(question)
            for name in form:
                assert re.search(rf'name="{re.escape(name)}"', html), (question.id, name)
            reply = client.post(
                f"/questions/{question.id}/answer",
                data={"token": f"right-{question.id}", **form},
                headers={"Accept": "application/json"},
            )
            assert reply.status_code == 200, (question.id, reply.get_json())
            assert reply.get_json()["passed"] is True, (question.id, reply.get_json())


def test_every_course_lab_opens_in_both_languages_and_is_solved_through_the_web_api(app, client):
    """The web layer (disabled commands, terminals, Ctrl+C, saving the host) lets the reference solution win."""
    with app.app_context():
        labs = get_course().labs
    assert labs, "the course has no labs"
    for lang in ("en", "ko"):
        client.post(f"/lang/{lang}")
        for lab in labs:
            assert client.get(f"/labs/{lab.id}").status_code == 200, (lang, lab.id)
    for lab in labs:
        for number, step in enumerate(lab.solution_steps()):
            if step.is_interrupt:
                reply = client.post(f"/labs/{lab.id}/interrupt", json={"terminal": step.terminal})
            else:
                reply = client.post(
                    f"/labs/{lab.id}/run",
                    json={"line": step.command, "terminal": step.terminal, "command_id": f"{lab.id}-{number}"},
                )
            assert reply.status_code == 200, (lab.id, step, reply.get_json())
        verdict = client.post(f"/labs/{lab.id}/grade", json={}).get_json()
        assert verdict["verdict"]["passed"] is True, (lab.id, verdict)
        assert verdict["status"] == "solved", lab.id
