"""liclint: a rule-based linter for Chinese value-added telecom business operating licenses."""

__version__ = "0.1.0"
