"""Markdown extension: the HTML policy applied to what Markdown made, before anything else.

It runs after Markdown has put raw HTML back from its stash, and before the body's own
transforms (click-to-load embeds, scrollable tables), which add markup the policy does not
allow officers to write. It keeps the HTML as rendered for the reader's checks (which
report what is outside the policy, on its line) and passes on the sanitised HTML.
"""

from __future__ import annotations

from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor

from globe_core.html_policy import BODY, Policy, sanitise


class PolicyPostprocessor(Postprocessor):
    def __init__(self, md, extension):
        super().__init__(md)
        self.extension = extension

    def run(self, text):
        self.extension.rendered = text
        return sanitise(text, self.extension.policy)


class PolicyExtension(Extension):
    """Set `policy` before a conversion (BODY for a body, SUMMARY for a summary)."""

    def __init__(self, **kwargs):
        self.policy: Policy = BODY
        self.rendered = ""  # the last conversion's HTML, before sanitising
        super().__init__(**kwargs)

    def extendMarkdown(self, md):
        # after raw HTML (30), footnotes (25) and entities (20, 10); before the body's
        # transforms (globe_body, 0)
        md.postprocessors.register(PolicyPostprocessor(md, self), "globe_policy", 5)
