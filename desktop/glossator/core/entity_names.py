"""What each entity label is called where people read it: the window, the legend, the export."""

from __future__ import annotations

ENTITY_NAMES = {
    "PERSON": "Person", "ORG": "Organisation", "GPE": "Country, city, state", "LOC": "Place",
    "NORP": "Nationality, group", "FAC": "Building, facility", "PRODUCT": "Product",
    "EVENT": "Event", "LAW": "Law", "WORK_OF_ART": "Work", "LANGUAGE": "Language",
    "MONEY": "Money", "PERCENT": "Percentage", "DATE": "Date", "QUANTITY": "Quantity",
    "TIME": "Time", "ORDINAL": "Ordinal", "CARDINAL": "Number",
}


def entity_name(label: str) -> str:
    """The readable name of a label; a label of the reader's own stays as written."""
    return ENTITY_NAMES.get(label, label)
