"""Writes each language's listings: home, categories, tags, yearly archives, feeds, 404."""

from __future__ import annotations

from functools import partial

from pelican.generators import Generator

from globe_core import context as keys
from globe_core.settings import GlobeSettings

from .feeds import feed_items
from .sitemap import SitemapEntry
from .thumbnails import write_thumbnails


class LanguageListingsGenerator(Generator):
    """One Pelican read, N languages: listings are views over the articles already read."""

    def generate_context(self):
        # Everything these listings show was computed by the enrichment step (enrichment.py).
        self.by_lang = self.context[keys.SECTIONS]
        self.thumbnails = self.context[keys.THUMBNAILS]
        self.context[keys.LISTING_ENTRIES] = list(self.listing_entries())

    def listing_entries(self):
        """First page of every listing with its language versions, for the sitemap."""
        siteurl = self.settings["SITEURL"]
        for section in self.by_lang.values():
            newest = section.articles[0].date.date().isoformat() if section.articles else None
            yield SitemapEntry(f"{siteurl}/{self.url('index_url', section)}",
                               tuple(self.alternates("index_url")), newest)
            yield SitemapEntry(f"{siteurl}/{self.url('archives_url', section)}",
                               tuple(self.alternates("archives_url")), newest)
            for year, _ in section.years:
                url = self.url("year_archive_url", section, year=year)
                yield SitemapEntry(f"{siteurl}/{url}", tuple(self._year_alternates(year)))
            for category, _ in section.categories:
                yield SitemapEntry(f"{siteurl}/{category.url}",
                                   tuple(self._category_alternates(category)))
            for tag, _ in section.tags:
                yield SitemapEntry(f"{siteurl}/{tag.url}",
                                   ((section.lang, f"{siteurl}/{tag.url}"),))

    def _year_alternates(self, year):
        return [(lang, url) for lang, url in
                self.alternates("year_archive_url", year=year)
                if any(y == year for y, _ in self.by_lang[lang].years)]

    def url(self, name, section, **fields):
        return getattr(GlobeSettings.of(self.settings), name).format(lang_prefix=section.prefix,
                                                                     **fields)

    def alternates(self, name, **fields):
        """The same listing in every language that has one."""
        siteurl = self.settings["SITEURL"]
        return [(lang, f"{siteurl}/{self.url(name, section, **fields)}")
                for lang, section in self.by_lang.items()]

    def files_showing(self, articles) -> set[str]:
        """The listings (their first file) and feeds in which any of `articles` shows."""
        files = set()
        for article in articles:
            section = self.by_lang.get(article.lang)
            if section is None or not any(a is article for a in section.articles):
                continue  # a draft or a scheduled article is in no listing
            files |= {self.url("index_url", section) + "index.html",
                      self.url("archives_url", section) + "index.html",
                      self.url("year_archive_url", section, year=article.date.year)
                      + "index.html",
                      self.url("feed_url", section)}
            for category, members in section.categories:
                if any(a is article for a in members):
                    files |= {category.url + "index.html",
                              self.url("category_feed_url", section, slug=category.key)}
            for tag, members in section.tags:
                if any(a is article for a in members):
                    files.add(tag.url + "index.html")
        return files

    def generate_output(self, writer):
        if not GlobeSettings.of(self.settings).listings_preview:  # else: the cards have theirs
            write_thumbnails(self.thumbnails, self.output_path,
                             GlobeSettings.of(self.settings).thumbnail_cache)
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        for section in self.by_lang.values():
            context = {**self.context, "lang": section.lang}
            self.write_home(write, section, context)
            self.write_categories(write, section, context)
            self.write_tags(write, section, context)
            self.write_archives(write, section, context)
            self.write_feeds(writer, section, context)
            self.write_not_found(write, section, context)

    def write_listing(self, write, template, url, context, articles, **kwargs):
        write(url + "index.html", self.get_template(template), context,
              articles=articles, dates=articles, template_name=template, url=url,
              **kwargs)

    def write_home(self, write, section, context):
        self.write_listing(write, "index", self.url("index_url", section), context,
                           section.articles, alternates=self.alternates("index_url"),
                           page_name="index")

    def write_categories(self, write, section, context):
        for category, articles in section.categories:
            self.write_listing(write, "category", category.url, context, articles,
                               category=category, page_name=category.page_name,
                               alternates=self._category_alternates(category))

    def _category_alternates(self, category):
        siteurl = self.settings["SITEURL"]
        return [(lang, f"{siteurl}/{cat.url}")
                for lang, section in self.by_lang.items()
                for cat, _ in section.categories if cat.key == category.key]

    def write_tags(self, write, section, context):
        siteurl = self.settings["SITEURL"]
        for tag, articles in section.tags:
            self.write_listing(write, "tag", tag.url, context, articles, tag=tag,
                               page_name=tag.page_name,
                               alternates=[(section.lang, f"{siteurl}/{tag.url}")])

    def write_archives(self, write, section, context):
        url = self.url("archives_url", section)
        write(url + "index.html", self.get_template("archives"), context,
              articles=section.articles, dates=section.articles, years=section.years,
              template_name="archives", url=url,
              alternates=self.alternates("archives_url"))
        for year, articles in section.years:
            year_url = self.url("year_archive_url", section, year=year)
            alternates = self._year_alternates(year)
            self.write_listing(write, "period_archives", year_url, context, articles,
                               period=(year,), period_num=(year,), alternates=alternates)

    def write_feeds(self, writer, section, context):
        url = self.url("feed_url", section)
        writer.write_feed(feed_items(section.articles), context, url, url)
        for category, articles in section.categories:
            url = self.url("category_feed_url", section, slug=category.key)
            writer.write_feed(feed_items(articles), context, url, url,
                              feed_title=category.name)

    def write_not_found(self, write, section, context):
        write(f"{section.prefix}404.html", self.get_template("404"), context,
              template_name="404", url=f"{section.prefix}404.html",
              alternates=self.alternates("index_url"))
