"""Issue 12 in Chromium: what officers and readers see, on a dev build of the sample site
with a scheduled article, a French-only page and a two-article edition added.

Screenshots: tests/screenshots/officers-<what>-<width>.png at 375 and 1280 px.
"""

from __future__ import annotations

import datetime as dt
import shutil
import threading

import pytest
from contentkit import article, document, page, write_tree
from support import SAMPLE_CONTENT, SAMPLE_EDITIONS, free_port

from browser.axe import WCAG_AA, describe, run_axe
from browser.support import SCREENSHOTS
from globe import build as builds
from globe.serve import make_server

WIDTHS = (375, 1280)
SOON = dt.date.today() + dt.timedelta(days=7)
LONG_URL = ("https://www.example.org/une/adresse/tres/longue/qui/ne/tient/pas/sur/une/ligne/"
            "rapport-annuel-2026-de-brussels-international-version-integrale.pdf")


@pytest.fixture(scope="module")
def dev_site(tmp_path_factory):
    """A development build (previews on) of the sample content and a few additions."""
    root = tmp_path_factory.mktemp("officers")
    shutil.copytree(SAMPLE_CONTENT, root / "content")
    shutil.copytree(SAMPLE_EDITIONS, root / "editions")
    write_tree(root, {
        f"content/articles/{SOON.year}/forum-villes-partenaires.fr.md": article(
            "forum-villes-partenaires", "fr", title="Forum des villes partenaires",
            date=SOON.isoformat(), category="cooperation", image="images/2026/new-website.jpg",
            image_alt="La page d'accueil du site", summary="Un forum annoncé à l'avance.",
            body="Le texte de l'article programmé.\n\n## La suite\n\nEncore du texte."),
        "content/pages/presse.fr.md": page("presse", "fr", title="Espace presse",
                                           body="Contacts pour la presse."),
        "editions/2026-14.fr.md": document(
            f"Bonjour. Le rapport complet : {LONG_URL}\n",
            number="2026-14", date="2026-11-27", lang="fr",
            subject="The Brussels Globe – Deux articles",
            articles="cooperation-urbaine-rabat-kinshasa, feder-2021-2027-mi-parcours"),
    })
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    settings = builds.load_settings(root / "content", root / "editions",
                                    overrides={"SITEURL": url})
    output = root / "output"
    result = builds.build(settings, str(output))
    assert result.ok, "\n".join(map(str, result.problems))
    server = make_server(str(output), port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield url
    server.shutdown()
    server.server_close()


def open_page(browser, url, width, height=900):
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    tab.goto(url, wait_until="load")
    tab.evaluate("""async () => { for (const img of document.images) img.loading = 'eager';
        await Promise.all([...document.images].map(i => i.decode().catch(() => null))); }""")
    return context, tab


def screenshot(tab, name, width, full_page=True):
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"officers-{name}-{width}.png"
    tab.screenshot(path=str(path), full_page=full_page)
    assert path.stat().st_size > 10_000, f"{path.name} looks blank"


ONE_LANGUAGE = {  # pages that exist in French only
    "article": "2021/09/eat-brussels-soirees-internationales/",
    "edition": "newsletter/2021-11/",
    "page": "presse/",
}


@pytest.mark.parametrize("kind", ONE_LANGUAGE)
@pytest.mark.parametrize("width", WIDTHS)
def test_a_page_in_one_language_still_offers_the_others_with_a_note_in_their_language(
        browser, dev_site, kind, width):
    context, tab = open_page(browser, f"{dev_site}/{ONE_LANGUAGE[kind]}", width)
    links = tab.eval_on_selector_all(".language-switcher a", """links => links.map(a => ({
        lang: a.lang, href: a.getAttribute('href'), hreflang: a.getAttribute('hreflang'),
        text: a.innerText, name: a.textContent}))""")
    assert [link["lang"] for link in links] == ["fr", "nl", "en"]
    nl, en = links[1], links[2]
    assert nl["href"] == f"{dev_site}/nl/" and en["href"] == f"{dev_site}/en/"
    assert nl["hreflang"] is None and en["hreflang"] is None
    assert "Deze pagina bestaat niet in het Nederlands" in nl["name"]  # read by screen readers
    assert "This page is not available in English" in en["name"]
    hreflangs = tab.eval_on_selector_all("link[rel=alternate][hreflang]",
                                         "links => links.map(l => l.hreflang)")
    assert hreflangs == ["fr", "x-default"]
    # the note shows, in Dutch, when the Dutch link is pointed at or focused
    note = tab.locator(".language-switcher__link--missing[lang=nl] .language-switcher__note")
    assert note.bounding_box()["width"] <= 1
    tab.focus(".language-switcher__link--missing[lang=nl]")
    tab.keyboard.press("Shift+Tab")
    tab.keyboard.press("Tab")
    box = note.bounding_box()
    assert box["width"] > 100 and box["height"] > 10
    assert box["x"] >= 0 and box["x"] + box["width"] <= width  # on screen, phone included
    if kind == "article":
        screenshot(tab, "switcher-one-language", width, full_page=False)
    violations = run_axe(tab, tags=WCAG_AA)
    assert not violations, describe(violations)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_scheduled_article_shows_its_banner_in_previews(browser, dev_site, width):
    context, tab = open_page(browser, f"{dev_site}/{SOON:%Y/%m}/forum-villes-partenaires/",
                             width)
    banner = tab.locator(".notice--scheduled")
    assert banner.is_visible()
    assert "Programmé pour le" in banner.inner_text()
    # the first thing read: above the title, at every width
    assert banner.bounding_box()["y"] < tab.locator("h1").bounding_box()["y"]
    screenshot(tab, "scheduled-article", width)
    context.close()


def test_the_article_text_starts_above_the_fold_on_a_desktop(browser, dev_site):
    context, tab = open_page(browser, f"{dev_site}/2026/11/cooperation-urbaine-rabat-kinshasa/",
                             1280)
    hero = tab.locator(".hero img").bounding_box()
    text = tab.locator(".article__body > p").first.bounding_box()
    assert hero["height"] <= 330
    assert text["y"] + 24 <= 900, f"the text starts at {text['y']} px"
    screenshot(tab, "article-hero", 1280, full_page=False)
    context.close()
    context, tab = open_page(browser, f"{dev_site}/2026/11/cooperation-urbaine-rabat-kinshasa/",
                             375)
    hero = tab.locator(".hero img").bounding_box()
    assert hero["width"] >= 340 and hero["height"] <= 0.6 * 900  # full width, not a tower
    screenshot(tab, "article-hero", 375, full_page=False)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_an_edition_of_two_articles_leaves_no_lone_card(browser, dev_site, width):
    context, tab = open_page(browser, f"{dev_site}/newsletter/2026-14/", width)
    cards = tab.eval_on_selector_all(".content-items .content-item", """items => items.map(i => {
        const r = i.getBoundingClientRect(); return {x: r.x, y: r.y, w: r.width}; })""")
    row = tab.locator(".content-items").bounding_box()
    assert len(cards) == 2
    if width >= 1280:  # side by side, filling the row
        assert abs(cards[0]["y"] - cards[1]["y"]) < 1
        assert abs(cards[0]["w"] - cards[1]["w"]) < 2
        assert cards[0]["w"] + cards[1]["w"] > row["width"] * 0.9
    else:  # one column on a phone, each as wide as the list
        assert all(abs(card["w"] - row["width"]) < 2 for card in cards)
    screenshot(tab, "edition-two-articles", width)
    context.close()


WORD_SPLITS = """selector => {
    // Every word of every heading that runs over two lines must break at a hyphen.
    const bad = [];
    for (const heading of document.querySelectorAll(selector)) {
        if (heading.scrollWidth > heading.clientWidth + 1) bad.push('overflow: ' + heading.id);
        const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const re = /\\S+/g; let m;
            while ((m = re.exec(node.data))) {
                const range = document.createRange();
                range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
                const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (tops.size > 1 && !/[\\u00ad-]/.test(m[0])) bad.push(m[0]);
            }
        }
    }
    return bad;
}"""


@pytest.mark.parametrize("path", ["nl/category/development/",
                                  "nl/2026/11/cooperation-urbaine-rabat-kinshasa/",
                                  "nl/category/cooperation/"])
def test_dutch_headings_never_break_a_word_without_a_hyphen(browser, dev_site, path):
    for width in (320, 375):
        context, tab = open_page(browser, f"{dev_site}/{path}", width)
        assert tab.evaluate("() => document.documentElement.lang") == "nl"
        broken = tab.evaluate(WORD_SPLITS, "h1, h2, h3, .card__title")
        assert not broken, f"{path} at {width} px: {broken}"
        if path.startswith("nl/category/development") and width == 375:
            screenshot(tab, "dutch-heading", width)
        context.close()
    context, tab = open_page(browser, f"{dev_site}/{path}", 1280)
    assert not tab.evaluate(WORD_SPLITS, "h1, h2, h3, .card__title")
    if path.startswith("nl/category/development"):
        screenshot(tab, "dutch-heading", 1280)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_a_category_page_does_not_repeat_its_chip_on_every_card(browser, dev_site, width):
    context, tab = open_page(browser, f"{dev_site}/category/erdf/", width)
    assert tab.locator(".card").count() >= 2
    assert tab.locator(".card .tag-label").count() == 0
    screenshot(tab, "category", width)
    tab.goto(f"{dev_site}/", wait_until="load")
    assert tab.locator(".card .tag-label").count() >= 2  # elsewhere the chip stays
    context.close()


@pytest.mark.parametrize(("lang", "width"), [("fr", 1280), ("nl", 375), ("en", 1280)])
def test_the_topics_menu_has_labels_a_reader_can_tell_apart(browser, dev_site, lang, width):
    prefix = "" if lang == "fr" else f"{lang}/"
    context, tab = open_page(browser, f"{dev_site}/{prefix}", width)
    tab.click(".topics__toggle")
    labels = [text.strip().casefold() for text in tab.locator(".topics__list a").all_inner_texts()]
    assert len(labels) >= 6 and len(set(labels)) == len(labels)
    clashes = [(a, b) for a in labels for b in labels if a != b and b.startswith(a)]
    assert not clashes, clashes
    words = [set(label.split()) for label in labels]
    assert not any(a < b for a in words for b in words), labels  # no label inside another
    if lang in ("fr", "nl"):
        screenshot(tab, f"topics-menu-{lang}", width, full_page=False)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_email_preview_sizes_its_frames_and_wraps_long_urls(browser, dev_site, width):
    context, tab = open_page(browser, f"{dev_site}/newsletter/2026-14/preview.html", width)
    tab.wait_for_function("""() => [...document.querySelectorAll('iframe')].every(f =>
        f.contentDocument && f.contentDocument.readyState === 'complete')""")
    tab.wait_for_timeout(200)
    frames = tab.eval_on_selector_all("iframe", """frames => frames.map(f => ({
        inner: f.contentDocument.documentElement.scrollHeight, outer: f.clientHeight}))""")
    assert len(frames) == 2
    for frame in frames:
        assert frame["inner"] > 900  # a whole email, not a frame cut at a fixed height
        assert frame["outer"] >= frame["inner"], frames  # nothing to scroll inside
    text = tab.locator("pre")
    assert LONG_URL[:40] in text.inner_text()
    assert tab.evaluate("() => { const p = document.querySelector('pre');"
                        " return p.scrollWidth <= p.clientWidth; }")
    assert tab.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    screenshot(tab, "email-preview", width)
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_the_translation_report_page_shows_what_is_missing(browser, dev_site, width):
    context, tab = open_page(browser, f"{dev_site}/nl/translations/", width)
    row = tab.locator("tr", has=tab.locator("code", has_text="eat-brussels-soirees-"
                                                             "internationales"))
    states = [cell.split("\n")[-1].strip() for cell in row.locator("td").all_inner_texts()]
    assert states == ["origineel", "ontbreekt", "ontbreekt"]
    draft = tab.locator("tr", has=tab.locator("code", has_text="nouveau-site-international"))
    assert draft.locator("td").first.inner_text().split("\n")[-1].strip() == "concept"
    violations = run_axe(tab, tags=WCAG_AA)
    assert not violations, describe(violations)
    screenshot(tab, "translations", width)
    context.close()
