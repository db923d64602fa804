"""Tiny content trees with newsletter editions, and the expectations of their emails."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

from contentkit import article, document, page, write_image, write_tree
from PIL import Image, ImageDraw

from globe_core.settings import GlobeSettings
from globe_newsletter import palette
from globe_newsletter.email_check import EmailSpec
from globe_newsletter.render import EmailRenderer
from globe_newsletter.view import neutralize_merge_tags

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = "editions"
DEFAULTS = GlobeSettings()


def edition(body: str = "", **metadata) -> str:
    """An edition file; defaults make a valid French edition of two articles."""
    fields = {"number": "2021-15", "date": "2021-11-18", "lang": "fr",
              "subject": "Nouvelles de Turquie et d'Île-de-France",
              "articles": "alpha, beta"}
    fields.update(metadata)
    return document(body, **fields)


def tiny_editions() -> dict:
    """Edition 2021-15, ready, in fr (alpha, beta, gamma, with an introduction) and en."""
    return {
        "2021-15.fr.md": edition("Chères lectrices, chers lecteurs : voici **nos nouvelles**. "
                                 "Voir aussi [les archives](archives/) et "
                                 "[le site de la Région](https://be.brussels/).",
                                 articles="alpha, beta, gamma", status="ready"),
        "2021-15.en.md": edition(lang="en", subject="News from Türkiye and Île-de-France",
                                 preheader="A Brussels delegation in Istanbul, and a renewed "
                                           "agreement with Paris.", status="ready"),
    }


def content_files(**extra) -> dict:
    """Articles alpha (fr, nl, en), beta (fr, en), gamma (fr, no image), delta (fr draft),
    and a privacy page in every language."""
    files = {}
    for lang in ("fr", "nl", "en"):
        files[f"content/articles/alpha.{lang}.md"] = article(
            "alpha", lang, title=f"Mission à Istanbul ({lang})", date="2021-10-29",
            category="cooperation", image="images/alpha.jpg",
            image_alt=f"Une ville au bord de l'eau ({lang})",
            summary=f"Une délégation bruxelloise s'est rendue en Turquie ({lang}) pour "
                    "donner corps aux partenariats.")
        files[f"content/pages/privacy.{lang}.md"] = page("privacy", lang)
    for lang in ("fr", "en"):
        files[f"content/articles/beta.{lang}.md"] = article(
            "beta", lang, title=f"Accord avec l'Île-de-France ({lang})", date="2021-09-24",
            image="images/beta.png", image_alt="Deux anneaux entrelacés",
            body="Premier paragraphe de l'article beta.\n\nSecond paragraphe.")
    files["content/articles/gamma.fr.md"] = article("gamma", "fr", date="2021-11-02",
                                                    body="Un article sans image.")
    files["content/articles/delta.fr.md"] = article("delta", "fr", date="2021-11-03",
                                                    status="draft")
    files.update(extra)
    return files


def write_site(root: Path, editions: dict | None = None, **extra_files) -> tuple[Path, Path]:
    """Write the tree under root; returns (content folder, editions folder)."""
    files = content_files(**extra_files)
    for name, text in (editions if editions is not None else {
            "2021-15.fr.md": edition()}).items():
        files[f"{EDITIONS}/{name}"] = text
    write_tree(root, files)
    write_image(root / "content/images/alpha.jpg", size=(2400, 1350), colour=(200, 120, 40))
    _write_png(root / "content/images/beta.png")
    (root / EDITIONS).mkdir(exist_ok=True)
    return root / "content", root / EDITIONS


def _write_png(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    picture = Image.new("RGB", (1600, 900), (240, 230, 210))
    draw = ImageDraw.Draw(picture)
    for x in range(0, 1600, 40):
        draw.line([(x, 0), (1600 - x, 900)], fill=(10, 61, 145), width=3)
    picture.save(path, "PNG")


def manifest(output: Path) -> dict:
    return json.loads((output / "newsletter/editions.json").read_text(encoding="utf-8"))


def entry(output: Path, number: str, lang: str) -> dict:
    return next(e for e in manifest(output)["editions"]
                if e["number"] == number and e["lang"] == lang)


def inline_stylesheet() -> str:
    renderer = EmailRenderer(str(ROOT / "theme/email"), str(ROOT / "theme/translations"), "")
    view = SimpleNamespace(lang="en", light=palette.LIGHT, dark=palette.DARK)
    return renderer.stylesheets(view)[0]


def spec_for(output: Path, item: dict, production: bool, **changes) -> EmailSpec:
    """What the email of a manifest entry must be, from the manifest and the output files."""
    siteurl = manifest(output)["siteurl"]
    images, image_articles = {}, {}
    for shown in item["articles"]:
        if shown["image"]:
            relative = shown["image"][len(siteurl) + 1:]
            images[shown["image"]] = (output / relative).read_bytes()
            image_articles[shown["image"]] = shown["slug"]
    values = {
        "lang": item["lang"], "number": item["number"], "subject": item["subject"],
        "siteurl": siteurl, "production": production,
        "utm_source": DEFAULTS.newsletter_utm_source,
        "unsubscribe_url": DEFAULTS.newsletter_unsubscribe_url,
        "manage_url": DEFAULTS.newsletter_manage_url,
        "merge_tags": DEFAULTS.newsletter_merge_tags,
        "article_titles": {a["slug"]: neutralize_merge_tags(a["title"])
                           for a in item["articles"]},
        "images": images, "image_articles": image_articles, "inline_css": inline_stylesheet(),
    }
    values.update(changes)
    return EmailSpec(**values)


def email_html(output: Path, item: dict) -> str:
    return (output / item["paths"]["html"]).read_text(encoding="utf-8")


def problem_lines(result) -> list[tuple[str, int, str]]:
    return [(Path(p.path).name, p.line, p.message) for p in result.problems]


def strip_conditional_comments(html: str) -> str:
    html = re.sub(r"<!--\[if[^\]]*\]>.*?<!\[endif\]-->", "", html, flags=re.DOTALL)
    return re.sub(r"<!--\[if[^\]]*\]><!-->|<!--<!\[endif\]-->", "", html)
