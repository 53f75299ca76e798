"""Getting the window into a state to test: the sample article stored, analysed and shown."""

from glossator.core.services import articles
from tests.samples import SAMPLE_ARTICLE


def analysed_sample(qtbot, window) -> int:
    """Import the sample, wait for its analysis, and show it with its marks; its id."""
    stored = articles.import_file(SAMPLE_ARTICLE).value.article
    done = []
    window.controller.analysis_finished.connect(lambda aid, ran: done.append(aid))
    window.show_article(stored.id)
    qtbot.waitUntil(lambda: stored.id in done, timeout=120_000)
    window.session.show_article(None)
    window.show_article(stored.id)
    return stored.id
