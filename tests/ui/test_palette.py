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


def test_dark_tints_keep_their_hue_and_stay_apart():
    from PySide6.QtGui import QColor

    tints = {label: entity_colour(label, dark=True) for label in ENTITY_COLOURS}
    for label, tint in tints.items():
        light = QColor(ENTITY_COLOURS[label])
        if light.hslHueF() >= 0:
            assert abs(tint.hslHueF() - light.hslHueF()) < 0.02, label
            assert tint.hslSaturationF() > 0.4, label  # a colour, not a grey-brown
        assert 0.2 < tint.lightnessF() < 0.4, label
    main = ("PERSON", "ORG", "GPE", "LOC", "MONEY", "PERCENT", "DATE")
    for i, a in enumerate(main):
        for b in main[i + 1:]:
            assert tints[a].name() != tints[b].name()
