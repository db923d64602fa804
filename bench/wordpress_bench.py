"""Time `globe import wordpress` on a generated export of about 2,000 posts.

The export mixes French, Dutch and English posts (WPML translation groups), captions,
a gallery, embeds, featured images and odd HTML; images come from a local uploads copy.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from wxr_export import Post, attachment, wxr

SITE = "http://international.brussels"
LANGS = ("fr", "nl", "en")
CATEGORIES = [("relations-bilaterales", "Relations bilatérales"), ("varia", "Varia"),
              ("feder", "FEDER et Beliris"), ("evenements", "Événements")]


def generate(root: Path, posts: int) -> Path:
    uploads = root / "uploads"
    items = []
    images = 50  # shared by the posts, as an archive reuses its photos
    for number in range(images):
        name = f"{2013 + number % 12}/05/photo-{number}.jpg"
        (uploads / name).parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", (64, 48), (number * 5 % 255, 80, 120)).save(uploads / name, "JPEG")
        items.append(attachment(10_000 + number, f"{SITE}/wp-content/uploads/{name}",
                                alt=f"Photo {number}", caption=f"Légende {number}"))
    for number in range(posts):
        lang = LANGS[number % 3]
        group = number // 3
        year, month = 2013 + group % 13, 1 + group % 12
        photo = items[group % images]
        body = (f"<p>Paragraphe <strong>{number}</strong> avec un "
                f'<a href="{SITE}/?p={number + 1}">lien</a>.</p>\n\n'
                f'[caption id="attachment_{photo.id}"]<img src="{photo.attachment_url}" '
                f'alt="Photo" /> Une légende[/caption]\n\n'
                + "<p>Texte, texte, texte. " * 20 + "</p>\n\n"
                + (f'[gallery ids="{10_000 + (group + 1) % images},'
                   f'{10_000 + (group + 2) % images}"]' if number % 10 == 0 else "")
                + ("\n\n[embed]https://www.youtube.com/watch?v=dQw4w9WgXcQ[/embed]"
                   if number % 7 == 0 else ""))
        suffix = "" if lang == "fr" else f"?lang={lang}"
        items.append(Post(number + 1, f"Article {number} en {lang}", f"article-{number}",
                          f"{year}-{month:02d}-10 10:00:00", content=body, lang=lang,
                          group=group, link=f"{SITE}/{year}/{month:02d}/article-{number}/{suffix}",
                          categories=[CATEGORIES[group % len(CATEGORIES)]],
                          tags=["Bruxelles", f"tag {group % 40}"], thumbnail=photo.id,
                          excerpt=f"Résumé {number}."))
    export = root / "export.xml"
    export.write_text(wxr(SITE, items), encoding="utf-8")
    return export


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="globe-wp-bench-") as scratch:
        root = Path(scratch)
        export = generate(root, args.posts)
        globe = str(Path(sys.executable).with_name("globe"))
        started = time.perf_counter()
        run = subprocess.run([globe, "import", "wordpress", str(export), "--content",
                              "content", "--uploads", "uploads"], cwd=root,
                             capture_output=True, text=True, check=False)
        first = time.perf_counter() - started
        if run.returncode:
            sys.exit(run.stdout + run.stderr)
        started = time.perf_counter()
        subprocess.run([globe, "import", "wordpress", str(export), "--content", "content",
                        "--uploads", "uploads"], cwd=root, capture_output=True, check=True)
        again = time.perf_counter() - started
        files = len(list((root / "content/articles").rglob("*.md")))
        size = export.stat().st_size
    print(f"WordPress import: {args.posts} posts (fr, nl, en; WXR {size // 1024} kB)")
    print(f"  first import:                                    {first:6.2f} s "
          f"({files} article files)")
    print(f"  second import (nothing to change):               {again:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
