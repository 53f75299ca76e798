"""User options (typed, with defaults) and window state, kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 10
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
