"""Issue 11's figures on the shared corpus, side by side with bare Pelican, as a table and JSON.

- cold production build (caches emptied), editions, search index and images included,
  best of three, each beside a bare Pelican build (the machine's load varies);
- production rebuild with nothing changed;
- `globe serve`: first page served (empty output folder), the whole site served (the first
  full build behind it), then five saves of different
  articles: time until the server returns each article with the change (median), and
  until the home page and the feed show it too (the listings preview that follows it);
- peak memory (largest process) of the production build and of bare Pelican;
- the bytes a phone (375 px, 2x) downloads for the sample article with the largest hero,
  before (original files) and after (the widths `srcset` offers).

Usage: python bench/speed.py [--articles 2400] [--json PATH]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GENERATOR = Path(os.environ.get("BENCH_CORPUS_GENERATOR",
                                ROOT.parent / "shared" / "bench" / "make_corpus.py"))
# The bench's own caches: emptied for the cold build, never the project's .cache/.
CACHE = Path(tempfile.mkdtemp(prefix="globe-bench-cache-"))
os.environ["GLOBE_CACHE_PATH"] = str(CACHE)
PHONE_PIXELS = 375 * 2
ROUNDS = 3  # cold builds, bare and ours


def run_measured(command, cwd, env=None) -> tuple[float, int]:
    """Wall time and peak memory (MB, largest process) of one command, in a fresh child."""
    probe = ("import resource, subprocess, sys, time, json\n"
             "t = time.perf_counter()\n"
             "r = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
             "e = time.perf_counter() - t\n"
             "if r.returncode: sys.exit(r.stdout + r.stderr)\n"
             "print(json.dumps([e, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss]))\n")
    result = subprocess.run([sys.executable, "-c", probe, *command], cwd=cwd, check=False,
                            capture_output=True, text=True, env=env)
    if result.returncode:
        sys.exit(f"failed: {' '.join(map(str, command))}\n{result.stderr}")
    seconds, kilobytes = json.loads(result.stdout)
    return seconds, kilobytes // 1024


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, seconds: float, step=0.02):
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


def builds(corpus: Path, scratch: Path) -> dict:
    bare_runs, cold_runs = [], []
    for round_number in range(ROUNDS):  # interleaved, best of each: the machine's load varies
        # Never-used folders, deleted only after the last round: on this disk (ext4
        # without a journal) files created soon after thousands were deleted cost up to
        # 50 times more (docs/performance.md), which would measure the previous round.
        fresh = scratch / f"cold-{round_number}"
        bare_runs.append(run_measured(
            [str(BIN / "pelican"), "content", "-o", str(fresh / "bare"), "-q"], corpus))
        cold_runs.append(run_measured(
            [*globe_build(fresh / "globe")], corpus,
            env={**os.environ, "GLOBE_CACHE_PATH": str(fresh / "cache")}))  # cold: no cache
    for round_number in range(ROUNDS):
        shutil.rmtree(scratch / f"cold-{round_number}")
    (bare, bare_mb), (cold, cold_mb) = min(bare_runs), min(cold_runs)
    run_measured(globe_build(scratch / "globe"), corpus)  # fills the bench's cache
    unchanged, _ = run_measured(globe_build(scratch / "globe"), corpus)
    return {"bare_cold_s": bare, "bare_peak_mb": bare_mb, "cold_s": cold, "cold_peak_mb": cold_mb,
            "unchanged_s": unchanged}


def globe_build(output: Path) -> list[str]:
    return [str(BIN / "globe"), "build", "--production", "--content", "content",
            "--editions", "newsletter/editions", "--output", str(output)]


def newest_french_articles(url_map: dict, count: int) -> list[tuple[str, str]]:
    articles = [(path, url) for path, url in url_map.items()
                if path.startswith("articles/") and re.match(r"\d{4}/\d\d/", url)]
    return sorted(articles, key=lambda item: item[1], reverse=True)[:count]


def dev_server(corpus: Path, scratch: Path, edits: int) -> dict:
    shutil.rmtree(CACHE / "dev", ignore_errors=True)
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    output = scratch / "serve"
    log = (scratch / "serve.log").open("w")
    started = time.perf_counter()
    server = subprocess.Popen(
        [str(BIN / "globe"), "serve", "--content", "content", "--editions",
         "newsletter/editions", "--output", str(output), "--port", str(port)],
        cwd=corpus, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    figures: dict = {"save_to_page_s": [], "save_to_listings_s": []}
    try:
        if not wait_for(lambda: fetch(f"{site}/") is not None, 900, step=0.1):
            sys.exit("globe serve never served its home page")
        figures["first_page_s"] = time.perf_counter() - started
        # the first page is a first look (no search index); the full build behind it
        # swaps in the whole site, search index included
        if not wait_for((output / "pagefind" / "pagefind-ui.js").exists, 900, step=0.1):
            sys.exit("globe serve never finished its first full build")
        figures["first_full_site_s"] = time.perf_counter() - started
        url_map = json.loads((CACHE / "dev" / "urls.json").read_text(encoding="utf-8"))
        for number, (path, url) in enumerate(newest_french_articles(url_map, edits)):
            source = corpus / "content" / path
            text = source.read_text(encoding="utf-8")
            marker = f"Bench edit {number} {time.time_ns()}"
            saved = time.perf_counter()
            source.write_text(re.sub(r"^Title: .*$", f"Title: {marker}", text, count=1,
                                     flags=re.M), encoding="utf-8")
            if not wait_for(lambda u=url, m=marker: m in (fetch(f"{site}/{u}") or ""), 300):
                sys.exit(f"the edit of {path} never showed:\n"
                         + (scratch / "serve.log").read_text(encoding="utf-8")[-3000:])
            figures["save_to_page_s"].append(time.perf_counter() - saved)
            everywhere = wait_for(
                lambda m=marker: m in (fetch(f"{site}/") or "")
                and m in (fetch(f"{site}/feeds/all.atom.xml") or ""), 600, step=0.2)
            figures["save_to_listings_s"].append(
                time.perf_counter() - saved if everywhere else float("nan"))
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    figures["save_to_page_median_s"] = statistics.median(figures["save_to_page_s"])
    figures["save_to_listings_median_s"] = statistics.median(figures["save_to_listings_s"])
    return figures


def phone_bytes(scratch: Path) -> dict:
    """Sample site: the article with the largest hero, what a 375 px 2x phone fetches."""
    output = scratch / "sample"
    built = subprocess.run([str(BIN / "globe"), "build", "--production", "--output",
                            str(output)], cwd=ROOT, check=False, capture_output=True, text=True)
    if built.returncode:
        sys.exit(built.stderr)

    def local(url):
        return output / url.split("://", 1)[-1].split("/", 1)[1]

    best = None
    for page in output.glob("[12][0-9][0-9][0-9]/*/*/index.html"):
        hero = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
            "main .hero img")
        if hero is not None:
            original = re.sub(r"-\d+w\.(jpg|png)$", r".\1", hero["src"])
            size = local(original).stat().st_size
            if best is None or size > best[0]:
                best = (size, page)
    html = BeautifulSoup(best[1].read_text(encoding="utf-8"), "html.parser")
    before = after = best[1].stat().st_size
    for link in html.select('link[rel="stylesheet"]:not([media="print"])'):
        size = local(link["href"]).stat().st_size
        before, after = before + size, after + size
    for picture in html.select("main picture"):
        img = picture.img
        before += local(re.sub(r"-\d+w\.(jpg|png)$", r".\1", img["src"])).stat().st_size
        candidates = sorted((int(width), url) for url, width in re.findall(
            r"(\S+) (\d+)w", picture.source["srcset"]))
        chosen = next((url for width, url in candidates if width >= PHONE_PIXELS),
                      candidates[-1][1])
        after += local(chosen).stat().st_size
    return {"phone_article": str(best[1].parent.relative_to(output)),
            "phone_bytes_before": before, "phone_bytes_after": after}


def table(figures: dict) -> str:
    bare = figures["bare_cold_s"]
    rows = [
        ("cold production build (editions, search, images)", bare, figures["cold_s"], "≤ 1.0"),
        ("production rebuild, nothing changed", bare, figures["unchanged_s"], "≤ 0.2"),
        ("make serve: first page served", bare, figures["first_page_s"], "≤ 1.0"),
        ("make serve: whole site served (first full build)", bare,
         figures["first_full_site_s"], ""),
        ("save one article → its page served (median of 5)", None,
         figures["save_to_page_median_s"], "< 1 s"),
        ("save → home page and feed show it (median)", None,
         figures["save_to_listings_median_s"], ""),
    ]
    lines = [f"{'figure':52} {'bare Pelican':>13} {'globe':>9} {'ratio':>7}  target",
             "-" * 92]
    for name, base, value, target in rows:
        ratio = f"{value / base:.2f}" if base else ""
        base_text = f"{base:.2f} s" if base else ""
        lines.append(f"{name:52} {base_text:>13} {value:7.2f} s {ratio:>7}  {target}")
    lines.append(f"{'peak memory of the production build (largest process)':52} "
                 f"{figures['bare_peak_mb']:>10} MB {figures['cold_peak_mb']:>6} MB "
                 f"{figures['cold_peak_mb'] / figures['bare_peak_mb']:>7.2f}")
    lines.append(f"phone (375 px, 2x) bytes for {figures['phone_article']}: "
                 f"{figures['phone_bytes_before'] / 1024:.0f} KB before, "
                 f"{figures['phone_bytes_after'] / 1024:.0f} KB after")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--json", default=str(ROOT / "bench-speed.json"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="globe-speed-") as folder:
        scratch = Path(folder)
        corpus = scratch / "corpus"
        subprocess.run([sys.executable, str(GENERATOR), "--articles", str(args.articles),
                        "--editions", "--out", str(corpus)], check=True, capture_output=True)
        figures = {"articles": args.articles}
        figures |= builds(corpus, scratch)
        figures |= dev_server(corpus, scratch, args.edits)
        figures |= phone_bytes(scratch)
    shutil.rmtree(CACHE, ignore_errors=True)
    print(f"Issue 11 figures on the corpus ({args.articles} articles, with editions)")
    print(table(figures))
    Path(args.json).write_text(json.dumps(figures, indent=2), encoding="utf-8")
    print(f"written: {args.json}")
    ok = (figures["cold_s"] <= figures["bare_cold_s"]
          and figures["unchanged_s"] <= 0.2 * figures["bare_cold_s"]
          and figures["first_page_s"] <= figures["bare_cold_s"]
          and figures["save_to_page_median_s"] < 1.0)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
