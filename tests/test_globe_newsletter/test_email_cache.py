"""Emails kept between builds: a rebuild renders again only what changed, and writes what a
clean build writes."""

from __future__ import annotations

import re
import shutil

from support import ROOT, SAMPLE_CONTENT, SAMPLE_EDITIONS, differences

from globe import build as builds


def entries(cache) -> set[str]:
    return {path.name for path in (cache / "emails").glob("*/*")}


def test_a_rebuild_renders_only_the_editions_whose_inputs_changed(tmp_path):
    content, editions, theme = tmp_path / "content", tmp_path / "editions", tmp_path / "theme"
    shutil.copytree(SAMPLE_CONTENT, content)
    shutil.copytree(SAMPLE_EDITIONS, editions)
    shutil.copytree(ROOT / "theme", theme)
    cache = tmp_path / "cache"

    def build(output, cache_folder):
        settings = builds.load_settings(content, editions, production=True, overrides={
            "THEME": str(theme), "GLOBE_CACHE_PATH": str(cache_folder),
            "GLOBE_IMAGE_CACHE": str(cache_folder / "images")})
        result = builds.build(settings, str(output))
        assert result.ok, result.problems
        return output

    build(tmp_path / "first", cache)
    first = entries(cache)
    editions_built = len(list((tmp_path / "first" / "newsletter").rglob("email.html")))
    # one email per edition and language, drafts too (checked, not published)
    assert len(first) >= editions_built > 1

    # an article of one French edition gets a new title: that edition's email only
    edition = editions / "2021-11.fr.md"
    slug = re.search(r"^Articles: ([\w-]+)", edition.read_text(encoding="utf-8"), re.M)[1]
    source = next(p for p in content.rglob("*.fr.md")
                  if re.search(rf"^Slug: {slug}$", p.read_text(encoding="utf-8"), re.M))
    source.write_text(re.sub(r"^Title: .*$", "Title: Un titre revu", source.read_text(
        encoding="utf-8"), count=1, flags=re.M), encoding="utf-8")
    rebuilt = build(tmp_path / "second", cache)
    new = entries(cache) - first
    assert 1 <= len(new) < len(first)
    assert "Un titre revu" in (rebuilt / "newsletter/2021-11/email.html").read_text(
        encoding="utf-8")
    assert differences(rebuilt, build(tmp_path / "clean", tmp_path / "fresh-cache")) == []

    # a change to the email templates makes every email again
    footer = theme / "email" / "edition.mjml"
    footer.write_text(footer.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    before = entries(cache)
    build(tmp_path / "third", cache)
    assert len(entries(cache) - before) == len(first)
