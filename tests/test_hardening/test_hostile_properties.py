"""Property tests (Hypothesis): hostile metadata values and Markdown bodies never crash the
build, are reported as `path:line` problems, or come out escaped in everything written.

Each example is a real build (site, feeds, sitemap, email, text part), so example counts
stay small: the suite runs on two shared cores.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from bs4 import BeautifulSoup
from contentkit import article, write_image, write_tree
from hypothesis import HealthCheck, Phase, event, given, settings
from hypothesis import strategies as st
from test_globe_newsletter.kit import edition, write_site

from globe import cli
from globe_core.foreign_resources import html_urls, is_foreign
from globe_core.source import split_source

PIECES = ['"', "'", "<", ">", "&", "{", "}", "/", "\\", "=", ";", ":", "!", "#", "*", "_",
          "[", "]", "(", ")", "`", "|", "~", "-", ".", " ", "a", "é", "Z", "1", "\x00",
          "\u202e", "\u200f", "\u061c", "\u2028", "\t", "{{", "}}", "{{ .Subscriber.Email }}",
          "<script>", "</script>", "javascript:", "<img src=x onerror=alert(1)>", "&lt;",
          "&#60;", "&amp;", '" onmouseover="alert(1)', "<!--", "]]>", "https://evil.example/x.png",
          "![x](https://evil.example/x.png)", "<iframe src=//evil.example>", "%00", "\ufeff"]
hostile = st.one_of(
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=24).map("".join),
    st.text(alphabet="ab <>\"'&{}", min_size=1500, max_size=3000),  # very long values
)
body_pieces = st.sampled_from(PIECES + ["\n", "\n\n", "## ", "- ", "> ", "    ", "```\n",
                                        "[lien](", ")", "![", "<div>", "</div>", "<p>",
                                        "{: onclick=\"x()\" }", "<style>", "url(", "|---|\n"])
hostile_body = st.lists(body_pieces, min_size=1, max_size=60).map("".join)

PROBLEM = re.compile(r"^(?P<path>\S.*?)(?::(?P<line>\d+))?: (?:error|note): \S")
ALLOWED_TAGS = {" UnsubscribeURL ", " ManageURL "}
# No shrinking: each example is a whole build, and a failure prints its example anyway.
SETTINGS = settings(max_examples=8, deadline=None, derandomize=True,
                    phases=[Phase.explicit, Phase.reuse, Phase.generate],
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])


def run_build(root: Path) -> tuple[int, str]:
    """`globe build` in this process, as the command line runs it: (exit code, stderr)."""
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        code = cli.main(["build", "--content", str(root / "content"), "--editions",
                         str(root / "editions"), "--output", str(root / "site")])
    return code, err.getvalue()


def assert_reported_as_problems(code: int, stderr: str) -> None:
    event(f"exit {code}")  # --hypothesis-show-statistics: how many examples built
    assert code in (0, 1), stderr
    assert "Traceback" not in stderr
    if code == 1:
        lines = [line for line in stderr.splitlines() if line.strip()]
        problems = lines[:-2]  # then "Build failed: …" and "… was left as it was."
        assert problems and all(PROBLEM.match(line) for line in problems), stderr


def assert_written_safely(site: Path) -> None:
    """Every page, feed, sitemap, JSON-LD block, email and text part: nothing live."""
    for path in site.rglob("*"):
        suffix = path.suffix
        if suffix not in (".html", ".xml", ".txt", ".json"):
            continue
        text = path.read_text(encoding="utf-8")
        if suffix == ".html":
            _assert_inert_html(text, path)
        elif suffix == ".xml":
            root = ET.fromstring(text.encode("utf-8"))  # well-formed, whatever went in
            for element in root.iter():
                if element.text and "<" in element.text:
                    _assert_inert_html(element.text, path)
        elif suffix == ".json":
            json.loads(text)
        if path.name == "email.txt" or suffix == ".json":
            live = set(re.findall(r"\{\{(.*?)\}\}", text)) - ALLOWED_TAGS
            assert not live, (path, live)


# the site's own scripts: embeds, and the search page's (Pagefind's interface, our labels)
OWN_SCRIPTS = ("/theme/js/embed.js", "/theme/js/search.js", "/pagefind/pagefind-ui.js")


def _assert_inert_html(text: str, path: Path) -> None:
    soup = BeautifulSoup(text, "html.parser")
    for element in soup.find_all(True):
        assert not [a for a in element.attrs if a.lower().startswith("on")], (path, element)
        if element.name == "script" and path.name != "preview.html":  # a dev-only page
            if element.get("type") == "application/ld+json":
                json.loads(element.string)
            else:
                assert element.get("src", "").endswith(OWN_SCRIPTS), (path, element)
        for name in ("href", "src"):
            value = str(element.get(name, "")).strip().lower()
            assert not value.startswith(("javascript:", "data:text")), (path, element)
    assert not [u for u in html_urls(text) if is_foreign(u, "127.0.0.1")], path


ARTICLE_FIELDS = ("title", "summary", "image_alt", "image_caption", "image_credit", "tags",
                  "author")
EDITION_FIELDS = ("subject", "preheader")


def fit_preheader(value: str) -> str:
    """40 to 100 characters, as the edition's rules want, so the value gets through."""
    return (value + " — les nouvelles de Bruxelles International ce mois-ci")[:100]


@settings(SETTINGS, max_examples=20)
@given(field=st.sampled_from(ARTICLE_FIELDS + EDITION_FIELDS), value=hostile)
def test_hostile_metadata_values(field, value):
    """One field hostile, the others ordinary, so that many examples build and are read."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        if field == "preheader":
            value = fit_preheader(value)
        fields = {field: value} if field in EDITION_FIELDS else {}
        write_site(root, {"2021-15.fr.md": edition(status="ready", **fields)})
        fields = {field: value} if field in ARTICLE_FIELDS else {}
        text = article("alpha", "fr", **{"title": "Mission", "image": "images/alpha.jpg",
                                         "image_alt": "Une ville", **fields})
        write_tree(root, {"content/articles/alpha.fr.md": text})
        code, stderr = run_build(root)
        assert_reported_as_problems(code, stderr)
        if code == 0:
            assert_written_safely(root / "site")
            page = (root / "site/2021/10/alpha/index.html").read_text(encoding="utf-8")
            soup = BeautifulSoup(page, "html.parser")
            source, _problems = split_source("x.md", text)
            # the title round-trips through the attribute: escaped, not lost
            assert soup.find("meta", property="og:title")["content"] == \
                source.value("title").strip()
            if field == "image_alt":
                alts = [img.get("alt") for img in soup.find_all("img")]
                assert source.value("image_alt").strip() in alts


@settings(SETTINGS, max_examples=12)
@given(body=hostile_body, introduction=hostile_body)
def test_hostile_markdown_bodies(body, introduction):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_site(root, {"2021-15.fr.md": edition(introduction, status="ready")})
        write_tree(root, {"content/articles/hostile.fr.md": article("hostile", "fr",
                                                                    body=body)})
        write_image(root / "content/images/ok.jpg", size=(40, 30))
        code, stderr = run_build(root)
        assert_reported_as_problems(code, stderr)
        if code == 0:
            assert_written_safely(root / "site")
