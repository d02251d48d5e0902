"""The class's misconceptions: failing commands in the assignment labs' transcripts, grouped by error kind,
the "Ctrl+C expected to detach" pattern, and the course's lab hints learners needed, by hint id.

Source: the terminal transcript and the hints shown, kept with each graded lab of a submitted
assignment attempt (`item_responses.transcript`, `item_responses.answer["hint_ids"]`). Practice
labs are left out on purpose: they are the learner's own, unassessed space, and an instructor sees
only work handed in for the class.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

from app.curriculum import Lab
from app.dockersim import HINTS
from app.extensions import db
from app.models import Assignment, AssignmentAttempt, ItemResponse, SchoolClass, User
from app.reports import misconceptions as pure
from app.services import assignments, classes
from app.services.course import get_course
from app.services.messages import translate

# What each error kind reveals, and a phrase the lesson that teaches it contains.
MEANINGS: dict[str, tuple[Any, str]] = {
    "start_options": (_l("Thinks `docker start` can change ports, volumes or the name"), "docker start"),
    "name_conflict": (_l("Runs `docker run` twice with the same --name"), "--name"),
    "busy": (
        _l("Expects a foreground container to give the terminal back (Ctrl+C to detach, or forgot -d)"),
        "-d",
    ),
    "name_invalid": (_l("Gives a container a name Docker does not accept"), "--name"),
    "rm_running": (_l("Removes a running container without stopping it"), "docker rm"),
    "port_taken": (_l("Publishes one host port for two containers"), "-p"),
    "port_spec": (_l("Writes -p in the wrong order or form (host:container)"), "-p"),
    "curl_refused": (_l("Forgets that a port must be published with -p to reach the container"), "-p"),
    "not_running": (_l("Uses exec or stop on a container that is not running"), "docker exec"),
    "attach_stopped": (_l("Attaches to a stopped container"), "docker attach"),
    "no_container": (_l("Uses a container name or ID that does not exist"), "docker ps -a"),
    "no_image": (_l("Uses an image that was never pulled or built"), "docker images"),
    "pull_denied": (_l("Misspells an image name"), "docker pull"),
    "tag_unknown": (_l("Uses a tag that does not exist"), "태그"),
    "tag_unknown_pushed": (
        _l("Pulls a tag of their own repository that was never pushed"),
        "docker pull dojo2026/feedback-app:1.0",
    ),
    "image_in_use": (_l("Removes an image a container still uses"), "docker rmi"),
    "volume_in_use": (_l("Removes a volume a container still uses"), "docker volume rm"),
    "mount": (_l("Writes -v in the wrong form"), "-v"),
    "flag": (_l("Uses an option the command does not have"), "--help"),
    "args": (_l("Gives a command too many or too few arguments"), "--help"),
    "unknown_command": (_l("Types a Docker command that does not exist"), "docker --help"),
    "lowercase": (_l("Uses capital letters in an image name"), "docker build"),
    "reference": (_l("Writes an image name in the wrong form"), "docker build"),
    "build": (_l("A Dockerfile or build context problem"), "Dockerfile"),
    pure.CTRL_C: (
        _l("Expects Ctrl+C to detach: uses the container as if it still ran after Ctrl+C stopped it"),
        "분리 모드로 바뀌는 것이",
    ),
}
MAX_HINT_TEXT = 120  # characters of a hint shown in the table (the whole hint is in the lab)
_CODE = re.compile(r"`([^`]+)`")


@dataclass(frozen=True)
class Found:
    """One group as the page shows it: what it reveals, its numbers, examples and where it is taught."""

    group: pure.Group
    meaning: str
    lesson: tuple[str, str | None] | None  # (lesson id, section id) that teaches it


@dataclass(frozen=True)
class HintNeeded:
    """One lab hint (by its course-wide id `lab/hint`) and how many learners were shown it."""

    group: pure.Group
    lab_title: str
    text: str
    lesson: tuple[str, str | None] | None


@lru_cache(maxsize=4)
def _lessons(course_id: int) -> tuple[pure.LessonText, ...]:
    """The course's lessons as the section finder reads them (per loaded course object)."""
    course = get_course()
    return tuple(
        pure.LessonText(lesson.id, lesson.body_markdown, tuple((t.id, t.title) for t in lesson.toc))
        for lesson in course.lessons
    )


def _lesson(kind: str) -> tuple[str, str | None] | None:
    meaning = MEANINGS.get(kind)
    return None if meaning is None else pure.teaching_section(_lessons(id(get_course())), meaning[1])


def _shown_hints() -> dict[str, str]:
    """Every hint as a learner reads it (Korean and English) -> its message id: older transcripts keep
    only the shown text (notes written since keep the ids, and are read by them)."""
    shown: dict[str, str] = {}
    for message in HINTS.values():
        for lang in ("ko", "en"):
            with force_locale(lang):
                shown[translate(message)] = message.id
    return shown


def _needs_text(transcript: list[Any]) -> bool:
    """Whether a transcript has notes without ids: shown text only (written before the notes kept them)."""
    return any(len(e) == 3 and e[1] == "note" and isinstance(e[2], str) for e in transcript)


def _hints_shown(item_ref: str, answer: Any) -> list[str]:
    """The hint ids a response recorded; older rows kept only a count, read against the lab as it is now."""
    if not isinstance(answer, dict):
        return []
    if isinstance(answer.get("hint_ids"), list):
        return [str(h) for h in answer["hint_ids"]]
    lab = get_course().by_id.get(item_ref)
    count = answer.get("hints")
    return list(lab.hint_refs(count)) if isinstance(lab, Lab) and isinstance(count, int) else []


def _rows(assignment_ids: list[int]) -> tuple[dict[int, list[tuple[str, str]]], dict[int, list[tuple[str, str]]]]:
    """Read every graded lab of these assignments in one statement: per learner, the failures, and the hints shown."""
    failures: dict[int, list[tuple[str, str]]] = defaultdict(list)
    hints: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if not assignment_ids:
        return failures, hints
    query = (
        select(AssignmentAttempt.user_id, ItemResponse.item_ref, ItemResponse.transcript, ItemResponse.answer)
        .join(ItemResponse, ItemResponse.attempt_id == AssignmentAttempt.id)
        .where(AssignmentAttempt.assignment_id.in_(assignment_ids), ItemResponse.transcript.is_not(None))
    )
    translations: dict[str, str] | None = None
    for user_id, item_ref, transcript, answer in db.session.execute(query):
        lines = transcript or []
        if translations is None and _needs_text(lines):
            translations = _shown_hints()
        failures[user_id].extend(pure.failing_commands(lines, translations))
        failures[user_id].extend(pure.ctrl_c_detach(lines))
        hints[user_id].extend((ref, ref) for ref in _hints_shown(item_ref, answer))
    return failures, hints


def _hint_needed(group: pure.Group) -> HintNeeded:
    """A hint group with its lab, its text and the section of the lab's lesson where its first code is taught."""
    lab_id, _, hint_id = group.kind.partition("/")
    lab = get_course().by_id.get(lab_id)
    if not isinstance(lab, Lab) or hint_id not in lab.hint_ids:  # a hint since removed from the course
        return HintNeeded(group, lab_id, hint_id, None)
    text = lab.hints[lab.hint_ids.index(hint_id)]
    plain = " ".join(text.split())
    code = _CODE.search(text)
    own = [t for t in _lessons(id(get_course())) if t.lesson_id == lab.lesson_id]
    lesson = (pure.teaching_section(own, code.group(1)) if code else None) or (lab.lesson_id, None)
    shown = plain if len(plain) <= MAX_HINT_TEXT else plain[: MAX_HINT_TEXT - 1] + "…"
    return HintNeeded(group, lab.title, shown, lesson)


def _groups(assignment_ids: list[int]) -> dict[str, Any]:
    """The page's two tables: failures by kind, and lab hints by id."""
    failures, hints = _rows(assignment_ids)
    found = []
    for group in pure.tally(failures):
        meaning = MEANINGS.get(group.kind)
        label = str(meaning[0]) if meaning else str(_l("Other errors (%(kind)s)", kind=group.kind))
        found.append(Found(group, label, _lesson(group.kind)))
    return {"groups": found, "hints": [_hint_needed(g) for g in pure.tally(hints, examples=0)]}


def for_assignment(user: User | None, assignment_id: int) -> dict[str, Any]:
    """The misconceptions shown in one assignment's labs."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    return {"school_class": school_class, "assignment": assignment, **_groups([assignment.id])}


def for_class(user: User | None, class_id: int) -> dict[str, Any]:
    """The misconceptions shown in all the class's assignment labs."""
    school_class: SchoolClass = classes.class_for_teacher(user, class_id)
    ids = list(db.session.scalars(select(Assignment.id).where(Assignment.class_id == class_id)))
    return {"school_class": school_class, "assignment": None, **_groups(ids)}
