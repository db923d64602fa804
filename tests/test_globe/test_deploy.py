"""`globe deploy` and `globe rollback`: releases, the atomic switch, pruning, interruptions.

Deploys go to local folders and, over SSH, to Debian's sshd on 127.0.0.1 (see sshd.py).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sshd_server import ssh_server

from globe import releases

GLOBE = str(Path(sys.executable).with_name("globe"))


def make_site(folder: Path, text: str, extra: dict[str, bytes] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(f"<p>{text}</p>", encoding="utf-8")
    (folder / "theme").mkdir(exist_ok=True)
    (folder / "theme" / "site.css").write_text("body{}", encoding="utf-8")
    os.utime(folder / "theme" / "site.css", (1_700_000_000, 1_700_000_000))  # as a copy keeps
    for name, data in (extra or {}).items():
        (folder / name).write_bytes(data)
    return folder


def globe(*args, env=None, **kwargs):
    environment = {**os.environ, "GLOBE_LANG": "en", **(env or {})}
    return subprocess.run([GLOBE, *args], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, check=False, **kwargs)


def served(target: Path) -> str:
    return (target / "current" / "index.html").read_text(encoding="utf-8")


def release_names(target: Path) -> list[str]:
    return sorted(p.name for p in (target / "releases").iterdir() if not p.name.startswith("."))


def test_deploy_switches_current_to_a_new_release_and_keeps_the_previous(tmp_path):
    target = tmp_path / "server"
    first = globe("deploy", str(make_site(tmp_path / "one", "one")),
                  env={"DEPLOY_TARGET": str(target)})
    assert first.returncode == 0, first.stderr
    assert served(target) == "<p>one</p>"
    second = globe("deploy", str(make_site(tmp_path / "two", "two")),
                   env={"DEPLOY_TARGET": str(target)})
    assert second.returncode == 0, second.stderr
    assert served(target) == "<p>two</p>"
    names = release_names(target)
    assert len(names) == 2
    assert os.readlink(target / "current") == f"releases/{names[1]}"
    assert names[1] in second.stdout
    # unchanged files are hard links into the previous release, not second copies
    css = [os.stat(target / "releases" / n / "theme" / "site.css").st_ino for n in names]
    assert css[0] == css[1]


def test_a_real_production_build_is_deployed_whole(tmp_path, sample_site):
    target = tmp_path / "server"
    done = globe("deploy", str(sample_site), "--target", str(target))
    assert done.returncode == 0, done.stderr
    built = sorted(p.relative_to(sample_site) for p in sample_site.rglob("*"))
    live = sorted(p.relative_to(target / "current") for p in (target / "current").rglob("*"))
    assert built == live and len(built) > 50


def test_only_the_last_five_releases_are_kept(tmp_path):
    target = releases.Target.parse(str(tmp_path / "server"))
    names = []
    for number in range(7):
        names.append(releases.deploy(str(make_site(tmp_path / f"s{number}", str(number))),
                                     target))
    assert release_names(tmp_path / "server") == names[-5:]
    assert served(tmp_path / "server") == "<p>6</p>"


def test_rollback_goes_back_one_release_at_a_time_then_stops(tmp_path):
    target = tmp_path / "server"
    env = {"DEPLOY_TARGET": str(target)}
    for text in ("one", "two", "three"):
        assert globe("deploy", str(make_site(tmp_path / text, text)), env=env).returncode == 0
    back = globe("rollback", env=env)
    assert back.returncode == 0, back.stderr
    assert served(target) == "<p>two</p>"
    assert globe("rollback", env=env).returncode == 0
    assert served(target) == "<p>one</p>"
    stuck = globe("rollback", env=env)
    assert stuck.returncode == 1
    assert "nothing to roll back to" in stuck.stderr and "Traceback" not in stuck.stderr
    assert served(target) == "<p>one</p>"
    # a deploy after a rollback becomes the newest release and is served
    assert globe("deploy", str(make_site(tmp_path / "four", "four")), env=env).returncode == 0
    assert served(target) == "<p>four</p>"


def test_without_a_target_deploy_says_how_to_set_one(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DEPLOY_TARGET"}
    done = subprocess.run([GLOBE, "deploy", str(make_site(tmp_path / "s", "s"))], env={
        **env, "GLOBE_LANG": "en"}, capture_output=True, text=True, check=False)
    assert done.returncode == 1
    assert "DEPLOY_TARGET" in done.stderr and "Traceback" not in done.stderr


def test_a_folder_that_is_not_a_build_is_refused(tmp_path):
    (tmp_path / "empty").mkdir()
    done = globe("deploy", str(tmp_path / "empty"), "--target", str(tmp_path / "server"))
    assert done.returncode == 1 and "index.html" in done.stderr
    assert not (tmp_path / "server" / "current").exists()


def test_a_failed_upload_leaves_current_and_the_releases_as_they_were(tmp_path):
    target = releases.Target.parse(str(tmp_path / "server"))
    releases.deploy(str(make_site(tmp_path / "one", "one")), target)
    before = release_names(tmp_path / "server")
    with pytest.raises(releases.DeployError, match="upload"):
        releases.upload(str(tmp_path / "missing"), target, releases.release_name())
    assert served(tmp_path / "server") == "<p>one</p>"
    assert sorted(os.listdir(tmp_path / "server" / "releases")) == before  # no partial left


def test_the_command_after_each_switch_runs_in_the_target_and_its_failure_is_told_plainly(
        tmp_path):
    env = {"DEPLOY_TARGET": str(tmp_path / "server"),
           "DEPLOY_AFTER_SWITCH": "cat current/index.html >> switches.log"}
    for text in ("one", "two"):
        assert globe("deploy", str(make_site(tmp_path / text, text)), env=env).returncode == 0
    assert globe("rollback", env=env).returncode == 0
    log = (tmp_path / "server" / "switches.log").read_text(encoding="utf-8")
    assert log == "<p>one</p><p>two</p><p>one</p>"  # after each switch, in the target folder

    failing = {**env, "DEPLOY_AFTER_SWITCH": "echo nginx said no >&2; exit 3"}
    done = globe("deploy", str(make_site(tmp_path / "three", "three")), env=failing)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "DEPLOY_AFTER_SWITCH" in done.stderr and "nginx said no" in done.stderr
    assert "still online" not in done.stderr  # it is not: the new release is
    assert served(tmp_path / "server") == "<p>three</p>"


def test_a_deploy_interrupted_mid_upload_changes_nothing_that_is_served(tmp_path):
    target = tmp_path / "server"
    releases.deploy(str(make_site(tmp_path / "one", "one")), releases.Target.parse(str(target)))
    big = make_site(tmp_path / "two", "two", {"report.pdf": os.urandom(8 * 1024 * 1024)})
    # rsync slowed to 1 MB/s: the upload takes seconds, and is stopped half-way
    deploying = subprocess.Popen(
        [GLOBE, "deploy", str(big), "--target", str(target)],
        env={**os.environ, "DEPLOY_RSYNC_OPTIONS": "--bwlimit=1000"},
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 30
    partial = []
    while time.monotonic() < deadline and not any(
            p.stat().st_size > 1_000_000 for d in partial for p in d.rglob("*") if p.is_file()):
        partial = list((target / "releases").glob(".partial-*"))
        time.sleep(0.1)
    assert partial, "the upload did not start"
    assert served(target) == "<p>one</p>"
    os.killpg(deploying.pid, signal.SIGTERM)
    deploying.wait(timeout=10)
    assert deploying.returncode != 0
    assert served(target) == "<p>one</p>"
    assert len(release_names(target)) == 1
    assert not (target / "current" / "report.pdf").exists()
    # the next deploy succeeds and clears the half upload away
    releases.deploy(str(make_site(tmp_path / "three", "three")),
                    releases.Target.parse(str(target)))
    assert served(target) == "<p>three</p>"
    assert not list((target / "releases").glob(".partial-*"))


@pytest.fixture(scope="module")
def ssh(tmp_path_factory):
    with ssh_server(tmp_path_factory.mktemp("sshd")) as server:
        yield server


def test_deploy_and_rollback_over_ssh(tmp_path, ssh):
    login, ssh_command, _folder = ssh
    folder = tmp_path / "remote" / "site"
    env = {"DEPLOY_TARGET": f"{login}:{folder}", "DEPLOY_SSH": ssh_command}
    for number in range(6):
        done = globe("deploy", str(make_site(tmp_path / f"s{number}", str(number))), env=env)
        assert done.returncode == 0, done.stderr
    assert served(folder) == "<p>5</p>"
    assert len(release_names(folder)) == 5
    assert os.readlink(folder / "current").startswith("releases/")
    back = globe("rollback", env=env)
    assert back.returncode == 0, back.stderr
    assert served(folder) == "<p>4</p>"


def test_a_refused_ssh_login_fails_cleanly(tmp_path, ssh):
    _login, ssh_command, _folder = ssh
    env = {"DEPLOY_TARGET": f"nobody-here@127.0.0.1:{tmp_path / 'remote'}",
           "DEPLOY_SSH": ssh_command}
    done = globe("deploy", str(make_site(tmp_path / "s", "s")), env=env)
    assert done.returncode == 1
    assert "Deploy failed" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "remote" / "current").exists()


def test_ci_gives_the_key_and_host_key_as_secrets_in_the_environment(tmp_path, ssh):
    """DEPLOY_SSH_KEY and DEPLOY_KNOWN_HOSTS, as a CI passes secrets: no file to set up."""
    login, _ssh_command, folder = ssh
    port = ssh[1].split(" -p ")[1].split()[0]
    env = {"DEPLOY_TARGET": f"{login}:{tmp_path / 'remote'}",
           "DEPLOY_SSH": f"ssh -F /dev/null -p {port}",
           "DEPLOY_SSH_KEY": (folder / "client_key").read_text(),
           "DEPLOY_KNOWN_HOSTS": (folder / "known_hosts").read_text()}
    done = globe("deploy", str(make_site(tmp_path / "s", "s")), env=env)
    assert done.returncode == 0, done.stderr
    assert served(tmp_path / "remote") == "<p>s</p>"
    wrong_host_key = {**env, "DEPLOY_KNOWN_HOSTS": env["DEPLOY_KNOWN_HOSTS"].replace(
        "127.0.0.1", "127.0.0.2")}
    refused = globe("rollback", env=wrong_host_key)
    assert refused.returncode == 1 and "Host key verification failed" in refused.stderr


def test_targets_are_parsed_like_rsync_does():
    assert releases.Target.parse("deploy@web1:/srv/site") == releases.Target(
        "/srv/site", "deploy@web1", ("ssh",))
    assert releases.Target.parse("/srv/site").host is None
    assert releases.Target.parse("./a:b").host is None
