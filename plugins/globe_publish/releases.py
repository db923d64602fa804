"""Releases on the web server: each deploy is a new folder, `current` switches in one step.

Layout of DEPLOY_TARGET (a local path or `user@host:path`, as rsync writes it):

    releases/20261130T203000123456Z/   one folder per deploy, names sort by time
    current -> releases/…              what the web server serves (nginx `root …/current`)

An upload goes to a hidden `releases/.partial-…` folder first; only a complete upload is
renamed and then linked, by renaming a fresh symlink over `current` (rename(2) is atomic), so
visitors never see half a site and a failed upload leaves `current` as it was. Every step
is a small shell script run either locally or through ssh: one code path for both.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime

from globe.messages import _

RELEASES = "releases"
CURRENT = "current"
KEEP = 5
PARTIAL = ".partial-"


class DeployError(Exception):
    """A deploy or rollback that could not be done; `current` is as it was."""


@dataclass(frozen=True)
class Target:
    path: str
    host: str | None = None  # user@host, or None for a folder on this machine
    ssh: tuple[str, ...] = ("ssh",)

    @classmethod
    def parse(cls, text: str, ssh_command: str = "ssh") -> Target:
        """rsync's rule: `host:path` is remote when the colon comes before any slash."""
        text = text.strip()
        if not text:
            raise DeployError(_("DEPLOY_TARGET is empty"))
        host, colon, path = text.partition(":")
        if colon and "/" not in host and host:
            return cls(path or ".", host, tuple(shlex.split(ssh_command)))
        return cls(os.path.abspath(text))

    def __str__(self) -> str:
        return f"{self.host}:{self.path}" if self.host else self.path

    def rsync_path(self, relative: str) -> str:
        full = f"{self.path.rstrip('/')}/{relative}"
        return f"{self.host}:{full}" if self.host else full

    def run(self, script: str) -> str:
        """Run a shell script in the target folder; its output, or DeployError."""
        folder = shlex.quote(self.path)
        script = f"mkdir -p {folder} && cd {folder} && {script}"
        if self.host:
            command = [*self.ssh, "-o", "BatchMode=yes", self.host, script]
        else:
            command = ["sh", "-c", script]
        done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        if done.returncode:
            raise DeployError(_("%(target)s: %(error)s", target=str(self),
                                error=(done.stderr or done.stdout).strip()))
        return done.stdout


def release_name(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def releases(target: Target) -> list[str]:
    """The complete releases, oldest first."""
    listing = target.run(f"mkdir -p {RELEASES} && ls -1 {RELEASES}")
    return sorted(name for name in listing.split() if not name.startswith("."))


def current_release(target: Target) -> str | None:
    link = target.run(f"readlink {CURRENT} || true").strip()
    return os.path.basename(link) if link else None


def switch(target: Target, name: str) -> None:
    """Point `current` at releases/<name> in one rename."""
    link = shlex.quote(f".{CURRENT}-{name}")
    release = shlex.quote(f"{RELEASES}/{name}")
    target.run(f"test -d {release} && ln -sfn {release} {link} && mv -T {link} {CURRENT}")


def upload(site: str, target: Target, name: str, rsync_options=()) -> None:
    """rsync the build into a hidden folder, then rename it: a release is whole or absent."""
    partial = f"{RELEASES}/{PARTIAL}{name}"
    previous = current_release(target)
    # --checksum: a rebuilt file of the same size and second must not pass for unchanged
    command = ["rsync", "--archive", "--delete", "--checksum", *rsync_options]
    if previous:  # files unchanged since the last release are hard links, not copies
        command.append(f"--link-dest=../{previous}")
    if target.host:
        command += ["--rsh", shlex.join((*target.ssh, "-o", "BatchMode=yes"))]
    command += [site.rstrip("/") + "/", target.rsync_path(partial) + "/"]
    done = subprocess.run(command, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if done.returncode:
        try:
            target.run(f"rm -rf {shlex.quote(partial)}")
        except DeployError:
            pass  # the next deploy's pruning removes it
        raise DeployError(_("the upload to %(target)s failed: %(error)s",
                            target=str(target), error=done.stderr.strip()))
    target.run(f"mv {shlex.quote(partial)} {shlex.quote(f'{RELEASES}/{name}')}")


def prune(target: Target, keep: int = KEEP) -> list[str]:
    """Remove all but the newest `keep` releases (never the current one) and stale uploads."""
    listing = target.run(f"ls -1a {RELEASES}").split()
    complete = sorted(n for n in listing if not n.startswith("."))
    current = current_release(target)
    doomed = [n for n in complete[:-keep] if n != current]
    doomed += [n for n in listing if n.startswith(PARTIAL)]
    if doomed:
        target.run("rm -rf " + " ".join(shlex.quote(f"{RELEASES}/{n}") for n in doomed))
    return doomed


def deploy(site: str, target: Target, rsync_options=(), keep: int = KEEP) -> str:
    """Upload `site` as a new release, switch to it, prune; the new release's name."""
    if not os.path.isfile(os.path.join(site, "index.html")):
        raise DeployError(_("%(folder)s has no index.html: build the site first "
                            "(make publish)", folder=site))
    target.run(f"mkdir -p {RELEASES}")
    name = release_name()
    upload(site, target, name, rsync_options)
    switch(target, name)
    prune(target, keep)
    return name


def rollback(target: Target) -> str:
    """Switch `current` back to the release before it; the name switched to."""
    names = releases(target)
    current = current_release(target)
    if current not in names:
        raise DeployError(_("%(target)s has no current release to roll back from",
                            target=str(target)))
    position = names.index(current)
    if position == 0:
        raise DeployError(_("%(release)s is the oldest release kept: there is nothing to "
                            "roll back to", release=current))
    previous = names[position - 1]
    switch(target, previous)
    return previous


def target_from_environment(value: str | None = None) -> Target:
    text = value if value is not None else os.environ.get("DEPLOY_TARGET", "")
    if not text.strip():
        raise DeployError(_("set DEPLOY_TARGET to a folder or user@host:folder, "
                            "e.g. DEPLOY_TARGET=deploy@web1:/srv/international.brussels"))
    return Target.parse(text, os.environ.get("DEPLOY_SSH", "ssh"))


def rsync_options_from_environment() -> list[str]:
    return shlex.split(os.environ.get("DEPLOY_RSYNC_OPTIONS", ""))
