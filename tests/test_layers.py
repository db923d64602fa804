"""The import rule of docs/architecture.md, checked over the source with `ast`.

globe (the command line) -> plugins (globe_content, globe_site, globe_newsletter) -> globe_core.
A package may import only itself and the layers below it; the plugins never import each
other; nothing imports the command line; bench/ never imports tests/.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support import ROOT

PLUGINS = ROOT / "plugins"
OURS = ("globe", "globe_core", "globe_content", "globe_site", "globe_newsletter",
        "globe_publish", "globe_delivery", "globe_redirects", "globe_wordpress")
ALLOWED = {
    "globe_core": {"globe_core"},
    "globe_content": {"globe_content", "globe_core"},
    "globe_site": {"globe_site", "globe_core"},
    "globe_newsletter": {"globe_newsletter", "globe_core"},
    "globe_publish": {"globe_publish", "globe_core"},
    # Delivery reads what a build wrote; it is no Pelican plugin and needs none of them.
    "globe_delivery": {"globe_delivery", "globe_core"},
    "globe_redirects": {"globe_redirects", "globe_core"},
    "globe_wordpress": {"globe_wordpress", "globe_core"},  # the import, below `globe import`
    "globe": set(OURS),
}


def imported_packages(path: Path) -> set[str]:
    """Top-level names of every absolute import in a file (relative ones stay inside)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return found


def test_every_package_of_ours_has_a_rule():
    packages = {p.parent.name for p in PLUGINS.glob("*/__init__.py")}
    assert packages == set(ALLOWED)


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_a_package_imports_only_itself_and_the_layers_below(package):
    files = sorted((PLUGINS / package).rglob("*.py"))
    assert files
    wrong = [f"{path.relative_to(ROOT)} imports {name}"
             for path in files for name in sorted(imported_packages(path))
             if name in OURS and name not in ALLOWED[package]]
    assert not wrong, "\n".join(wrong)


def test_the_rule_catches_a_plugin_reaching_into_another(tmp_path):
    # The check itself must be able to fail: the import this refactor removed.
    sample = tmp_path / "generator.py"
    sample.write_text("from globe_site.languages import all_versions\nfrom . import view\n")
    assert imported_packages(sample) == {"globe_site"}
    assert "globe_site" not in ALLOWED["globe_newsletter"]


def test_the_bench_does_not_import_the_tests():
    test_modules = {p.stem for p in (ROOT / "tests").glob("*.py")}
    test_modules |= {p.name for p in (ROOT / "tests").iterdir() if (p / "__init__.py").exists()}
    files = sorted((ROOT / "bench").glob("*.py"))
    assert files
    wrong = [f"{path.name} imports {name}" for path in files
             for name in imported_packages(path) if name in test_modules or name == "tests"]
    assert not wrong, "\n".join(wrong)


def test_no_test_imports_a_conftest():
    # Fixtures reach tests through pytest; shared helpers are modules (support.py, pages.py).
    files = sorted((ROOT / "tests").rglob("*.py"))
    assert files
    wrong = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([alias.name for alias in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            wrong += [f"{path.relative_to(ROOT)} imports {name}" for name in names
                      if name.split(".")[-1] == "conftest"]
    assert not wrong, "\n".join(wrong)
