"""The built pages invite readers to subscribe, in their language, and the form is listmonk's."""

from __future__ import annotations

import pytest
from built_site import LANGUAGES, article_paths, prefix, soup
from support import ROOT

from globe import build as builds
from globe_core.catalogues import load_translations

LISTS = builds.load_settings()["GLOBE_NEWSLETTER_LISTS"]
CONSENT = ("I agree that Brussels International keeps my email address, my name if I give it, "
           "and my choice of language, in order to send me The Brussels Globe. I can withdraw "
           "my consent at any time with the unsubscribe link in every email.")


def translated(lang: str, message: str) -> str:
    catalogue = load_translations(str(ROOT / "theme" / "translations"), lang,
                                  "messages")
    return catalogue.ugettext(message)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_every_article_and_the_archive_invite_to_subscribe(lang, sample_site):
    subscribe = f"https://international.brussels/{prefix(lang)}subscribe/"
    title = translated(lang, "Receive The Brussels Globe by email")
    pages = [prefix(lang), f"{prefix(lang)}newsletter/", *article_paths(sample_site, lang)]
    assert len(pages) > 3
    for path in pages:
        cta = soup(sample_site, path).select_one("aside.subscribe-cta")
        assert cta is not None, path
        assert cta.h2.get_text(strip=True) == title
        assert cta.a["href"] == subscribe


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_subscribe_page_has_listmonks_form(lang, sample_site):
    page = soup(sample_site, f"{prefix(lang)}subscribe/")
    form = page.select_one("form.subscribe-form__form")
    assert form["method"] == "post"
    assert form["action"] == "https://newsletter.international.brussels/subscription/form"
    nonce = form.select_one("input[name=nonce]")
    assert nonce["type"] == "hidden" and nonce["value"] == ""
    email, name = form.select_one("input[name=email]"), form.select_one("input[name=name]")
    assert email["type"] == "email" and email.has_attr("required")
    assert not name.has_attr("required")
    for field in (email, name):
        assert form.select_one(f"label[for={field['id']}]") is not None
    lists = form.select("input[name=l]")
    assert {item["value"] for item in lists} == set(LISTS.values())
    assert [item["value"] for item in lists if item.has_attr("checked")] == [LISTS[lang]]
    consent = form.select_one("input[name=consent]")
    assert consent["type"] == "checkbox" and consent.has_attr("required")
    assert not consent.has_attr("checked")
    label = form.select_one("label[for=subscribe-consent]").get_text(" ", strip=True)
    assert label.startswith(translated(lang, CONSENT))
    privacy = form.select_one(".subscribe-form__privacy a")
    assert privacy["href"] == f"https://international.brussels/{prefix(lang)}privacy/"
    note = translated(lang, "After sending the form you will receive an email asking you to "
                            "confirm your address. Your subscription starts only once you "
                            "click the link in that email.")
    assert form.select_one(".subscribe-form__note").get_text(strip=True) == note
    assert not page.select("script")  # no JavaScript needed


@pytest.mark.parametrize(("lang", "words"), [
    ("fr", ("listmonk", "adresse e-mail", "30 jours", "désabonner")),
    ("nl", ("listmonk", "e-mailadres", "30 dagen", "Uitschrijven")),
    ("en", ("listmonk", "email address", "30 days", "Unsubscribe")),
])
def test_the_privacy_notice_names_the_service_what_how_long_and_how_to_leave(
        lang, words, sample_site):
    text = soup(sample_site, f"{prefix(lang)}privacy/").main.get_text(" ")
    for word in words:
        assert word in text
