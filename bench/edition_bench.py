"""Time to assemble one newsletter edition, and the size of each sample email.

Builds the site's context once (Pelican reads the content and the editions), then times
`EditionAssembler.assemble` — view, MJML templates, mjml-python, CSS inlining, plain text
and the quality gate — over every sample edition. Email images are prepared on the first
pass and reused, as in a build; their one-off preparation is reported apart.

    .venv/bin/python bench/edition_bench.py [--repeat 30] [--editions DIR] [--strict]

Target: under 50 ms per edition. `--strict` exits 1 when an edition is over it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

from pelican import signals

from globe import build as builds
from globe_newsletter.email_check import EmailSpec, check_email
from globe_newsletter.generator import EditionsGenerator

TARGET_MS = 50.0
_captured: list = []


def capture(generators):
    """all_generators_finalized: keep the editions generator (its context is ready)."""
    _captured.extend(g for g in generators if isinstance(g, EditionsGenerator))


def ready_generator(editions: str | None) -> EditionsGenerator:
    settings = builds.load_settings(None, editions, production=True)
    signals.all_generators_finalized.connect(capture)
    with tempfile.TemporaryDirectory(prefix="globe-bench-") as scratch:
        problems = builds.run_pelican({**settings, "OUTPUT_PATH": scratch})
    signals.all_generators_finalized.disconnect(capture)
    if problems:
        sys.exit("the build has problems:\n" + "\n".join(map(str, problems)))
    if not _captured or not _captured[-1].built:
        sys.exit("no edition to measure")
    return _captured[-1]


def timed(function, repeat: int) -> tuple[float, object]:
    samples, result = [], None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--editions", default=None, help="editions folder (default: sample)")
    parser.add_argument("--strict", action="store_true", help="exit 1 over the target")
    args = parser.parse_args(argv)

    generator = ready_generator(args.editions)
    assembler = generator.assembler
    editions = sorted((b.edition for b in generator.built), key=lambda e: (e.number, e.lang))

    started = time.perf_counter()
    assembler._images.clear()
    for edition in editions:
        assembler.assemble(edition)  # first pass: prepares the email images
    first_pass_ms = (time.perf_counter() - started) * 1000

    header = (f"{'edition':<10}{'lang':<6}{'assemble ms':>12}{'render ms':>11}"
              f"{'gate ms':>9}{'html KB':>9}{'text KB':>9}{'articles':>10}")
    print(f"Newsletter edition benchmark — median of {args.repeat} runs, target "
          f"< {TARGET_MS:.0f} ms per edition (MJML included)\n")
    print(header)
    print("-" * len(header))
    worst = 0.0
    for edition in editions:
        assemble_ms, built = timed(lambda e=edition: assembler.assemble(e), args.repeat)
        render_ms, email = timed(lambda v=built.view: assembler.renderer.render(v), args.repeat)
        spec = EmailSpec.of(built.view, *assembler.gate, email.inline_css)
        gate_ms, _ = timed(lambda e=email, s=spec: check_email(e.html, s), args.repeat)
        worst = max(worst, assemble_ms)
        print(f"{edition.number:<10}{edition.lang:<6}{assemble_ms:>12.1f}{render_ms:>11.1f}"
              f"{gate_ms:>9.1f}{len(email.html.encode()) / 1024:>9.1f}"
              f"{len(email.text.encode()) / 1024:>9.1f}{len(edition.articles):>10}")
    print("-" * len(header))
    verdict = "PASS" if worst < TARGET_MS else "OVER TARGET"
    print(f"slowest edition: {worst:.1f} ms — {verdict} (target < {TARGET_MS:.0f} ms)")
    print(f"first pass over {len(editions)} editions, email images prepared once: "
          f"{first_pass_ms:.0f} ms")
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPU(s)")
    return 1 if args.strict and worst >= TARGET_MS else 0


if __name__ == "__main__":
    sys.exit(main())
