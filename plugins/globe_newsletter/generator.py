"""EditionsGenerator: edition files → resolved editions → email, text, web pages, manifest.

generate_context reads every edition and resolves its articles; their emails are rendered
and checked beside the build (a background job, with the email cache) while it writes the
articles. generate_output waits for them, and writes what was made; the build publishes
nothing when an email fails the gate.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property, partial
from itertools import repeat

from pelican.generators import Generator

from globe_core import background
from globe_core import context as keys
from globe_core.messages import _
from globe_core.problems import Problem, problem_log
from globe_core.settings import GlobeSettings
from globe_core.source import read_fields
from globe_core.versions import all_versions

from .edition import (
    ArticleIndex,
    Edition,
    duplicate_problems,
    edition_files,
    edition_notes,
    late_article_notes,
    read_edition,
    ready_problems,
    resolve_articles,
)
from .email_cache import EmailCache
from .email_images import EmailImage, prepare_email_image
from .email_worker import render_and_check, render_and_check_in_worker, start_worker
from .intro_links import site_paths
from .manifest import manifest_entry, manifest_json
from .render import EmailRenderer, RenderedEmail, email_templates_dir
from .view import (
    EditionView,
    archive_url,
    edition_url,
    edition_view,
    introduction_policy_problems,
)


@dataclass
class BuiltEdition:
    """One edition in one language, assembled and checked, ready to be written."""

    edition: Edition
    view: EditionView
    email: RenderedEmail
    problems: list[Problem] = field(default_factory=list)


class EditionAssembler:
    """Everything one edition needs, from the build's settings and context, to be built."""

    def __init__(self, settings: dict, context: dict):
        self.settings = settings
        self.context = context
        self.renderer_args = (email_templates_dir(settings["THEME"]),
                              os.path.join(settings["THEME"], "translations"),
                              settings["SITENAME"])
        self.renderer = EmailRenderer(*self.renderer_args)
        self.gate = (settings["SITEURL"], GlobeSettings.of(settings))
        self._images: dict[str, EmailImage | None] = {}

    def email_image(self, article) -> EmailImage | None:
        image = getattr(article, "image", None)
        if not image:
            return None
        if image not in self._images:
            source = os.path.join(self.settings["PATH"], image)
            self._images[image] = prepare_email_image(
                source, image, GlobeSettings.of(self.settings).newsletter_images_url)
        return self._images[image]

    @cached_property
    def site_paths(self) -> dict[str, str]:
        """Articles and pages by source path, for the introductions' links (read once:
        every article is read before the editions)."""
        return site_paths(self.context)

    def prepare(self, edition: Edition) -> tuple[EditionView, list[Problem]]:
        """What the templates place, from the edition's articles and their images."""
        images, problems, notes = {}, [], []
        for article in edition.articles:
            try:
                images[article.slug] = self.email_image(article)
            except OSError as error:
                problems.append(Problem(edition.path, edition.line_of("articles"),
                                        _("article `%(slug)s`: its image cannot be read "
                                          "(%(error)s)", slug=article.slug, error=error),
                                        _("replace the image file")))
                continue
            if getattr(article, "image", None) and images[article.slug] is None:
                notes.append(Problem(edition.path, edition.line_of("articles"),
                                     _("article `%(slug)s` has no image in the email: mail "
                                       "clients do not show SVG", slug=article.slug),
                                     _("give the article a JPEG, PNG or GIF image")))
        problem_log(self.settings).note(notes)
        view = edition_view(edition, self.settings, images,
                            self.context.get(keys.PAGES_BY_SLUG, {}), self.site_paths)
        return view, problems

    def assemble(self, edition: Edition) -> BuiltEdition:
        return self.assemble_all([edition])[0]

    def assemble_all(self, editions: list[Edition]) -> list[BuiltEdition]:
        return self.start_all(editions)()

    def start_all(self, editions: list[Edition]) -> Callable[[], list[BuiltEdition]]:
        """Start rendering and checking every email; call the result to wait for them.

        Emails made earlier from the same inputs come from the cache (email_cache.py).
        A few others are rendered here and now; many, where rendering dominates, go to
        worker processes (one per core) that work while the build writes the articles:
        the build waits only when it writes the editions."""
        prepared = [(edition, *self.prepare(edition)) for edition in editions]
        views = [view for _edition, view, _problems in prepared]
        cache = self.email_cache()
        keys = [cache.key(view) for view in views] if cache else []
        results = [cache.get(key) for key in keys] if cache else [None] * len(views)
        missing = [index for index, result in enumerate(results) if result is None]

        def keep(made) -> list[BuiltEdition]:
            for index, result in zip(missing, made, strict=True):
                results[index] = result
                if cache:
                    cache.put(keys[index], result)
            if cache:
                cache.forget_unused()
            return self._combine(prepared, results)

        if len(missing) < GlobeSettings.of(self.settings).newsletter_parallel_min:
            made = [render_and_check(self.renderer, views[i], self.gate) for i in missing]
            return lambda: keep(made)
        pool = ProcessPoolExecutor(max_workers=os.cpu_count() or 1,
                                   mp_context=multiprocessing.get_context("spawn"),
                                   initializer=start_worker, initargs=(self.renderer_args,))
        # Views are plain values; the Edition, which holds Pelican articles that link to
        # each other too deeply to pickle, stays in this process.
        pending = pool.map(render_and_check_in_worker, [views[i] for i in missing],
                           repeat(self.gate), chunksize=8)

        def wait() -> list[BuiltEdition]:
            try:
                return keep(list(pending))
            finally:
                pool.shutdown(cancel_futures=True)

        return wait

    def email_cache(self) -> EmailCache | None:
        folder = GlobeSettings.of(self.settings).cache_path
        return EmailCache(os.path.join(folder, "emails"), self.renderer_args,
                          self.gate) if folder else None

    @staticmethod
    def _combine(prepared, results) -> list[BuiltEdition]:
        return [BuiltEdition(edition, view, email,
                             problems + [p.to_problem(edition) for p in found])
                for (edition, view, problems), (email, found)
                in zip(prepared, results, strict=True)]


EMAILS_JOB = "edition-emails"


class EditionsGenerator(Generator):
    """One edition file → an email, a plain text and a web page, per language."""

    def generate_context(self):
        log = problem_log(self.settings)
        languages = tuple(GlobeSettings.of(self.settings).languages)
        editions = []
        for path in edition_files(GlobeSettings.of(self.settings).editions_path):
            edition, problems = read_edition(str(path), log.display_path(str(path)), languages)
            if edition is not None:
                # the HTML policy on what Markdown made of the introduction; a line the
                # edition's own checks already reported is not reported twice
                reported = {problem.line for problem in problems}
                intro = [p for p in introduction_policy_problems(
                    edition, self.settings.get("MARKDOWN")) if p.line not in reported]
                edition.complete = edition.complete and not intro
                problems += intro
            log.extend(problems)
            if edition is not None:
                editions.append(edition)
                log.extend(ready_problems(edition))
                log.note(edition_notes(edition))
        log.extend(duplicate_problems([e for e in editions if e.complete]))
        index = ArticleIndex.of(all_versions(self.context.get("articles", [])),
                                all_versions(self.context.get("drafts", [])))
        self.assembler = EditionAssembler(self.settings, self.context)
        left_out = _left_out_slugs(log, {edition.path for edition in editions})
        ready = []
        for edition in editions:
            problems = resolve_articles(edition, index, left_out)
            log.extend(problems)
            log.note(late_article_notes(edition))
            if not (problems or not edition.complete or not edition.articles):
                ready.append(edition)
        if not GlobeSettings.of(self.settings).draft_emails:
            # what a draft's email would show is checked by `globe check` (CI's first step)
            # and dev builds; a production build renders only what it publishes
            ready = [edition for edition in ready if edition.status == "ready"]
        self.editions = ready  # what will be built: known before the emails are rendered
        self._built: list[BuiltEdition] = []
        background.start(self.settings, EMAILS_JOB, self.assembler.start_all(ready),
                         self._keep)

    def _keep(self, built: list[BuiltEdition]) -> None:
        log = problem_log(self.settings)
        for one in built:
            log.extend(one.problems)
        if GlobeSettings.of(self.settings).production:
            # Drafts are checked like every edition, but only `ready` ones are published.
            built = [b for b in built if b.edition.status == "ready"]
        self._built = sorted(built, key=lambda b: (b.edition.date, b.edition.number),
                             reverse=True)

    @property
    def built(self) -> list[BuiltEdition]:
        """Every edition built, newest first; waits for the emails on first use."""
        background.finish(self.settings, EMAILS_JOB)
        return self._built

    # --- writing -----------------------------------------------------------------------

    def _write_bytes(self, relative: str, data: bytes) -> None:
        path = os.path.join(self.output_path, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(data)

    def generate_output(self, writer):
        settings = self.settings
        siteurl = settings["SITEURL"]
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        globe = GlobeSettings.of(settings)
        preview = globe.newsletter_preview and not globe.production
        numbers: dict[str, dict[str, BuiltEdition]] = {}
        for built in self.built:
            numbers.setdefault(built.edition.number, {})[built.edition.lang] = built
        entries, images = [], {}
        for built in self.built:
            edition, view = built.edition, built.view
            base = edition_url(settings, edition.lang, edition.number)
            self._write_bytes(base + "email.html", built.email.html.encode("utf-8"))
            self._write_bytes(base + "email.txt", built.email.text.encode("utf-8"))
            if preview:
                page = self.assembler.renderer.render_preview(view, built.email)
                self._write_bytes(base + "preview.html", page.encode("utf-8"))
            alternates = [(lang, f"{siteurl}/{edition_url(settings, lang, edition.number)}")
                          for lang in globe.languages
                          if lang in numbers[edition.number]]
            write(base + "index.html", self.get_template("edition"), self.context,
                  edition=edition, edition_view=view, lang=edition.lang,
                  alternates=alternates, url=base, template_name="edition",
                  archive_url=f"{siteurl}/{archive_url(settings, edition.lang)}",
                  preview_url=f"{siteurl}/{base}preview.html" if preview else None)
            for image in view.images:
                images[image.relative_path] = image.data
            entries.append(manifest_entry(built, {"web": base + "index.html",
                                                  "html": base + "email.html",
                                                  "text": base + "email.txt"}))
        for relative, data in sorted(images.items()):
            self._write_bytes(relative, data)
        self.write_archives(write)
        self._write_bytes(globe.newsletter_manifest,
                          manifest_json(entries, siteurl).encode("utf-8"))

    def write_archives(self, write):
        settings, siteurl = self.settings, self.settings["SITEURL"]
        languages = GlobeSettings.of(settings).languages
        alternates = [(lang, f"{siteurl}/{archive_url(settings, lang)}") for lang in languages]
        for lang in languages:
            url = archive_url(settings, lang)
            views = [b.view for b in self.built if b.edition.lang == lang]
            write(url + "index.html", self.get_template("newsletter_archive"), self.context,
                  lang=lang, editions=views, alternates=alternates, url=url,
                  template_name="newsletter_archive")


def _left_out_slugs(log, edition_paths: set[str]) -> dict[tuple[str, str], str]:
    """(slug, lang) -> the Markdown file that has them, for the files with problems (the
    build left them out): an edition listing one is told why, not that the article is
    missing."""
    left_out = {}
    for path in sorted({p.path for p in log.problems if p.path.endswith(".md")}
                       - edition_paths):
        full = path if os.path.isabs(path) else os.path.join(log.root, path)
        if os.path.isfile(full):
            fields = read_fields(full)
            if fields.get("slug") and fields.get("lang"):
                left_out.setdefault((fields["slug"], fields["lang"]), path)
    return left_out
