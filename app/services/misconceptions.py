"""The class's misconceptions: failing commands in the assignment labs' transcripts, grouped by error kind.

Source: the terminal transcript kept with each graded lab of a submitted assignment attempt
(`item_responses.transcript`). Practice labs are left out on purpose: they are the learner's
own, unassessed space, and an instructor sees only work handed in for the class.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from flask_babel import force_locale
from flask_babel import lazy_gettext as _l
from sqlalchemy import select

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
    "image_in_use": (_l("Removes an image a container still uses"), "docker rmi"),
    "volume_in_use": (_l("Removes a volume a container still uses"), "docker volume rm"),
    "mount": (_l("Writes -v in the wrong form"), "-v"),
    "flag": (_l("Uses an option the command does not have"), "--help"),
    "args": (_l("Gives a command too many or too few arguments"), "--help"),
    "unknown_command": (_l("Types a Docker command that does not exist"), "docker --help"),
    "lowercase": (_l("Uses capital letters in an image name"), "docker build"),
    "reference": (_l("Writes an image name in the wrong form"), "docker build"),
    "build": (_l("A Dockerfile or build context problem"), "Dockerfile"),
}


@dataclass(frozen=True)
class Found:
    """One group as the page shows it: what it reveals, its numbers, examples and where it is taught."""

    group: pure.Group
    meaning: str
    lesson: tuple[str, str | None] | None  # (lesson id, section id) that teaches it


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
    """Every hint as a learner reads it (Korean and English) -> its message id: transcripts keep the shown text."""
    shown: dict[str, str] = {}
    for message in HINTS.values():
        for lang in ("ko", "en"):
            with force_locale(lang):
                shown[translate(message)] = message.id
    return shown


def _groups(assignment_ids: list[int]) -> list[Found]:
    """Read every transcript of these assignments in one statement and group the failures."""
    per_learner: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if assignment_ids:
        query = (
            select(AssignmentAttempt.user_id, ItemResponse.transcript)
            .join(ItemResponse, ItemResponse.attempt_id == AssignmentAttempt.id)
            .where(AssignmentAttempt.assignment_id.in_(assignment_ids), ItemResponse.transcript.is_not(None))
        )
        for user_id, transcript in db.session.execute(query):
            per_learner[user_id].extend(pure.failing_commands(transcript or [], _shown_hints()))
    found = []
    for group in pure.tally(per_learner):
        meaning = MEANINGS.get(group.kind)
        label = str(meaning[0]) if meaning else str(_l("Other errors (%(kind)s)", kind=group.kind))
        found.append(Found(group, label, _lesson(group.kind)))
    return found


def for_assignment(user: User | None, assignment_id: int) -> dict[str, Any]:
    """The misconceptions shown in one assignment's labs."""
    assignment, school_class = assignments.assignment_for_teacher(user, assignment_id)
    return {"school_class": school_class, "assignment": assignment, "groups": _groups([assignment.id])}


def for_class(user: User | None, class_id: int) -> dict[str, Any]:
    """The misconceptions shown in all the class's assignment labs."""
    school_class: SchoolClass = classes.class_for_teacher(user, class_id)
    ids = list(db.session.scalars(select(Assignment.id).where(Assignment.class_id == class_id)))
    return {"school_class": school_class, "assignment": None, "groups": _groups(ids)}
