"""Reporting: the report formats (text, full, json, sarif, github, gitlab, junit, html) render
a run's result; none reads or OCRs a copy again. Imports the run's result and checking."""
