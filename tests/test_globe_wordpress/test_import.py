"""An archive exported from WordPress, imported into a content folder, then built."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from .archive import write_archive
from .running import globe


def read(root, relative):
    return (root / relative).read_text(encoding="utf-8")


def metadata(text):
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines())


def test_posts_become_articles_with_their_metadata(imported):
    root, _run = imported
    meta = metadata(read(root, "content/articles/2021/visite-a-ankara.fr.md"))
    assert meta["Title"] == "Visite à Ankara : la Région en Turquie"
    assert meta["Date"] == "2021-10-29 10:00"
    assert meta["Category"] == "bilateral"  # guessed from "Relations bilatérales"
    assert meta["Lang"] == "fr"
    assert meta["Tags"] == "Turquie, Ankara"
    assert meta["Author"] == "Cellule Communication"
    assert meta["Summary"] == "Une délégation bruxelloise en Turquie."
    assert meta["Image"] == "images/2021/ankara.jpg"
    assert meta["Image_alt"] == "Vue d'Ankara au crépuscule"
    assert meta["Image_caption"] == "Ankara, octobre 2021"


def test_translations_share_a_slug_and_languages_come_from_wpml(imported):
    root, _run = imported
    dutch = metadata(read(root, "content/articles/2021/visite-a-ankara.nl.md"))
    assert dutch["Lang"] == "nl" and dutch["Slug"] == "visite-a-ankara"
    assert dutch["Title"] == "Bezoek aan Ankara"
    page = BeautifulSoup(read(root, "output/2021/10/visite-a-ankara/index.html"), "html.parser")
    assert page.find("link", hreflang="nl")["href"].endswith("/nl/2021/10/visite-a-ankara/")
    english_only = metadata(read(root, "content/articles/2019/brussels-at-the-expo.en.md"))
    assert english_only["Lang"] == "en"


def test_non_ascii_slugs_become_plain_ones(imported):
    root, _run = imported
    meta = metadata(read(root, "content/articles/2020/een-webinar.nl.md"))
    assert meta["Title"] == "Webinar, de ster van de lockdown — één"
    assert meta["Slug"] == "een-webinar"
    assert (root / "output/nl/2020/03/een-webinar/index.html").is_file()


def test_captions_galleries_and_embeds_in_the_sites_own_forms(imported):
    root, _run = imported
    text = read(root, "content/articles/2021/visite-a-ankara.fr.md")
    assert ('![La délégation devant l\'hôtel de ville](../../images/2021/hotel-de-ville.jpg '
            '"Réunion à l\'hôtel de ville")') in text
    assert '![Signature de l\'accord](../../images/2021/galerie-1.jpg "La signature")' in text
    assert "![Photo de groupe](../../images/2021/galerie-2.jpg)" in text
    assert ('<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ" title="Vidéo">'
            in text)
    assert 'src="https://player.vimeo.com/video/76979871"' in text
    page = BeautifulSoup(read(root, "output/2021/10/visite-a-ankara/index.html"), "html.parser")
    body = page.find("main")
    captions = [c.get_text() for c in body.find_all("figcaption")]
    assert "Réunion à l'hôtel de ville" in captions and "La signature" in captions
    assert len(body.select("figure.embed")) == 3  # click-to-load placeholders
    assert not body.select("iframe")  # only inside <template>, until a visitor asks
    assert all(not img["src"].startswith("http://international")
               for img in page.find_all("img"))


def test_odd_html_becomes_clean_markdown(imported):
    root, _run = imported
    text = read(root, "content/articles/2021/visite-a-ankara.fr.md")
    body = text.split("\n\n", 1)[1]
    tags = set(re.findall(r"<([a-z]+)", body))
    assert tags <= {"iframe"}, tags
    assert "alert" not in body and "javascript:" not in body
    assert "## Un titre de trop" in body  # h1 demoted: the title is the only h1
    assert "\\#hashtag" in body
    assert "[sic]" in body and "contact-form-7" not in body
    page = read(root, "output/2021/10/visite-a-ankara/index.html")
    assert "Les signes &lt;script&gt; et 3 &lt; 4 &amp; 5 restent du texte." in page


def test_links_to_the_old_site_point_to_the_new_addresses(imported):
    root, _run = imported
    text = read(root, "content/articles/2021/visite-a-ankara.fr.md")
    assert "[le webinaire](/nl/2020/03/een-webinar/)" in text
    assert "[la version anglaise](/en/2019/05/brussels-at-the-expo/)" in text
    assert "international.brussels" not in text.split("\n\n", 1)[1]
    # a linked file is kept with the site; a page that was not imported keeps its words
    assert "[le rapport]({static}/documents/2021/rapport-annuel.pdf)" in text
    assert "et\nles actualités." in text or "et les actualités." in text
    page = BeautifulSoup(read(root, "output/2021/10/visite-a-ankara/index.html"), "html.parser")
    link = page.find("a", string="le rapport")["href"]
    assert link.endswith("/documents/2021/rapport-annuel.pdf")
    assert (root / "output/documents/2021/rapport-annuel.pdf").read_bytes().startswith(b"%PDF")
    report = read(root, "wordpress-import/report.md")
    assert "/category/actualites/" in report


def test_images_are_stored_once_under_images_year(imported):
    root, _run = imported
    stored = sorted(p.relative_to(root / "content/images").as_posix()
                    for p in (root / "content/images").rglob("*.*"))
    # the resized hotel-de-ville-1024x576.jpg gave way to its original, used by two posts;
    # sans-alt.jpg waits for the post in needs-review/ that shows it
    assert stored == ["2019/sans-alt.jpg", "2019/soleil.jpg", "2021/ankara.jpg",
                      "2021/galerie-1.jpg",
                      "2021/galerie-2.jpg", "2021/hotel-de-ville.jpg"]
    dutch = read(root, "content/articles/2021/visite-a-ankara.nl.md")
    assert "](../../images/2021/hotel-de-ville.jpg)" in dutch


def test_drafts_are_drafts_and_stay_out_of_production(imported):
    root, _run = imported
    meta = metadata(read(root, "content/articles/2022/brouillon-sans-nom.fr.md"))
    assert meta["Status"] == "draft" and "Old_urls" not in meta
    assert not (root / "output/drafts").exists()
    assert "Brouillon" not in read(root, "output/index.html")


def test_pages_keep_their_old_addresses(imported):
    root, _run = imported
    about = metadata(read(root, "content/pages/a-propos-de-brussels-international.fr.md"))
    # its path did not change: kept all the same, not redirected (see the nginx tests)
    assert about["Old_urls"] == "/a-propos-de-brussels-international/ /?page_id=200"
    missions = metadata(read(root, "content/pages/missions.en.md"))
    assert missions["Old_urls"].split() == ["/who-are-we/missions/?lang=en", "/?page_id=201",
                                            "/?lang=en&page_id=201"]
    assert (root / "output/en/missions/index.html").is_file()


def test_what_needs_a_look_is_in_the_report_not_in_the_site(imported):
    root, run = imported
    report = read(root, "wordpress-import/report.md")
    assert "image-sans-description.fr.md" in report and "alt" in report
    assert (root / "wordpress-import/needs-review/articles/2019/"
            "image-sans-description.fr.md").is_file()
    assert not (root / "content/articles/2019/image-sans-description.fr.md").exists()
    assert "`Sport and leisure`" in report  # an unmapped category
    assert "[contact-form-7" in report  # an unknown shortcode
    assert "<script>" in report
    assert "generic `Vidéo (https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ)`" in report
    assert "1 in needs-review/" in run.stdout and "report.md" in run.stdout
    categories = read(root, "wordpress-import/categories.toml")
    assert '"relations-bilaterales" = "bilateral"' in categories
    assert '"sport-and-leisure" = ""' in categories


def test_everything_written_passes_check(imported):
    root, _run = imported
    check = globe("check", "--content", "content", "--editions", "editions", cwd=root)
    assert check.returncode == 0, check.stderr


def test_the_category_map_is_followed_on_the_next_run(tmp_path):
    export, uploads = write_archive(tmp_path)
    first = globe("import", "wordpress", export, "--write-categories", cwd=tmp_path)
    assert first.returncode == 0 and not (tmp_path / "content").exists()
    mapping = tmp_path / "wordpress-import/categories.toml"
    mapping.write_text(mapping.read_text(encoding="utf-8").replace(
        '"sport-and-leisure" = ""', '"sport-and-leisure" = "events"'), encoding="utf-8")
    run = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    meta = metadata(read(tmp_path, "content/articles/2019/brussels-at-the-expo.en.md"))
    assert meta["Category"] == "events"
    mapping.write_text('"varia" = "sport"\n', encoding="utf-8")
    bad = globe("import", "wordpress", export, cwd=tmp_path)
    assert bad.returncode == 1 and "categories.toml" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_file_that_is_not_an_export_is_a_clear_error(tmp_path):
    (tmp_path / "export.xml").write_text("<rss><channel><item>\n<title>x</wrong>",
                                         encoding="utf-8")
    run = globe("import", "wordpress", "export.xml", cwd=tmp_path, env=None)
    assert run.returncode == 1
    assert run.stderr.startswith("export.xml:2: ") and "Traceback" not in run.stderr


def test_a_damaged_ledger_is_a_clear_error(tmp_path):
    export, uploads = write_archive(tmp_path)
    (tmp_path / "wordpress-import").mkdir()
    (tmp_path / "wordpress-import/ledger.json").write_text("{", encoding="utf-8")
    run = globe("import", "wordpress", export, "--uploads", uploads, cwd=tmp_path)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.startswith(str(tmp_path / "wordpress-import/ledger.json") + ": ")
    assert not (tmp_path / "content/articles").exists()


def test_an_export_that_is_not_there_is_a_usage_error_saying_where_to_get_it(tmp_path):
    run = globe("import", "wordpress", "missing.xml", cwd=tmp_path, env=None)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "missing.xml is not a file" in run.stderr and "Tools > Export" in run.stderr
    assert "Errno" not in run.stderr
