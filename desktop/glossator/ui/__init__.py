"""The desktop window (PySide6). A thin face over glossator.core; it owns no data."""
