# SPDX-License-Identifier: MIT
"""The GitHub Action (action.yml) without GitHub: its YAML is well-formed and consistent, and its
two scripts do their job in a real git repository — the changed files of a pull request or a
push, then the check through `docker run`, here a stand-in `docker` that runs the built binary
with the same arguments, folder and environment.

usage: action_test.py SOURCE_DIR MARGINALIA   (exit 77 when python3-yaml is missing)
"""
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import unittest

try:
    import yaml
except ImportError:
    print("skipped: python3-yaml is not installed (apt-get install python3-yaml)")
    sys.exit(77)

SOURCE_DIR = ""
MARGINALIA = ""

# Stands in for `docker run [--rm] [--user U] [-v A:B] [-e N=V] [-w DIR] IMAGE ARGS...`: refuses
# any other image than the one the step chose, then runs marginalia in DIR with the variables.
FAKE_DOCKER = """#!/bin/sh
[ "$1" = run ] || { echo "fake docker: only 'run' is expected, got $1" >&2; exit 99; }
shift
while [ $# -gt 0 ]; do
  case "$1" in
    --rm) shift ;;
    --user|-v) shift 2 ;;
    -e) export "$2"; shift 2 ;;
    -w) cd "$2" || exit 98; shift 2 ;;
    *) break ;;
  esac
done
[ "$1" = "$EXPECTED_IMAGE" ] || { echo "fake docker: image $1, expected $EXPECTED_IMAGE" >&2; exit 97; }
shift
echo "$*" >> "$DOCKER_LOG"
exec "$MARGINALIA_BINARY" "$@"
"""


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], check=True, capture_output=True, text=True).stdout


class ActionYaml(unittest.TestCase):
    def setUp(self):
        with open(os.path.join(SOURCE_DIR, "action.yml"), encoding="utf-8") as f:
            self.text = f.read()
        self.action = yaml.safe_load(self.text)

    def test_is_a_composite_action_whose_scripts_exist_and_are_executable(self):
        self.assertEqual(self.action["runs"]["using"], "composite")
        for field in ("name", "description", "inputs", "outputs"):
            self.assertIn(field, self.action)
        for script in re.findall(r"\$GITHUB_ACTION_PATH/([\w/.-]+\.sh)", self.text):
            path = os.path.join(SOURCE_DIR, script)
            self.assertTrue(os.path.isfile(path), script)
            self.assertTrue(os.stat(path).st_mode & stat.S_IXUSR, f"{script} is not executable")

    def test_uploads_the_sarif_even_when_the_check_step_failed(self):
        uploads = [s for s in self.action["runs"]["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
        self.assertEqual(len(uploads), 1)
        self.assertIn("always()", uploads[0]["if"])
        self.assertEqual(uploads[0]["with"]["sarif_file"], "${{ inputs.sarif-file }}")

    def test_every_input_and_step_output_used_is_declared_or_written(self):
        inputs = set(self.action["inputs"])
        for name in re.findall(r"inputs\.([\w-]+)", self.text):
            self.assertIn(name, inputs, f"inputs.{name} is used but not declared")
        steps = {s.get("id"): s for s in self.action["runs"]["steps"]}
        for step_id, output in re.findall(r"steps\.([\w-]+)\.outputs\.([\w-]+)", self.text):
            self.assertIn(step_id, steps, f"no step {step_id}")
            run = steps[step_id]["run"]
            script = re.search(r"\$GITHUB_ACTION_PATH/([\w/.-]+\.sh)", run)
            if script:
                with open(os.path.join(SOURCE_DIR, script.group(1)), encoding="utf-8") as f:
                    run = f.read()
            self.assertRegex(run, re.escape(output) + r"=", f"step {step_id} never writes output {output}")


class ActionScripts(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="marginalia-action-")
        self.repo = os.path.join(self.tmp, "repo")
        os.makedirs(os.path.join(self.repo, "reports"))
        git(self.repo, "init", "--quiet", "--initial-branch=main")
        git(self.repo, "config", "user.email", "ci@example.org")
        git(self.repo, "config", "user.name", "CI")
        self.write("reports/old.md", "# Minutes\n\nThe board met in March 2024.\n")
        self.write("reports/removed.txt", "An older note.\n")
        self.write("src/tool.cpp", "int main() {}\n")
        git(self.repo, "add", "-A")
        git(self.repo, "commit", "--quiet", "-m", "base")
        self.base = git(self.repo, "rev-parse", "HEAD").strip()
        # What a checkout of a pull request has: the base branch as a remote-tracking ref.
        git(self.repo, "update-ref", "refs/remotes/origin/main", self.base)
        git(self.repo, "checkout", "--quiet", "-b", "draft")
        self.write("reports/old.md", "# Minutes\n\nThe board met in April 2024.\n")
        with open(os.path.join(SOURCE_DIR, "samples/report-with-footnote-defects.md"), encoding="utf-8") as f:
            self.write("reports/new report.md", f.read())
        self.write("src/tool.cpp", "int main() { return 0; }\n")
        git(self.repo, "rm", "--quiet", "reports/removed.txt")
        git(self.repo, "add", "-A")
        git(self.repo, "commit", "--quiet", "-m", "draft")
        self.output = os.path.join(self.tmp, "github_output")
        self.files = os.path.join(self.tmp, "files")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def write(self, name, text):
        path = os.path.join(self.repo, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def outputs(self):
        with open(self.output, encoding="utf-8") as f:
            return dict(line.split("=", 1) for line in f.read().splitlines())

    def changed(self, **env):
        open(self.output, "w").close()
        result = subprocess.run([os.path.join(SOURCE_DIR, "scripts/action/changed_files.sh")], cwd=self.repo, capture_output=True, text=True,
                                env={**os.environ, "GITHUB_OUTPUT": self.output, "MARGINALIA_FILES": self.files, **env})
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(self.files, encoding="utf-8") as f:
            listed = [name for name in f.read().split("\0") if name]
        self.assertEqual(self.outputs()["count"], str(len(listed)))
        return sorted(listed)

    def test_a_pull_request_checks_the_drafts_it_adds_or_changes_and_nothing_else(self):
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="pull_request", BASE_REF="main"), ["reports/new report.md", "reports/old.md"])
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="pull_request", BASE_REF="main", PATHS="reports/new*"), ["reports/new report.md"])

    def test_a_push_checks_what_changed_since_the_previous_head_and_a_new_branch_everything(self):
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="push", BEFORE=self.base), ["reports/new report.md", "reports/old.md"])
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="push", BEFORE="0" * 40), ["reports/new report.md", "reports/old.md"])
        self.write("reports/later.txt", "Later.\n")
        git(self.repo, "add", "-A")
        git(self.repo, "commit", "--quiet", "-m", "later")
        head = git(self.repo, "rev-parse", "HEAD~1").strip()
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="push", BEFORE=head), ["reports/later.txt"])

    def test_all_checks_every_tracked_draft(self):
        self.assertEqual(self.changed(GITHUB_EVENT_NAME="pull_request", BASE_REF="main", ALL="true"), ["reports/new report.md", "reports/old.md"])

    def run_check(self, **env):
        bin_dir = os.path.join(self.tmp, "bin")
        os.makedirs(bin_dir, exist_ok=True)
        docker = os.path.join(bin_dir, "docker")
        with open(docker, "w", encoding="utf-8") as f:
            f.write(FAKE_DOCKER)
        os.chmod(docker, 0o755)
        self.changed(GITHUB_EVENT_NAME="pull_request", BASE_REF="main")
        open(self.output, "w").close()
        log = os.path.join(self.tmp, "docker.log")
        return subprocess.run([os.path.join(SOURCE_DIR, "scripts/action/run_check.sh")], cwd=self.repo, capture_output=True, text=True,
                              env={**os.environ, "PATH": bin_dir + os.pathsep + os.environ["PATH"], "GITHUB_OUTPUT": self.output,
                                   "MARGINALIA_FILES": self.files, "IMAGE": "example/marginalia:test", "EXPECTED_IMAGE": "example/marginalia:test",
                                   "MARGINALIA_BINARY": MARGINALIA, "DOCKER_LOG": log, "RUNNER_TEMP": self.tmp, "MARGINALIA_PLUGIN_PATH": "",
                                   "ARGS": "--offline --no-cache", **env}), log

    def test_the_check_writes_sarif_for_code_scanning_annotations_and_the_exit_status(self):
        result, log = self.run_check()
        self.assertEqual(result.returncode, 1, result.stderr)
        outputs = self.outputs()
        self.assertEqual(outputs["exit-code"], "1")
        self.assertEqual(outputs["sarif"], "true")
        with open(os.path.join(self.repo, "marginalia.sarif"), encoding="utf-8") as f:
            sarif = json.load(f)
        uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
        # Paths relative to the repository (as URI references), so code scanning places each
        # result on its file's line.
        self.assertEqual(uris, {"reports/new%20report.md"})
        self.assertRegex(result.stdout, r"::error file=reports/new report\.md,line=\d+")
        with open(log, encoding="utf-8") as f:
            self.assertEqual(len(f.read().splitlines()), 2, "one run for the SARIF, one for the annotations")

    def test_a_baseline_hides_the_accepted_findings(self):
        subprocess.run([MARGINALIA, "check", "reports/new report.md", "reports/old.md", "--offline", "--no-cache",
                        "--write-baseline", "baseline.json"], cwd=self.repo, check=True, capture_output=True,
                       env={**os.environ, "MARGINALIA_PLUGIN_PATH": ""})
        result, _ = self.run_check(BASELINE="baseline.json", ANNOTATIONS="false")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.outputs()["exit-code"], "0")
        self.assertNotIn("::error", result.stdout)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    SOURCE_DIR, MARGINALIA = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
