"""Benchmark the class pages and attempt submission at 50 and 500 learners (plain script, not a test):

    python bench/bench_assignments.py

Each size gets its own SQLite database filled by `flask demo`'s service (a class, two assignments,
graded attempts). Reported, measured in the same run: the median time of the instructor's class
page, the assignment report (every learner's state), the learner's "my assignments" page, and
one attempt submission (start, one autosaved answer, submit), at 50 and at 500 learners, and the
500/50 ratio of each. The pages use a fixed number of SQL statements (see
tests/web/test_classroom_scale.py); the ratio shows what the rows themselves cost.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_app import fresh_app
from timing import timed

from app.extensions import db
from app.models import SchoolClass
from app.services import class_accounts, demo
from app.services.classes import utc_now

SIZES = (50, 500)
SUBMITS = 12


def measure(learners: int) -> dict[str, float]:
    """Median seconds per page and per submission for a class of `learners`."""
    app = fresh_app()
    with app.app_context():
        made = demo.create_demo(learners, 1, utc_now())
        school_class = db.session.get(SchoolClass, made["class_id"])
        slips = class_accounts.create_accounts(school_class, [f"측정{n}" for n in range(SUBMITS)], demo.DEMO_HASH)
        db.session.remove()
    teacher = app.test_client()
    teacher.post("/account/login", data={"username": made["instructor"], "password": made["instructor_password"]})
    class_id, (_, current) = made["class_id"], made["assignments"]
    learners_clients = []
    for slip in slips:
        client = app.test_client()
        client.post("/account/login", data={"username": slip.username, "password": slip.password})
        client.post("/account/new-password", data={"password": "bench-pass-1", "confirm": "bench-pass-1"})
        learners_clients.append(client)
    reader = learners_clients[0]

    def ok(response) -> None:  # type: ignore[no-untyped-def]
        assert response.status_code in (200, 302), response.status_code

    pending = iter(learners_clients)

    def submit() -> None:
        client = next(pending)
        started = client.post(f"/assignments/{current}/start")
        attempt = started.headers["Location"].rsplit("/", 1)[-1]
        ok(client.post(f"/attempts/{attempt}/answer/0", data={"answer": "0"}))
        ok(client.post(f"/attempts/{attempt}/submit"))

    return {
        "class page": timed(lambda: ok(teacher.get(f"/classes/{class_id}")), 15),
        "assignment report": timed(lambda: ok(teacher.get(f"/assignments/{current}/report")), 15),
        "my assignments": timed(lambda: ok(reader.get("/assignments")), 15),
        "start + answer + submit": timed(submit, SUBMITS),
    }


def main() -> None:
    results = {size: measure(size) for size in SIZES}
    small, large = (results[s] for s in SIZES)
    print(f"{'':28}{SIZES[0]:>10} learners{SIZES[1]:>10} learners{'ratio':>10}")
    for name in small:
        print(
            f"{name:28}{small[name] * 1000:>13.1f} ms{large[name] * 1000:>13.1f} ms{large[name] / small[name]:>9.1f}x"
        )


if __name__ == "__main__":
    main()
