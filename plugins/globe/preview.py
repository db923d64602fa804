"""The fast preview of `globe serve`: after a save, rebuild only the saved article.

A full build of a 13-year archive takes tens of seconds; an officer wants to see the
article they just saved. The preview runs Pelican on the saved file and its translations
(plus the pages, for the navigation), in the warm server process, into a scratch folder,
and copies the article's own pages into the served site. Links to other articles and
images are resolved from the URL map the last full build left (`.cache/dev/urls.json`),
so the preview's page links exactly where the full build's will. The full build follows
in the background and brings listings, feeds, editions and neighbours up to date.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from types import SimpleNamespace

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import Writer

from globe_core.settings import GlobeSettings
from globe_site.listings import LanguageListingsGenerator

from . import build as builds

PREVIEW_KEY = "GLOBE_PREVIEW"  # settings key: {"pages": [], "urls": {...}} in a preview
URL_MAP_KEY = "GLOBE_URL_MAP"  # settings key: where a full build writes its URL map
CHOSEN_KEY = "GLOBE_CHOSEN_FILES"  # settings key: {family, chosen, output, written}
FIRST_LOOK_ARTICLES = 60  # the home page shows the newest ten of each language
# Previews and first looks run in the server process, beside its threads: no forked readers
# (a fork copies whatever lock a thread holds); they read few files anyway.
IN_SERVER = {"GLOBE_READ_PARALLEL_MIN": 10**9, "GLOBE_WRITE_PARALLEL_MIN": 10**9}


class _KnownElsewhere(dict):
    """Pelican's content lookup, falling back to what the last full build knew."""

    def __init__(self, found: dict, known: dict, content_root: str | None = None):
        super().__init__(found)
        self.known = known
        self.content_root = content_root

    def get(self, key, default=None):
        if key in self:
            return self[key]
        if key in self.known:
            return SimpleNamespace(url=self.known[key])
        if self.content_root and os.path.isfile(os.path.join(self.content_root, key)):
            return SimpleNamespace(url=key)  # a static file: published at its own path
        return default


def _preview_links(generators):
    """all_generators_finalized receiver: in a preview, resolve links to unread files."""
    settings = generators[0].settings
    globe = GlobeSettings.of(settings)
    preview = globe.preview
    context = generators[0].context
    if preview is not None:
        # a first look has no URL map yet: a link to an article it did not read points at
        # the source file until the full build replaces the page a few seconds later
        context["generated_content"] = _KnownElsewhere(
            context["generated_content"], preview["urls"],
            settings["PATH"] if preview.get("first_look") else None)
        context["static_content"] = _KnownElsewhere(context["static_content"], {},
                                                    settings["PATH"])
    elif globe.url_map:
        urls = {path: content.url for path, content in context["generated_content"].items()
                if getattr(content, "url", None)}
        path = globe.url_map
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(f"{path}.part", "w", encoding="utf-8") as file:
            json.dump(urls, file)
        os.replace(f"{path}.part", path)


def _remember_pages(generator):
    """article_generator_finalized receiver: the pages a preview has to copy."""
    preview = GlobeSettings.of(generator.settings).preview
    if preview is not None:
        for article in (generator.articles + generator.translations + generator.drafts
                        + generator.drafts_translations):
            if article.save_as:
                preview["pages"].append(article.save_as)


signals.all_generators_finalized.connect(_preview_links)
signals.article_generator_finalized.connect(_remember_pages)


def url_map_path(cache_root: str) -> str:
    return os.path.join(cache_root, "dev", "urls.json")


def article_family(path: Path) -> list[Path]:
    """The saved file and its translations: same folder, same name before `.lang.md`."""
    stem = path.name.split(".")[0]
    return sorted(p for p in path.parent.glob(f"{stem}.*md") if p.is_file())


def is_article(path: Path, content_root: Path) -> bool:
    try:
        relative = path.resolve().relative_to(content_root.resolve())
    except ValueError:
        return False
    return relative.parts[:1] == ("articles",) and path.suffix == ".md" and path.is_file()


def preview(settings: dict, article: Path, output: str, url_map: str):
    """Build `article` (and its translations) into `output`; (problems, pages written)."""
    content_root = Path(settings["PATH"])
    family = [str(p.resolve().relative_to(content_root.resolve()))
              for p in article_family(article)]
    try:
        with open(url_map, encoding="utf-8") as file:
            urls = json.load(file)
    except (OSError, ValueError):
        urls = {}
    state = {"pages": [], "urls": urls}
    with tempfile.TemporaryDirectory(prefix="globe-preview-") as scratch, \
            tempfile.TemporaryDirectory(prefix="globe-no-editions-") as no_editions:
        problems = builds.run_pelican({
            **settings, "OUTPUT_PATH": scratch, "ARTICLE_PATHS": family,
            "STATIC_PATHS": [], "GLOBE_EDITIONS_PATH": no_editions,
            "GLOBE_SEARCH_INDEX": False, PREVIEW_KEY: state, **IN_SERVER})
        if problems:
            return problems, []
        written = []
        for page in state["pages"]:
            target = os.path.join(output, page)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(scratch, page), target)
            written.append(page)
        for folder in ("images", "thumbnails"):  # widths and cards of a new image
            made_here = Path(scratch) / folder
            for made in made_here.rglob("*") if made_here.is_dir() else ():
                target = Path(output) / made.relative_to(scratch)
                if made.is_file() and not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(made, target)
    return [], written


def listings_preview(settings: dict, article: Path, output: str):
    """After `preview`: the listings and feeds that show `article` (and its translations),
    and its neighbours' pages, written from every article into `output`; (problems, files).

    Every article is read (from the read cache: an edit leaves the others' entries valid),
    but only those files are written (with every page of a paginated listing): seconds,
    not the whole build. The full build that follows still rewrites everything.
    """
    family = {str(p.resolve()) for p in article_family(article)}
    with tempfile.TemporaryDirectory(prefix="globe-listings-") as scratch, \
            tempfile.TemporaryDirectory(prefix="globe-no-editions-") as no_editions:
        state = {"family": family, "chosen": set(), "output": scratch, "written": []}
        problems = builds.run_pelican({
            **settings, "OUTPUT_PATH": scratch, "GLOBE_EDITIONS_PATH": no_editions,
            "GLOBE_SEARCH_INDEX": False, "STATIC_CREATE_LINKS": True,
            "GLOBE_LISTINGS_PREVIEW": True, CHOSEN_KEY: state, **IN_SERVER})
        if problems:
            return problems, []
        for name in state["written"]:
            target = os.path.join(output, name)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(scratch, name), target)
    return [], sorted(state["written"])


def _choose_listings(generators):
    """all_generators_finalized receiver: in a listings preview, what shows the family."""
    settings = generators[0].settings
    state = settings.get(CHOSEN_KEY)
    if state is None:
        return
    articles = next(g for g in generators if isinstance(g, ArticlesGenerator))
    family = [a for a in articles.articles + articles.translations
              if os.path.realpath(a.source_path) in state["family"]]
    listings = next(g for g in generators if isinstance(g, LanguageListingsGenerator))
    chosen = listings.files_showing(family)
    for member in family:  # the neighbours' pages show its title
        for neighbour in (getattr(member, "newer_in_category", None),
                          getattr(member, "older_in_category", None)):
            if neighbour is not None and neighbour.save_as:
                chosen.add(neighbour.save_as)
    state["chosen"] = chosen


class ChosenFilesWriter(Writer):
    """Pelican's writer, writing only the files a listings preview chose."""

    def write_file(self, name, *args, **kwargs):
        if self._chosen(name):
            super().write_file(name, *args, **kwargs)

    def write_feed(self, elements, context, path=None, url=None, *args, **kwargs):
        if self._chosen(path):
            return super().write_feed(elements, context, path, url, *args, **kwargs)
        return None

    def _chosen(self, name) -> bool:
        return name in self.settings[CHOSEN_KEY]["chosen"]


def _writer_for_listings(pelican):
    """get_writer receiver: a listings preview writes only what it chose."""
    return ChosenFilesWriter if CHOSEN_KEY in pelican.settings else None


def _remember_written(path, context=None, **_signal):
    """content_written and feed_written receiver: every file a listings preview wrote
    (a paginated listing writes several from one chosen name)."""
    state = (context or {}).get(CHOSEN_KEY)
    if state is not None:
        state["written"].append(os.path.relpath(path, state["output"]).replace(os.sep, "/"))


signals.all_generators_finalized.connect(_choose_listings)
signals.get_writer.connect(_writer_for_listings)
signals.content_written.connect(_remember_written)
signals.feed_written.connect(_remember_written)


_DATE_LINE = re.compile(rb"^Date:[ \t]*(\S+)", re.MULTILINE | re.IGNORECASE)


def newest_articles(content_root: Path, count: int) -> list[str]:
    """The `count` newest article files (by their Date line) and their translations,
    relative to the content folder."""
    dated = []
    for path in (content_root / "articles").rglob("*.md"):
        with path.open("rb") as file:
            found = _DATE_LINE.search(file.read(2048))
        dated.append((found.group(1) if found else b"", path))
    chosen = {family_member for _date, path in sorted(dated, reverse=True)[:count]
              for family_member in article_family(path)}
    return sorted(str(p.relative_to(content_root)) for p in chosen)


def first_look(settings: dict, output: str, count: int = FIRST_LOOK_ARTICLES):
    """An empty output folder: build the newest articles and the pages into it at once,
    so the home page and the latest articles are served within seconds; the full build
    (listings beyond the first page, the archive, editions, search) replaces it."""
    content_root = Path(settings["PATH"])
    state = {"pages": [], "urls": {}, "first_look": True}
    with tempfile.TemporaryDirectory(prefix="globe-no-editions-") as no_editions:
        return builds.build({**settings, "ARTICLE_PATHS": newest_articles(content_root, count),
                             "GLOBE_EDITIONS_PATH": no_editions, "GLOBE_SEARCH_INDEX": False,
                             PREVIEW_KEY: state, **IN_SERVER}, output)
