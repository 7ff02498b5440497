#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A real client: Debian's Neovim, headless, with its built-in LSP client attached to
`marginalia lsp` through docs/editors/marginalia.lua (the configuration docs/editors.md gives).
Opens a copy of samples/report-with-footnote-defects.txt, waits for the diagnostics, applies
the code action of the weekday finding and checks the buffer. Exits 77 (skipped) without nvim."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

BINARY = os.path.abspath(os.environ.get("MARGINALIA", "build/bin/marginalia"))
SOURCE_DIR = os.path.abspath(os.environ.get("MARGINALIA_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", "..")))


def main():
    nvim = shutil.which("nvim")
    if not nvim:
        print("SKIPPED: nvim is not installed (apt-get install neovim; scripts/install-deps.sh lists it)")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        sample = os.path.join(tmp, "report.txt")
        shutil.copy(os.path.join(SOURCE_DIR, "samples", "report-with-footnote-defects.txt"), sample)
        result_file = os.path.join(tmp, "result.json")
        env = dict(os.environ, MARGINALIA=BINARY, MARGINALIA_NVIM_RESULT=result_file,
                   MARGINALIA_EDITORS_DIR=os.path.join(SOURCE_DIR, "docs", "editors"), HOME=tmp, XDG_STATE_HOME=tmp)
        init = os.path.join(SOURCE_DIR, "tests", "lsp", "nvim_init.lua")
        run = subprocess.run([nvim, "--headless", "--clean", "-u", init, sample], cwd=tmp, env=env,
                             stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=180)
        if not os.path.exists(result_file):
            print("nvim wrote no result (status %d)\n%s\n%s" % (run.returncode, run.stdout, run.stderr))
            return 1
        with open(result_file) as f:
            result = json.load(f)
        print(json.dumps(result, indent=1, ensure_ascii=False))
        cli = subprocess.run([BINARY, "check", sample, "--format", "json", "--offline", "--no-cache"], capture_output=True, text=True)
        expected = sorted(f["code"] for f in json.loads(cli.stdout)["findings"])
        failures = []
        if result.get("error"):
            failures.append(result["error"])
        if result.get("filetype") != "text":
            failures.append("filetype %r, expected text" % result.get("filetype"))
        if result.get("codes_before") != expected:
            failures.append("diagnostics %r differ from marginalia check's %r" % (result.get("codes_before"), expected))
        if result.get("weekday_range", {}).get("start") != {"line": 22, "character": 120}:
            failures.append("weekday range %r, expected to start at 22:120" % result.get("weekday_range"))
        if "Wednesday, 24 April 2024" not in (result.get("line_after") or ""):
            failures.append("the code action did not put Wednesday in the buffer: %r" % result.get("line_after"))
        if result.get("codes_after") != [c for c in expected if c != "dates/weekday-mismatch"]:
            failures.append("diagnostics after the fix: %r" % result.get("codes_after"))
        if "2024-04-24" not in (result.get("hover") or ""):
            failures.append("hover on the date: %r" % result.get("hover"))
        for failure in failures:
            print("FAILED:", failure)
        return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
