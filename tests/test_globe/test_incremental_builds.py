"""A build that reuses what the last one left (caches, skipped unchanged builds) must write
exactly what a clean build writes: every file, byte for byte, after each kind of change."""

from __future__ import annotations

import os
import shutil

from contentkit import article, write_image
from support import ROOT, SAMPLE_CONTENT, differences

from globe import build as builds


def test_cached_builds_equal_clean_builds_after_edits_renames_deletions_and_templates(
        tmp_path):
    content = tmp_path / "content"
    shutil.copytree(SAMPLE_CONTENT, content)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    editions = tmp_path / "no-editions"
    editions.mkdir()
    cached_output, cache = tmp_path / "cached", tmp_path / "cache"

    def cached_build():
        settings = builds.load_settings(content, editions, production=True, overrides={
            "THEME": str(theme), "GLOBE_IMAGE_CACHE": str(cache / "images"),
            "GLOBE_CACHE_PATH": str(cache)})
        return builds.build(settings, str(cached_output))

    def clean_build(step):
        settings = builds.load_settings(content, editions, production=True, overrides={
            "THEME": str(theme), "GLOBE_IMAGE_CACHE": str(tmp_path / f"fresh-{step}"),
            "GLOBE_CACHE_PATH": str(tmp_path / f"fresh-{step}")})
        output = tmp_path / f"clean-{step}"
        assert builds.build(settings, str(output)).ok
        return output

    articles = content / "articles"
    ankara = articles / "2021/mission-istanbul-ankara.fr.md"
    steps = {
        "edit": lambda: ankara.write_text(
            ankara.read_text(encoding="utf-8") + "\nUn paragraphe ajouté.\n", encoding="utf-8"),
        "rename": lambda: os.rename(articles / "2017/eurodyssey-stages-jeunes.nl.md",
                                    articles / "2017/eurodyssey-stages.nl.md"),
        "delete": lambda: os.remove(articles / "2020/webinars-tijdens-de-lockdown.nl.md"),
        "translation": lambda: (articles / "2014/eau-potable-ecoles-kinshasa.en.md").write_text(
            article("eau-potable-ecoles-kinshasa", "en", "Drinking water for schools",
                    date="2014-05-12", category="development"), encoding="utf-8"),
        "image": lambda: write_image(content / "images/2021/rooftop-garden.jpg",
                                     size=(1200, 800), colour=(200, 120, 0)),
        "template": lambda: (theme / "templates/article.html").write_text(
            (theme / "templates/article.html").read_text(encoding="utf-8").replace(
                '<footer class="article__footer"', '<footer class="article__footer changed"'),
            encoding="utf-8"),
    }
    first = cached_build()
    assert first.ok, first.problems
    assert cached_build().unchanged, "a rebuild with nothing changed should do nothing"
    for step, change in steps.items():
        change()
        result = cached_build()
        assert result.ok and not result.unchanged, (step, result.problems)
        assert not differences(cached_output, clean_build(step)), step
    assert 'class="article__footer changed"' in (
        cached_output / "2021/10/mission-istanbul-ankara/index.html").read_text(encoding="utf-8")
