"""Which listings are sample data.

A fictional listing carries an HSDS attribute with the "Sample data" term of the data-status taxonomy
(`status_taxonomy` in data/directory/taxonomy.json), so the mark travels in standard HSDS to every app that
reads the directory. Data-status terms say what a record is, never what it offers: they are not interests.
"""

from __future__ import annotations

SAMPLE_DATA = "sample_data"
STATUS = "status"


def is_status(kind: str | None) -> bool:
    return kind == STATUS
