#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Sharding a large check (issue 14): a corpus of report-sized files cut from the
../shared/eval documents (into a temporary folder, never into the repository), checked
unsharded and at 2, 4 and 8 shards, one shard after another as a CI matrix would run them on
separate runners. Prints the wall and CPU time (user + system, plugin workers included) of each
shard, checks that `marginalia merge` of the shards' JSON is byte-identical to the unsharded
JSON, and measures files per second of one process with --jobs 1 and --jobs 2. Offline and
without the URL cache, so every run does the same work. A benchmark: it fails only when a
merged result differs.

usage: bench/shards/shards.py [--binary build/bin/marginalia] [--files 2000] [--shards 1,2,4,8] [--keep DIR]
"""
import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EVAL = os.path.join(os.path.dirname(ROOT), "shared", "eval")
SOURCES = [("crs-reports-md", ".md"), ("real-dev/docs", ".md"), ("real-dev/docs", ".txt")]
TARGET_BYTES = 24000  # a report of some ten pages


def paragraphs_of_sources():
    """Every source document as (extension, its paragraphs)."""
    out = []
    for folder, ext in SOURCES:
        path = os.path.join(EVAL, folder)
        if not os.path.isdir(path):
            continue
        for name in sorted(os.listdir(path)):
            if not name.endswith(ext) or name.startswith("README"):
                continue
            with open(os.path.join(path, name), encoding="utf-8", errors="replace") as f:
                parts = [p for p in f.read().replace("\r\n", "\n").split("\n\n") if p.strip()]
            if len(parts) > 4:
                out.append((ext, parts))
    return out


def make_corpus(folder, count):
    """`count` files of about TARGET_BYTES each: consecutive paragraphs of one source, each file
    starting a few paragraphs further on, sources taken in turn; 20 files per subfolder."""
    sources = paragraphs_of_sources()
    if not sources:
        sys.exit("bench/shards: ../shared/eval is absent; nothing to measure")
    starts = [0] * len(sources)
    total = 0
    for i in range(count):
        ext, parts = sources[i % len(sources)]
        at = starts[i % len(sources)] % len(parts)
        chunk, size = [], 0
        while size < TARGET_BYTES:
            chunk.append(parts[at % len(parts)])
            size += len(chunk[-1]) + 2
            at += 1
        starts[i % len(sources)] += 7
        sub = os.path.join(folder, "batch-%03d" % (i // 20))
        os.makedirs(sub, exist_ok=True)
        text = "\n\n".join(chunk) + "\n"
        with open(os.path.join(sub, "report-%04d%s" % (i, ext)), "w", encoding="utf-8") as f:
            f.write(text)
        total += len(text.encode("utf-8"))
    return total


def timed(args, cwd):
    """Runs a command; returns (exit code, wall seconds, CPU seconds of it and its children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    done = subprocess.run(args, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.monotonic() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if done.returncode == 2:
        sys.exit("bench/shards: %s failed: %s" % (" ".join(args), done.stderr.decode(errors="replace")))
    return done.returncode, wall, cpu


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "marginalia"))
    parser.add_argument("--files", type=int, default=2000)
    parser.add_argument("--shards", default="1,2,4,8")
    parser.add_argument("--keep", help="build the corpus in DIR and keep it")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    work = args.keep or tempfile.mkdtemp(prefix="marginalia-shards-")
    os.makedirs(work, exist_ok=True)
    corpus = os.path.join(work, "corpus")
    shutil.rmtree(corpus, ignore_errors=True)
    size = make_corpus(corpus, args.files)
    print("corpus: %d files, %.1f MB, in %s (cut from ../shared/eval)" % (args.files, size / 1e6, corpus))
    common = ["check", "corpus", "--offline", "--no-cache", "--quiet", "--format", "json"]
    failed = False
    try:
        for jobs in (1, 2):
            _, wall, cpu = timed([binary] + common + ["--jobs", str(jobs), "-o", "jobs-%d.json" % jobs], work)
            print("one process, --jobs %d: %6.1f s wall, %6.1f s CPU, %6.1f files/s" % (jobs, wall, cpu, args.files / wall))
        whole = os.path.join(work, "jobs-1.json")
        with open(os.path.join(work, "jobs-2.json"), "rb") as a, open(whole, "rb") as b:
            if a.read() != b.read():
                print("  --jobs 2 output differs from --jobs 1")
                failed = True
        for n in [int(x) for x in args.shards.split(",")]:
            if n == 1:
                continue
            parts, walls, cpus, files = [], [], [], []
            for k in range(1, n + 1):
                out = "shard-%d-of-%d.json" % (k, n)
                _, wall, cpu = timed([binary] + common + ["--jobs", "1", "--shard", "%d/%d" % (k, n), "-o", out], work)
                parts.append(out)
                walls.append(wall)
                cpus.append(cpu)
                with open(os.path.join(work, out), encoding="utf-8") as f:
                    files.append(f.read().count('"input_index"'))
            merged = "merged-%d.json" % n
            _, merge_wall, _ = timed([binary, "merge", merged] + parts, work)
            with open(os.path.join(work, merged), "rb") as a, open(whole, "rb") as b:
                same = a.read() == b.read()
            failed = failed or not same
            print("%d shards (--jobs 1 each): files %s; wall per shard %s s (slowest %.1f); CPU per shard %s s; merge %.2f s; merged %s unsharded"
                  % (n, "/".join(map(str, files)), "/".join("%.1f" % w for w in walls), max(walls), "/".join("%.1f" % c for c in cpus),
                     merge_wall, "==" if same else "!="))
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
