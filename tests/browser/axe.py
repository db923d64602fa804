"""axe-core in a Playwright page: `run_axe(page, tags=...) -> list of violations`.

Shared with the newsletter tests (emails); keep the name and signature stable.
axe-core comes from npm (package.json at the project root: `npm ci`).
"""

from __future__ import annotations

from pathlib import Path

AXE_PATH = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_AA = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")


def run_axe(page, tags=WCAG_AA, context=None) -> list[dict]:
    """Every axe violation of the loaded page for the given rule tags.

    Each violation is axe's own dict (id, impact, help, helpUrl, nodes); `context` is an
    optional axe context (a selector or {include, exclude}).
    """
    if not AXE_PATH.is_file():
        raise FileNotFoundError(f"{AXE_PATH} is missing: run `npm ci` at the project root")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_PATH))
    result = page.evaluate(
        """async ([context, tags]) => await axe.run(context || document,
               {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        [context, list(tags)],
    )
    return result["violations"]


def describe(violations: list[dict]) -> str:
    """A readable summary for assertion messages."""
    lines = []
    for violation in violations:
        targets = ", ".join(" ".join(node["target"]) if isinstance(node["target"], list)
                            else str(node["target"]) for node in violation["nodes"][:5])
        lines.append(f"{violation['id']} ({violation.get('impact')}): {violation['help']}"
                     f" — {targets}")
    return "\n".join(lines)
