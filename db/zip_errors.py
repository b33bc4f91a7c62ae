"""What reading a damaged or hostile zip (an .xlsx workbook, a kota package) can raise.

zipfile and zlib do not stick to BadZipFile: a central directory claiming an unknown zip version
raises the built-in "not implemented" error (found by the import fuzzer), a broken deflate stream
raises zlib.error, lying offsets raise OSError/ValueError/EOFError. Every reader of untrusted zips
catches this one tuple and refuses the file with a reason instead of crashing.
"""

from __future__ import annotations

import zipfile
import zlib

UNSUPPORTED_ZIP_FEATURE = NotImplementedError  # zipfile's answer to an unknown version/compression

DAMAGED_ZIP_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    UNSUPPORTED_ZIP_FEATURE,
    zlib.error,
    OSError,
    ValueError,
    EOFError,
)
