"""Full-text search over titles, texts, notes and sources, kept current by the database itself."""

import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossator.core.store import (
    add_article_note,
    add_note,
    add_source,
    best_hit_per_article,
    delete_article,
    delete_note,
    delete_source,
    search,
    update_note,
    update_source,
)
from glossator.core.store.search_index import MARK_END, MARK_START, fts_query


def _kinds(query):
    return sorted((hit.kind, hit.article_id) for hit in search(query))


def test_text_title_and_source_path_are_found(article_row):
    assert _kinds("plunged") == [("article", article_row.id)]
    assert _kinds("Disrupts") == [("article", article_row.id)]
    assert _kinds("deepseek.txt") == [("article", article_row.id)]
    assert search("zeppelin") == []


def test_words_are_all_required_in_any_order_and_phrases_kept_together(article_row):
    assert _kinds("cap market") == [("article", article_row.id)]
    assert _kinds('"market cap"') == [("article", article_row.id)]
    assert search('"cap market"') == []
    assert search("market zeppelin") == []


def test_the_last_word_is_a_prefix_while_typing(article_row):
    assert _kinds("Andree") == [("article", article_row.id)]
    assert search("Andree ") == []  # a finished word is a whole word


def test_case_and_accents_do_not_matter(make_article):
    from glossator.core.store import save_article

    row = save_article(make_article(text="The café in Zürich was crowded.", title="Cafés"))
    assert _kinds("CAFE zurich") == [("article", row.id)]


def test_notes_follow_every_change(article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    note = add_note(article_row.id, start, end, "Compare with the Reuters tick data")
    assert _kinds("Reuters") == [("note", article_row.id)]
    update_note(note.id, "Compare with the Bloomberg terminal")
    assert search("Reuters") == []
    assert _kinds("Bloomberg") == [("note", article_row.id)]
    delete_note(note.id)
    assert search("Bloomberg") == []
    add_article_note(article_row.id, "Whole-article remark about zeppelins")
    assert _kinds("zeppelins") == [("note", article_row.id)]


def test_sources_are_found_by_title_address_and_note(article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    source = add_source(article_row.id, start, end, "https://example.org/nasdaq-filing", "Exchange filing",
                        "refutes", "Closing price differs")
    assert _kinds("filing") == [("source", article_row.id)]
    assert _kinds("nasdaq") == [("source", article_row.id)]
    assert _kinds("closing price") == [("source", article_row.id)]
    update_source(source.id, title="Quarterly report")
    assert _kinds("quarterly") == [("source", article_row.id)]
    delete_source(source.id)
    assert search("quarterly") == []


def test_deleting_an_article_removes_everything_it_held(article_row, span_of):
    start, end = span_of(article_row.text, "plunged by 17%")
    add_note(article_row.id, start, end, "zeppelin note")
    add_source(article_row.id, start, end, "https://example.org/z", "zeppelin source")
    delete_article(article_row.id)
    assert search("zeppelin") == search("plunged") == []


def test_snippets_mark_the_words_found(article_row):
    [hit] = search("Andreessen")
    assert f"{MARK_START}Andreessen{MARK_END}" in hit.snippet
    assert "[Andreessen]" in hit.plain_snippet("[", "]")


def test_best_hit_per_article_prefers_the_better_match(article_row, span_of):
    start, end = span_of(article_row.text, "17%")
    add_note(article_row.id, start, end, "resources resources resources")
    best = best_hit_per_article("resources")
    assert list(best) == [article_row.id]
    assert best[article_row.id].kind in {"note", "article"}


def test_a_write_from_another_connection_is_indexed(glossator_db, article_row, span_of):
    # The triggers live in the file: the command line or a second window keep the index right.
    connection = sqlite3.connect(glossator_db)
    with connection:
        connection.execute(
            "INSERT INTO note (article_id, annotation_id, body, created, updated) "
            "VALUES (?, NULL, 'written elsewhere: quokka', datetime('now'), datetime('now'))",
            (article_row.id,),
        )
    connection.close()
    assert _kinds("quokka") == [("note", article_row.id)]


def test_query_syntax_is_never_passed_through():
    assert fts_query('NEAR(a b) AND "x" OR -y*') == '"NEAR" "a" "b" "AND" "x" "OR" "y"'
    assert fts_query("   ") == fts_query('"') == fts_query("***") == ""
    assert fts_query("share pri") == '"share" "pri"*'


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_no_query_can_fail(article_row, query):
    # The library is only read here, so one library serves every example.
    for hit in search(query):
        assert hit.article_id == article_row.id
