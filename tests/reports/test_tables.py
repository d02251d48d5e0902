"""CSV and XLSX renderers, read back with the csv module and openpyxl."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta, timezone

import openpyxl

from app.reports.tables import Column, Table, neutralise, table_csv, tables_xlsx

SEOUL = timezone(timedelta(hours=9))
LONG_NAME = "가나다라마바사아자차" * 8  # 80 Korean characters
TABLE = Table(
    "성적: [1반]/전체 목록이 아주 길어서 서른한 글자를 넘는 제목",
    (Column("name", "이름", 30), Column("score", "점수", 8), Column("when", "일시", 20), Column("day", "날짜")),
    [
        {"name": LONG_NAME, "score": 7.5, "when": datetime(2026, 12, 1, 9, 30, tzinfo=SEOUL), "day": date(2026, 12, 1)},
        {"name": '=HYPERLINK("http://evil")', "score": -1, "when": None, "day": None},
        {"name": "+1", "score": 0, "when": datetime(2026, 12, 1, 0, 0, tzinfo=UTC), "day": None},
        {"name": "@SUM(A1)", "score": None, "when": None, "day": None},
        {"name": "\tTAB", "score": 3.0, "when": None, "day": None},
        {"name": "-2+3", "score": 1, "when": None, "day": None},
    ],
)


def test_csv_has_a_bom_iso_dates_and_neutralised_formulas():
    text = table_csv(TABLE)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))
    assert rows[0] == ["이름", "점수", "일시", "날짜"]
    assert rows[1] == [LONG_NAME, "7.5", "2026-12-01T09:30:00+09:00", "2026-12-01"]
    assert rows[2][0] == '\'=HYPERLINK("http://evil")' and rows[2][1] == "-1"  # a negative number stays a number
    assert rows[3][0] == "'+1" and rows[3][2] == "2026-12-01T00:00:00+00:00"
    assert rows[4][:2] == ["'@SUM(A1)", ""]
    assert rows[5][:2] == ["'\tTAB", "3"]
    assert rows[6][0] == "'-2+3"


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise("김민지") == "김민지" and neutralise("a=b") == "a=b" and neutralise("\rx") == "'\rx"


def test_xlsx_cells_are_typed_header_frozen_and_widths_set():
    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx([TABLE])))
    sheet = book.worksheets[0]
    assert sheet.title == "성적   1반  전체 목록이 아주 길어서 서른한 글자를"  # []:/ replaced, cut to 31
    assert sheet.freeze_panes == "A2"
    assert [c.value for c in sheet[1]] == ["이름", "점수", "일시", "날짜"] and sheet["A1"].font.b
    assert sheet["A2"].value == LONG_NAME
    assert sheet["B2"].value == 7.5 and sheet["B2"].data_type == "n"
    assert sheet["C2"].value == datetime(2026, 12, 1, 9, 30) and sheet["C2"].is_date
    assert sheet["D2"].value == datetime(2026, 12, 1) and sheet["D2"].number_format == "yyyy-mm-dd"
    assert sheet["A3"].value == '=HYPERLINK("http://evil")' and sheet["A3"].data_type == "s"  # text, not a formula
    assert sheet["B5"].value is None
    assert sheet.column_dimensions["A"].width == 30 and sheet.column_dimensions["B"].width == 8


def test_xlsx_of_an_empty_table_has_its_header_only():
    book = openpyxl.load_workbook(io.BytesIO(tables_xlsx([Table("빈 표", (Column("a", "A"),))])))
    assert [[c.value for c in row] for row in book.worksheets[0].iter_rows()] == [["A"]]
