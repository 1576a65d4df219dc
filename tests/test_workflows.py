"""The GitHub Actions workflows (and the issue forms), linted offline.

Every workflow must validate against the GitHub workflow schema (check-jsonschema's vendored copy) and pass
actionlint; the publish and pull-request workflows must keep the steps the project relies on. Each job's
token holds only what the job needs: only the publish workflow's deploy job may deploy to Pages, and a site
is uploaded only after its check and strict build have succeeded. The issue forms are validated against
check-jsonschema's vendored schemas too. The linters are pinned in requirements-dev.txt and installed beside
the running Python: if one is missing, the test fails.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from briefings.buildcache import CACHE_FOLDER

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS_DIR = ROOT / ".github" / "workflows"
PUBLISH = WORKFLOWS_DIR / "publish.yml"
PULL_REQUEST = WORKFLOWS_DIR / "pull-request.yml"
COMMENT = WORKFLOWS_DIR / "pull-request-comment.yml"
WORKFLOWS = [PUBLISH, PULL_REQUEST, COMMENT]
ISSUE_TEMPLATES = ROOT / ".github" / "ISSUE_TEMPLATE"
ISSUE_FORMS = [ISSUE_TEMPLATES / "correction.yml", ISSUE_TEMPLATES / "brief-idea.yml"]

# Not resolved: in a virtualenv, the interpreter is a symlink and the tools sit beside the link.
BIN_DIR = Path(sys.executable).parent

MAJOR_TAG = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@v[0-9]+$")


def _tool(name: str) -> Path:
    path = BIN_DIR / name
    assert path.is_file(), f"{name} is not installed in {BIN_DIR}: install requirements-dev.txt"
    return path


def _run(*args: str | Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text("utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a mapping"
    return data


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 (PyYAML) reads the key `on` as the boolean true.
    triggers = workflow.get("on", workflow.get(True))
    assert triggers is not None, "the workflow has no 'on' triggers"
    if isinstance(triggers, str):
        return {triggers: None}
    if isinstance(triggers, list):
        return {name: None for name in triggers}
    return triggers


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def _uses(workflow: dict) -> list[str]:
    uses = [step["uses"] for step in _steps(workflow) if "uses" in step]
    uses += [job["uses"] for job in workflow["jobs"].values() if "uses" in job]
    return uses


def _step_using(workflow: dict, action: str, **inputs: str) -> dict:
    """The first step using `action` (with these inputs, if given)."""
    found = [
        step
        for step in _steps(workflow)
        if step.get("uses", "").split("@")[0] == action
        and all(step.get("with", {}).get(name) == value for name, value in inputs.items())
    ]
    assert found, f"no step uses {action} with {inputs}"
    return found[0]


def _commands(workflow: dict) -> str:
    return "\n".join(step["run"] for step in _steps(workflow) if "run" in step)


def _ids(paths):
    return [p.name for p in paths]


def _grants(permissions) -> dict[str, str]:
    """A permissions block as {scope: level}, without the scopes set to none; read-all and write-all as '*'."""
    if permissions in ("read-all", "write-all"):
        return {"*": permissions.removesuffix("-all")}
    assert isinstance(permissions, dict), f"unexpected permissions: {permissions!r}"
    return {scope: level for scope, level in permissions.items() if level != "none"}


def _job_grants(workflow: dict, name: str) -> dict[str, str]:
    """What the job's token may do: its own permissions, else the workflow's."""
    job = workflow["jobs"][name]
    permissions = job["permissions"] if "permissions" in job else workflow.get("permissions")
    assert permissions is not None, (
        f"job {name!r} sets no permissions and neither does its workflow: "
        "it would get the repository's default token, which may write"
    )
    return _grants(permissions)


def _writes(grants: dict[str, str]) -> dict[str, str]:
    return {scope: level for scope, level in grants.items() if level == "write"}


STATUS_FUNCTIONS = re.compile(r"\b(always|failure|cancelled)\s*\(")


# -- both workflows --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_matches_the_github_workflow_schema(workflow: Path):
    result = _run(_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_passes_actionlint(workflow: Path):
    result = _run(_tool("actionlint"), "-no-color", workflow)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_every_action_is_pinned_to_a_major_version(workflow: Path):
    uses = _uses(_load(workflow))
    assert uses, f"{workflow.name} uses no action"
    unpinned = [u for u in uses if not MAJOR_TAG.match(u)]
    assert not unpinned, f"pin these to a major version tag such as @v5: {unpinned}"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_has_a_concurrency_group(workflow: Path):
    concurrency = _load(workflow).get("concurrency")
    assert isinstance(concurrency, dict) and concurrency.get("group"), "set concurrency.group"


@pytest.mark.parametrize("form", ISSUE_FORMS, ids=_ids(ISSUE_FORMS))
def test_issue_form_matches_its_schema(form: Path):
    result = _run(_tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-forms", form)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_template_config_matches_its_schema():
    config = ISSUE_TEMPLATES / "config.yml"
    result = _run(_tool("check-jsonschema"), "--builtin-schema", "vendor.github-issue-config", config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert _load(config)["blank_issues_enabled"] is True


# -- permissions and uploads -----------------------------------------------------------------------------------


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=_ids(WORKFLOWS))
def test_top_level_permissions_grant_at_most_reading_the_contents(workflow: Path):
    data = _load(workflow)
    assert "permissions" in data, "set top-level permissions: without them, jobs get the repository's default"
    assert _grants(data["permissions"]) in ({}, {"contents": "read"})


def test_only_the_deploy_job_may_deploy_to_pages():
    deployers = {}
    for path in WORKFLOWS:
        workflow = _load(path)
        for name in workflow["jobs"]:
            grants = _job_grants(workflow, name)
            if {"pages", "id-token", "*"} & set(_writes(grants)):
                deployers[f"{path.name}:{name}"] = grants
    assert deployers == {"publish.yml:deploy": {"pages": "write", "id-token": "write"}}


def test_the_build_job_only_reads():
    grants = _job_grants(_load(PUBLISH), "build")
    assert not _writes(grants), f"the build job runs the content's build: it must not write ({grants})"
    assert grants.get("contents") == "read"
    assert set(grants) <= {"contents", "pages"}, grants  # configure-pages reads the site's address


def test_pull_request_workflow_writes_nothing_anywhere():
    workflow = _load(PULL_REQUEST)
    assert _grants(workflow["permissions"]) == {"contents": "read"}
    for name in workflow["jobs"]:
        grants = _job_grants(workflow, name)
        assert not _writes(grants), f"job {name!r} may write: {grants}"
        assert "id-token" not in grants, f"job {name!r} may request an OIDC token"


UPLOADS = [(PUBLISH, "actions/upload-pages-artifact"), (PULL_REQUEST, "actions/upload-artifact")]


@pytest.mark.parametrize("workflow, action", UPLOADS, ids=[p.name for p, _ in UPLOADS])
def test_the_site_is_uploaded_only_after_a_successful_check_and_build(workflow: Path, action: str):
    """Never a partial site: the upload follows the check and the strict build in the same job, and no
    status function or continue-on-error lets it run after either of them has failed."""
    jobs = _load(workflow)["jobs"]
    [(job_name, job)] = [
        (name, job)
        for name, job in jobs.items()
        if any(step.get("uses", "").split("@")[0] == action for step in job.get("steps", []))
    ]
    steps = job["steps"]
    runs = [step.get("run", "") for step in steps]
    [upload] = [
        i
        for i, step in enumerate(steps)
        if step.get("uses", "").split("@")[0] == action and step.get("with", {}).get("path") == "site"
    ]
    [check] = [i for i, command in enumerate(runs) if "briefings check" in command]
    [build] = [i for i, command in enumerate(runs) if "mkdocs build --strict" in command]
    assert check < build < upload, f"{job_name}: the upload must follow the check and the build"
    assert "continue-on-error" not in job, f"{job_name}: continue-on-error on the job"
    for step in steps[: upload + 1]:
        name = step.get("name", step.get("uses", step.get("run")))
        assert "continue-on-error" not in step, f"{job_name}: {name!r} has continue-on-error"
    for step in (steps[check], steps[build]):
        assert "||" not in step["run"], f"{job_name}: {step['name']!r} must fail when its command fails"
    condition = str(steps[upload].get("if", ""))
    assert not STATUS_FUNCTIONS.search(condition), f"{job_name}: the upload runs on `if: {condition}`"


# -- publish ---------------------------------------------------------------------------------------------------


def test_publish_runs_on_push_to_main_by_hand_and_daily():
    triggers = _triggers(_load(PUBLISH))
    assert set(triggers) == {"push", "workflow_dispatch", "schedule"}
    assert triggers["push"]["branches"] == ["main"]


def test_publish_runs_once_a_day_after_midnight_utc_so_scheduled_briefs_go_live_on_their_day():
    """A brief dated after the day of the build is left out of it (briefings/clock.py): only a build on or after
    its day publishes it, and with no commit that day only the schedule makes one."""
    (entry,) = _triggers(_load(PUBLISH))["schedule"]
    minute, hour, *every = entry["cron"].split()
    assert every == ["*", "*", "*"], "once a day, every day"
    assert minute.isdigit() and hour == "0", "early in the UTC day, the day briefs' dates name"


def test_publish_never_cancels_a_deployment_in_progress():
    concurrency = _load(PUBLISH)["concurrency"]
    assert concurrency["group"] == "pages"
    assert concurrency["cancel-in-progress"] is False


def test_publish_checks_then_builds_strictly_for_the_pages_address():
    workflow = _load(PUBLISH)
    build = workflow["jobs"]["build"]["steps"]
    commands = [step.get("run", "") for step in build]
    check = next(i for i, c in enumerate(commands) if "briefings check --format github" in c)
    mkdocs = next(i for i, c in enumerate(commands) if "mkdocs build --strict" in c)
    assert check < mkdocs
    pages = _step_using(workflow, "actions/configure-pages")
    assert pages.get("id") == "pages"
    assert build.index(pages) < mkdocs
    env = build[mkdocs]["env"]
    assert env["SITE_URL"] == "${{ steps.pages.outputs.base_url }}/"
    assert env["REPO_URL"] == "${{ github.server_url }}/${{ github.repository }}"
    upload = _step_using(workflow, "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    assert build.index(upload) > mkdocs


def test_publish_restores_and_saves_the_build_cache_before_building():
    """The cache folder of briefings/buildcache.py, keyed by the requirements and the commit, restored from the
    latest run with the same requirements."""
    build = _load(PUBLISH)["jobs"]["build"]["steps"]
    cache = _step_using(_load(PUBLISH), "actions/cache")
    assert cache["with"]["path"] == CACHE_FOLDER
    requirements = "${{ hashFiles('requirements*.txt', 'pyproject.toml') }}"
    assert cache["with"]["key"] == f"briefings-cache-{requirements}-${{{{ github.sha }}}}"
    assert cache["with"]["restore-keys"] == f"briefings-cache-{requirements}-"
    mkdocs = next(i for i, step in enumerate(build) if "mkdocs build --strict" in step.get("run", ""))
    assert build.index(cache) < mkdocs


def test_publish_deploys_only_after_the_build():
    jobs = _load(PUBLISH)["jobs"]
    deploy = jobs["deploy"]
    needs = deploy["needs"]
    assert (needs if isinstance(needs, list) else [needs]) == ["build"]
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == "${{ steps.deployment.outputs.page_url }}"
    [step] = [s for s in deploy["steps"] if s.get("uses", "").startswith("actions/deploy-pages@")]
    assert step["id"] == "deployment"
    # A status function would let it deploy whatever a failed or cancelled build left behind.
    assert not STATUS_FUNCTIONS.search(str(deploy.get("if", ""))), deploy["if"]
    assert "continue-on-error" not in jobs["build"]


# -- pull request ----------------------------------------------------------------------------------------------


def test_pull_request_workflow_runs_on_pull_requests():
    triggers = _triggers(_load(PULL_REQUEST))
    assert "pull_request" in triggers and "workflow_dispatch" in triggers


def test_pull_request_workflow_cancels_superseded_runs():
    concurrency = _load(PULL_REQUEST)["concurrency"]
    assert "github.event.pull_request.number" in concurrency["group"]
    assert concurrency["cancel-in-progress"] is True


def test_pull_request_workflow_checks_builds_and_tests():
    commands = _commands(_load(PULL_REQUEST))
    assert "briefings check --format github" in commands
    assert "mkdocs build --strict" in commands
    assert "python -m pytest" in commands
    assert "playwright install --with-deps chromium" in commands


def test_pull_request_workflow_uploads_the_built_site():
    upload = _step_using(_load(PULL_REQUEST), "actions/upload-artifact", path="site")
    assert upload["with"]["name"] == "site-preview"
    assert upload["with"]["path"] == "site"
    assert 1 <= int(upload["with"]["retention-days"]) <= 14


def test_pull_request_workflow_checks_no_published_address_is_lost():
    """`check --since` reads the base branch's project with git: the checkout holds the whole history."""
    workflow = _load(PULL_REQUEST)
    checkout = _step_using(workflow, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0
    [step] = [s for s in _steps(workflow) if "briefings check" in s.get("run", "")]
    assert '--since "origin/$BASE_REF"' in step["run"]
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"


# -- what a pull request changes for readers, and its comment -----------------------------------------------

MARKER = "<!-- briefings-diff -->"
SUMMARY_ARTIFACT = "pull-request-summary"


def _step_running(workflow: dict, command: str) -> tuple[int, dict]:
    steps = workflow["jobs"]["check"]["steps"]
    [(n, step)] = [(n, step) for n, step in enumerate(steps) if command in step.get("run", "")]
    return n, step


def test_pull_request_workflow_summarises_the_change_on_its_page_and_keeps_it_with_the_number():
    workflow = _load(PULL_REQUEST)
    steps = workflow["jobs"]["check"]["steps"]
    n, step = _step_running(workflow, "briefings diff")
    script = step["run"]
    assert 'briefings diff "origin/$BASE_REF" > pull-request-summary/summary.md' in script
    assert step["env"]["BASE_REF"] == "${{ github.base_ref }}"
    assert 'cat pull-request-summary/summary.md >> "$GITHUB_STEP_SUMMARY"' in script
    # The number comes from the event, through the environment (never written into the script).
    assert step["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert '"$PR_NUMBER" > pull-request-summary/number' in script
    assert "${{" not in script
    assert step["if"] == "github.event_name == 'pull_request'"  # a run by hand has no base to compare with
    upload = _step_using(workflow, "actions/upload-artifact", name=SUMMARY_ARTIFACT)
    assert upload["with"]["path"] == "pull-request-summary/"
    assert upload["with"]["if-no-files-found"] == "error"
    assert 1 <= int(upload["with"]["retention-days"]) <= 14
    # Kept even when the check then fails (the summary lists its errors): both come before the check.
    check, _ = _step_running(workflow, "briefings check")
    assert n < steps.index(upload) < check
    assert not STATUS_FUNCTIONS.search(str(upload.get("if", "")))


def test_the_comment_workflow_runs_after_the_pull_request_workflow_only():
    triggers = _triggers(_load(COMMENT))
    assert set(triggers) == {"workflow_run"}
    assert triggers["workflow_run"]["workflows"] == [_load(PULL_REQUEST)["name"]]
    assert triggers["workflow_run"]["types"] == ["completed"]
    [job] = _load(COMMENT)["jobs"].values()
    assert "github.event.workflow_run.event == 'pull_request'" in job["if"]


def test_the_comment_workflow_may_only_comment_and_read_the_artifact():
    workflow = _load(COMMENT)
    assert _grants(workflow["permissions"]) == {}
    for name in workflow["jobs"]:
        assert _job_grants(workflow, name) == {"pull-requests": "write", "actions": "read"}


def test_the_comment_workflow_never_runs_the_pull_requests_code():
    """The pattern against "pwn requests": the job that holds a write token checks out nothing, installs
    nothing, runs nothing from the artifact, and no value of the event or the artifact is written into a
    script."""
    workflow = _load(COMMENT)
    uses = {u.split("@")[0] for u in _uses(workflow)}
    assert uses == {"actions/download-artifact"}, uses
    commands = _commands(workflow)
    for forbidden in (
        "checkout",
        "pip",
        "python",
        "npm",
        "briefings",
        "source ",
        "bash pull-request-summary",
        "sh pull-request-summary",
        "eval",
        "${{",
    ):
        assert forbidden not in commands, forbidden
    download = _step_using(workflow, "actions/download-artifact")
    assert download["with"]["name"] == SUMMARY_ARTIFACT
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"


def test_the_comment_is_found_again_by_its_marker():
    [step] = [s for s in _steps(_load(COMMENT)) if "run" in s]
    assert step["env"]["MARKER"] == MARKER
    assert "printf '%s\\n\\n' \"$MARKER\"" in step["run"]
    assert "startswith(env.MARKER)" in step["run"]
    assert "--input comment.json" in step["run"] and "--method PATCH" in step["run"]


# The comment's script itself, run with a stand-in for `gh` that records what it is asked.
FAKE_GH = """#!/bin/bash
printf '%s\\n' "$*" >> "$GH_LOG"
case "$*" in
  *"/pulls/"*) printf '%s\\n' "$FAKE_HEAD" ;;
  *"--paginate"*) printf '%s' "$FAKE_EARLIER" ;;
  *"--input comment.json"*) cp comment.json "$GH_LOG.body" ;;
esac
"""


def _post(tmp_path: Path, number: str, summary: str, *, earlier: str = "", head: str = "abc123") -> tuple[int, str]:
    [step] = [s for s in _steps(_load(COMMENT)) if "run" in s]
    folder = tmp_path / "work"
    (folder / "pull-request-summary").mkdir(parents=True)
    (folder / "pull-request-summary/number").write_text(number, "utf-8")
    (folder / "pull-request-summary/summary.md").write_text(summary, "utf-8")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "gh").write_text(FAKE_GH, "utf-8")
    (bin_dir / "gh").chmod(0o755)
    log = tmp_path / "gh.log"
    env = {
        **{k: v.replace("${{ github.event.workflow_run.head_sha }}", "abc123") for k, v in step["env"].items()},
        "PATH": f"{bin_dir}:/usr/bin:/bin",
        "GH_LOG": str(log),
        "FAKE_HEAD": head,
        "FAKE_EARLIER": earlier,
    }
    done = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=folder, env=env, capture_output=True, text=True)
    return done.returncode, log.read_text("utf-8") if log.exists() else ""


HOSTILE_SUMMARY = '## Hi `$(touch pwned)` $(touch pwned) ${HOME} \'"; touch pwned; echo "\n'


@pytest.mark.skipif(not Path("/usr/bin/jq").exists() and not Path("/bin/jq").exists(), reason="jq is not installed")
def test_the_comment_script_posts_the_summary_as_data_once_and_edits_it_after(tmp_path: Path):
    code, log = _post(tmp_path / "new", "42\n", HOSTILE_SUMMARY)
    assert code == 0, log
    assert "api --method POST repos/${{ github.repository }}/issues/42/comments --input comment.json" in log
    body = json.loads((tmp_path / "new/gh.log.body").read_text("utf-8"))["body"]
    assert body.startswith(MARKER + "\n\n" + HOSTILE_SUMMARY)
    assert not list(tmp_path.rglob("pwned"))
    code, log = _post(
        tmp_path / "again", "42\n", "Nothing changes for readers compared with `origin/main`.\n", earlier="987\n"
    )
    assert code == 0 and "api --method PATCH repos/${{ github.repository }}/issues/comments/987" in log
    assert "POST" not in log


@pytest.mark.parametrize("number", ["42; touch pwned", "$(touch pwned)", "", "4 2", "-1"])
def test_the_comment_script_refuses_a_number_that_is_not_digits(tmp_path: Path, number: str):
    code, log = _post(tmp_path, number, "summary\n")
    assert code == 1 and log == ""
    assert not list(tmp_path.rglob("pwned"))


def test_the_comment_script_comments_only_on_the_pull_request_at_the_commit_it_checked(tmp_path: Path):
    code, log = _post(tmp_path, "42", "summary\n", head="another")
    assert code == 0 and "comments" not in log
