"""Dev builds only: a page listing, for every article, page and edition, its languages."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator

from globe.languages import lang_prefix
from globe.translation_report import build_report

TRANSLATIONS_URL = "{lang_prefix}translations/"


class TranslationsPageGenerator(Generator):
    """Officers see what is left to translate at /translations/ of `make serve`."""

    def generate_context(self):
        settings = self.settings
        self.report = None
        if settings.get("GLOBE_PRODUCTION"):
            return
        self.report = build_report(settings["PATH"], settings.get("GLOBE_EDITIONS_PATH"),
                                   tuple(settings["GLOBE_LANGUAGES"]), settings["DEFAULT_LANG"],
                                   settings.get("ARTICLE_PATHS", ["articles"]),
                                   settings.get("PAGE_PATHS", ["pages"]))

    def generate_output(self, writer):
        if self.report is None:
            return
        settings = self.settings
        languages = tuple(settings["GLOBE_LANGUAGES"])
        urls = {lang: TRANSLATIONS_URL.format(lang_prefix=lang_prefix(
            lang, settings["DEFAULT_LANG"])) for lang in languages}
        alternates = [(lang, f"{settings['SITEURL']}/{url}") for lang, url in urls.items()]
        write = partial(writer.write_file, relative_urls=settings["RELATIVE_URLS"])
        rows = self.report.rows()
        for lang, url in urls.items():
            write(url + "index.html", self.get_template("translations"), self.context,
                  lang=lang, rows=rows, report_languages=languages, url=url,
                  alternates=alternates, template_name="translations")
