"""User options (typed, with defaults) and window state, kept in QSettings."""

from __future__ import annotations

import hashlib
import json

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
MAX_PLACES = 200  # reading positions remembered per library
THEMES = ("system", "light", "dark")


class Settings:
    """Typed access to Glossator's QSettings: options apart from window state."""

    def __init__(self, qsettings: QSettings | None = None):
        self._s = qsettings or QSettings("Glossator", "Glossator")

    def _get(self, key: str, default, kind):
        value = self._s.value(key, default)
        try:
            if kind is bool:
                return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
            return kind(value)
        except (TypeError, ValueError):
            return default

    # -- options -----------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._get("options/theme", "system", str)
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        self._s.setValue("options/theme", value if value in THEMES else "system")

    @property
    def zoom(self) -> int:
        return self._get("options/zoom", 0, int)

    @zoom.setter
    def zoom(self, value: int) -> None:
        self._s.setValue("options/zoom", int(value))

    @property
    def min_claim_score(self) -> float:
        return min(1.0, max(0.0, self._get("options/min_claim_score", 0.5, float)))

    @min_claim_score.setter
    def min_claim_score(self, value: float) -> None:
        self._s.setValue("options/min_claim_score", float(value))

    @property
    def show_claims(self) -> bool:
        return self._get("options/show_claims", True, bool)

    @show_claims.setter
    def show_claims(self, value: bool) -> None:
        self._s.setValue("options/show_claims", bool(value))

    @property
    def show_highlights(self) -> bool:
        return self._get("options/show_highlights", True, bool)

    @show_highlights.setter
    def show_highlights(self, value: bool) -> None:
        self._s.setValue("options/show_highlights", bool(value))

    @property
    def hidden_entity_types(self) -> set[str]:
        value = self._s.value("options/hidden_entity_types", "")
        items = value if isinstance(value, list) else str(value or "").split(",")
        return {item for item in items if item}

    @hidden_entity_types.setter
    def hidden_entity_types(self, value: set[str]) -> None:
        self._s.setValue("options/hidden_entity_types", ",".join(sorted(value)))

    # -- where the reader was ----------------------------------------------------------
    def _places_key(self, library: str) -> str:
        return "reading/" + hashlib.sha1(library.encode("utf-8")).hexdigest()[:16]

    def _places(self, library: str) -> dict:
        try:
            value = json.loads(str(self._s.value(self._places_key(library), "") or "{}"))
        except ValueError:
            return {}
        return value if isinstance(value, dict) else {}

    def last_article(self, library: str) -> int | None:
        """The article last read in the library at ``library`` (its file path), if any."""
        value = self._places(library).get("last")
        return value if isinstance(value, int) else None

    def reading_offset(self, library: str, article_id: int) -> int:
        """Where the reader left an article: the text offset at the top of the view."""
        value = self._places(library).get("offsets", {}).get(str(article_id), 0)
        return value if isinstance(value, int) and value >= 0 else 0

    def set_reading_place(self, library: str, article_id: int, offset: int) -> None:
        places = self._places(library)
        offsets = {k: v for k, v in places.get("offsets", {}).items() if k != str(article_id)}
        offsets[str(article_id)] = max(0, int(offset))
        # The most recently read come last; the oldest are forgotten first.
        kept = dict(list(offsets.items())[-MAX_PLACES:])
        self._s.setValue(self._places_key(library), json.dumps({"last": article_id, "offsets": kept}))

    # -- recent files ------------------------------------------------------------------
    @property
    def recent_files(self) -> list[str]:
        value = self._s.value("recent/files", [])
        if isinstance(value, str):
            value = [value] if value else []
        if not isinstance(value, list):
            return []
        return [str(v) for v in value][:MAX_RECENT]

    def add_recent_file(self, path: str) -> None:
        files = [path] + [p for p in self.recent_files if p != path]
        self._s.setValue("recent/files", files[:MAX_RECENT])

    def clear_recent_files(self) -> None:
        self._s.setValue("recent/files", [])

    # -- window state ------------------------------------------------------------------
    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self._s.value("window/geometry"), self._s.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self._s.setValue("window/geometry", geometry)
        self._s.setValue("window/state", state)

    def sync(self) -> None:
        self._s.sync()
