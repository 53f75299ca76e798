"""The file formats Glossator writes and reads back: its annotated Markdown
(``glossator_markdown``, written and re-read in one place), W3C Web Annotation JSON-LD
(``web_annotation``) and the file names exports get (``file_names``)."""
