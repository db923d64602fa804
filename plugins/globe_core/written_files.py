"""The files a build writes, handed to the jobs that read them back as they are written.

The search index, the link check and the foreign-load check read the output. Each starts
before the first page is written (`background.start_fed_process`) and gets each file the
moment Pelican has written it (`content_written`, `feed_written`), so it reads the
articles while the build is still writing them, on the core the build leaves free.
When a job has all its files, `end` also sends what was written another way (the listing
of the output, less what was sent) and ends its input. That listing is made once a build
(`listing`): each walk of a large output costs 0.06-0.1 s, and the jobs asked for six.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field

from .background import Feed

BATCH = 64  # files a message: few messages, and a job never waits long for its files
LISTING = "GLOBE_OUTPUT_LISTING"  # settings key: the build's listing of its output


@dataclass(eq=False)
class Follower:
    """One job's files of one build's output, relative to it, sent in batches."""

    feed: Feed
    output: str
    suffixes: tuple[str, ...]
    sent: set[str] = field(default_factory=set)
    _batch: list[str] = field(default_factory=list)

    def add(self, relative: str) -> None:
        if relative not in self.sent:
            self.sent.add(relative)
            self._batch.append(relative)
            if len(self._batch) >= BATCH:
                self.flush()

    def flush(self) -> None:
        if self._batch:
            self.feed.send(self._batch)
            self._batch = []


_FOLLOWERS: dict[str, list[Follower]] = {}  # by output folder


def follow(output: str, feed: Feed, suffixes: tuple[str, ...]) -> Follower:
    """From now on, each file written under `output` whose name ends with one of
    `suffixes` goes to `feed`."""
    follower = Follower(feed, output, suffixes)
    _FOLLOWERS.setdefault(output, []).append(follower)
    return follower


def pass_written(path: str, context: dict | None = None, **_signal) -> None:
    """`content_written` and `feed_written` receiver."""
    for follower in _FOLLOWERS.get((context or {}).get("OUTPUT_PATH", ""), ()):
        if path.endswith(follower.suffixes):
            follower.add(os.path.relpath(path, follower.output))


def end(follower: Follower, listing: Iterable[str]) -> set[str]:
    """The job has all its files: those of `listing` (its files in the output now,
    relative to it) not sent yet follow, then its input ends. What it was sent, in all."""
    followers = _FOLLOWERS.get(follower.output, [])
    if follower in followers:
        followers.remove(follower)
    for relative in listing:
        follower.add(relative)
    follower.flush()
    follower.feed.end()
    return follower.sent


def forget(settings: dict) -> None:
    """The build is over (or failed): the followers of its output and its listing are
    dropped."""
    _FOLLOWERS.pop(settings["OUTPUT_PATH"], None)
    settings.pop(LISTING, None)


def listing(settings: dict) -> list[str]:
    """Every file of the build's output, relative to it: listed the first time it is
    asked for, once the pages are all written (`finalized`), and kept for this build's
    later questions. A job that adds files after that (the search index) adds them with
    `listed`."""
    files = settings.get(LISTING)
    if files is None:
        output = settings["OUTPUT_PATH"]
        files = settings[LISTING] = _files_under(output, output)
    return files


def listed(settings: dict, folder: str) -> None:
    """The files of `folder`, just added to the output, join the build's listing."""
    files = settings.get(LISTING)
    if files is not None:
        files += _files_under(folder, settings["OUTPUT_PATH"])


def _files_under(folder: str, output: str) -> list[str]:
    """The files under `folder`, relative to `output`, with `/` between names."""
    return [os.path.relpath(os.path.join(parent, name), output).replace(os.sep, "/")
            for parent, _dirs, names in os.walk(folder) for name in names]
