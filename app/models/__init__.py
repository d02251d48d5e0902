"""Database models. Content (lessons, cards, questions, labs) is referenced by stable string ids only.

One module per area; this package re-exports every model so `from app.models import User` works,
and says which tables belong to a user (what a guest merge moves).
"""

from __future__ import annotations

from app.models.accounts import Activity, ActivityKind, Role, User
from app.models.assignments import (
    Assignment,
    AssignmentAttempt,
    AssignmentItem,
    AssignmentOverride,
    AttemptState,
    GradeMethod,
    ItemResponse,
    LabHelp,
    LatePolicy,
    ReviewWhen,
)
from app.models.classes import ClassMember, ClassTeacher, SchoolClass
from app.models.gradebook import GradeOverride
from app.models.labs import LabAttempt, LabUndoStep
from app.models.study import CardReview, CardStage, CardState, QuestionAnswer
from app.models.types import UTCDateTime, utcnow

# Tables whose rows belong to a user through `user_id`; merging a guest moves these rows.
# Typed as the exact classes so that `model.user_id` and `model.id` type-check where they are used.
UserOwnedModel = type[Activity] | type[QuestionAnswer] | type[CardState] | type[CardReview] | type[LabAttempt]
USER_OWNED_MODELS: tuple[UserOwnedModel, ...] = (Activity, QuestionAnswer, CardState, CardReview, LabAttempt)

# Tables with one row per (user, key column): when a guest is merged into an account that has a
# row for the same key too, the row that changed last (freshness column) is kept.
MERGE_KEYS: dict[UserOwnedModel, tuple[str, str]] = {CardState: ("card_id", "updated_at")}

__all__ = [
    "MERGE_KEYS",
    "USER_OWNED_MODELS",
    "Activity",
    "ActivityKind",
    "Assignment",
    "AssignmentAttempt",
    "AssignmentItem",
    "AssignmentOverride",
    "AttemptState",
    "CardReview",
    "CardStage",
    "CardState",
    "ClassMember",
    "ClassTeacher",
    "GradeMethod",
    "GradeOverride",
    "ItemResponse",
    "LabAttempt",
    "LabHelp",
    "LabUndoStep",
    "LatePolicy",
    "QuestionAnswer",
    "ReviewWhen",
    "Role",
    "SchoolClass",
    "UTCDateTime",
    "User",
    "UserOwnedModel",
    "utcnow",
]
