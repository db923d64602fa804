"""Issue 12, content side: scheduled articles, impossible dates, one rule for image paths."""

from __future__ import annotations

import datetime as dt

from contentkit import article, write_image, write_tree

from globe_core.dates import BRUSSELS
from globe_core.languages import long_date

from .test_content_errors import assert_reported, check

TODAY = dt.datetime.now(BRUSSELS).date()  # the site's "today", also near midnight UTC


def _in_days(days: int) -> dt.date:
    return TODAY + dt.timedelta(days=days)


def test_a_date_in_another_year_than_its_folder_is_an_error_showing_both(tmp_path):
    path = "content/articles/2021/visit.fr.md"
    result = check(tmp_path, {path: article(slug="visit", date="2062-11-21")})
    assert_reported(result, f"{path}:2: error: Date `2062-11-21` is in 2062 but the file is "
                            "in the folder 2021/", "move the file to the folder 2062/")


def test_a_date_more_than_a_year_ahead_is_an_error_showing_today(tmp_path):
    ahead = _in_days(400)
    path = f"content/articles/{ahead.year}/visit.fr.md"
    result = check(tmp_path, {path: article(slug="visit", date=ahead.isoformat())})
    assert_reported(result, f"{path}:2: error: Date `{ahead.isoformat()}` is more than a year "
                            f"ahead (today is {long_date(TODAY, 'en')})")
    assert "is in" not in result.stderr  # folder and year agree: one problem only


def test_a_date_before_2000_is_an_error(tmp_path):
    path = "content/articles/visit.fr.md"  # no year folder: the date alone is wrong
    result = check(tmp_path, {path: article(slug="visit", date="0001-01-01")})
    assert_reported(result, f"{path}:2: error: Date `0001-01-01` is before 2000",
                    "the day the article was published")


def test_metadata_pasted_into_the_wrong_line_is_an_error_on_that_line(tmp_path):
    write_image(tmp_path / "content/images/2021/port.jpg", size=(1200, 600))
    path = "content/articles/2021/visit.fr.md"
    text = article(slug="visit", title="Visite " * 40, summary="Un résumé. " * 100,
                   image="images/2021/port.jpg", image_alt="Le port " * 70,
                   tags=", ".join(f"mot{number}" for number in range(31)))
    line = {key: text.split("\n").index(next(
        row for row in text.split("\n") if row.startswith(key + ":"))) + 1
        for key in ("Title", "Summary", "Image_alt", "Tags")}
    result = check(tmp_path, {path: text,
                              "content/articles/2021/b.fr.md": article(
                                  slug="b", tags="Brexit, " + "long " * 30)})
    assert_reported(result, f"{path}:{line['Title']}: error: Title is 279 characters long",
                    f"{path}:{line['Summary']}: error: Summary is 1099 characters long",
                    f"{path}:{line['Image_alt']}: error: Image_alt is 559 characters long",
                    f"{path}:{line['Tags']}: error: Tags lists 31 tags",
                    "content/articles/2021/b.fr.md:6: error: the tag `long long",
                    "a longer text belongs in the body of the article")


def _scheduled_tree(tmp_path):
    soon = _in_days(10)
    write_tree(tmp_path / "content", {
        f"articles/{soon.year}/later.fr.md": article(slug="later", title="Plus tard",
                                                     date=soon.isoformat()),
        "articles/2021/now.fr.md": article(slug="now", title="Maintenant"),
    })
    return soon


def test_a_scheduled_article_is_previewed_with_a_banner_and_left_out_of_production(
        tmp_path, build_site):
    soon = _scheduled_tree(tmp_path)
    dev = build_site(tmp_path / "content", output=tmp_path / "dev")
    assert dev.ok, dev.problems
    page = tmp_path / f"dev/{soon:%Y}/{soon:%m}/later/index.html"
    html = page.read_text(encoding="utf-8")
    assert 'class="notice notice--scheduled"' in html
    assert "Programmé pour le" in html  # the banner speaks the article's language
    assert '<meta name="robots" content="noindex' in html

    production = build_site(tmp_path / "content", production=True, output=tmp_path / "prod")
    assert production.ok, production.problems
    assert not (tmp_path / f"prod/{soon:%Y}/{soon:%m}/later").exists()
    home = (tmp_path / "prod/index.html").read_text(encoding="utf-8")
    assert "Maintenant" in home and "Plus tard" not in home
    assert "/later/" not in (tmp_path / "prod/sitemap.xml").read_text(encoding="utf-8")


def test_both_image_spellings_work_for_hero_and_inline_images(tmp_path, build_site):
    write_image(tmp_path / "content/images/2021/port.jpg", size=(1200, 600))
    write_tree(tmp_path / "content", {
        "articles/2021/a.fr.md": article(
            slug="a", image="../../images/2021/port.jpg", image_alt="Le port",
            body="Texte.\n\n![Le port](images/2021/port.jpg \"Légende\")"),
        "articles/2021/b.fr.md": article(
            slug="b", image="images/2021/port.jpg", image_alt="Le port",
            body="Texte.\n\n![Le port](../../images/2021/port.jpg)"),
    })
    result = build_site(tmp_path / "content")
    assert result.ok, result.problems
    for slug in ("a", "b"):
        html = (tmp_path / f"output/2021/10/{slug}/index.html").read_text(encoding="utf-8")
        # hero and inline figure, each the widest published width of the image (images.py)
        assert html.count('<img src="http://127.0.0.1:8000/images/2021/port-1200w.jpg"') == 2, slug
        assert 'width="1200" height="600"' in html


def test_a_missing_image_suggests_the_closest_file(tmp_path):
    write_image(tmp_path / "content/images/2021/ankara-visit.jpg", size=(40, 30))
    path = "content/articles/2021/visit.fr.md"
    result = check(tmp_path, {path: article(
        slug="visit", image="images/2021/ankara-vist.jpg", image_alt="Ankara",
        body="Texte.\n\n![Ankara](../../images/2021/Ankara_visit.JPG)")})
    assert_reported(result,
                    f"{path}:6: error: image `images/2021/ankara-vist.jpg` does not exist",
                    f"{path}:11: error: image `../../images/2021/Ankara_visit.JPG` does not exist",
                    "did you mean `images/2021/ankara-visit.jpg`?")
