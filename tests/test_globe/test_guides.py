"""The officers' guides (docs/guide/fr.md, nl.md, en.md) stay in step with each other and
with the tool: the same sections, commands that exist, metadata keys the checks accept,
category labels as the site shows them, and examples that build."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from contentkit import write_image
from support import ROOT, SAMPLE_CONTENT, SAMPLE_EDITIONS

from globe import cli
from globe_content.model import ARTICLE_KEYS, PAGE_KEYS
from globe_core.categories import CATEGORY_LABELS
from globe_newsletter.edition import EDITION_KEYS

GUIDES = {lang: ROOT / "docs" / "guide" / f"{lang}.md" for lang in ("fr", "nl", "en")}
SECTION = re.compile(r"^<!-- section: (\w+) -->\n## (\d+)\. ", re.MULTILINE)
FENCE = re.compile(r"^ *```(\w+)\n(.*?)^ *```", re.MULTILINE | re.DOTALL)
INLINE = re.compile(r"`([^`\n]+)`")
KNOWN_KEYS = {key.capitalize() for key in [*ARTICLE_KEYS, *PAGE_KEYS, *EDITION_KEYS]}
# Built by another issue at the same time (branch `delivery`): checked like every other
# command as soon as the CLI has it, accepted by name until then.
ANNOUNCED = {("newsletter", "send-test")}


def text(lang: str) -> str:
    return GUIDES[lang].read_text(encoding="utf-8")


def commands(lang: str) -> list[str]:
    """Every command the guide shows: lines of ```sh blocks and inline `make …`/`globe …`."""
    found = []
    for kind, block in FENCE.findall(text(lang)):
        if kind == "sh":
            found += [line.strip() for line in block.splitlines() if line.strip()]
    found += [code for code in INLINE.findall(text(lang))
              if re.match(r"^(?:GLOBE_LANG=\w+ )?(?:make|\.venv/bin/globe) ", code)]
    return found


def test_the_three_guides_have_the_same_sections_in_the_same_order():
    sections = {lang: SECTION.findall(text(lang)) for lang in GUIDES}
    assert len(sections["fr"]) >= 10
    assert sections["fr"] == sections["nl"] == sections["en"]
    wanted = {"write", "images", "translate", "schedule", "check", "edition", "preview",
              "proof"}
    assert wanted <= {name for name, _number in sections["fr"]}
    # every `##` heading belongs to a marked section: none can be added to one guide only
    for lang in GUIDES:
        headings = re.findall(r"^## ", FENCE.sub("", text(lang)), re.MULTILINE)
        assert len(headings) == len(sections[lang]), lang


def _make_targets() -> set[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"^([a-z][\w-]*):", makefile, re.MULTILINE))


@pytest.mark.parametrize("lang", GUIDES)
def test_every_command_the_guide_shows_exists(lang):
    shown = commands(lang)
    assert any("newsletter new" in c for c in shown) and any("make check" in c for c in shown)
    targets, parser = _make_targets(), cli.parser()
    subcommands = {name for action in parser._subparsers._group_actions
                   for name in action.choices}
    newsletter = parser._subparsers._group_actions[0].choices["newsletter"]
    newsletter_commands = {name for action in newsletter._subparsers._group_actions
                           for name in action.choices}
    for command in shown:
        words = shlex.split(command)
        while words and "=" in words[0]:
            words.pop(0)  # GLOBE_LANG=fr
        if words[0] == "make":
            assert words[1] in targets, command
        elif words[0] == ".venv/bin/globe":
            args = words[1:]
            assert args[0] in subcommands, command
            if args[0] == "newsletter" and args[1] not in newsletter_commands:
                assert ("newsletter", args[1]) in ANNOUNCED, command
                continue
            parser.parse_args(args)  # exits (fails the test) on an unknown option
        else:
            assert words[0] == "git", command


@pytest.mark.parametrize("lang", GUIDES)
def test_every_metadata_key_the_guide_shows_is_one_the_checks_accept(lang):
    shown = set()
    for kind, block in FENCE.findall(text(lang)):
        if kind == "markdown" and re.match(r"^\w+: ", block):
            shown |= set(re.findall(r"^(\w+):", block.split("\n\n")[0], re.MULTILINE))
    shown |= {m.group(1) for code in INLINE.findall(text(lang))
              if (m := re.match(r"^([A-Z]\w+):(?: |$)", code))}
    shown |= set(re.findall(r"^\| `([A-Z]\w+)`", text(lang), re.MULTILINE))
    assert {"Title", "Image", "Translation_of", "Articles", "Status"} <= shown
    assert shown <= KNOWN_KEYS, shown - KNOWN_KEYS


@pytest.mark.parametrize("lang", GUIDES)
def test_the_category_table_matches_the_site(lang):
    rows = dict(re.findall(r"^\| `([a-z]+)` \| ([^|]+?) \|$", text(lang), re.MULTILINE))
    assert rows == {key: labels[lang] for key, labels in CATEGORY_LABELS.items()}


@pytest.mark.parametrize("lang", GUIDES)
def test_the_guides_examples_build(tmp_path, build_site, lang):
    """The article and edition examples, as an officer would copy them, with their images."""
    content, editions = tmp_path / "content", tmp_path / "editions"
    shutil.copytree(SAMPLE_CONTENT, content)
    shutil.copytree(SAMPLE_EDITIONS, editions)
    examples = [block for kind, block in FENCE.findall(text(lang)) if kind == "markdown"]
    article = next(b for b in examples if b.startswith("Title: "))
    edition = next(b for b in examples if b.startswith("Number: "))
    slug = re.search(r"^Slug: (.+)$", article, re.MULTILINE).group(1)
    year = re.search(r"^Date: (\d{4})", article, re.MULTILINE).group(1)
    (content / f"articles/{year}/{slug}.{lang}.md").write_text(article, encoding="utf-8")
    for block in examples:  # every image an example names
        for path in re.findall(r"(?:^Image: |\]\()(images/[\w/.-]+)", block, re.MULTILINE):
            write_image(content / path)
    number = re.search(r"^Number: (.+)$", edition, re.MULTILINE).group(1)
    (editions / f"{number}.{lang}.md").write_text(edition, encoding="utf-8")
    result = build_site(content, editions=editions)
    assert result.ok, "\n".join(map(str, result.problems))
    output = Path(result.output)
    prefix = "" if lang == "fr" else f"{lang}/"
    assert (output / f"{prefix}newsletter/{number}/preview.html").is_file()
