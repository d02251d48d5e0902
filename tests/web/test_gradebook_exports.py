"""Gradebook and item-analysis exports, from the CLI and the page, read back; bad input refused clearly."""

from __future__ import annotations

import csv
import io
import subprocess
from datetime import datetime

import openpyxl
import pytest
from flask import render_template

from app.models import SchoolClass, User
from app.services import classes, gradebook, gradebook_exports
from app.services.classes import utc_now
from tests.web.classroom_setup import login, make_classroom
from tests.web.gradebook_setup import add_attempt, add_learners

LONG_KOREAN = "가나다라마바사아자차카타파하" * 5 + "가나다라마바사아자차"  # 80 characters
FORMULA = '=HYPERLINK("http://x","y")'


@pytest.fixture
def room(app, dbs):  # type: ignore[no-untyped-def]
    room = make_classroom(app, dbs)
    long_id, formula_id = add_learners(dbs, room.class_id, [LONG_KOREAN, FORMULA])
    add_attempt(dbs, room.assignment, long_id, 6.5)
    add_attempt(dbs, room.assignment, formula_id, 2.0)
    room.long_id, room.formula_id = long_id, formula_id
    return room


def _run(runner, *args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(args=["export", *args])


def test_gradebook_csv_reads_back(runner, room, tmp_path):
    path = tmp_path / "gb.csv"
    result = _run(runner, "gradebook", room.code, "--format", "csv", "--output", str(path))
    assert result.exit_code == 0, result.output
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    by_name = {r["이름"]: r for r in rows}
    assert LONG_KOREAN in by_name and len(LONG_KOREAN) == 80
    assert "'" + FORMULA in by_name  # neutralised, text kept
    long_row = by_name[LONG_KOREAN]
    assert long_row["학습자 ID"] == str(room.long_id)
    grade_key = next(k for k in long_row if k.startswith("1주차 퀴즈") and k.endswith("득점"))
    assert long_row[grade_key] == "6.5"
    submitted = next(v for k, v in long_row.items() if k.endswith("제출함"))
    assert datetime.fromisoformat(submitted).utcoffset().total_seconds() == 9 * 3600  # Asia/Seoul


def test_gradebook_xlsx_is_typed(runner, room, tmp_path):
    path = tmp_path / "gb.xlsx"
    assert (
        _run(runner, "gradebook", room.code, "--format", "xlsx", "--output", str(path), "--lang", "en").exit_code == 0
    )
    sheet = openpyxl.load_workbook(path).active
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["Learner id", "User name", "Name"] and sheet.freeze_panes == "A2"
    rows = {r[2]: r for r in sheet.iter_rows(min_row=2, values_only=True)}
    row = rows[LONG_KOREAN]
    assert row[0] == room.long_id and isinstance(row[0], int)
    assert row[header.index(next(h for h in header if h.endswith("Points scored")))] == 6.5
    assert isinstance(row[header.index(next(h for h in header if h.endswith("Submitted")))], datetime)
    assert FORMULA in rows  # a text cell, not a formula
    cell = next(c for c in sheet["C"] if c.value == FORMULA)
    assert cell.data_type == "s"


def test_gradebook_pdf_has_the_korean_text(runner, room, tmp_path):
    path = tmp_path / "gb.pdf"
    assert _run(runner, "gradebook", room.code, "--format", "pdf", "--output", str(path)).exit_code == 0
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "도커 1반" in text and "성적부" in text and "통계" in text and "1주차 퀴즈" in text
    assert LONG_KOREAN[:10] in text.replace("\n", "")


def test_item_analysis_csv_and_xlsx(runner, room, tmp_path):
    path = tmp_path / "items.csv"
    args = ("item-analysis", room.code, str(room.assignment))
    assert _run(runner, *args, "--format", "csv", "--output", str(path)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert {r["항목 ID"] for r in rows} == {*room.question_ids, room.lab_id}
    assert all(r["응시"] == "2" for r in rows)
    path = tmp_path / "items.xlsx"
    assert _run(runner, *args, "--format", "xlsx", "--output", str(path), "--lang", "en").exit_code == 0
    book = openpyxl.load_workbook(path)
    summary = list(book.worksheets[0].iter_rows(values_only=True))
    assert summary[1][:3] == (2, 8, 0)  # numbers, not text: count, max total, mean (no item marks)


def test_bad_input_is_refused_with_a_clear_message(runner, room, tmp_path):
    path = tmp_path / "x.csv"
    result = _run(runner, "gradebook", "NOSUCH", "--format", "csv", "--output", str(path))
    assert result.exit_code != 0 and "no class has this code" in result.output and not path.exists()
    result = _run(runner, "item-analysis", room.code, "999999", "--format", "csv", "--output", str(path))
    assert result.exit_code != 0 and "is not in class" in result.output


def test_another_instructors_assignment_and_an_empty_class(runner, app, dbs, room, tmp_path):
    with app.test_request_context("/"), dbs() as s:
        other = classes.create_class(s.get(User, room.other_teacher), "빈 반", None)
        code, class_id = other.join_code, other.id
    path = tmp_path / "x.csv"
    result = _run(runner, "item-analysis", code, str(room.assignment), "--format", "csv", "--output", str(path))
    assert result.exit_code != 0 and "is not in class" in result.output
    assert _run(runner, "gradebook", code, "--format", "csv", "--output", str(path)).exit_code == 0
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"))))
    assert len(rows) == 1  # the header alone
    client = login(app, "teacher")
    assert client.get(f"/classes/{class_id}/gradebook.csv").status_code == 404
    assert client.get(f"/classes/{class_id}/gradebook").status_code == 404


def test_downloads_from_the_page(app, room):
    client = login(app, "teacher")
    page = client.get(f"/classes/{room.class_id}/gradebook").get_data(as_text=True)
    for fmt in ("csv", "xlsx", "pdf"):
        assert f"/classes/{room.class_id}/gradebook.{fmt}" in page
    response = client.get(f"/classes/{room.class_id}/gradebook.csv")
    assert response.status_code == 200 and "attachment" in response.headers["Content-Disposition"]
    assert LONG_KOREAN in response.get_data().decode("utf-8-sig")
    response = client.get(f"/assignments/{room.assignment}/item-analysis.xlsx")
    assert response.status_code == 200
    assert openpyxl.load_workbook(io.BytesIO(response.get_data())).sheetnames
    assert client.get(f"/classes/{room.class_id}/gradebook.exe").status_code == 404
    assert login(app, "other").get(f"/classes/{room.class_id}/gradebook.csv").status_code == 404


def test_an_empty_class_prints_a_report(runner, app, dbs, room, tmp_path):
    with app.test_request_context("/"), dbs() as s:
        code = classes.create_class(s.get(User, room.teacher), "아무도 없는 반", None).join_code
    path = tmp_path / "empty.pdf"
    assert _run(runner, "gradebook", code, "--format", "pdf", "--output", str(path)).exit_code == 0
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True, text=True).stdout
    assert "아무도 없는 반" in text and "아직 이 반에 학습자가 없습니다." in text.replace("\n", " ")


def test_class_report_prints_one_letter_per_state_and_splits_the_gradebook(app, dbs, monkeypatch):
    assert set(gradebook_exports.STATE_CODES) == set(gradebook.STATES)
    assert len(set(gradebook_exports.STATE_CODES.values())) == len(gradebook.STATES)  # no letter means two states
    monkeypatch.setattr(gradebook_exports, "ROWS_PER_TABLE", 2)
    room = make_classroom(app, dbs)
    add_learners(dbs, room.class_id, ["Ana", "Bo", "Cy", "Di"])
    seen: dict[str, str] = {}

    def render(template: str, **context: object) -> bytes:
        seen["html"] = render_template(template, **context)
        return b"%PDF"

    monkeypatch.setattr(gradebook_exports, "render_pdf", render)
    with app.test_request_context(), dbs() as s:
        book = gradebook.build(s.get(SchoolClass, room.class_id), utc_now())
        gradebook_exports.class_report_pdf(book, utc_now())
    html = seen["html"]
    assert html.count('<table class="grid">') == 3  # five learners, two per table
    assert "<b>N</b> 시작 안 함" in html and "<b>E</b> 면제" in html  # the legend names every letter
    assert html.count('<td class="marks">-N</td>') == 5  # nobody started the one assignment: one mark a line
