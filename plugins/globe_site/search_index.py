"""Pagefind's index of the written pages, made in a process of its own beside the build.

That process imports this module only (not Pelican, not the plugin), so it starts at once.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

INDEX_FOLDER = "pagefind"


def pagefind_command(site: str, index: str) -> list[str]:
    # `python -m pagefind` runs the binary that the pagefind[bin] package ships.
    return [sys.executable, "-m", "pagefind", "--site", site, "--output-path", index,
            "--quiet"]


def make_index(output: str, pages: list[str], scratch: str,
               memory: str | None) -> subprocess.CompletedProcess:
    """Pagefind's index of `pages` in `scratch`/pagefind (made in `memory` when given).

    The pages Pagefind reads are copied into `memory` too: linked on the disk, each one's
    folder is a new directory there, thousands of them, which cost more than the copies."""
    site, index = os.path.join(memory or scratch, "site"), os.path.join(scratch, INDEX_FOLDER)
    _link_pages(output, pages, site)
    if not memory:
        return _run_pagefind(site, index)
    result = _run_pagefind(site, os.path.join(memory, INDEX_FOLDER))
    if not result.returncode:  # onto the output's disk, still beside the build
        shutil.copytree(os.path.join(memory, INDEX_FOLDER), index,
                        copy_function=shutil.copyfile)
    return result


def _link_pages(output: str, pages: list[str], site: str) -> None:
    """The `pages` of `output`, linked (or copied, across file systems) into `site`."""
    for page in pages:
        source, target = os.path.join(output, page), os.path.join(site, page)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system
            shutil.copyfile(source, target)


def _run_pagefind(site: str, index: str) -> subprocess.CompletedProcess:
    return subprocess.run(pagefind_command(site, index), check=False, capture_output=True,
                          text=True)
