"""The row-by-row import report: plain data for the CLI and dialog, and an ``.xlsx`` copy.

Every problem row carries sheet, row, column and an Indonesian reason (R10: 100% of rejected
rows). The ``.xlsx`` is written with xlsxwriter using ``write_string`` for every text and
``strings_to_formulas`` off, so a name like ``=HYPERLINK(…)`` from a hostile file stays text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from db.importer.plan import GALAT, LEWATI, PERINGATAN, STATUS_LABELS, ImportPlan
from db.importer.problems import Problem

HEADERS = ("Lembar", "Baris", "Kolom", "Status", "Keterangan")


@dataclass(frozen=True)
class ReportLine:
    sheet: str
    row: int
    column: str
    status: str
    reason: str

    def text(self) -> str:
        return f"[{self.status}] " + Problem(self.sheet, self.row, self.column, self.reason).line()


def report_lines(plan: ImportPlan, *, include_ok: bool = False) -> list[ReportLine]:
    """One line per problem, warning and note; rows without findings only if ``include_ok``."""
    lines = [ReportLine(p.sheet, p.row, p.column, "galat", p.reason) for p in plan.sheet_problems]
    lines += [ReportLine(p.sheet, p.row, p.column, "catatan", p.reason) for p in plan.notes]
    for row in plan.rows:
        label = STATUS_LABELS[row.status]
        found = [(p, "galat") for p in row.parsed.problems + row.check_problems]
        found += [(p, "peringatan" if row.status == PERINGATAN else "peringatan diterima") for p in row.warnings
                  if row.status not in (LEWATI, GALAT)]  # fmt: skip
        found += [(p, label) for p in row.notes]
        if not found and include_ok:
            found = [(Problem(row.parsed.sheet, row.parsed.row, "", "Siap diimpor."), label)]
        lines += [ReportLine(p.sheet, p.row, p.column, status, p.reason) for p, status in found]
    return lines


def summary(plan: ImportPlan) -> str:
    counts = plan.counts()
    parts = [f"{counts[s]} {STATUS_LABELS[s]}" for s in STATUS_LABELS if counts[s]]
    verdict = "dapat diimpor" if plan.can_apply else "DITOLAK — tidak ada yang disimpan"
    noun = plan.target.noun if plan.target is not None else "kader"
    return f"{len(plan.rows)} baris {noun}: {', '.join(parts) or 'tidak ada'}; {verdict}."


def format_text(plan: ImportPlan) -> str:
    """The report as printed by the CLI (Indonesian, one finding per line)."""
    lines = [summary(plan)]
    lines += [line.text() for line in report_lines(plan)]
    if not plan.can_apply and plan.counts()[PERINGATAN]:
        lines.append("Peringatan harus diterima dulu (centang 'Terima peringatan' atau --terima-peringatan).")
    if not plan.can_apply and plan.counts()[GALAT]:
        lines.append("Perbaiki baris bergalat di berkas Excel lalu impor lagi.")
    return "\n".join(lines)


def save_xlsx(plan: ImportPlan, path: str | Path) -> Path:
    """Write the full report (every row, with its status) to ``path``."""
    import xlsxwriter

    path = Path(path)
    book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_urls": False,
                                           "strings_to_numbers": False})  # fmt: skip
    try:
        sheet = book.add_worksheet("Laporan impor")
        bold = book.add_format({"bold": True, "bg_color": "#DDEEEE", "border": 1})
        sheet.write_string(0, 0, summary(plan), book.add_format({"bold": True}))
        for col, title in enumerate(HEADERS):
            sheet.write_string(2, col, title, bold)
        for index, line in enumerate(report_lines(plan, include_ok=True), start=3):
            sheet.write_string(index, 0, line.sheet)
            sheet.write_number(index, 1, line.row)
            sheet.write_string(index, 2, line.column)
            sheet.write_string(index, 3, line.status)
            sheet.write_string(index, 4, line.reason)
        sheet.set_column(0, 0, 16)
        sheet.set_column(1, 1, 7)
        sheet.set_column(2, 3, 18)
        sheet.set_column(4, 4, 90)
        sheet.freeze_panes(3, 0)
    finally:
        book.close()
    return path
