"""Colours: every built-in type has its own tint, and custom types get a stable one of their own."""

from glossator.ui.palette import ENTITY_COLOURS, entity_colour


def test_custom_types_get_distinct_stable_colours():
    ticker = entity_colour("TICKER")
    assert ticker == entity_colour("TICKER")
    assert ticker != entity_colour("STATUTE")
    assert ticker.name() not in {c.lower() for c in ENTITY_COLOURS.values()}
    assert entity_colour("TICKER", dark=True).lightness() < ticker.lightness()


def test_builtin_types_keep_their_colours():
    assert entity_colour("ORG").name() == ENTITY_COLOURS["ORG"]
