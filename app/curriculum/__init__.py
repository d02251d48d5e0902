"""Pure package: course content as data; see README.md in this folder.

The caller reads ``content/lessons/*.md`` (and ``content/fixtures/<name>/``) and passes the
text in; nothing here touches files, the clock or other processes.
"""

from app.curriculum.labs import CheckValidator, command_is_disabled, fixture_files
from app.curriculum.loader import load_course, parse_course, parse_lesson
from app.curriculum.markdown_ext import pygments_css, render_markdown
from app.curriculum.model import (
    BLOCK_KINDS,
    POLICIES,
    Check,
    ContentError,
    Course,
    CourseInvalid,
    Flashcard,
    Goal,
    Item,
    Lab,
    LabSetup,
    Lesson,
    Question,
    Shortcut,
    SolutionStep,
    TocEntry,
    parse_solution_line,
)
from app.curriculum.questions import QUESTION_KINDS
from app.curriculum.stats import course_stats

__all__ = [
    "BLOCK_KINDS",
    "POLICIES",
    "QUESTION_KINDS",
    "Check",
    "CheckValidator",
    "ContentError",
    "Course",
    "CourseInvalid",
    "Flashcard",
    "Goal",
    "Item",
    "Lab",
    "LabSetup",
    "Lesson",
    "Question",
    "Shortcut",
    "SolutionStep",
    "TocEntry",
    "command_is_disabled",
    "course_stats",
    "fixture_files",
    "load_course",
    "parse_course",
    "parse_lesson",
    "parse_solution_line",
    "pygments_css",
    "render_markdown",
]
