#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scaling of pathological shapes (issue 13): each shape at 1x, 2x, 4x and 8x its base size,
run through `marginalia check` with JSON and TEI to files and the terminal report (excerpts
included) to /dev/null. Prints the median wall time of each size and its ratio to 1x; linear growth gives
ratios near 2, 4 and 8, quadratic growth 4, 16 and 64. A benchmark, not a test: it never fails,
it reports (`--max-ratio R` makes it exit 1 when a ratio at 8x exceeds R × 8, for scripts).

usage: bench/scaling/scaling.py [--binary build/bin/marginalia] [--runs 3] [--shape NAME]... [--sizes 1,2,4,8]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

TEI_HEAD = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>'
            '<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader><text><body>')


def long_line(k):
    """One 1 MB × k line of prose with a marker every sentence (findings all on one line)."""
    sentence = "The ministry reported that exports fell sharply in the spring of 2023.1 "
    return "long-line.txt", "Title\n\n" + sentence * (14000 * k) + "\n"


def deep_nesting(k):
    """12,500 × k nested <div><head> in TEI."""
    n = 12500 * k
    return "deep.xml", TEI_HEAD + "<div><head>h</head>" * n + "<p>deep</p>" + "</div>" * n + "</body></text></TEI>"


def findings_on_one_line(k):
    """10,000 × k Markdown footnote markers without notes on one line."""
    return "markers.md", "# Title\n\n" + " ".join(f"claim[^{i}]" for i in range(1, 10000 * k + 1)) + "\n"


def many_notes(k):
    """5,000 × k Markdown footnotes, each referenced once, in a numbered list of paragraphs."""
    n = 5000 * k
    body = "".join(f"Claim number {i} about exports in 2023.[^{i}]\n\n" for i in range(1, n + 1))
    notes = "".join(f"[^{i}]: Source {i}, \"Report\", 2020.\n" for i in range(1, n + 1))
    return "notes.md", "# Title\n\n" + body + notes


SHAPES = {"long-line": long_line, "deep-nesting": deep_nesting, "findings-on-one-line": findings_on_one_line,
          "many-notes": many_notes}


def time_run(binary, path, out):
    start = time.monotonic()
    result = subprocess.run([binary, "check", path, "--offline", "--no-cache", "--format", "json", "-o", out + ".json",
                             "--tei", out + ".tei.xml"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=600)
    elapsed = time.monotonic() - start
    if result.returncode not in (0, 1):
        sys.exit(f"{path}: exit {result.returncode}: {result.stderr.decode(errors='replace')[:300]}")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "../../build/bin/marginalia"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--max-ratio", type=float, default=0)
    parser.add_argument("--sizes", default="1,2,4,8", help="comma-separated multiples of the base size")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'shape':22} {'size':>5} {'input':>9} {'median s':>9} {'ratio':>6} {'ratio/size':>10}")
    with tempfile.TemporaryDirectory(prefix="marginalia-scaling-") as temp:
        for name in args.shape or SHAPES:
            base = None
            for k in [int(size) for size in args.sizes.split(",")]:
                file_name, text = SHAPES[name](k)
                path = os.path.join(temp, file_name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                median = statistics.median(time_run(args.binary, path, path) for _ in range(args.runs))
                base = base or median
                ratio = median / base
                if k == 8:  # the largest size of the default run
                    worst = max(worst, ratio / k)
                print(f"{name:22} {k:>4}x {len(text) / 1e6:>8.2f}M {median:>9.3f} {ratio:>6.2f} {ratio / k:>10.2f}", flush=True)
    if args.max_ratio and worst > args.max_ratio:
        print(f"worst ratio/size at 8x: {worst:.2f}, above {args.max_ratio}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
