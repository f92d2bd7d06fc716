"""Checking: what a rule is (metadata, findings), the plugin hooks and their registry, and the
runner that applies a document's rules. Imports the text stage (the document model) only."""
