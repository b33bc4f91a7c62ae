"""Preview a generated PDF inside the app, then print it or save it — for every printed document.

Documents are built in memory (ReportLab) and shown here before anything touches the disk, so an
operator can check a list before printing 12 pages of it. Printing renders each page with QtPdf at
the printer's resolution (no external PDF reader needed on the office PC); saving writes the same
bytes that were previewed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRect, QSize, QSizeF, Slot
from PySide6.QtGui import QKeySequence, QPageLayout, QPageSize, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

ZOOM_STEP = 1.25


class PdfPreviewDialog(QDialog):
    """Shows ``pdf`` (bytes); ``suggested_name`` is the file name offered by "Simpan PDF…"."""

    def __init__(
        self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None, *, icon_for=None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("pdfPreview")
        self._pdf = bytes(pdf)
        self._suggested_name = suggested_name
        self.saved_path: Path | None = None
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(self._pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self._build(icon_for)
        self.resize(QSize(900, 700))

    # ------------------------------------------------------------------ construction
    def _build(self, icon_for) -> None:  # noqa: ANN001 - optional callable name -> QIcon
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.print_button = QPushButton(self.tr("&Cetak…"))
        self.save_button = QPushButton(self.tr("&Simpan PDF…"))
        self.zoom_out_button = QPushButton(self.tr("Perkecil"))
        self.zoom_in_button = QPushButton(self.tr("Perbesar"))
        self.fit_button = QPushButton(self.tr("Selebar halaman"))
        close_button = QPushButton(self.tr("Tutup"))
        if icon_for is not None:
            self.print_button.setIcon(icon_for("printer.svg"))
            self.save_button.setIcon(icon_for("device-floppy.svg"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.choose_and_save)
        self.zoom_in_button.clicked.connect(lambda: self._zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self._zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        close_button.clicked.connect(self.reject)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self, activated=self.print_document)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Save), self, activated=self.choose_and_save)
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.ZoomIn), self, activated=lambda: self._zoom(ZOOM_STEP)
        )
        QShortcut(
            QKeySequence(QKeySequence.StandardKey.ZoomOut), self, activated=lambda: self._zoom(1 / ZOOM_STEP)
        )

        self.pages_label = QLabel(self.tr("{0} halaman").format(self.page_count()))
        self.pages_label.setObjectName("muted")
        bar = QHBoxLayout()
        for button in (self.print_button, self.save_button):
            bar.addWidget(button)
        bar.addSpacing(16)
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.pages_label)
        bar.addSpacing(16)
        bar.addWidget(close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)

    # ------------------------------------------------------------------ actions
    def page_count(self) -> int:
        return self.document.pageCount()

    def pdf_bytes(self) -> bytes:
        return self._pdf

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    @Slot()
    def choose_and_save(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Simpan PDF"), self._suggested_name, self.tr("Dokumen PDF (*.pdf)")
        )
        if path:
            self.save_to(Path(path if path.lower().endswith(".pdf") else path + ".pdf"))

    def save_to(self, path: Path) -> None:
        """Write exactly the previewed bytes (atomically: a half-written PDF never remains)."""
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_bytes(self._pdf)
        temporary.replace(path)
        self.saved_path = path

    @Slot()
    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        printer.setFromTo(1, max(1, self.page_count()))
        self.match_paper(printer)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)

    def match_paper(self, printer: QPrinter) -> None:
        """Offer the document's own paper and orientation in the print dialog: a landscape
        certificate sent to a portrait default would print shrunk into the upper half of the sheet."""
        if not self.page_count():
            return
        points = self.document.pagePointSize(0)
        short, long = sorted((points.width(), points.height()))
        paper = QPageSize(QSizeF(short, long), QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
        printer.setPageSize(paper)
        landscape = points.width() > points.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    def print_to(self, printer: QPrinter) -> int:
        """Render every selected page onto ``printer``; returns how many pages were sent."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:
            first, last = 1, self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            return 0
        sent = 0
        try:
            for number in range(first, min(last, self.page_count()) + 1):
                if sent:
                    printer.newPage()
                self._paint_page(painter, printer, number - 1)
                sent += 1
        finally:
            painter.end()
        return sent

    def _paint_page(self, painter: QPainter, printer: QPrinter, index: int) -> None:
        """Scale page ``index`` to fit the printable area at the printer's resolution."""
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        points = self.document.pagePointSize(index)
        scale = min(area.width() / points.width(), area.height() / points.height())
        size = QSize(int(points.width() * scale), int(points.height() * scale))
        image = self.document.render(index, size)
        target = QRect(0, 0, size.width(), size.height())
        painter.drawImage(QPointF(target.topLeft()), image)
