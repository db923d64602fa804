"""Dev builds only: a page listing, for every article, page and edition, its languages."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator

from globe_core.languages import lang_prefix
from globe_core.settings import GlobeSettings
from globe_core.translation_report import build_report

TRANSLATIONS_URL = "{lang_prefix}translations/"


class TranslationsPageGenerator(Generator):
    """Officers see what is left to translate at /translations/ of `make serve`."""

    def generate_context(self):
        settings = self.settings
        globe = GlobeSettings.of(settings)
        self.report = None
        if globe.production:
            return
        self.report = build_report(settings["PATH"], globe.editions_path,
                                   tuple(globe.languages), settings["DEFAULT_LANG"],
                                   settings.get("ARTICLE_PATHS", ["articles"]),
                                   settings.get("PAGE_PATHS", ["pages"]))

    def generate_output(self, writer):
        if self.report is None:
            return
        settings = self.settings
        languages = tuple(GlobeSettings.of(settings).languages)
        urls = {lang: TRANSLATIONS_URL.format(lang_prefix=lang_prefix(
            lang, settings["DEFAULT_LANG"])) for lang in languages}
        alternates = [(lang, f"{settings['SITEURL']}/{url}") for lang, url in urls.items()]
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        rows = self.report.rows()
        for lang, url in urls.items():
            write(url + "index.html", self.get_template("translations"), self.context,
                  lang=lang, rows=rows, report_languages=languages, url=url,
                  alternates=alternates, template_name="translations")
