"""`globe import wordpress`: bring a WordPress export (WXR) into the content model.

Data flows one way: export file (wxr) -> items with languages and translation groups
(languages) -> Markdown bodies (shortcodes, html_to_markdown, media, links) -> files
written without clobbering an officer's edits (ledger) -> summary and report (report).
"""
