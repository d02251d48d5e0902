"""Plain tables to CSV and XLSX (pure: rows in, text or bytes out; nothing is written to disk)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

# A cell a spreadsheet would read as a formula (or that hides one behind a tab or CR): OWASP's
# "CSV injection" list. Such text cells are written with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"
Cell = str | int | float | date | datetime | None


@dataclass(frozen=True)
class Column:
    """A column: its key in the rows, the header shown, and an XLSX width in characters."""

    key: str
    header: str
    width: int = 14


@dataclass(frozen=True)
class Table:
    """A titled table of rows (dicts keyed by the columns' keys)."""

    title: str
    columns: tuple[Column, ...]
    rows: Sequence[dict[str, Cell]] = field(default_factory=tuple)


def neutralise(text: str) -> str:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; anything else is kept."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _csv_cell(value: Cell) -> str:
    """Dates as ISO 8601, numbers as they are, text neutralised."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return _plain_number(value)
    return neutralise(str(value))


def _plain_number(value: float) -> str:
    """12.0 as "12", 0.5 as "0.5"."""
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def table_csv(table: Table) -> str:
    """UTF-8 CSV text starting with a BOM (so Excel reads Hangul), a header row, CRLF lines."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([neutralise(c.header) for c in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(row.get(c.key)) for c in table.columns])
    return out.getvalue()


def _sheet_title(title: str) -> str:
    """A legal sheet name: no []:*?/\\ and at most 31 characters."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip() or "Sheet"
    return cleaned[:31].strip()


def _xlsx_value(value: Cell) -> Cell:
    """Numbers and dates stay typed; aware datetimes lose their zone (Excel has none) after the caller localised them."""
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)
    return value


def tables_xlsx(tables: Sequence[Table]) -> bytes:
    """An XLSX workbook with one sheet per table: bold frozen header, widths, typed cells."""
    book = Workbook()
    book.remove(book.worksheets[0])  # a new workbook starts with one empty sheet, the active one
    for table in tables:
        sheet = book.create_sheet(_sheet_title(table.title))
        sheet.append([c.header for c in table.columns])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_xlsx_value(row.get(c.key)) for c in table.columns])
        for index, column in enumerate(table.columns, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = column.width
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                _type_cell(cell)
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _type_cell(cell: object) -> None:
    """Text that looks like a formula stays text (openpyxl would otherwise store a formula)."""
    if getattr(cell, "data_type", None) == "f":
        cell.data_type = "s"  # type: ignore[attr-defined]
    if isinstance(getattr(cell, "value", None), datetime):
        cell.number_format = "yyyy-mm-dd hh:mm:ss"  # type: ignore[attr-defined]
    elif isinstance(getattr(cell, "value", None), date):
        cell.number_format = "yyyy-mm-dd"  # type: ignore[attr-defined]
