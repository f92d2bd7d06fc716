"""The run: settings and configuration files, the linter of a run's rules, the findings cache,
the baseline, and the one entry point that owns a run (discover, read, check, cache,
cross-check, baseline, progress). Imports every stage below it; nothing of reporting or the
command line."""
