"""The command line: parses arguments, calls the run, renders the report, picks the exit code."""
