#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A real client: Debian's Emacs in batch mode with eglot attached to `marginalia lsp` through
the very snippet docs/editors.md gives (emacs_client_test.el reads it from the Markdown).
Opens a Markdown report with a wrong weekday and expects Flymake to show the finding on its
line. Exits 77 (skipped) without emacs, eglot or markdown-mode."""
import os
import shutil
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(os.environ.get("MARGINALIA", "build/bin/marginalia"))
SOURCE_DIR = os.path.abspath(os.environ.get("MARGINALIA_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))

# 24 April 2024 was a Wednesday: line 3 carries the finding.
SAMPLE = """# Board minutes

The board met on Tuesday, 24 April 2024 and approved the budget.
"""
EXPECT = "dates/weekday-mismatch:3"


def main():
    emacs = shutil.which("emacs")
    if not emacs:
        print("SKIPPED: emacs is not installed (apt-get install emacs-nox elpa-eglot elpa-markdown-mode; "
              "scripts/install-deps.sh lists them)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "minutes.md")
        with open(sample, "w") as f:
            f.write(SAMPLE)
        # The snippet starts "marginalia" from PATH, as an editor would.
        env = dict(os.environ, HOME=tmp, MARGINALIA_EMACS_EXPECT=EXPECT,
                   MARGINALIA_EDITORS_MD=os.path.join(SOURCE_DIR, "docs", "editors.md"),
                   PATH=os.path.dirname(BINARY) + os.pathsep + os.environ.get("PATH", ""))
        script = os.path.join(SOURCE_DIR, "tests", "lsp", "emacs_client_test.el")
        run = subprocess.run([emacs, "--batch", "-Q", "-l", script, sample], cwd=tmp, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=120)
        print(run.stdout, end="")
        if run.returncode not in (0, 77):
            print(run.stderr, end="")
        return run.returncode


if __name__ == "__main__":
    sys.exit(main())
