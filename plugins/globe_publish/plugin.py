"""Signal wiring of the publishing plugin. Receivers are module-level: Pelican holds weak refs."""

from __future__ import annotations

import os
import re
from urllib.parse import quote, unquote

from pelican import signals
from pelican.generators import ArticlesGenerator, PagesGenerator

from globe_core import background, written_files
from globe_core.languages import lang_prefix
from globe_core.messages import _
from globe_core.problems import problem_log
from globe_core.settings import GlobeSettings
from globe_core.startup import at_initialized

from .fingerprint import asset_url_function, rename_theme_assets
from .internal_links import CHECKED, broken_links
from .precompress import compressible, precompress

SOURCES = "globe_output_sources"  # {output file: source file}, kept in the build settings
LINK_CHECK_INPUT = "globe_link_check_input"  # its written_files.Follower, until finalized


def install_asset_url(generator):
    if hasattr(generator, "env"):
        generator.env.globals["asset_url"] = asset_url_function(generator.settings)


def _content_sources(generator) -> dict[str, str]:
    items = []
    if isinstance(generator, ArticlesGenerator):
        items = [*generator.articles, *generator.translations, *generator.drafts,
                 *generator.drafts_translations]
    elif isinstance(generator, PagesGenerator):
        items = [*generator.pages, *generator.translations, *generator.hidden_pages,
                 *generator.hidden_translations, *generator.draft_pages,
                 *generator.draft_translations]
    return {item.save_as: item.source_path for item in items if item.save_as}


def _edition_sources(generator, settings) -> dict[str, str]:
    """The editions generator names what it builds `editions` (their emails are still
    being rendered now)."""
    pattern = GlobeSettings.of(settings).newsletter_edition_url
    sources = {}
    for edition in getattr(generator, "editions", []):
        base = pattern.format(lang_prefix=lang_prefix(edition.lang, settings["DEFAULT_LANG"]),
                              number=edition.number)
        for name in ("index.html", "email.html", "email.txt", "preview.html"):
            sources[base + name] = edition.path
    return sources


def remember_sources(generators):
    """Which source file made which output file, to name it in link problems."""
    if not generators:
        return
    settings = generators[0].settings
    sources = {}
    for generator in generators:
        sources.update(_content_sources(generator))
        sources.update(_edition_sources(generator, settings))
    settings[SOURCES] = sources


# What comes before an address in Markdown or HTML: a slash or parenthesis (`(../x.jpg)`,
# `/x/)`), an angle bracket (`(<a b.html>)`), a quote or `=` (raw HTML), a reference
# definition (`[b]: x.html`)
_ADDRESS_BEFORE = r"(?:[/(<\"'=]|\]:[ \t]*)"


def _line_of(source: str, url: str) -> int:
    """The first line of the source that links to the URL's last path part, as written or
    percent-encoded; 0 if none does."""
    tail = url.split("?", maxsplit=1)[0].split("#", maxsplit=1)[0].rstrip("/").rsplit("/", 1)[-1]
    if not tail or not os.path.isfile(source):
        return 0
    spellings = "|".join(map(re.escape, dict.fromkeys((tail, unquote(tail), quote(tail)))))
    mention = re.compile(f"{_ADDRESS_BEFORE}(?:{spellings})" + r"(?![\w.-])")
    with open(source, encoding="utf-8", errors="replace") as file:
        for number, line in enumerate(file, 1):
            if mention.search(line):
                return number
    return 0


def start_link_check(generator):
    """`article_generator_finalized` receiver (the articles are read, and nothing is
    written yet; see background.start_fed_process): the link check starts, and reads each
    file as soon as it is written (written_files.py), on the cores the build leaves
    idle. The search index's files join the output after the check has read the rest:
    they are checked once the index is in."""
    settings = generator.settings
    if not GlobeSettings.of(settings).check_internal_links:
        return
    output, siteurl = settings["OUTPUT_PATH"], settings["SITEURL"]

    def report(found):
        background.finish(settings, background.SEARCH_INDEX_JOB)  # its files are read too
        added = [os.path.join(output, name) for name in written_files.listing(settings)
                 if name.endswith(CHECKED) and name not in follower.sent]
        report_broken_links(settings, [*found, *broken_links(output, siteurl, added)])

    feed = background.start_fed_process(settings, "link-check", broken_links,
                                        (output, siteurl), report, yields=True)
    follower = settings[LINK_CHECK_INPUT] = written_files.follow(output, feed, CHECKED)


def finish_output(pelican):
    """The output is complete but for the search index, still being made: the link check
    gets the files written without Pelican's writer, and the output is compressed now,
    beside the build's own last check (foreign loads, in globe build)."""
    settings = pelican.settings
    typed = GlobeSettings.of(settings)
    if typed.fingerprint_assets:
        rename_theme_assets(settings)
    output = settings["OUTPUT_PATH"]
    follower = settings.pop(LINK_CHECK_INPUT, None)
    if follower is not None:
        written_files.end(follower, (name for name in written_files.listing(settings)
                                     if name.endswith(CHECKED)))
    if typed.precompress and not problem_log(settings):
        files = compressible(output, written_files.listing(settings))
        # zlib lets go of the GIL: a thread keeps the second core busy
        background.start(settings, "precompress", lambda: precompress(files),
                         lambda _n: precompress(sorted(
                             set(compressible(output, written_files.listing(settings)))
                             - set(files))))


def report_broken_links(settings, found):
    """Each broken link once, against the source file that holds it.

    A link written in an article also shows in listings and feeds: it is reported once, on
    the article (the line that holds it). Links no source file holds come from the theme's
    templates or the settings.
    """
    sources = settings.get(SOURCES, {})
    log = problem_log(settings)
    in_content, from_templates = {}, {}
    for broken in found:
        if os.path.isfile(broken.target):
            continue  # a file installed since the check read the output (the search index)
        source = sources.get(broken.page)
        line = _line_of(source, broken.url) if source else 0
        if line:
            in_content.setdefault((source, broken.url), (line, broken.page))
        else:
            from_templates.setdefault(broken.url, broken.page)
    for (source, url), (line, page) in sorted(in_content.items()):
        log.add(source, line, _("broken link to %(url)s (in %(page)s)", url=url, page=page),
                _("link to a page, file or image that exists, or remove the link"))
    written = {url for _source, url in in_content}
    for url, page in sorted(from_templates.items()):
        if url not in written:
            log.add(os.path.join(settings["THEME"], "templates"), 0,
                    _("broken link to %(url)s (in %(page)s)", url=url, page=page),
                    _("this page is made from the theme's templates: fix the template or "
                      "the setting that makes this link"))


def register():
    signals.initialized.connect(at_initialized)
    signals.generator_init.connect(install_asset_url)
    signals.all_generators_finalized.connect(remember_sources)
    signals.article_generator_finalized.connect(start_link_check)
    signals.content_written.connect(written_files.pass_written)
    signals.feed_written.connect(written_files.pass_written)
    signals.finalized.connect(finish_output)
