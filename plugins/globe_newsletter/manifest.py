"""newsletter/editions.json: what the mailing service needs to send each edition."""

from __future__ import annotations

import json


def manifest_entry(built, paths: dict) -> dict:
    """One edition in one language; `paths` (web, html, text) relative to the output."""
    view, edition = built.view, built.edition
    return {
        "number": edition.number,
        "lang": edition.lang,
        "date": edition.date.isoformat(),
        "status": edition.status,
        "subject": view.subject,  # the mailing service reads {{ }} in the subject too
        "preheader": view.preheader,
        "paths": paths,
        "web_url": view.web_url,
        "articles": [{"slug": article.slug, "title": shown.title,  # neutralised, as sent
                      "url": shown.web_url, "image": shown.image_url or None}
                     for article, shown in zip(edition.articles, view.articles, strict=True)],
    }


def manifest_json(entries: list[dict], siteurl: str) -> str:
    ordered = sorted(entries, key=lambda e: (e["number"], e["lang"]))
    return json.dumps({"siteurl": siteurl, "editions": ordered}, ensure_ascii=False,
                      indent=2) + "\n"
