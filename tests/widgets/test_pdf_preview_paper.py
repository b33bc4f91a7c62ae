"""The print dialog is offered the document's paper and orientation (landscape certificates, F4)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from widgets.pdf_preview import PdfPreviewDialog

F4 = (215 * mm, 330 * mm)


def _pdf(size: tuple[float, float], pages: int = 2) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=size)
    for number in range(pages):
        canvas.drawString(72, 72, f"Halaman {number + 1}")
        canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("size", "orientation", "page_id"),
    [
        (landscape(A4), QPageLayout.Orientation.Landscape, QPageSize.PageSizeId.A4),
        (A4, QPageLayout.Orientation.Portrait, QPageSize.PageSizeId.A4),
        (F4, QPageLayout.Orientation.Portrait, None),
    ],
)
def test_printer_takes_the_documents_paper(qtbot, tmp_path: Path, size, orientation, page_id) -> None:  # noqa: ANN001
    dialog = PdfPreviewDialog(_pdf(size), "Sertifikat", "sertifikat.pdf")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setResolution(96)  # the pages are rendered as images: keep the test fast
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait if orientation
                               == QPageLayout.Orientation.Landscape else QPageLayout.Orientation.Landscape)  # fmt: skip
    dialog.match_paper(printer)
    layout = printer.pageLayout()
    assert layout.orientation() == orientation
    if page_id is not None:
        assert layout.pageSize().id() == page_id
    assert dialog.print_to(printer) == 2
    box = PdfReader(tmp_path / "out.pdf").pages[0].mediabox
    width, height = float(box.width), float(box.height)
    assert (width > height) == (size[0] > size[1])
    assert abs(max(width, height) - max(size)) < 3 and abs(min(width, height) - min(size)) < 3
