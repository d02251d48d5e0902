"""`flask demo`: an instructor, a class of N learners with Korean names, two assignments, attempts.

Answers are drawn from the seed (a learner "knows" an item with their own probability) and
graded by the course's real graders; a lab a learner knows is solved by replaying its
solution on the attempt's own host. Nothing is invented: every score comes from a grader.
"""

from __future__ import annotations

import random
import secrets
from datetime import datetime, timedelta
from typing import Any

from app.curriculum import Lab, Question
from app.extensions import db
from app.grading.replay import play_solution
from app.models import Assignment, AssignmentAttempt, ItemResponse, User
from app.services import assignment_items, assignments, attempts, class_accounts, classes, lab_store
from app.services.accounts import create_instructor
from app.services.assignments import ItemChoice, Settings

SURNAMES = [
    "김",
    "이",
    "박",
    "최",
    "정",
    "강",
    "조",
    "윤",
    "장",
    "임",
    "한",
    "오",
    "서",
    "신",
    "권",
    "황",
    "안",
    "송",
    "류",
    "홍",
]
GIVEN = [
    "민준",
    "서연",
    "도윤",
    "하은",
    "시우",
    "지우",
    "서준",
    "하윤",
    "예준",
    "지호",
    "수아",
    "주원",
    "지민",
    "은우",
    "유나",
    "준우",
    "채원",
    "현우",
    "다은",
    "건우",
]
# Demo learners' passwords are random and never shown; a cheap hash keeps `flask demo --learners 500` quick.
DEMO_HASH = "pbkdf2:sha256:1000"


def korean_names(count: int, rng: random.Random) -> list[str]:
    """`count` different Korean names (a number is added once the combinations run out)."""
    pool = [s + g for s in SURNAMES for g in GIVEN]
    rng.shuffle(pool)
    return [pool[i % len(pool)] + (str(i // len(pool) + 1) if i >= len(pool) else "") for i in range(count)]


def _items(rng: random.Random) -> tuple[list[str], list[str], str | None]:
    """Questions of the first lessons for the two assignments, and a lab for the second."""
    lessons = [lesson_id for lesson_id, _title in assignment_items.lesson_choices()]
    first = assignment_items.questions_of(lessons[:2])[:8]
    second = assignment_items.questions_of(lessons[2:4])[:6]
    labs = [lab_id for lab_id, _title in assignment_items.lab_choices()]
    return first, second, (labs[0] if labs else None)


def create_demo(learners: int, seed: int | None, now: datetime) -> dict[str, Any]:
    """Make the demo and return what a person needs to log in and look."""
    rng = random.Random(seed if seed is not None else secrets.randbits(32))
    password = secrets.token_urlsafe(12)
    username = f"demo-teacher-{secrets.token_hex(3)}"
    teacher = create_instructor(username, password, "데모 선생님")
    school_class = classes.create_class(teacher, "도커 기초 (데모)", "2026-2")
    names = korean_names(learners, rng)
    class_accounts.create_accounts(school_class, names, hash_method=DEMO_HASH)
    first, second, lab_id = _items(rng)
    past = Settings(
        title="1주차 퀴즈", open_at=now - timedelta(days=14), due_at=now - timedelta(days=7), time_limit_minutes=30
    )
    current = Settings(
        title="2주차 과제 (실습 포함)",
        open_at=now - timedelta(days=3),
        due_at=now + timedelta(days=4),
        attempts_allowed=2,
    )
    one = assignments.create(
        school_class, teacher, past, ItemChoice(questions=first, random_lessons=[], random_count=0)
    )
    two = assignments.create(
        school_class, teacher, current, ItemChoice(questions=second, labs=[lab_id] if lab_id else [])
    )
    roster = classes.roster(school_class)
    for learner in roster:
        ability = rng.uniform(0.3, 0.95)
        for assignment, start in ((one, past.open_at + timedelta(days=2)), (two, current.open_at + timedelta(days=1))):
            if rng.random() < 0.12:
                continue  # this learner did not start it
            _take(learner, assignment.id, start + timedelta(minutes=rng.randrange(600)), ability, rng, now)
    return {
        "class_code": school_class.join_code,
        "class_id": school_class.id,
        "instructor": username,
        "instructor_password": password,
        "assignments": [one.id, two.id],
        "learners": len(roster),
    }


def _take(
    learner: User, assignment_id: int, started: datetime, ability: float, rng: random.Random, now: datetime
) -> None:
    """One attempt: answers drawn and graded, labs maybe solved, submitted (or left in progress)."""
    attempt = attempts.start(learner, assignment_id, started, seed=rng.randrange(2**31))
    for slot, entry in enumerate(attempt.slots):
        item = assignment_items.find(entry["ref"])
        knows = rng.random() < ability
        if isinstance(item, Question):
            answer = assignment_items.sample_answer(item, knows, rng)
            verdict = assignment_items.regrade_answer(item, answer)
            points = float(entry["points"])
            db.session.add(
                ItemResponse(
                    attempt_id=attempt.id,
                    slot=slot,
                    item_ref=item.id,
                    answer=answer,
                    verdict=verdict,
                    max_score=points,
                    score=round(assignment_items.fraction(verdict) * points, 4),
                )
            )
        elif isinstance(item, Lab) and knows:
            _solve_lab(learner, item, attempt)
    db.session.commit()
    assignment = db.session.get(Assignment, assignment_id)
    finished_at = min(started + timedelta(minutes=rng.randrange(5, 30)), attempt.deadline_at)
    if finished_at < now and rng.random() < 0.9 and assignment is not None:
        db.session.refresh(attempt)
        attempts.finish(attempt, assignment, finished_at, auto=False)


def _solve_lab(learner: User, lab: Lab, attempt: AssignmentAttempt) -> None:
    """Replay the lab's solution on the attempt's own host, as a learner typing it would."""
    ws = lab_store.open_workspace(learner, lab.id, lab, assignment_items.lab_scope(attempt.id))
    for step in play_solution(ws.host, lab):
        ws.write(step.terminal, "in", step.command + "\n")
        ws.remember_history(step.command)
    lab_store.save(ws)
