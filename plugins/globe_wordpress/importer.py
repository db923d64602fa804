"""The import itself: plan every post and page, convert them, write them safely."""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from globe_core.messages import _
from globe_core.old_urls import OldUrl, OldUrlError, parse_old_url, site_folder_of
from globe_core.site_folders import SITE_FOLDERS
from globe_core.source import without_refused_characters

from . import category_map
from .html_to_markdown import BodyContext, plain_paragraphs, to_markdown
from .languages import item_language, translation_groups
from .ledger import KEPT, Ledger
from .media import MediaStore
from .names import LONGEST_FOLDER_NAME, LONGEST_SLUG, shorten, slugify
from .report import Report
from .shortcodes import expand
from .wxr import Item, read_export

PUBLISHED = ("publish", "future")
DRAFTS = ("draft", "pending", "private")
_UNTITLED = {"fr": "Sans titre", "nl": "Zonder titel", "en": "Untitled"}
_SIZE_SUFFIX = re.compile(r"-\d{2,5}x\d{2,5}(?=\.[A-Za-z0-9]+$)")
# The dates the content model takes (globe_content.schedule, which the import may not
# import): a post dated outside them would fail `globe check`, so it goes to needs-review/.
EARLIEST = dt.datetime(2000, 1, 1)
MOST_AHEAD = dt.timedelta(days=366)


@dataclass
class Options:
    export: str
    content: str = "content"
    uploads: str | None = None
    download: bool = False
    lang_default: str = "fr"
    languages: tuple[str, ...] = ("fr", "nl", "en")
    force: bool = False
    work: str | None = None  # ledger, categories file, report, needs-review/
    timeout: float = 15.0
    url_patterns: dict = field(default_factory=dict)  # the site's ARTICLE_URL…
    # the site's own folders (globe_core.site_folders), where no old address may lead
    site_folders: frozenset = SITE_FOLDERS | {"images", "documents", "fr", "nl", "en"}
    # The content model's own checks of one file, (path, bytes) -> [(line, message)], given
    # by the command (this library may not import the reader): a file they refuse goes to
    # needs-review/, never into content/.
    check: Callable[[str, bytes], list[tuple[int, str]]] | None = None

    @property
    def work_dir(self) -> str:
        return self.work or os.path.join(os.path.dirname(os.path.abspath(self.content)),
                                         "wordpress-import")


@dataclass
class Planned:
    item: Item
    kind: str  # article | page
    lang: str
    slug: str
    date: dt.datetime
    published: bool
    relative: str = ""  # under the content folder
    new_url: str = ""
    old_urls: list[OldUrl] = field(default_factory=list)


def _date(item: Item) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(item.date[:16], "%Y-%m-%d %H:%M")
    except ValueError:
        return None


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _plain(html_text: str) -> str:
    if not re.search(r"[<&]", html_text or ""):
        return _one_line(html_text)  # most excerpts and captions: no markup to parse
    spaced = re.sub(r"<(br|/p|/li|/h\d)\b", r" <\1", html_text or "")
    return _one_line(BeautifulSoup(spaced, "html.parser").get_text())


def _plain_or_words(html_text: str) -> str:
    try:
        return _plain(html_text)
    except Exception:  # noqa: BLE001 — as for the body: the words, without the parser
        return _one_line(plain_paragraphs(html_text))


class Importer:
    def __init__(self, options: Options):
        self.options = options
        self.content = os.path.abspath(options.content)
        self.work = options.work_dir
        self.report = Report(options.export)
        self.ledger = Ledger.load(os.path.join(self.work, "ledger.json"))
        self.export = read_export(options.export)
        self.site_url = self.export.site_url.rstrip("/")
        self.media = MediaStore(self.content, self.site_url, options.uploads, options.download,
                                options.timeout)
        for relative, digest in self.ledger.files.items():
            if relative.startswith("images/"):
                self.media.known_hashes.setdefault(digest, relative)
        attachments = self.export.of_type("attachment")
        self.attachments = {a.id: a for a in attachments}
        self.attachment_by_path = {}
        self.children = defaultdict(list)
        for attachment in sorted(attachments, key=lambda a: (a.menu_order, a.id)):
            self.attachment_by_path[urlsplit(attachment.attachment_url).path] = attachment
            self.children[attachment.parent].append(attachment.id)
        self.index: dict[str, str] = {}  # old URL key -> new address

    # -- planning ------------------------------------------------------------------------

    def plan(self) -> list[Planned]:
        default = self.options.lang_default
        wanted = [i for i in self.export.of_type("post", "page")
                  if i.status in PUBLISHED + DRAFTS]
        self.report.kinds["skipped"] = len(self.export.items) - len(wanted)
        groups = translation_groups(self.export, wanted)
        planned, by_group = [], defaultdict(list)
        for item in wanted:
            lang = item_language(item) or default
            if lang not in self.options.languages:
                self.report.note(f"{item.type} {item.id} ({item.link})", "unknown_language", lang)
                continue
            date = _date(item)
            if date is None:
                date = dt.datetime.now().replace(second=0, microsecond=0)
                self.report.note(f"{item.type} {item.id}", "bad_date", f"{date:%Y-%m-%d}")
            entry = Planned(item, "article" if item.type == "post" else "page", lang, "", date,
                            item.status in PUBLISHED and not item.password)
            planned.append(entry)
            by_group[groups[item.key]].append(entry)
        taken = self._slugs_in_content()
        for members in by_group.values():
            self._name_group(members, taken, default)
        for entry in planned:
            entry.new_url = self._new_url(entry)
            if entry.published:
                entry.old_urls = self._writable(entry, self._old_urls(entry))
                for old in entry.old_urls:
                    for variant in old.variants():
                        self.index.setdefault(variant.nginx_key(), entry.new_url)
        return planned

    def _slugs_in_content(self) -> set[tuple[str, str, str]]:
        """(kind, lang, slug) of files already in the content folder and not ours."""
        ours = set(self.ledger.posts.values())
        taken = set()
        for kind, folder in (("article", "articles"), ("page", "pages")):
            for root, _dirs, files in os.walk(os.path.join(self.content, folder)):
                for name in files:
                    relative = os.path.relpath(os.path.join(root, name), self.content)
                    match = re.match(r"(.+)\.([a-z]{2})\.md$", name)
                    if match and relative.replace(os.sep, "/") not in ours:
                        taken.add((kind, match.group(2), self._slug_of(root, name, match)))
        return taken

    @staticmethod
    def _slug_of(root, name, match) -> str:
        with open(os.path.join(root, name), encoding="utf-8", errors="replace") as file:
            for line in file:
                if not line.strip():
                    break
                if line.lower().startswith("slug:"):
                    return line.split(":", 1)[1].strip()
        return match.group(1)

    def _name_group(self, members: list[Planned], taken: set, default: str) -> None:
        """One slug shared by every translation; the default language's post names it."""
        members.sort(key=lambda e: (e.lang != default, e.item.id))
        remembered = [self.ledger.posts.get(e.item.key) for e in members]
        remembered = [path for path in remembered if path]
        if remembered:
            slug = os.path.basename(remembered[0]).rsplit(".", 2)[0]
        else:
            first = members[0].item
            slug = slugify(first.slug, most=None)
            shortened = len(slug) > LONGEST_SLUG  # its old address still redirects
            slug = (shorten(slug, LONGEST_SLUG) or slugify(first.title)
                    or f"post-{first.key}")
            if any((e.kind, e.lang, slug) in taken for e in members):
                suffix = f"-{first.key}"
                slug = shorten(slug, LONGEST_SLUG - len(suffix)) + suffix
        for entry in members:
            entry.slug = slug
            taken.add((entry.kind, entry.lang, slug))
            year = f"{entry.date:%Y}"
            entry.relative = self.ledger.posts.get(entry.item.key) or (
                f"articles/{year}/{slug}.{entry.lang}.md" if entry.kind == "article"
                else f"pages/{slug}.{entry.lang}.md")
            if not remembered and shortened:
                self.report.note(entry.relative, "long_slug", slug)

    def _new_url(self, entry: Planned) -> str:
        patterns = self.options.url_patterns
        kind = "ARTICLE" if entry.kind == "article" else "PAGE"
        name = f"{kind}_URL" if entry.lang == self.options.lang_default else f"{kind}_LANG_URL"
        pattern = patterns.get(name) or {
            "ARTICLE_URL": "{date:%Y}/{date:%m}/{slug}/",
            "ARTICLE_LANG_URL": "{lang}/{date:%Y}/{date:%m}/{slug}/",
            "PAGE_URL": "{slug}/", "PAGE_LANG_URL": "{lang}/{slug}/"}[name]
        return "/" + pattern.format(date=entry.date, slug=entry.slug, lang=entry.lang)

    def _old_urls(self, entry: Planned) -> list[OldUrl]:
        item = entry.item
        lang = "" if entry.lang == self.options.lang_default else entry.lang
        candidates = []
        unique = item.key == str(item.id)  # an id the export repeats names no single post
        if item.link and self.media.is_own(item.link) and unique:
            candidates.append(item.link)
        if entry.kind == "article" and item.slug:
            candidates.append(f"/{entry.date:%Y/%m}/{unquote(item.slug)}/"
                              + (f"?lang={lang}" if lang else ""))
        elif item.slug:
            candidates.append(self._page_path(item) + (f"?lang={lang}" if lang else ""))
        id_key = "p" if entry.kind == "article" else "page_id"
        if unique:
            candidates.append(f"/?{id_key}={item.id}")
            if lang:
                candidates.append(f"/?lang={lang}&{id_key}={item.id}")
        found = []
        for candidate in candidates:
            try:
                old = parse_old_url(candidate)
            except OldUrlError:
                continue
            # kept even when it is the new address too: if the slug changes one day, the
            # old address is redirected without anyone having to remember it
            if old not in found:
                found.append(old)
        return found

    def _writable(self, entry: Planned, old_urls: list[OldUrl]) -> list[OldUrl]:
        """Old addresses a redirect page can be written for: a part longer than a folder
        name cannot be one, and WordPress itself makes none (its names stop at 200); an
        address in a folder of the site's own (a WordPress page `/newsletter/`) is the
        site's, which `globe check` refuses to redirect."""
        kept = []
        for old in old_urls:
            if any(len(part.encode()) > LONGEST_FOLDER_NAME for part in old.path.split("/")):
                self.report.note(entry.relative, "long_old_url", f"{str(old)[:120]}…")
            elif site_folder_of(old.path, self.options.site_folders, self.options.languages):
                self.report.note(entry.relative, "own_old_url", str(old))
            else:
                kept.append(old)
        return kept

    def _page_path(self, item: Item) -> str:
        parts, seen = [], set()
        pages = {p.id: p for p in self.export.of_type("page")}
        while item is not None and item.id not in seen:
            seen.add(item.id)
            parts.append(unquote(item.slug))
            item = pages.get(item.parent)
        return "/" + "/".join(reversed(parts)) + "/"

    # -- writing -------------------------------------------------------------------------

    def link_for(self, href: str, year: str) -> str | None:
        """The new address of an old-site link: a page, or a file kept under content/."""
        parts = urlsplit(href)
        path = parts.path or "/"
        if "/wp-content/uploads/" in path:
            stored = self.media.document(href, self.media.year_of(href, year))
            return "{static}/" + stored if stored else None
        try:
            old = parse_old_url(path + (f"?{parts.query}" if parts.query else ""))
        except OldUrlError:
            return None
        new = self.index.get(old.nginx_key())
        if new is None and not old.has_query:
            new = self.index.get(OldUrl(path.rstrip("/") + "/").nginx_key())
        if new is None:
            return None
        return new + (f"#{parts.fragment}" if parts.fragment else "")

    def alt_for(self, url: str) -> str:
        path = urlsplit(url).path
        attachment = self.attachment_by_path.get(path) or self.attachment_by_path.get(
            _SIZE_SUFFIX.sub("", path))
        return _one_line(attachment.meta.get("_wp_attachment_image_alt", "")) \
            if attachment else ""

    def document(self, entry: Planned, categories: dict[str, str]) -> tuple[str, bool]:
        """The Markdown file, and whether it can go into the content folder as it is."""
        item, where = entry.item, entry.relative
        file_dir = os.path.dirname(os.path.join(self.content, entry.relative))
        context = BodyContext(self.content, file_dir, f"{entry.date:%Y}", entry.lang,
                              self.media, self.alt_for, self.link_for)
        complete, expanded = True, None
        try:
            expanded = expand(item.content, item.id, self.attachments, self.children)
            body = to_markdown(expanded.html, context)
        except Exception as error:  # noqa: BLE001 — one post's HTML must not stop the import
            # e.g. RecursionError from markdownify on 3000 nested <div>: the words are kept,
            # for someone to compare with the old page before it is published
            body = plain_paragraphs(expanded.html if expanded else item.content)
            complete = False
            self.report.note(where, "unconverted", f"{type(error).__name__}; "
                             f"{_one_line(item.title)[:120]} — {item.link or item.id}")
        else:
            for shortcode in expanded.unknown:
                self.report.note(where, "unknown_shortcode", shortcode)
        for note in context.notes:
            self.report.note(where, note.kind, note.detail)
        if entry.kind == "article" and \
                not EARLIEST <= entry.date <= dt.datetime.now() + MOST_AHEAD:
            complete = False
            self.report.note(where, "date_out_of_range", f"{entry.date:%Y-%m-%d}")
        if re.search(r"!\[\]\(", body):
            complete = False
            self.report.note(where, "missing_alt", item.link or str(item.id))
        title = _one_line(item.title)
        if not title:
            title = _UNTITLED.get(entry.lang, "Untitled")
            self.report.note(where, "untitled", title)
        meta = {"Title": title}
        if entry.kind == "article":
            meta["Date"] = f"{entry.date:%Y-%m-%d %H:%M}"
            key, unmapped = category_map.category_of(item, categories)
            for name in unmapped:
                self.report.note(where, "unmapped_category", f"`{name}`")
            meta["Category"] = key
        meta["Lang"] = entry.lang
        meta["Slug"] = entry.slug
        summary = _plain_or_words(item.excerpt)
        if summary:
            meta["Summary"] = summary
        tags = [_one_line(t.label).replace(",", " ") for t in item.terms_of("post_tag")]
        if tags and entry.kind == "article":
            meta["Tags"] = ", ".join(t for t in tags if t)
        author = self.export.authors.get(item.author) or item.author
        if author and entry.kind == "article":
            meta["Author"] = _one_line(author)
        meta.update(self._hero(entry, where))
        if not entry.published:
            meta["Status"] = "draft"
            if item.password:
                self.report.note(where, "password")
        if entry.old_urls:
            meta["Old_urls"] = " ".join(str(old) for old in entry.old_urls)
        head = "\n".join(f"{key}: {value}" for key, value in meta.items())
        return f"{head}\n\n{body}", complete

    def _hero(self, entry: Planned, where: str) -> dict[str, str]:
        attachment = self.attachments.get(int(entry.item.meta.get("_thumbnail_id", "0") or 0))
        if attachment is None or not attachment.attachment_url:
            return {}
        stored = self.media.image(attachment.attachment_url, f"{entry.date:%Y}")
        if stored is None:
            self.report.note(where, "failed_image", attachment.attachment_url)
            return {}
        alt = _one_line(attachment.meta.get("_wp_attachment_image_alt", ""))
        if not alt:
            self.report.note(where, "hero_without_alt", stored)
            return {}
        hero = {"Image": stored, "Image_alt": alt}
        caption = _plain(attachment.excerpt)
        if caption:
            hero["Image_caption"] = caption
        return hero

    def run(self) -> Report:
        categories_path = os.path.join(self.work, "categories.toml")
        categories = category_map.load(categories_path)
        planned = self.plan()
        documents = [(entry, *self._checked_document(entry, categories)) for entry in planned]
        # addresses not published: the posts put in needs-review/
        set_aside = {entry.new_url for entry, _text, complete in documents if not complete}
        for entry, converted, complete in documents:
            if complete:
                # unlinked before it is written: written once, and the same on every run
                text, unlinked = _unlinked(converted, set_aside)
                outcome = self.ledger.write(self.content, entry.relative, text,
                                            self.options.force)
                self.ledger.posts[entry.item.key] = entry.relative
                if outcome == KEPT:
                    self.report.note(entry.relative, "kept")
                for address in unlinked if outcome != KEPT else ():
                    self.report.note(entry.relative, "link", address)
            else:
                review = os.path.join(self.work, "needs-review", entry.relative)
                os.makedirs(os.path.dirname(review), exist_ok=True)
                with open(review, "w", encoding="utf-8") as file:
                    file.write(converted)
                outcome = "review"
            self.report.files[outcome] += 1
        self.ledger.files.update(self.media.written)
        used = category_map.categories_in([e.item for e in planned if e.kind == "article"])
        write_text(categories_path, category_map.render(used, categories, CATEGORIES_HEADER))
        self.ledger.save()
        return self.report

    def _checked_document(self, entry: Planned, categories: dict[str, str]
                          ) -> tuple[str, bool]:
        """The file's text, and whether it can go into content/: complete, and passed by
        the content model's own checks."""
        text, complete = self.document(entry, categories)
        # WordPress kept invisible controls and direction overrides (pasted from Word,
        # or hostile) that `globe check` refuses: removed here, and said so
        text, removed = without_refused_characters(text)
        if removed:
            self.report.note(entry.relative, "invisible", ", ".join(sorted(set(removed))))
        self.report.kinds[entry.kind] += 1
        refused = complete and self.options.check and self.options.check(
            os.path.join(self.content, entry.relative), text.encode("utf-8"))
        if refused:
            complete = False
            self.report.note(entry.relative, "refused", "; ".join(
                _("line %(line)s: %(message)s", line=line, message=message)
                for line, message in refused[:3]))
        return text, complete


def _unlinked(text: str, addresses: set[str]) -> tuple[str, list[str]]:
    """`text` with each Markdown link to one of `addresses` (a post put in needs-review/,
    so not on the site) replaced by what it shows: its words, or the image it wraps
    (`[![alt](image.jpg)](/2021/10/x/)`), as a link to a page that was not imported is;
    and the addresses unlinked."""
    if not addresses:
        return text, []
    target = re.compile(r"\]\((" + "|".join(map(re.escape, sorted(addresses)))
                        + r")(#[^)\s]*)?\)")
    parts, unlinked, done = [], [], 0
    for match in target.finditer(text):
        opening = _opening_bracket(text, match.start())
        if opening is None or opening < done:
            continue  # `]` closes no `[`: not a link
        parts += [text[done:opening], text[opening + 1:match.start()]]
        unlinked.append(match.group(1))
        done = match.end()
    return "".join(parts) + text[done:], sorted(set(unlinked))


def _opening_bracket(text: str, closing: int) -> int | None:
    """Where the `[` that the `]` at `closing` closes is, counting the brackets in
    between (an image's `![alt]`, `[sic]`) and skipping escaped ones (`\\[`); a link
    never spans a blank line, so no further back than its paragraph's start."""
    depth = 0
    for position in range(closing, text.rfind("\n\n", 0, closing), -1):
        if text[position] not in "[]" or _escaped(text, position):
            continue
        depth += 1 if text[position] == "]" else -1
        if depth == 0:
            return position
    return None


def _escaped(text: str, position: int) -> bool:
    """Whether the character at `position` follows an odd number of backslashes."""
    before = position
    while before > 0 and text[before - 1] == "\\":
        before -= 1
    return (position - before) % 2 == 1


CATEGORIES_HEADER = """WordPress categories -> the site's categories (see docs/migration.md).
Put a key on the right of each WordPress category, then run the import again.
An empty value ("") files the posts under `varia` and lists them in the report."""


def write_text(path: str, text: str) -> None:
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


def run_import(options: Options) -> tuple[Report, MediaStore, float, str]:
    started = time.perf_counter()
    importer = Importer(options)
    report = importer.run()
    report_path = os.path.join(importer.work, "report.md")
    write_text(report_path, report.markdown(importer.media.failures))
    return report, importer.media, time.perf_counter() - started, report_path
