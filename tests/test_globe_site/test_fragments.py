"""Shared parts of pages rendered once per build: the key must hold all that they read."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from globe_site.fragments import remembering
from globe_site.plugin import install_i18n

THEME = Path(__file__).resolve().parents[2] / "theme"
IMPORT = '{% from "components/content_item.html" import content_item with context %}'
CALLS = ("content_item(article, eager=True)", "content_item(article)",
         "content_item(article, show_category=False)", "content_item(article, heading_level=3)")
CARDS = IMPORT + "|".join("{{ " + call + " }}" for call in CALLS)


def test_each_key_is_rendered_once():
    remember, calls = remembering(), []

    def part(text):
        return lambda: calls.append(text) or Markup(text)

    assert remember("card", 1, caller=part("one")) == "one"
    assert remember("card", 1, caller=part("again")) == "one"
    assert remember("card", 2, caller=part("two")) == "two"
    assert calls == ["one", "two"]


def theme_environment() -> Environment:
    """The theme's templates with what the site plugin installs in a build's environment."""
    generator = SimpleNamespace(
        env=Environment(loader=FileSystemLoader(THEME / "templates"), trim_blocks=True,
                        lstrip_blocks=True),
        theme=str(THEME))
    install_i18n(generator)
    return generator.env


class Card:  # like Pelican's articles: hashed by identity
    def __init__(self, **attributes):
        self.__dict__.update(attributes)


def card_article(lang="nl"):
    return Card(
        lang=lang, url=f"{lang}/2024/05/card/", title="Ontwikkelingssamenwerking in Kigali",
        description="Een samenvatting.", date=datetime(2024, 5, 6, 10, 0),
        category=SimpleNamespace(url=f"{lang}/category/development/", name="Ontwikkeling"),
        image=True, image_url="/images/hero-1600w.jpg", thumbnail_url="/images/hero-800w.jpg",
        image_width=1600, image_height=900)


@pytest.mark.parametrize("siteurl", ["https://international.brussels", "../.."])
def test_a_card_differs_wherever_its_arguments_differ(siteurl):
    """Each card, with the cache shared by the whole build, is the card rendered alone."""
    shared, article = theme_environment(), card_article()
    shared.from_string(CARDS).render(article=article, SITEURL="https://elsewhere.test")
    together = shared.from_string(CARDS).render(article=article, SITEURL=siteurl).split("|")

    # each card in an environment of its own: nothing remembered from another card
    alone = [theme_environment().from_string(IMPORT + "{{ " + call + " }}")
             .render(article=article, SITEURL=siteurl) for call in CALLS]
    assert together == alone
    assert len(set(alone)) == 4  # eager, lazy, without category, another heading level
    assert f'href="{siteurl}/nl/2024/05/card/"' in alone[0]


def test_the_footer_of_each_language_is_its_own(sample_site):
    footers = {lang: (sample_site / path / "index.html").read_text(encoding="utf-8")
               .split('<footer class="site-footer">')[1]
               for lang, path in (("fr", ""), ("nl", "nl"), ("en", "en"))}
    assert "Sint-Lazarusplein" in footers["nl"] and "Place Saint-Lazare" in footers["fr"]
    assert len(set(footers.values())) == 3
