"""Every old address of the site and the new address it now leads to."""

from __future__ import annotations

from dataclasses import dataclass

from globe_core.messages import _
from globe_core.old_urls import (
    OldUrl,
    OldUrlError,
    parse_old_url,
    site_folder_of,
    split_old_urls,
)
from globe_core.problems import Problem


@dataclass(frozen=True)
class Movable:
    """What the table needs of an article or page."""

    source_path: str
    line: int  # of its Old_urls line
    url: str  # its new address, from the site root: /nl/2021/10/visit/
    lang: str
    old_urls: str  # the Old_urls value as written


@dataclass(frozen=True, order=True)
class Redirect:
    old: OldUrl
    new: str
    lang: str
    source_path: str
    line: int = 0  # of the Old_urls line that asks for it


def _bare(path: str) -> str:
    return path.rstrip("/") or "/"


def redirect_table(items: list[Movable], current_urls: set[str], display=str,
                   folders: frozenset[str] = frozenset(), languages: tuple[str, ...] = ()
                   ) -> tuple[list[Redirect], list[Problem]]:
    """Redirects for every old address that is not a current one; conflicts are problems.

    `current_urls`: every address the site serves now (never redirected away); `folders`
    and `languages`: the site's own folders (site_folders.py), which no old address may
    lie in: the server's redirect map would hide what the build writes there.
    """
    current = {_bare(url) for url in current_urls} | {"/"}
    table: dict[str, Redirect] = {}
    problems = []
    for item in sorted(items, key=lambda i: i.source_path):
        for entry in split_old_urls(item.old_urls):
            try:
                old = parse_old_url(entry)
            except OldUrlError as error:
                problems.append(Problem(display(item.source_path), item.line, str(error),
                                        error.fix or _("write the old address from the site "
                                                       "root, e.g. /2019/05/visit/?lang=nl "
                                                       "or /?p=123")))
                continue
            folder = site_folder_of(old.path, folders, languages)
            if folder:
                problems.append(Problem(
                    display(item.source_path), item.line,
                    _("old address `%(url)s` is in `%(folder)s`, which the site writes "
                      "itself: redirecting it would hide the site's own page or file",
                      url=entry, folder=folder),
                    _("remove it from Old_urls: the site answers that address itself")))
                continue
            for variant in old.variants():
                if not variant.has_query and _bare(variant.path) in current:
                    continue  # still served as it is: nothing to redirect
                key = variant.nginx_key()
                taken = table.get(key)
                if taken and taken.new != item.url:
                    problems.append(Problem(
                        display(item.source_path), item.line,
                        _("old address `%(url)s` is already redirected by %(path)s",
                          url=str(variant), path=display(taken.source_path)),
                        _("keep the address in only one file")))
                    continue
                table[key] = Redirect(variant, item.url, item.lang, item.source_path,
                                      item.line)
    return sorted(table.values()), problems
