"""Reading: the files to check (discovery, include and exclude), their bytes and their text —
decoded text files, and PDFs and images read through :mod:`liclint.reading.media` (text layer,
OCR) with where each line came from. Imports nothing of the other stages."""
