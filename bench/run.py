"""`make bench`: the speed and size targets, measured side by side on this machine.

1. Production build of this project vs bare Pelican (default theme, no plugins) on the
   shared corpus (2,400 articles by default, no editions, as the foundation issue asks):
   both wall times and the ratio (target <= 1.3); then the same build with the corpus's
   edition files, for information.
2. Time to assemble one newsletter edition, and the size of each sample email
   (bench/edition_bench.py).
3. The theme's page-weight budgets on the sample site (bench/page_budgets.py).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
GENERATOR = Path(os.environ.get("BENCH_CORPUS_GENERATOR",
                                ROOT.parent / "shared" / "bench" / "make_corpus.py"))
TARGET_RATIO = 1.3


def timed(command: list[str], cwd: Path, env: dict | None = None) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False,
                            env=env)
    elapsed = time.perf_counter() - started
    if result.returncode:
        sys.exit(f"failed: {' '.join(command)}\n{result.stdout}\n{result.stderr}")
    return elapsed


def build_ratio(articles: int, rounds: int, scratch: Path) -> bool:
    corpus = scratch / "corpus"
    subprocess.run([sys.executable, str(GENERATOR), "--articles", str(articles),
                    "--editions", "--out", str(corpus)], check=True, capture_output=True)
    (corpus / "no-editions").mkdir()

    def command(name: str, output: Path) -> list[str]:
        if name == "bare":
            return [str(BIN / "pelican"), "content", "-o", str(output), "-q"]
        editions = "no-editions" if name == "site" else "newsletter/editions"
        return [str(BIN / "globe"), "build", "--production", "--content", "content",
                "--editions", editions, "--output", str(output)]

    runs = {"bare": [], "site": [], "site+editions": []}
    for round_number in range(rounds):  # interleaved, so all see the same machine load
        for name, times in runs.items():
            # Every build starts from nothing, in never-used folders, and every globe build
            # is cold: its own cache folder. Nothing is deleted before the last round: on
            # this disk, files created soon after thousands were deleted cost far more
            # (docs/performance.md), which would measure the previous build's clean-up.
            fresh = scratch / f"{name}-{round_number}"
            env = {**os.environ, "GLOBE_CACHE_PATH": str(fresh / "cache")}
            times.append(timed(command(name, fresh / "output"), corpus, env))
    bare, site, full = (min(times) for times in runs.values())
    editions = len(list((corpus / "newsletter" / "editions").glob("*.md")))
    ratio = site / bare
    print(f"Corpus: {articles} articles (shared/bench/make_corpus.py), best of {rounds} runs")
    print(f"  bare Pelican (default theme, no plugins):        {bare:6.2f} s")
    print(f"  globe build --production (fr, nl, en):           {site:6.2f} s")
    verdict = "OK" if ratio <= TARGET_RATIO else "OVER BUDGET"
    print(f"  ratio: {ratio:.2f} (target <= {TARGET_RATIO}) {verdict}")
    print(f"  same, with {editions} edition files (email, text, web): {full:6.2f} s "
          f"(ratio {full / bare:.2f}, for information)")
    return ratio <= TARGET_RATIO


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2400)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not GENERATOR.is_file():
        sys.exit(f"corpus generator not found at {GENERATOR} (set BENCH_CORPUS_GENERATOR)")
    ok = True
    with tempfile.TemporaryDirectory(prefix="globe-bench-") as scratch:
        ok &= build_ratio(args.articles, args.rounds, Path(scratch))
    for script in ("edition_bench.py", "page_budgets.py", "wordpress_bench.py", "speed.py"):
        path = ROOT / "bench" / script
        if path.is_file():
            print()
            ok &= subprocess.run([sys.executable, str(path)], cwd=ROOT, check=False).returncode == 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
