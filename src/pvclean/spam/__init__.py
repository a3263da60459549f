"""The spam step's parts, one job each.

``lines`` cuts the text into lines with their spans; ``rules`` loads the data files of
lexicons and keys; ``shapes`` holds the structural patterns (dates, ranks, ellipses,
breadcrumbs); ``features`` measures each line; ``fragments`` finds the finer cuts inside a
line; ``classify`` decides which lines are junk from the features of the line, its
neighbours and its place in the document. ``pvclean.steps.spam`` turns the verdicts into
changes.
"""
