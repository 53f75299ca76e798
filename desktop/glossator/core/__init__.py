"""Glossator's core: readers, NLP, storage and export. Never imports Qt."""
