#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Latency of `marginalia lsp` diagnostics after the debounce, for a report-sized document whose
URL checks are cached (bench/lsp/README.md has the figures).

The document is ../shared/eval/real-dev/docs/M04 (110 KB of Markdown, 100+ links) when present,
else samples/report-with-footnote-defects.md repeated to about 100 KB. A copy in a temporary
folder has every http(s) URL rewritten to a page of the local fixture server (127.0.0.1 only).
A first server warms the URL cache (SQLite); a second one, started on the same cache, opens the
document and receives EDITS edits, each waited for: latency = diagnostics received - edit sent
- debounce.

usage: bench/lsp/lsp_latency.py [--binary build/bin/marginalia] [--edits 30] [--debounce 100]
                                [--isolation process|none]"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "lsp"))
from lsp_client import Client, file_uri  # noqa: E402

URL = re.compile(r"https?://[^\s)\]>\"'`]+")


def load_document():
    real = os.path.join(ROOT, "..", "shared", "eval", "real-dev", "docs", "M04-cncf-supply-chain-best-practices.md")
    if os.path.exists(real):
        with open(real, encoding="utf-8") as f:
            return "real-dev M04", f.read()
    print("note: ../shared/eval absent; using the sample repeated", file=sys.stderr)
    with open(os.path.join(ROOT, "samples", "report-with-footnote-defects.md"), encoding="utf-8") as f:
        sample = f.read()
    return "samples/report-with-footnote-defects.md x80", sample * 80


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "marginalia"))
    parser.add_argument("--edits", type=int, default=30)
    parser.add_argument("--debounce", type=int, default=100)
    parser.add_argument("--isolation", default="process")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        server = subprocess.Popen([sys.executable, os.path.join(ROOT, "tests", "support", "http_fixture_server.py"),
                                   "--log", os.path.join(tmp, "requests.log")], stdout=subprocess.PIPE, text=True)
        try:
            port = int(re.match(r"PORT (\d+)", server.stdout.readline()).group(1))
            name, text = load_document()
            pages = {}
            text = URL.sub(lambda m: "http://127.0.0.1:%d/page/%d" % (port, pages.setdefault(m.group(0), len(pages))), text)
            path = os.path.join(tmp, "report.md")
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            uri = file_uri(path)
            flags = ("--isolation", args.isolation, "--allow-net", "127.0.0.1/32", "--cache-file", os.path.join(tmp, "urls.sqlite"))

            warm = Client(args.binary, flags, cwd=tmp)
            warm.initialize({"debounceMs": args.debounce})
            warm.open(uri, text)
            first = warm.diagnostics(uri, 1, timeout=120)
            started = time.monotonic()
            try:
                warm.diagnostics(uri, 1, timeout=120)  # the network check's
            except TimeoutError:
                pass
            network_s = time.monotonic() - started
            warm.shutdown_and_exit()

            client = Client(args.binary, flags, cwd=tmp)
            client.initialize({"debounceMs": args.debounce})
            sent = time.monotonic()
            client.open(uri, text)
            opened = client.diagnostics(uri, 1, timeout=120)
            open_ms = (opened["_received"] - sent) * 1000
            latencies = []
            lines = text.split("\n")
            for version in range(2, args.edits + 2):
                at = (version * 37) % len(lines)
                lines[at] = lines[at] + " edited"
                edited = "\n".join(lines)
                sent = time.monotonic()
                client.change(uri, edited, version)
                published = client.diagnostics(uri, version, timeout=60)
                latencies.append((published["_received"] - sent) * 1000 - args.debounce)
            client.shutdown_and_exit()
        finally:
            server.kill()
            server.wait()

    latencies.sort()
    p90 = latencies[int(0.9 * (len(latencies) - 1))]
    print("document: %s, %d bytes, %d distinct URLs (local server), isolation %s" % (name, len(text.encode()), len(pages), args.isolation))
    print("warm-up: first diagnostics in the warm-up server, then the network check took %.1f s; %d diagnostics" % (network_s, len(first["diagnostics"])))
    print("cached server: open -> diagnostics %.0f ms (%d diagnostics)" % (open_ms, len(opened["diagnostics"])))
    print("after the debounce (%d ms), %d edits: median %.1f ms, p90 %.1f ms, max %.1f ms"
          % (args.debounce, len(latencies), statistics.median(latencies), p90, latencies[-1]))


if __name__ == "__main__":
    main()
