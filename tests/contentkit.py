"""Small content trees for tests: write articles, pages and images into a temporary folder."""

from __future__ import annotations

from pathlib import Path

from PIL import Image


def write_image(path: Path, size=(1600, 900), colour=(10, 61, 145)) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path, "JPEG", quality=80)
    return path


def document(body: str = "Un paragraphe.", **metadata) -> str:
    """A Markdown file with `Key: value` metadata; keys like image_alt become Image_alt."""
    lines = [f"{key[:1].upper()}{key[1:]}: {value}" for key, value in metadata.items()
             if value is not None]
    return "\n".join(lines) + "\n\n" + body + "\n"


def article(slug="visit", lang="fr", title=None, date="2021-10-18", category="bilateral",
            body="Un paragraphe.", **extra) -> str:
    return document(body, title=title or f"Article {slug} ({lang})", date=date,
                    category=category, lang=lang, slug=slug, **extra)


def page(slug="about", lang="fr", title=None, body="Texte.", **extra) -> str:
    return document(body, title=title or f"Page {slug} ({lang})", lang=lang, slug=slug,
                    **extra)


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write {relative path: text or bytes}; returns the root."""
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root
