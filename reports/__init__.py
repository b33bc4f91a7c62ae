"""Printed documents (ReportLab platypus): the shared foundation and, in later modules, each naskah.

Layering: nothing here imports Qt, peewee or :mod:`db`. Documents take plain frozen dataclasses
from :mod:`reports.data`; :mod:`db.services.print_data` is the only bridge from the stored office
profile and signatories. ReportLab itself is imported only inside the modules that draw, so
importing :mod:`reports.data` or :mod:`reports.formatting` stays cheap at GUI start-up.

Foundation modules:

* :mod:`reports.fonts` — bundled Liberation TTFs, registered once (every PDF embeds its fonts).
* :mod:`reports.formatting` — Babel ``id_ID`` dates, times, numbers, Rupiah, terbilang, Roman months.
* :mod:`reports.data` — ``PageSetup``, ``Kop``, ``Signatory``, ``SignatureBlock``.
* :mod:`reports.styles` — the named paragraph stylesheet.
* :mod:`reports.text` — escaping and fitting helpers (wrap or shrink, never overflow).
* :mod:`reports.canvas` — the numbered canvas ("Halaman x dari y").
* :mod:`reports.base` — :class:`~reports.base.DocumentBuilder`; subclasses only build the story.
* :mod:`reports.kop`, :mod:`reports.signature` — kop surat and signature blocks.
* :mod:`reports.pdfcheck` — a tiny reader of our own PDFs (page count, text, embedded fonts).
"""
