"""Every page type, served by nginx with the site's Content-Security-Policy, in Chromium:
no violation reported, no console error, the stylesheet applied, the embed script working."""

from __future__ import annotations

import pytest

from globe_core.languages import LANGUAGES

# Registered before any page script: the browser reports each violation as an event.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`
                           + ` (${event.sourceFile || ''}:${event.lineNumber || 0})`);
});
"""


@pytest.fixture
def csp_page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    # Nothing may leave the machine: embed hosts answer with an empty page.
    context.route("https://**/*", lambda route: route.fulfill(
        status=200, body="<p>embedded</p>", content_type="text/html"))
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error"
            and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def problems_on(page, url: str) -> list[str]:
    page.errors.clear()
    response = page.goto(url, wait_until="networkidle")
    assert "Content-Security-Policy" in response.headers or \
        "content-security-policy" in response.headers, f"{url} is served without a CSP"
    violations = page.evaluate("window.__violations")
    # A missing page's own 404 status is logged as a console error by Chromium: not ours.
    errors = [e for e in page.errors if "404 (Not Found)" not in e]
    return [f"{url}: {p}" for p in violations + errors]


def stylesheet_applied(page) -> bool:
    return page.evaluate("""() => [...document.styleSheets].some(
        sheet => sheet.href && sheet.href.includes('/theme/css/site.') && sheet.cssRules.length)""")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_type_works_under_the_csp(lang, nginx_site, nginx_site_pages, csp_page):
    pages = [p for p in nginx_site_pages if p.lang == lang]
    kinds = {p.kind for p in pages}
    assert {"home", "article", "page", "category", "tag", "archives", "404"} <= kinds
    failures = []
    for site_page in pages:
        url = site_page.url(nginx_site.url)
        failures += problems_on(csp_page, url)
        if not stylesheet_applied(csp_page):
            failures.append(f"{url}: the site's stylesheet was not applied")
    prefix = "" if lang == "fr" else f"/{lang}"
    failures += problems_on(csp_page, f"{nginx_site.url}{prefix}/2099/01/nulle-part/")
    assert not failures, "\n".join(failures)


def test_the_embed_script_runs_and_loads_its_frame_under_the_csp(nginx_site, csp_page):
    article = next(p for p in sorted(nginx_site.built.rglob("index.html"))
                   if 'class="embed' in p.read_text(encoding="utf-8"))
    path = article.parent.relative_to(nginx_site.built).as_posix()
    assert not problems_on(csp_page, f"{nginx_site.url}/{path}/")
    button = csp_page.locator("button.embed__load").first
    assert button.is_visible()  # shown by the script: it was allowed to run
    button.click()
    csp_page.wait_for_load_state("networkidle")
    assert csp_page.locator(".embed iframe").count() >= 1
    assert csp_page.evaluate("window.__violations") == []


def test_newsletter_emails_keep_their_inline_styles_under_their_own_policy(
        nginx_site, csp_page):
    email = next(nginx_site.built.glob("newsletter/*/email.html"))
    path = email.relative_to(nginx_site.built).as_posix()
    assert not problems_on(csp_page, f"{nginx_site.url}/{path}")
    # the email's inline style attributes apply: the computed font is the one they set
    styled = csp_page.evaluate("""() => {
        const el = document.querySelector('[style*="font-family"]');
        return {attribute: el.getAttribute('style'), font: getComputedStyle(el).fontFamily};
    }""")
    wanted = styled["attribute"].split("font-family:")[1].split(";")[0].split(",")[0].strip()
    assert wanted.strip("'\"") in styled["font"] and "Times" not in styled["font"]


def test_the_browser_does_report_what_the_csp_blocks(nginx_site, csp_page):
    """The detector itself: a page with inline script and style is caught."""
    probe = nginx_site.root / "csp-probe.html"
    probe.write_text('<!doctype html><html lang="fr"><title>t</title><style>p{}</style>'
                     '<p style="color:red">x</p><script>document.title="ran"</script>')
    try:
        found = problems_on(csp_page, f"{nginx_site.url}/csp-probe.html")
    finally:
        probe.unlink()
    assert any("style-src" in p for p in found) and any("script-src" in p for p in found)
    assert csp_page.title() == "t"  # the inline script did not run
