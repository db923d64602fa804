"""What a build read, in one digest: a production rebuild with nothing changed does nothing.

The digest covers every file under the content, editions, theme and plugin folders and the
settings files (path, size, modification time), and the settings' plain values. Reading
that takes milliseconds; building the archive takes tens of seconds. The digest of the
last good build of an output folder is kept in `.cache/builds/`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os

SOURCE_SETTINGS = ("PATH", "GLOBE_EDITIONS_PATH", "THEME")


def _plain(value) -> bool:
    try:
        json.dumps(value)
    except (TypeError, ValueError):
        return False
    return True


def input_digest(settings: dict, project_root: str) -> str:
    digest = hashlib.sha256()
    plain = {key: value for key, value in settings.items()
             if key.isupper() and key != "OUTPUT_PATH" and _plain(value)}
    if isinstance(plain.get("MARKDOWN"), dict):
        # Pelican's reader adds `meta` to the (shared) list while it runs: not a change
        markdown = dict(plain["MARKDOWN"])
        markdown["extensions"] = sorted(set(markdown.get("extensions", []))
                                        - {"markdown.extensions.meta"})
        plain["MARKDOWN"] = markdown
    digest.update(json.dumps(plain, sort_keys=True).encode())
    folders = [settings.get(key) for key in SOURCE_SETTINGS]
    folders += list(settings.get("PLUGIN_PATHS", []))
    for folder in sorted({os.path.abspath(f) for f in folders if f}):
        for root, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__" and not d.startswith("."))
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    stat = os.stat(path)
                except OSError:  # a dangling link: the build reports it, not this digest
                    stat = os.lstat(path)
                digest.update(os.fsencode(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n"))
    for name in ("pelicanconf.py", "publishconf.py"):
        path = os.path.join(project_root, name)
        if os.path.exists(path):
            stat = os.stat(path)
            digest.update(os.fsencode(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n"))
    return digest.hexdigest()


def _record_path(cache_root: str, output: str) -> str:
    name = hashlib.sha256(os.path.abspath(output).encode()).hexdigest()[:24]
    return os.path.join(cache_root, "builds", f"{name}.json")


def is_current(cache_root: str, output: str, digest: str) -> bool:
    """True when `output` holds the build of exactly these inputs."""
    try:
        with open(_record_path(cache_root, output), encoding="utf-8") as file:
            record = json.load(file)
    except (OSError, ValueError):
        return False
    return record.get("digest") == digest and os.path.isdir(output) and \
        os.stat(output).st_ino == record.get("inode")


def remember(cache_root: str, output: str, digest: str) -> None:
    path = _record_path(cache_root, output)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(f"{path}.part", "w", encoding="utf-8") as file:
        json.dump({"digest": digest, "inode": os.stat(output).st_ino}, file)
    os.replace(f"{path}.part", path)


def forget(cache_root: str, output: str) -> None:
    with contextlib.suppress(OSError):
        os.remove(_record_path(cache_root, output))
