#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Scaling of pathological shapes (issue 13): each shape at 1x, 2x, 4x and 8x its base size,
run through `marginalia check` with JSON and TEI to files and the terminal report (excerpts
included) to /dev/null. Prints the median wall time and CPU time (user + system, workers included: steadier
on a shared machine) of each size and their ratios to 1x; linear growth gives ratios near 2, 4
and 8, quadratic growth 4, 16 and 64. A benchmark, not a test: it never fails,
it reports (`--max-ratio R` makes it exit 1 when the CPU ratio at 8x exceeds R × 8, for scripts).

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


def report_sections(k):
    """(heading, paragraphs, list items) of a report's sections: 1 MB × k of prose in short lines."""
    sections = []
    for i in range(1, 1760 * k + 1):
        paragraphs = [f"Section {i} reviews the harbour figures published on 3 March 2023 by the port authority, "
                      f"which reported that freight volumes rose by {i % 40} per cent over the year.",
                      f"The minister said the plan was \u201cready for the next phase\u201d and asked the operators "
                      f"to report again; see https://example.org/reports/{i} for the tables."]
        items = [f"Item {i}.{j}: a measure agreed in 2022 and reviewed in 2024." for j in range(1, 4)]
        sections.append((f"Part {i}", paragraphs, items))
    return sections


def render_report(k, head, section, tail=""):
    """head, then section(number, heading, paragraphs, items) for each of the report's sections, then tail."""
    return head + "".join(section(i, *parts) for i, parts in enumerate(report_sections(k), 1)) + tail


def report_markdown(k):
    """A Markdown report of 1 MB × k in many short lines: headings, paragraphs, lists, notes."""
    def section(i, heading, paragraphs, items):
        return (f"## {heading}\n\n{paragraphs[0]}[^{i}]\n\n" + "".join(f"{p}\n\n" for p in paragraphs[1:])
                + "".join(f"- {item}\n" for item in items) + "\n")
    notes = "".join(f"[^{i}]: Port authority, \u201cAnnual figures\u201d, 2023, https://example.org/notes/{i}.\n"
                    for i in range(1, len(report_sections(k)) + 1))
    return "report.md", render_report(k, "# Harbour report\n\n", section, notes)


def report_text(k):
    """The same report as plain text: 1 MB × k."""
    def section(_, heading, paragraphs, items):
        return f"{heading}\n\n" + "".join(f"{p}\n\n" for p in paragraphs) + "".join(f"- {item}\n" for item in items) + "\n"
    return "report.txt", render_report(k, "Harbour report\n\n", section)


def report_html(k):
    """The same report as HTML: 1 MB × k."""
    def section(_, heading, paragraphs, items):
        return (f"<h2>{heading}</h2>\n" + "".join(f"<p>{p}</p>\n" for p in paragraphs)
                + "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>\n")
    head = "<!DOCTYPE html><html lang=\"en\"><head><title>Harbour report</title></head><body><h1>Harbour report</h1>\n"
    return "report.html", render_report(k, head, section, "</body></html>\n")


def report_tei(k):
    """The same report as TEI: 1 MB × k of divisions."""
    def section(_, heading, paragraphs, items):
        return (f"<div><head>{heading}</head>\n" + "".join(f"<p>{p.replace('&', '&amp;')}</p>\n" for p in paragraphs)
                + "<list>" + "".join(f"<item>{item}</item>" for item in items) + "</list></div>\n")
    return "report.xml", render_report(k, TEI_HEAD, section, "</body></text></TEI>\n")


SHAPES = {"long-line": long_line, "deep-nesting": deep_nesting, "findings-on-one-line": findings_on_one_line,
          "many-notes": many_notes, "report-markdown": report_markdown, "report-text": report_text,
          "report-html": report_html, "report-tei": report_tei}


def time_run(binary, path, out):
    """Wall seconds and CPU seconds (user + system, the workers included) of one run."""
    command = [binary, "check", path, "--offline", "--no-cache", "--format", "json", "-o", out + ".json", "--tei", out + ".tei.xml"]
    start = time.monotonic()
    with open(os.devnull, "wb") as null:
        child = subprocess.Popen(command, stdout=null, stderr=null)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    elapsed = time.monotonic() - start
    if child.returncode not in (0, 1):
        sys.exit(f"{path}: exit {child.returncode}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.path.join(os.path.dirname(__file__), "../../build/bin/marginalia"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES))
    parser.add_argument("--max-ratio", type=float, default=0)
    parser.add_argument("--sizes", default="1,2,4,8", help="comma-separated multiples of the base size")
    args = parser.parse_args()
    worst = 0.0
    print(f"{'shape':22} {'size':>5} {'input':>9} {'wall s':>7} {'ratio':>6} {'CPU s':>7} {'ratio':>6} {'CPU ratio/size':>14}")
    with tempfile.TemporaryDirectory(prefix="marginalia-scaling-") as temp:
        for name in args.shape or SHAPES:
            base = None
            for k in [int(size) for size in args.sizes.split(",")]:
                file_name, text = SHAPES[name](k)
                path = os.path.join(temp, file_name)
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
                runs = [time_run(args.binary, path, path) for _ in range(args.runs)]
                wall = statistics.median(r[0] for r in runs)
                cpu = statistics.median(r[1] for r in runs)
                base = base or (wall, cpu)
                if k == 8:  # the largest size of the default run
                    worst = max(worst, cpu / base[1] / k)
                print(f"{name:22} {k:>4}x {len(text) / 1e6:>8.2f}M {wall:>7.3f} {wall / base[0]:>6.2f} {cpu:>7.3f} "
                      f"{cpu / base[1]:>6.2f} {cpu / base[1] / k:>14.2f}", flush=True)
    if args.max_ratio and worst > args.max_ratio:
        print(f"worst ratio/size at 8x: {worst:.2f}, above {args.max_ratio}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
