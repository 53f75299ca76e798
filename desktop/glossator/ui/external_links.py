"""Opening a source's link in the system browser or mail client, for safe kinds of link only.

Sources are typed or pasted by the reader and notes may contain any link, so nothing but web,
mail and DOI addresses is ever handed to the desktop (a ``file:`` or ``javascript:`` link
would run or open something local). DOIs open through https://doi.org/.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from glossator.core.formats.glossator_markdown.links import link_target

OPENABLE_SCHEMES = ("http", "https", "mailto")


def openable_url(url: str | QUrl) -> QUrl | None:
    """The address to open for a link, or None when Glossator will not open it."""
    text = url.toString(QUrl.ComponentFormattingOption.FullyEncoded) if isinstance(url, QUrl) else url
    target = link_target(text or "")
    if target is None:
        return None
    qurl = QUrl(target, QUrl.ParsingMode.TolerantMode)
    if not qurl.isValid() or qurl.scheme().lower() not in OPENABLE_SCHEMES:
        return None
    return qurl


def open_link(url: str | QUrl) -> bool:
    """Open a web, mail or DOI link with the desktop's handler; False if it is not one of those."""
    qurl = openable_url(url)
    return qurl is not None and QDesktopServices.openUrl(qurl)
