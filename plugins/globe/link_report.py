"""`globe links --external`: build, gather each page's links to other sites, check them,
write links.md and links.json grouped by the article (or page, or edition) holding them."""

from __future__ import annotations

import html
import json
import os
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit

from globe_publish.internal_links import links_of, output_files
from globe_publish.plugin import SOURCES

from globe_core.messages import _
from globe_core.settings import GlobeSettings

from . import build as builds
from .external_links import CheckOptions, LinkCache, LinkChecker, LinkResult


@dataclass
class PageLinks:
    source: str  # the article, page or edition file
    page_url: str
    links: set[str] = field(default_factory=set)


def external_links_of(path: str, page_url: str, site_host: str) -> set[str]:
    found = set()
    for url in links_of(path):
        absolute = urljoin(page_url, url)
        parts = urlsplit(absolute)
        if parts.scheme in ("http", "https") and parts.netloc and parts.netloc != site_host:
            found.add(absolute.split("#")[0])
    return found


def _written_in(source: str) -> str:
    try:
        with open(source, encoding="utf-8", errors="replace") as file:
            return html.unescape(file.read())
    except OSError:
        return ""


def gather(output: str, siteurl: str, sources: dict[str, str]) -> list[PageLinks]:
    """External links per source file: those its author wrote, not the theme's (share
    buttons, social profiles), which would be asked for on every page."""
    host = urlsplit(siteurl).netloc
    groups: dict[str, PageLinks] = {}
    texts: dict[str, str] = {}
    for path in output_files(output):
        page = os.path.relpath(path, output).replace(os.sep, "/")
        source = sources.get(page)
        if not source:
            continue
        if source not in texts:
            texts[source] = _written_in(source)
        page_url = f"{siteurl}/{page.removesuffix('index.html')}"
        links = {u for u in external_links_of(path, page_url, host) if u in texts[source]}
        if links:
            groups.setdefault(source, PageLinks(source, page_url)).links |= links
    return [groups[s] for s in sorted(groups)]


def describe(result: LinkResult) -> str:
    if result.error == "timeout":
        return _("no answer in time")
    if result.error == "no-answer":
        return _("no answer (connection failed)")
    if result.error:
        return result.error
    text = str(result.status)
    if result.redirected_from:
        text = f"{result.redirected_from} → {result.final_url} ({result.status})"
    return text


def write_reports(folder: str, groups: list[PageLinks], results: dict[str, LinkResult],
                  requested: int) -> tuple[int, int]:
    """links.json (everything) and links.md (what needs a look); (failing, moved)."""
    os.makedirs(folder, exist_ok=True)
    failing = sorted(u for u, r in results.items() if not r.ok)
    moved = sorted(u for u, r in results.items() if r.moved)
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    data = {
        "checked_at": stamp,
        "summary": {"links": len(results), "failing": len(failing), "moved": len(moved),
                    "requested": requested},
        "pages": [{"source": g.source, "url": g.page_url, "links": [
            {"url": u, "ok": results[u].ok, "status": results[u].status,
             "error": results[u].error, "redirected_from": results[u].redirected_from,
             "final_url": results[u].final_url} for u in sorted(g.links)]} for g in groups],
    }
    with open(os.path.join(folder, "links.json"), "w", encoding="utf-8") as file:
        json.dump(data, file, indent=1, ensure_ascii=False)
    heading, link, outcome = _("External links"), _("link"), _("result")
    lines = [f"# {heading} — {stamp}", "",
             _("%(links)s links checked: %(failing)s failing, %(moved)s moved.",
               links=len(results), failing=len(failing), moved=len(moved)), ""]
    for group in groups:
        bad = [u for u in sorted(group.links) if not results[u].ok or results[u].moved]
        if not bad:
            continue
        lines += [f"## {group.source}", "", group.page_url, "",
                  f"| {link} | {outcome} |", "| --- | --- |"]
        lines += [f"| {u} | {'❌' if not results[u].ok else '↪'} {describe(results[u])} |"
                  for u in bad]
        lines.append("")
    with open(os.path.join(folder, "links.md"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines))
    return len(failing), len(moved)


def options_from_settings(settings: dict) -> CheckOptions:
    typed = GlobeSettings.of(settings)
    return CheckOptions(timeout=typed.links_timeout, attempts=typed.links_attempts,
                        per_host=typed.links_per_host, backoff=typed.links_backoff,
                        max_age=typed.links_max_age_days * 24 * 3600)


@dataclass
class LinkRun:
    problems: list
    groups: list[PageLinks] = field(default_factory=list)
    results: dict[str, LinkResult] = field(default_factory=dict)
    requested: list[str] = field(default_factory=list)
    failing: int = 0
    moved: int = 0


def check_external_links(settings: dict, report: str) -> LinkRun:
    """Build into a throw-away folder, check every external link, write the report."""
    with tempfile.TemporaryDirectory(prefix="globe-links-") as scratch:
        run = {**settings, "OUTPUT_PATH": scratch}
        problems = builds.run_pelican(run)
        if problems:
            return LinkRun(problems)
        groups = gather(scratch, settings["SITEURL"], run.get(SOURCES, {}))
    checker = LinkChecker(options_from_settings(settings),
                          LinkCache(GlobeSettings.of(settings).links_cache))
    results = checker.check(u for g in groups for u in g.links)
    failing, moved = write_reports(report, groups, results, len(checker.requested))
    return LinkRun([], groups, results, checker.requested, failing, moved)


def run_external_check(args) -> int:
    overrides = {"GLOBE_LINKS_CACHE": os.path.abspath(args.cache)} if args.cache else {}
    settings = builds.load_settings(args.content, args.editions, production=True,
                                    overrides=overrides)
    done = check_external_links(settings, args.report)
    for problem in done.problems:
        print(problem, file=sys.stderr)
    if done.problems:
        print(_("Build failed: %(count)s problem(s).", count=len(done.problems)),
              file=sys.stderr)
        return 1
    print(_("%(links)s links checked (%(asked)s asked, the others from the cache): "
            "%(failing)s failing, %(moved)s moved. Report: %(folder)s",
            links=len(done.results), asked=len(done.requested), failing=done.failing,
            moved=done.moved, folder=os.path.join(args.report, "links.md")))
    return 0  # a report, not a gate: the outside world is flaky
