"""`globe deploy` and `globe rollback` with hostile or careless DEPLOY_* values.

The ssh program is a stand-in script (DEPLOY_SSH) that records the arguments it was given:
what matters is what reaches ssh's command line, whatever the installed ssh accepts.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GLOBE = str(Path(sys.executable).with_name("globe"))


def globe(*args, env=None, cwd=None):
    environment = {**os.environ, "GLOBE_LANG": "en", **(env or {})}
    return subprocess.run([GLOBE, *args], capture_output=True, text=True, env=environment,
                          stdin=subprocess.DEVNULL, check=False, timeout=60, cwd=cwd)


def site(folder: Path) -> Path:
    folder.mkdir()
    (folder / "index.html").write_text("<p>site</p>", encoding="utf-8")
    return folder


@pytest.fixture
def recording_ssh(tmp_path):
    """An ssh that writes its arguments, one per line, and fails like an unreachable host."""
    log = tmp_path / "ssh-arguments"
    program = tmp_path / "ssh"
    program.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" >> {log}\nexit 255\n')
    program.chmod(0o755)
    return program, log


def assert_failed_cleanly(result, *expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "Traceback" not in output
    for text in expected:
        assert text in result.stderr, result.stderr


@pytest.mark.parametrize("target", ["-oProxyCommand=touch${IFS}pwned:site",
                                    "a b:site", "h`id`:site",
                                    "host;id:site", "@:site", "host\nid:site",
                                    "host:site\n-oProxyCommand=id"])
@pytest.mark.parametrize("command", ["deploy", "rollback"])
def test_a_target_that_would_be_an_option_or_shell_code_never_reaches_ssh(
        tmp_path, recording_ssh, target, command):
    program, log = recording_ssh
    extra = [str(site(tmp_path / "output"))] if command == "deploy" else []
    result = globe(command, *extra, env={"DEPLOY_TARGET": target, "DEPLOY_SSH": str(program)},
                   cwd=tmp_path)
    assert_failed_cleanly(result, "DEPLOY_TARGET")
    assert not log.exists(), log.read_text()
    assert not list(tmp_path.glob("pwned*"))


def test_the_host_is_given_to_ssh_after_the_end_of_its_options_and_a_folder_starting_with_a_hyphen_is_not_an_option(  # noqa: E501
        tmp_path, recording_ssh):
    program, log = recording_ssh
    result = globe("rollback", env={"DEPLOY_TARGET": "deploy@web1:-rf",
                                    "DEPLOY_SSH": str(program)})
    assert_failed_cleanly(result, "exit code 255")  # ssh said nothing: its exit code is told
    arguments = log.read_text().splitlines()
    assert arguments[:4] == ["-o", "BatchMode=yes", "--", "deploy@web1"]
    assert arguments[4].startswith("mkdir -p ./-rf && cd ./-rf && ")


@pytest.mark.parametrize("variable", ["DEPLOY_SSH", "DEPLOY_RSYNC_OPTIONS"])
def test_an_unclosed_quote_in_a_command_variable_is_named(tmp_path, variable):
    result = globe("deploy", str(site(tmp_path / "output")),
                   env={"DEPLOY_TARGET": str(tmp_path / "server"), variable: 'ssh "-v'})
    assert_failed_cleanly(result, variable, "close its quotes")
    assert not (tmp_path / "server" / "current").exists()


def test_an_ssh_program_that_does_not_exist_is_named_not_blamed_on_a_folder(tmp_path):
    result = globe("rollback", env={"DEPLOY_TARGET": "web1:/srv/site",
                                    "DEPLOY_SSH": str(tmp_path / "no-ssh")})
    assert_failed_cleanly(result, "no-ssh", "DEPLOY_SSH")


def test_a_server_answering_in_another_encoding_is_reported_not_a_traceback(tmp_path):
    target = tmp_path / "server"
    result = globe("deploy", str(site(tmp_path / "output")),
                   env={"DEPLOY_TARGET": str(target),
                        "DEPLOY_AFTER_SWITCH": "printf 'r\\351load failed\\n' >&2; exit 3"})
    assert_failed_cleanly(result, "DEPLOY_AFTER_SWITCH", "r\N{REPLACEMENT CHARACTER}load failed")
    assert (target / "current" / "index.html").is_file()  # the switch did happen


@pytest.mark.parametrize("inner", ["", "releases", "a/b"])
def test_a_target_inside_the_built_site_is_refused(tmp_path, inner):
    built = site(tmp_path / "output")
    result = globe("deploy", str(built), "--target", str(built / inner))
    assert_failed_cleanly(result, "inside the built site")
    assert sorted(p.name for p in built.iterdir()) == ["index.html"]


def test_a_release_name_already_taken_is_an_error_and_the_release_stays_whole(tmp_path):
    from globe import releases  # noqa: PLC0415

    target = releases.Target.parse(str(tmp_path / "server"))
    name = releases.deploy(str(site(tmp_path / "first")), target)
    second = tmp_path / "second"
    second.mkdir()
    (second / "index.html").write_text("<p>second</p>", encoding="utf-8")
    with pytest.raises(releases.DeployError):
        releases.upload(str(second), target, name)
    release = tmp_path / "server" / "releases" / name
    assert sorted(p.name for p in release.iterdir()) == ["index.html"]
    assert (release / "index.html").read_text(encoding="utf-8") == "<p>site</p>"


@pytest.mark.parametrize("link", [("passwd", "/etc/passwd"), ("theme", "/etc"),
                                  ("inside.html", "index.html")])
def test_a_site_with_a_symbolic_link_is_not_deployed(tmp_path, link):
    """rsync --archive copies links as links, and nginx follows them on the server."""
    built = site(tmp_path / "output")
    name, points_to = link
    (built / name).symlink_to(points_to)
    target = tmp_path / "server"
    result = globe("deploy", str(built), "--target", str(target))
    assert_failed_cleanly(result, "symbolic links", name)
    assert not target.exists()  # refused before anything reached the server
