"""The learner's exports and `flask export`, each file read back (csv, openpyxl, pdftotext, XML, SQLite)."""

from __future__ import annotations

import csv
import io
import shutil
import sqlite3
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import openpyxl
import pytest

COURSE = Path(__file__).parent / "course_fixture"
LONG_NAME = ("김민지박서준이도윤최하은" * 7)[:80]  # a Korean name of 80 characters (the longest allowed)


@pytest.fixture
def app_config():
    """These tests use the small fixture course."""
    return {"CONTENT_DIR": str(COURSE)}


def pdf_text(data: bytes, tmp_path: Path) -> str:
    """The PDF's text as pdftotext (Debian poppler-utils) reads it."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: install Debian's poppler-utils (.ci/run does)")
    path = tmp_path / "report.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def study(client, display_name: str = LONG_NAME) -> None:
    """Register, answer two questions, review a card, solve the lab and play in the playground."""
    form = {"username": "minji", "password": "correct-horse", "confirm": "correct-horse", "display_name": display_name}
    assert client.post("/account/register", data=form).status_code == 302
    for qid, answer, token in (("q-single", "1", "a"), ("q-tf", "true", "b")):
        client.post(
            f"/questions/{qid}/answer", data={"token": token, "answer": answer}, headers={"Accept": "application/json"}
        )
    client.post("/cards/card-one/review", json={"rating": 3, "version": 0})
    client.get("/labs/lab-sample-detached")
    client.post(
        "/labs/lab-sample-detached/run", json={"line": "docker run -d --name web -p 8080:80 nginx", "terminal": 0}
    )
    client.get("/playground")
    client.post("/labs/@playground/run", json={"line": "docker ps", "terminal": 0})


def test_csv_has_titles_one_row_per_lab_attempt_and_no_playground(client):
    study(client)
    response = client.get("/progress/export.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True).removeprefix("\ufeff"))))
    assert [(r["종류"], r["항목 ID"]) for r in rows] == [
        ("question", "q-single"), ("question", "q-tf"), ("card", "card-one"), ("lab", "lab-sample-detached"),
    ]  # fmt: skip
    lab = rows[-1]
    assert lab["항목"] == "분리 모드로 nginx 실행하기" and lab["레슨"] == "다음 레슨" and lab["결과"] == "solved"
    assert (lab["점수"], lab["만점"], lab["맥락"]) == ("1", "1", "practice")
    assert rows[0]["항목"] == "이미지로 실행한 인스턴스는?" and rows[0]["레슨"] == "표본 레슨"
    assert rows[0]["일시"][:4].isdigit() and rows[0]["일시"].endswith("+09:00")
    assert not any("@playground" in value for row in rows for value in row.values())


def test_xlsx_is_typed(client):
    study(client)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get("/progress/export.xlsx").data)).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:3] == ["일시", "레슨 ID", "레슨"] and sheet.freeze_panes == "A2"
    lab = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[3] == "lab")
    assert lab[4] == "lab-sample-detached" and lab[7] == 1 and lab[0].year >= 2026


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_pdf_report_in_both_languages_with_a_long_korean_name(client, tmp_path, lang):
    study(client)
    client.post(f"/lang/{lang}")
    response = client.get("/progress/export.pdf")
    assert response.mimetype == "application/pdf" and response.data.startswith(b"%PDF")
    text = " ".join(pdf_text(response.data, tmp_path).split())
    assert "표본 레슨" in text and "분리 모드로 nginx 실행하기" in text  # course text is Korean in both
    assert LONG_NAME[:20] in text.replace(" ", "")
    if lang == "ko":
        assert "학습 보고서" in text and "레슨별 숙달도" in text and "기억률" in text
        assert "1일 연속" in text and "해결" in text
    else:
        assert "Progress report" in text and "Mastery per lesson" in text and "1 day in a row" in text
        assert "Solved" in text and "Retention" in text


def test_a_learner_with_no_data_gets_empty_but_valid_files(client, tmp_path):
    client.post("/guest")
    rows = list(csv.reader(io.StringIO(client.get("/progress/export.csv").get_data(as_text=True))))
    assert len(rows) == 1  # the header only
    text = pdf_text(client.get("/progress/export.pdf").data, tmp_path)
    assert "아직 시작한 실습이 없습니다" in text and "게스트" in text
    assert "과제" not in text  # no assignments section without data


def test_a_name_starting_with_equals_is_not_a_formula(app, client, runner, tmp_path):
    study(client, display_name='=HYPERLINK("http://x")')
    out = tmp_path / "p.xlsx"
    result = runner.invoke(args=["export", "progress", "minji", "--format", "xlsx", "--output", str(out)])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / "p.pdf"
    assert runner.invoke(args=["export", "progress", "MINJI", "--format", "pdf", "--output", str(pdf)]).exit_code == 0
    assert '=HYPERLINK("http://x")' in pdf_text(pdf.read_bytes(), tmp_path)
    csv_out = tmp_path / "p.csv"
    assert (
        runner.invoke(args=["export", "progress", "minji", "--format", "csv", "--output", str(csv_out)]).exit_code == 0
    )
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_cli_progress_of_an_unknown_user_fails_clearly(runner, tmp_path):
    result = runner.invoke(args=["export", "progress", "nobody", "--format", "csv", "--output", str(tmp_path / "x")])
    assert result.exit_code != 0 and "nobody: no such user" in result.output
    assert not (tmp_path / "x").exists()


def test_cli_progress_pdf_in_english(client, runner, tmp_path):
    study(client)
    out = tmp_path / "r.pdf"
    result = runner.invoke(
        args=["export", "progress", "minji", "--format", "pdf", "--lang", "en", "--output", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert "Progress report" in pdf_text(out.read_bytes(), tmp_path)


def test_cli_questions_moodle_xml_and_gift(runner, tmp_path):
    xml_path, gift_path = tmp_path / "bank.xml", tmp_path / "bank.gift"
    result = runner.invoke(args=["export", "questions", "--format", "moodle-xml", "--output", str(xml_path)])
    assert result.exit_code == 0, result.output
    root = ET.parse(xml_path).getroot()
    names = [q.findtext("name/text") for q in root.iter("question") if q.get("type") != "category"]
    categories = [q.findtext("category/text") for q in root.iter("question") if q.get("type") == "category"]
    assert categories == ["$course$/top/Docker Dojo/01 표본 레슨", "$course$/top/Docker Dojo/02 다음 레슨"]
    assert set(names) == {"q-single", "q-multiple", "q-tf", "q-short", "q-order", "q-match", "q-cloze", "q-next"}
    assert "approximated q-order: exported as matching" in result.output  # the runner mixes stderr in
    result = runner.invoke(args=["export", "questions", "--format", "gift", "--output", str(gift_path)])
    assert result.exit_code == 0 and "::q-single::[markdown]" in gift_path.read_text(encoding="utf-8")


def test_cli_rejects_an_unknown_format(runner, tmp_path):
    result = runner.invoke(args=["export", "questions", "--format", "qti", "--output", str(tmp_path / "q")])
    assert result.exit_code == 2 and "qti" in result.output


def anki_notes(path: Path, tmp_path: Path) -> list[tuple[str, str]]:
    """(guid, fields) of every note in the .apkg's collection.anki2."""
    with zipfile.ZipFile(path) as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        return sorted(db.execute("select guid, flds from notes"))


def test_cli_cards_apkg_has_stable_guids(runner, tmp_path):
    first, second = tmp_path / "a.apkg", tmp_path / "b.apkg"
    for path in (first, second):
        assert runner.invoke(args=["export", "cards", "--format", "apkg", "--output", str(path)]).exit_code == 0
    notes = anki_notes(first, tmp_path / "one")
    assert len(notes) == 1  # the fixture course has one card
    assert "card-one" in notes[0][1]
    assert [g for g, _ in notes] == [g for g, _ in anki_notes(second, tmp_path / "two")]


def test_downloads_are_rate_limited_per_learner(client):
    client.post("/guest")
    statuses = [client.get("/progress/export.csv").status_code for _ in range(31)]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429
