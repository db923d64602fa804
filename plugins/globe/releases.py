"""Releases on the web server: each deploy is a new folder, `current` switches in one step.

Layout of DEPLOY_TARGET (a local path or `user@host:path`, as rsync writes it):

    releases/20261130T203000123456Z/   one folder per deploy, names sort by time
    current -> releases/…              what the web server serves (nginx `root …/current`)

An upload goes to a hidden `releases/.partial-…` folder first; only a complete upload is
renamed and then linked, by renaming a fresh symlink over `current` (rename(2) is atomic), so
visitors never see half a site and a failed upload leaves `current` as it was. Every step
is a small shell script run either locally or through ssh: one code path for both.

After each switch (deploy or rollback), DEPLOY_AFTER_SWITCH, when set, is run the same way
in the target folder: the server's own follow-up, e.g. installing the release's redirect
map into nginx and reloading it (deploy/nginx/install-redirects.sh).
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import tempfile
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime

from globe_core.messages import _

RELEASES = "releases"
CURRENT = "current"
KEEP = 5
PARTIAL = ".partial-"
# What a DEPLOY_TARGET's host may be: [user@]name, never starting with `-` (ssh and rsync
# would read `-oProxyCommand=…` as an option and run it) and without shell characters.
_HOST = re.compile(r"(?:[A-Za-z0-9_][A-Za-z0-9._-]*@)?[A-Za-z0-9_][A-Za-z0-9._-]*")


class DeployError(Exception):
    """A deploy or rollback that could not be done; `current` is as it was."""


class AfterSwitchError(DeployError):
    """`current` switched, but the command that follows a switch (DEPLOY_AFTER_SWITCH) failed."""


@dataclass(frozen=True)
class Target:
    path: str
    host: str | None = None  # user@host, or None for a folder on this machine
    ssh: tuple[str, ...] = ("ssh",)

    @classmethod
    def parse(cls, text: str, ssh: tuple[str, ...] = ("ssh",)) -> Target:
        """rsync's rule: `host:path` is remote when the colon comes before any slash."""
        text = text.strip()
        if not text:
            raise DeployError(_("DEPLOY_TARGET is empty"))
        if any(ord(c) < 32 or ord(c) == 127 for c in text):
            raise DeployError(_("DEPLOY_TARGET `%(target)s` contains a control character "
                                "(a line break, a tab…): write the folder or "
                                "user@host:folder on one line", target=text))
        host, colon, path = text.partition(":")
        if colon and "/" not in host and host:
            if not _HOST.fullmatch(host):
                raise DeployError(_("DEPLOY_TARGET `%(target)s` does not start with a host "
                                    "name: write user@host:folder, the host made of letters, "
                                    "digits, dots and hyphens, not starting with a hyphen",
                                    target=text))
            # a relative folder starting with `-` must not reach mkdir, cd or rsync as an option
            path = path or "."
            return cls(f"./{path}" if path.startswith("-") else path, host, tuple(ssh))
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
            command = [*self.ssh, "-o", "BatchMode=yes", "--", self.host, script]
        else:
            command = ["sh", "-c", script]
        done = _run(command)
        if done.returncode:
            raise DeployError(_("%(target)s answered: %(error)s", target=str(self),
                                error=(done.stderr or done.stdout).strip()
                                or _("exit code %(code)s", code=done.returncode)))
        return done.stdout


def _run(command: list[str]) -> subprocess.CompletedProcess:
    """Run ssh, sh or rsync without input; a program that cannot start is a DeployError."""
    try:
        # errors="replace": a file name or a server message need not be UTF-8
        return subprocess.run(command, capture_output=True, text=True, errors="replace",
                              stdin=subprocess.DEVNULL, check=False)
    except OSError as error:  # DEPLOY_SSH empty, or naming a program that is not there
        raise DeployError(_("cannot run `%(program)s`: %(error)s — install it, or set "
                            "DEPLOY_SSH to the ssh command", program=command[0],
                            error=error.strerror or error)) from error


def release_name(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y%m%dT%H%M%S%fZ")


def _state(target: Target) -> tuple[list[str], str | None]:
    """(complete releases oldest first, every name in releases/, current) in one round trip."""
    out = target.run(f"mkdir -p {RELEASES} && ls -1a {RELEASES} && echo '>' && "
                     f"(readlink {CURRENT} || true)")
    listing, _sep, link = out.partition(">\n")
    names = [n for n in listing.split() if n not in (".", "..")]
    return names, os.path.basename(link.strip()) or None


def releases(target: Target) -> list[str]:
    """The complete releases, oldest first."""
    return sorted(n for n in _state(target)[0] if not n.startswith("."))


def current_release(target: Target) -> str | None:
    return _state(target)[1]


def _switch_script(name: str) -> str:
    """Point `current` at releases/<name> by renaming a fresh symlink over it (atomic)."""
    link = shlex.quote(f".{CURRENT}-{name}")
    release = shlex.quote(f"{RELEASES}/{name}")
    return f"test -d {release} && ln -sfn {release} {link} && mv -T {link} {CURRENT}"


def switch(target: Target, name: str, after_switch: str = "") -> None:
    target.run(_switch_script(name))
    if after_switch.strip():
        try:
            target.run(after_switch)
        except DeployError as error:
            raise AfterSwitchError(_("%(target)s now serves release %(release)s, but the "
                                     "command after the switch (DEPLOY_AFTER_SWITCH) failed: "
                                     "%(error)s", target=str(target), release=name,
                                     error=error)) from error


def upload(site: str, target: Target, name: str, rsync_options=(),
           previous: str | None = None) -> None:
    """rsync the build into a hidden folder, then rename it: a release is whole or absent."""
    partial = f"{RELEASES}/{PARTIAL}{name}"
    # --checksum: a rebuilt file of the same size and second must not pass for unchanged
    command = ["rsync", "--archive", "--delete", "--checksum", *rsync_options]
    if previous:  # files unchanged since the last release are hard links, not copies
        command.append(f"--link-dest=../{previous}")
    if target.host:
        command += ["--rsh", shlex.join((*target.ssh, "-o", "BatchMode=yes"))]
    command += [site.rstrip("/") + "/", target.rsync_path(partial) + "/"]
    done = _run(command)
    if done.returncode:
        with suppress(DeployError):  # else the next deploy's pruning removes it
            target.run(f"rm -rf {shlex.quote(partial)}")
        raise DeployError(_("the upload to %(target)s failed: %(error)s",
                            target=str(target), error=done.stderr.strip()))
    # -T: if a release of that name is there already, fail rather than move this one into it
    target.run(f"mv -T {shlex.quote(partial)} {shlex.quote(f'{RELEASES}/{name}')}")


def doomed_releases(names: list[str], current: str | None, keep: int = KEEP) -> list[str]:
    """All but the newest `keep` releases (never the current one), and stale uploads."""
    complete = sorted(n for n in names if not n.startswith("."))
    return ([n for n in complete[:-keep] if n != current]
            + sorted(n for n in names if n.startswith(PARTIAL)))


def prune(target: Target, keep: int = KEEP) -> list[str]:
    names, current = _state(target)
    doomed = doomed_releases(names, current, keep)
    if doomed:
        target.run("rm -rf " + " ".join(shlex.quote(f"{RELEASES}/{n}") for n in doomed))
    return doomed


def deploy(site: str, target: Target, rsync_options=(), keep: int = KEEP,
           after_switch: str = "") -> str:
    """Upload `site` as a new release, switch to it, prune; the new release's name.

    Few round trips (state, upload, switch, prune): each one is an SSH connection."""
    if not os.path.isfile(os.path.join(site, "index.html")):
        raise DeployError(_("%(folder)s has no index.html: build the site first "
                            "(make publish)", folder=site))
    links = _links_in(site)
    if links:
        raise DeployError(_("%(folder)s contains symbolic links (%(files)s): the web server "
                            "would serve what they point to on the server; the build writes "
                            "none — build again (make publish)", folder=site,
                            files=", ".join(links[:3]) + (" …" if len(links) > 3 else "")))
    if not target.host and _inside(target.path, site):
        raise DeployError(_("%(target)s is inside the built site %(folder)s: each deploy would "
                            "copy the earlier releases again; choose a folder outside it",
                            target=str(target), folder=site))
    _names, previous = _state(target)
    name = release_name()
    upload(site, target, name, rsync_options, previous)
    try:
        switch(target, name, after_switch)
    except AfterSwitchError:
        prune(target, keep)  # the switch did happen
        raise
    prune(target, keep)
    return name


def _links_in(site: str) -> list[str]:
    """Symbolic links under `site`, relative to it (rsync --archive copies them as links)."""
    found = []
    for folder, folders, files in os.walk(site):
        found += [os.path.relpath(os.path.join(folder, name), site)
                  for name in folders + files if os.path.islink(os.path.join(folder, name))]
    return sorted(found)


def _inside(path: str, folder: str) -> bool:
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return os.path.commonpath([path, folder]) == folder


def rollback(target: Target, after_switch: str = "") -> str:
    """Switch `current` back to the release before it; the name switched to."""
    names, current = _state(target)
    complete = sorted(n for n in names if not n.startswith("."))
    if current not in complete:
        raise DeployError(_("%(target)s has no current release to roll back from",
                            target=str(target)))
    position = complete.index(current)
    if position == 0:
        raise DeployError(_("%(release)s is the oldest release kept: there is nothing to "
                            "roll back to", release=current))
    previous = complete[position - 1]
    switch(target, previous, after_switch)
    return previous


@contextmanager
def ssh_from_environment():
    """The ssh command: DEPLOY_SSH (default `ssh`), plus the key and host key that CI gives
    as DEPLOY_SSH_KEY and DEPLOY_KNOWN_HOSTS, written to a private folder while it runs."""
    command = _words_of("DEPLOY_SSH", "ssh") or ["ssh"]
    key = os.environ.get("DEPLOY_SSH_KEY", "").strip()
    if not key:
        yield tuple(command)
        return
    with tempfile.TemporaryDirectory(prefix="globe-ssh-") as folder:
        key_file = os.path.join(folder, "key")
        with open(os.open(key_file, os.O_WRONLY | os.O_CREAT, 0o600), "w") as file:
            file.write(key + "\n")
        command += ["-i", key_file, "-o", "IdentitiesOnly=yes"]
        known_hosts = os.environ.get("DEPLOY_KNOWN_HOSTS", "").strip()
        if known_hosts:
            hosts_file = os.path.join(folder, "known_hosts")
            with open(hosts_file, "w") as file:
                file.write(known_hosts + "\n")
            command += ["-o", f"UserKnownHostsFile={hosts_file}",
                        "-o", "StrictHostKeyChecking=yes"]
        yield tuple(command)


def target_from_environment(value: str | None = None, ssh=("ssh",)) -> Target:
    text = value if value is not None else os.environ.get("DEPLOY_TARGET", "")
    if not text.strip():
        raise DeployError(_("set DEPLOY_TARGET to a folder or user@host:folder, "
                            "e.g. DEPLOY_TARGET=deploy@web1:/srv/international.brussels"))
    return Target.parse(text, ssh)


def after_switch_from_environment() -> str:
    return os.environ.get("DEPLOY_AFTER_SWITCH", "")


def rsync_options_from_environment() -> list[str]:
    return _words_of("DEPLOY_RSYNC_OPTIONS", "")


def _words_of(variable: str, default: str) -> list[str]:
    """An environment variable holding a command line, split as the shell would."""
    value = os.environ.get(variable, default)
    try:
        return shlex.split(value)
    except ValueError as error:  # an unclosed quote
        raise DeployError(_("%(variable)s cannot be read as a command line (%(error)s): "
                            "close its quotes", variable=variable, error=error)) from error
