"""Page-weight budgets of the sample site's article pages (gzip), as a table.

The same measure as tests/test_globe_site/test_budgets.py (helpers in built_site.py): CSS + JS of an
article page at most 30 KB compressed, its HTML at most 40 KB.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from built_site import CSS_JS_BUDGET, HTML_BUDGET, LANGUAGES, article_paths, assets_of, gzipped

from globe import build as builds

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="globe-budgets-") as scratch:
        output = Path(scratch) / "output"
        settings = builds.load_settings(ROOT / "content", ROOT / "newsletter" / "editions",
                                        production=True)
        result = builds.build(settings, str(output))
        if not result.ok:
            sys.exit("\n".join(map(str, result.problems)))
        pages = [path for lang in LANGUAGES for path in article_paths(output, lang)]
        assets = {path: sum(gzipped(a) for a in assets_of(output, path)) for path in pages}
        html = {path: gzipped(output / path / "index.html") for path in pages}
    worst_assets, worst_html = max(assets, key=assets.get), max(html, key=html.get)
    print(f"Article pages of the sample site ({len(pages)}), gzip -9, heaviest:")
    print(f"  CSS + JS: {assets[worst_assets] / 1024:5.1f} KB (budget {CSS_JS_BUDGET // 1024} KB)"
          f"  {worst_assets}")
    print(f"  HTML:     {html[worst_html] / 1024:5.1f} KB (budget {HTML_BUDGET // 1024} KB)"
          f"  {worst_html}")
    ok = assets[worst_assets] <= CSS_JS_BUDGET and html[worst_html] <= HTML_BUDGET
    print("  OK" if ok else "  OVER BUDGET")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
