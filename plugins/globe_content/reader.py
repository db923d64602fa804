"""The Markdown reader for articles and pages: strict, line-aware, one pass per file."""

from __future__ import annotations

import html
import os
import re

from markdown import Markdown
from pelican.readers import BaseReader
from pelican.urlwrappers import Category, Tag

from globe_core.categories import category_key
from globe_core.dates import is_scheduled, parse_date
from globe_core.folders import RealFolders
from globe_core.html_policy import BODY, SUMMARY, marked_section_problems, policy_problems
from globe_core.languages import lang_prefix
from globe_core.nesting import nesting_problems
from globe_core.pelican_seams import localized
from globe_core.problems import problem_log
from globe_core.settings import GlobeSettings
from globe_core.source import decode_utf8, split_source
from globe_core.unconvertible import conversion_problem, time_limit
from globe_core.validators import split_list

from .anchors import (
    footnote_problems,
    id_problems,
    stray_attribute_lists,
    summary_footnote_problems,
    theme_ids,
)
from .body import BodyExtension
from .body_checks import image_problems
from .figures import FigureExtension
from .headings import check_headings, unconverted_headings
from .images import resolve_image
from .lists import list_notes
from .model import METADATA_KEYS, ContentRules, validate
from .parallel_read import Converted, convert, taken
from .references import check_references
from .sanitiser import PolicyExtension
from .trimmed_markdown import TrimmedMarkdown

_FIRST_PARAGRAPH = re.compile(r"<p>(.*?)</p>", re.DOTALL)
# Characters that could make a one-line summary more than plain text in Markdown
_MARKDOWN_SYNTAX = re.compile(r"[\\`*_{}\[\]<>&#!|~]|^\s*(?:[-+>]|\d+\.)\s")
_OUTER_P = re.compile(r"^<p>(.*)</p>$", re.DOTALL)
# A file with problems is read as "skip", so Pelican leaves it out; the build then fails.
SKIP = {"status": "skip"}


class GlobeMarkdownReader(BaseReader):
    enabled = True
    file_extensions = ["md", "markdown"]

    def __init__(self, settings):
        super().__init__(settings)
        self.rules = ContentRules.from_settings(settings)
        self.folders = RealFolders()  # a reader serves one build: folders do not move
        self.figures = FigureExtension(self.rules.content_root)
        self.body = BodyExtension(os.path.join(settings["THEME"], "translations"))
        self.policy = PolicyExtension()
        config = dict(settings.get("MARKDOWN", {}))
        extensions = [e for e in config.get("extensions", []) if e != "markdown.extensions.meta"]
        extensions += [name for name in config.get("extension_configs", {}) if
                       name not in extensions and name != "markdown.extensions.meta"]
        # Instances kept by the reader, reset per file: Pelican builds one per file.
        self.markdown = TrimmedMarkdown(lambda: Markdown(
            extensions=[*extensions, self.figures, self.policy, self.body],
            extension_configs=config.get("extension_configs", {}),
            output_format="html5",
        ))

    def kind_of(self, source_path: str) -> str:
        relative = os.path.relpath(source_path, self.rules.content_root)
        first = relative.replace(os.sep, "/").split("/", 1)[0]
        return "page" if first in self.settings.get("PAGE_PATHS", ["pages"]) else "article"

    def read(self, source_path):
        if not self.folders.inside(source_path, self.rules.content_root):
            return "", dict(SKIP)  # a link out of the content folder: see tree.py
        converted = taken(self.settings, source_path) or convert(self, source_path)
        if converted.problems:
            problem_log(self.settings).extend(converted.problems)
            return "", dict(SKIP)
        problem_log(self.settings).note(converted.notes)
        return converted.content, self.metadata(converted.source, converted.kind,
                                                converted.summary)

    def convert_file(self, source_path: str, raw: bytes) -> Converted:
        """The costly part of reading the file's bytes, and all of its checks: the same in
        a worker process (parallel_read.py) as here."""
        text, problems = decode_utf8(source_path, raw)
        if text is None:
            return Converted(source_path, problems)
        source, problems = split_source(source_path, text, METADATA_KEYS)
        kind = self.kind_of(source_path)
        problems += validate(source, kind, self.rules)
        problems += check_references(source, self.rules.content_root)
        problems += check_headings(source)
        problems += footnote_problems(source) + summary_footnote_problems(source)
        unparsable = marked_section_problems(source) + marked_section_problems(
            source, source.value("summary") or "", source.line_of("summary"))
        if unparsable:  # the HTML parsers after Markdown would raise on them
            return Converted(source_path, problems + unparsable)
        too_deep = nesting_problems(source_path, source.body, source.body_line) + \
            nesting_problems(source_path, source.value("summary") or "",
                             source.line_of("summary"))
        if too_deep:  # Markdown and the sanitiser would take too long, or fail
            return Converted(source_path, problems + too_deep)
        try:
            content = self.convert(source)
        except Exception as error:  # Markdown failed on this text: say where, go on
            problems.append(conversion_problem(source_path, source.body, source.body_line,
                                               error))
            return Converted(source_path, problems)
        problems += image_problems(source, self.figures.images, self.rules.content_root)
        problems += id_problems(source, content, theme_ids(self.settings["THEME"]))
        problems += stray_attribute_lists(source, content)
        problems += unconverted_headings(source, content)
        problems += policy_problems(source, self.policy.rendered, BODY,
                                    self.figures.written_srcs)
        try:
            summary, summary_problems = self.summary(source, content)
        except Exception as error:
            problems.append(conversion_problem(source_path, source.value("summary") or "",
                                               source.line_of("summary"), error))
            return Converted(source_path, problems)
        problems += summary_problems
        return Converted(source_path, problems, content, source, kind, summary,
                         list_notes(source))

    def convert(self, source) -> str:
        """The body as HTML: sanitised (sanitiser.py), embeds and tables made safe to use."""
        self.figures.source_path = os.path.abspath(source.path)
        self.body.lang = source.value("lang") or ""
        self.policy.policy = BODY
        with time_limit():  # TrimmedMarkdown resets its instance before each text
            return self.markdown.convert(source.body)

    def metadata(self, source, kind, summary: str) -> dict:
        lang = source.value("lang")
        metadata = {"source_lines": {k: f.line for k, f in source.fields.items()}}
        for key, found in source.fields.items():
            if not found.value.strip():
                continue  # `Status:` left empty is no status (validate() reports required keys)
            if key in ("date", "modified", "translation_of"):
                # validated already; Pelican's own parser (dateutil) is slower
                metadata[key] = parse_date(found.value)
            elif key not in ("category", "tags", "summary", "author"):
                metadata[key] = self.process_metadata(key, found.value.strip())
        metadata["status"] = metadata.get("status", "published").lower()
        if source.value("image"):
            metadata["image"] = resolve_image(source.value("image").strip(),
                                              os.path.abspath(source.path),
                                              self.rules.content_root)
        if kind == "article" and is_scheduled(metadata.get("date")):
            # previews show it with a banner; production leaves it out until its day
            metadata["scheduled"] = True
            if GlobeSettings.of(self.settings).production:
                metadata["status"] = "draft"
        prefix = lang_prefix(lang, self.settings["DEFAULT_LANG"])
        if kind == "article":
            key = category_key(source.value("category"), lang, self.rules.categories)
            metadata["category"] = localized(Category(self.rules.categories[key][lang],
                                                      self.settings), key, lang, prefix)
            tags = split_list(source.value("tags"))
            if tags:
                metadata["tags"] = [localized(Tag(t, self.settings), None, lang, prefix)
                                    for t in tags]
        if source.value("author"):
            metadata["author"] = self.process_metadata("author", source.value("author"))
        metadata["summary"] = summary
        return metadata

    def summary(self, source, content: str) -> tuple[str, list]:
        """The Summary line rendered inline (and its problems), or the body's first
        paragraph."""
        written = source.value("summary")
        if written and written.strip() and not _MARKDOWN_SYNTAX.search(written):
            return html.escape(written.strip(), quote=False), []  # plain text
        if written and written.strip():
            saved, self.figures.source_path = self.figures.source_path, ""
            self.body.lang, self.policy.policy = "", SUMMARY  # summaries are not bodies
            try:
                with time_limit():
                    rendered = self.markdown.convert(written.strip())
            finally:  # the next file's body is read with the body's policy
                self.figures.source_path, self.policy.policy = saved, BODY
            problems = policy_problems(source, self.policy.rendered, SUMMARY,
                                       first=source.line_of("summary"), text=written)
            match = _OUTER_P.match(rendered)
            return (match.group(1) if match else rendered), problems
        first = _FIRST_PARAGRAPH.search(content)
        return (first.group(1).strip() if first else ""), []
