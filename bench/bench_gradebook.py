"""Benchmark the gradebook at 50 and 500 learners × 20 assignments (plain script, not a test):

    python bench/bench_gradebook.py [--pdf]

Each size gets its own SQLite database filled by `flask demo`'s service (a class, two graded
assignments with real attempts); 18 more assignments are then copied from the first one, with a
copy of every attempt (same scores, states and times), so the gradebook is learners × 20.
Reported, measured in the same run: the gradebook page (its first page by name, which reads only that
page's learners, and a page sorted by total, which reads the whole class), its CSV and XLSX (and with --pdf, PDF:
minutes at 500 × 20, for WeasyPrint lays out every page) exports, and the
statistics of the assignment with the most attempts (the pure item analysis and the page's read),
at 50 and at 500 learners, and the 500/50 ratio. The issue's bound: export at 500 ≤ 12× at 50.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fresh_app import fresh_app
from sqlalchemy import select
from timing import timed

from app.extensions import db
from app.models import Assignment, AssignmentAttempt, SchoolClass
from app.services import assignment_stats, demo, gradebook
from app.services.classes import utc_now

SIZES = (50, 500)
ASSIGNMENTS = 20


def _widen(class_id: int, source_id: int) -> None:
    """Copy the source assignment (and all its attempts) until the class has ASSIGNMENTS of them."""
    source = db.session.get(Assignment, source_id)
    rows = list(db.session.scalars(select(AssignmentAttempt).where(AssignmentAttempt.assignment_id == source_id)))
    have = db.session.query(Assignment).filter_by(class_id=class_id).count()
    for n in range(ASSIGNMENTS - have):
        copy = Assignment(class_id=class_id, title=f"복습 퀴즈 {n + 1}", open_at=source.open_at, due_at=source.due_at)
        db.session.add(copy)
        db.session.flush()
        db.session.add_all(
            AssignmentAttempt(
                assignment_id=copy.id,
                user_id=a.user_id,
                number=a.number,
                state=a.state,
                seed=a.seed,
                slots=a.slots,
                started_at=a.started_at,
                deadline_at=a.deadline_at,
                submitted_at=a.submitted_at,
                score=a.score,
                max_score=a.max_score,
            )
            for a in rows
        )
    db.session.commit()


def measure(learners: int) -> dict[str, float]:
    """Median seconds of the page, each export and the statistics for a class of `learners`."""
    app = fresh_app()
    with app.app_context():
        started = time.perf_counter()
        made = demo.create_demo(learners, 1, utc_now())
        _widen(made["class_id"], made["assignments"][0])
        print(f"  {learners} learners filled in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        db.session.remove()
    teacher = app.test_client()
    teacher.post("/account/login", data={"username": made["instructor"], "password": made["instructor_password"]})
    class_id = made["class_id"]

    def get(url: str) -> None:
        response = teacher.get(url)
        assert response.status_code == 200, (url, response.status_code)

    results = {
        "gradebook page": timed(lambda: get(f"/classes/{class_id}/gradebook"), 5),
        "gradebook page, by total": timed(lambda: get(f"/classes/{class_id}/gradebook?sort=-total&page=2"), 5),
        "export csv": timed(lambda: get(f"/classes/{class_id}/gradebook.csv"), 5),
        "export xlsx": timed(lambda: get(f"/classes/{class_id}/gradebook.xlsx"), 3),
    }
    if "--pdf" in sys.argv:
        results["export pdf"] = timed(lambda: get(f"/classes/{class_id}/gradebook.pdf"), 1)
    with app.test_request_context():
        school_class = db.session.get(SchoolClass, class_id)
        busiest = db.session.get(Assignment, made["assignments"][1])
        results["statistics (all attempts)"] = timed(
            lambda: assignment_stats.compute(busiest, school_class, all_attempts=True), 5
        )
        count = assignment_stats.compute(busiest, school_class, all_attempts=True).stats.count
        print(f"  statistics over {count} attempts", file=sys.stderr)
        results["gradebook build (service)"] = timed(lambda: gradebook.build(school_class, utc_now()), 5)
    return results


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
