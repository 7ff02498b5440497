#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs marginalia's readers and the footnotes plugin over the CRS Markdown reports in
../shared/eval/crs-reports-md and prints, per report: notes found, markers claimed (with the
text around each, for checking by hand), and the footnotes findings by code.

usage: bench/footnotes/crs_report.py [build/bin/marginalia] [--show-markers]
"""
import collections
import glob
import json
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
binary = next((a for a in sys.argv[1:] if not a.startswith("--")), os.path.join(root, "build/bin/marginalia"))
show = "--show-markers" in sys.argv
corpus = os.path.join(root, "..", "shared", "eval", "crs-reports-md")
files = sorted(glob.glob(os.path.join(corpus, "R*.md")))
if not files:
    sys.exit("no CRS reports under " + corpus)

totals = collections.Counter()
print(f"{'report':<12} {'notes':>5} {'markers':>7} {'orphan':>6} {'no-source':>9} {'missing':>7} {'other':>5}")
for path in files:
    tei = subprocess.run([binary, "check", path, "--format", "tei", "--disable", "dates", "--disable", "quotes",
                          "--disable", "urls", "--offline"], capture_output=True, text=True).stdout
    out = subprocess.run([binary, "check", path, "--format", "json", "--disable", "dates", "--disable", "quotes",
                          "--disable", "urls", "--offline"], capture_output=True, text=True).stdout
    data = json.loads(out)
    codes = collections.Counter(f["code"] for f in data["findings"] if f["plugin"] == "footnotes")
    notes = len(re.findall(r'<note xml:id="fn-[^"]*" place="foot"', tei))
    markers = re.findall(r'(.{0,40})<ref xml:id="fnref-[^"]*" type="noteAnchor" n="([^"]*)"[^>]*>', tei)
    other = sum(v for k, v in codes.items() if k not in ("footnotes/orphan-note", "footnotes/note-without-source", "footnotes/missing-note"))
    name = os.path.basename(path).split("-")[0]
    print(f"{name:<12} {notes:>5} {len(markers):>7} {codes['footnotes/orphan-note']:>6} {codes['footnotes/note-without-source']:>9} "
          f"{codes['footnotes/missing-note']:>7} {other:>5}")
    if show:
        for before, label in markers:
            print(f"    marker {label}: …{re.sub('<[^>]*>', '', before)}")
    totals.update({"notes": notes, "markers": len(markers), "orphan": codes["footnotes/orphan-note"],
                   "no-source": codes["footnotes/note-without-source"], "missing": codes["footnotes/missing-note"], "other": other})
print(f"{'total':<12} {totals['notes']:>5} {totals['markers']:>7} {totals['orphan']:>6} {totals['no-source']:>9} "
      f"{totals['missing']:>7} {totals['other']:>5}")
