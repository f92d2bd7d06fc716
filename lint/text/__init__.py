"""Text: from a copy's text to its document model — normalisation with an offset map, the
pyparsing grammar of numbers, dates and clause numerals, field extraction, the model itself.
Imports nothing of the other stages."""
