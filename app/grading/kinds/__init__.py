"""The question kinds: each is one `QuestionKind` (key check, answer check, grader, form reader,
template partial), defined in its family's module and registered here.

A new kind: add its `QuestionKind` to a module here (and to `_ALL` if the module is new), its
widget template `app/templates/lessons/kinds/<name>.html`, and its content-block parser in
`app.curriculum.questions`. That parser stays in the curriculum package because the course is
parsed there without the graders (`grading` depends on `curriculum`, never the reverse); the
names of the kinds are that package's `QUESTION_KINDS`, and this registry must cover exactly
them (checked when it is built).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from app.curriculum import QUESTION_KINDS as KIND_NAMES
from app.grading.kinds import arrange, choice, command, typed
from app.grading.kinds.base import FormData, QuestionKind, display_order

_ALL: tuple[QuestionKind, ...] = (*choice.KINDS, *typed.KINDS, command.KIND, *arrange.KINDS)


def _registry(kinds: tuple[QuestionKind, ...]) -> Mapping[str, QuestionKind]:
    """The kinds by name, in the curriculum's order; a kind missing on either side is a bug."""
    by_name = {kind.name: kind for kind in kinds}
    if set(by_name) != set(KIND_NAMES) or len(by_name) != len(kinds):
        raise RuntimeError(f"question kinds {sorted(by_name)} do not match the curriculum's {sorted(KIND_NAMES)}")
    return MappingProxyType({name: by_name[name] for name in KIND_NAMES})


QUESTION_KINDS: Mapping[str, QuestionKind] = _registry(_ALL)

__all__ = ["QUESTION_KINDS", "FormData", "QuestionKind", "display_order"]
