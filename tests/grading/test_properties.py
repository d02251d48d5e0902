"""Property tests: graders never raise on learner input; scores stay in range."""

import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.dockersim import N_
from app.grading import CHECKS, grade_question, validate_answer, validate_check
from app.grading.kinds.arrange import longest_increasing_run
from app.grading.text import normalise_answer
from tests.grading.test_questions import CLOZE, MATCH, MULTI, ORDER, SHORT, SHORT_RE, SINGLE, TF

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
    max_leaves=12,
)
KEYS = [
    ("single", SINGLE),
    ("multiple", MULTI),
    ("true_false", TF),
    ("short", SHORT),
    ("short", SHORT_RE),
    ("ordering", ORDER),
    ("matching", MATCH),
    ("cloze", CLOZE),
]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(KEYS), json_values)
def test_any_json_answer_gives_a_verdict(kind_key, answer):
    kind, key = kind_key
    verdict = grade_question(kind, key, answer)
    assert 0.0 <= verdict.score <= verdict.max_score == 1.0
    assert verdict.passed == (verdict.score == 1.0)
    error = validate_answer(kind, key, answer)
    assert (error is None) or (
        verdict.score == 0.0 and verdict.feedback == N_("The answer cannot be graded: %(why)s", why=error)
    )


@settings(max_examples=25, deadline=None)
@given(st.text(max_size=40) | json_values)
def test_any_command_answer_gives_a_verdict(answer):
    key = {"setup": (), "reference": ("docker run -d -p 8000:80 nginx",), "seed": 0}
    verdict = grade_question("command", key, answer)
    assert verdict.score in (0.0, 1.0)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(sorted(CHECKS)), st.dictionaries(st.text(max_size=12), json_values, max_size=5))
def test_any_params_give_messages_not_exceptions(name, params):
    errors = validate_check(name, params)
    assert isinstance(errors, list) and all(isinstance(e, str) for e in errors)


@given(st.permutations(range(6)))
def test_ordering_score_is_one_only_for_the_right_order(order):
    key = {"items": tuple("abcdef")}
    verdict = grade_question("ordering", key, list(order))
    assert 0.0 <= verdict.score <= 1.0
    assert verdict.passed == (list(order) == list(range(6)))
    kept = longest_increasing_run(order)
    assert all(order[a] < order[b] for a, b in zip(sorted(kept), sorted(kept)[1:], strict=False))


@given(st.text(alphabet=st.sampled_from("가나다라마바사아자차카타파하 도커볼륨AbC \t\u3000"), max_size=20))
def test_short_answer_normalisation_is_stable(text):
    once = normalise_answer(text)
    assert normalise_answer(once) == once
    assert normalise_answer(unicodedata.normalize("NFD", text)) == once
