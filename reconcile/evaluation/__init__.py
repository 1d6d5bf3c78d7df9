"""Measure the tool on an annotated corpus: ``reconcile eval REPORT GOLD`` (docs/gold.md).

``gold`` reads and checks a gold file, ``names`` and ``values`` say when a report's name or
value is the gold's, ``scoring`` counts, ``summary`` checks thresholds and prints the line.
"""
