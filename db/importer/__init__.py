"""Import from office Excel files: safety checks, streaming read, header detection, row
parsing, an import plan with a status per row, one all-or-nothing apply, and a report.

What is imported is a :class:`~db.importer.target.ImportTarget` (columns, row parser, status,
check, apply): the kader registry by default (``target.kader_target()``), a kegiatan's roster
with ``db.services.peserta_import.peserta_target(kegiatan_id)`` — the same code for both.

Layers, each usable alone (the dialog runs the first four in a worker thread, no DB writes)::

    safety.check_file(path)                  # hostile / wrong files refused before parsing
    book = reader.read_workbook(path)        # streamed values, row limit, formula check
    header.find_header(sheet.rows)           # header row + column mapping (user-fixable)
    rows.parse_sheet(sheet, mapping, snap)   # ParsedRow: record + problems + warnings
    plan.build_plan(parsed, snap, options)   # ImportPlan: baru/perbarui/lewati/galat/peringatan
    apply.apply_plan(plan)                   # one transaction through the kader services
    report.report_lines(plan) / save_xlsx()  # sheet, row, column, Indonesian reason
"""
