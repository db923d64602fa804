"""Plans every hero and inline image of the site and writes their variants (see images.py)."""

from __future__ import annotations

import os

from pelican.generators import Generator

from globe_core.large_images import warn_if_large
from globe_core.problems import problem_log
from globe_core.settings import GlobeSettings
from globe_core.versions import all_versions

from .images import HERO_SIZES, picture_html, plan_image, write_images

DEFAULT_CACHE = os.path.join(".cache", "images")


class ResponsiveImagesGenerator(Generator):
    def generate_context(self):
        settings = self.settings
        contents = (all_versions(self.context.get("articles", []))
                    + all_versions(self.context.get("pages", []))
                    + list(self.context.get("drafts", [])))
        self.images = []
        for content in contents:
            self.images.extend(getattr(content, "responsive_images", ()))
            image = getattr(content, "image", None)
            hero = plan_image(image, settings["PATH"]) if image else None
            content.hero_picture = picture_html(
                hero, settings["SITEURL"], getattr(content, "image_alt", "") or "", HERO_SIZES,
                lazy=False) if hero else None
            if hero:
                self.images.append(hero)

    def generate_output(self, writer):
        log = problem_log(self.settings)
        for image in {image.source: image for image in self.images}.values():
            warn_if_large(log, image.source, image.width, image.height)
        if not GlobeSettings.of(self.settings).listings_preview:  # else: written already
            write_images(self.images, self.output_path,
                         GlobeSettings.of(self.settings).image_cache or DEFAULT_CACHE)
