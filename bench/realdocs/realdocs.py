#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs marginalia over a corpus of real documents and prints what a reviewer needs to judge it:
findings per document and per code (raw and per 10,000 words, per input format), TEI validity of
every output (jing against ../shared/tei/tei_all.rng), and precision per code from the hand
judgements in bench/realdocs/judgements/*.tsv.

usage: bench/realdocs/realdocs.py [PATH...] [--binary B] [--jobs N] [--keep DIR] [--no-jing]
                                  [--unjudged [CODE]] [--json FILE] [--plugin-dir DIR]
                                  [--config FILE]

PATH: documents or folders (searched recursively); default ../shared/eval/real-dev/docs.
Words: counted in the text marginalia read, i.e. the <text> element of its TEI output (body and
notes, without the header or the findings): a word is a maximal run of letters and digits, with
inner apostrophes or hyphens (“don't”, “well-known”) kept inside one word.
"""
import argparse
import collections
import concurrent.futures
import csv
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(ROOT, "..", "shared")
DEFAULT_CORPUS = os.path.join(SHARED, "eval", "real-dev", "docs")
SCHEMA = os.path.join(SHARED, "tei", "tei_all.rng")
JUDGEMENTS = os.path.join(HERE, "judgements")
EXTENSIONS = {".md": "M", ".markdown": "M", ".txt": "T", ".html": "H", ".htm": "H", ".xml": "X", ".docx": "D"}
FORMAT_LETTER = {"markdown": "M", "text": "T", "html": "H", "tei": "X", "docx": "D"}
FORMATS = "MTHXD"
# Files in the eval folders that describe a set rather than being one of its documents.
NOT_DOCUMENTS = re.compile(r"^(README|SOURCES?|LICENSE|NOTICE)\b", re.I)
WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
VERDICTS = ("true", "false", "by-design")


def find_documents(paths):
    """Every document under `paths` (files as given, folders recursively), sorted."""
    found = []
    for path in paths:
        if os.path.isfile(path):
            found.append(path)
            continue
        for folder, _, names in os.walk(path):
            for name in names:
                if os.path.splitext(name)[1].lower() in EXTENSIONS and not NOT_DOCUMENTS.match(name):
                    found.append(os.path.join(folder, name))
    return sorted(set(os.path.normpath(p) for p in found))


def document_id(path, base=None):
    """`M04` for a real-dev file (`M04-slug.md`); else the path relative to its corpus folder."""
    name = os.path.basename(path)
    match = re.match(r"^([MTHXD]\d\d)-", name)
    if match:
        return match.group(1)
    if base:
        rel = os.path.relpath(path, base)
        if not rel.startswith(".."):
            return rel
    return name


def count_words(tei_path):
    """Words in the <text> of a TEI output (see the module docstring), or None when unreadable."""
    try:
        root = ET.parse(tei_path).getroot()
    except (ET.ParseError, OSError):
        return None
    text = root.find("{http://www.tei-c.org/ns/1.0}text")
    if text is None:
        return 0
    return len(WORD.findall(" ".join(text.itertext())))


def run_document(binary, path, out_dir, key, extra=()):
    """Runs `marginalia check --offline --format json --tei` on one document.

    Returns a dict: path, exit, format, findings (list), read_error, tei (path or None), words."""
    tei = os.path.join(out_dir, key + ".tei.xml")
    if os.path.exists(tei):
        os.remove(tei)
    command = [binary, "check", path, "--offline", "--format", "json", "--tei", tei, *extra]
    proc = subprocess.run(command, capture_output=True, text=True)
    result = {"path": path, "exit": proc.returncode, "format": None, "findings": [], "read_error": None,
              "tei": tei if os.path.exists(tei) else None, "stderr": proc.stderr.strip()}
    try:
        data = json.loads(proc.stdout)
    except json.JSONDecodeError:
        result["read_error"] = "no JSON output: " + (proc.stderr.strip().splitlines() or ["?"])[-1]
        return result
    for entry in data.get("files", []):
        result["format"] = entry.get("format")
        if entry.get("error"):
            error = entry["error"]
            result["read_error"] = error.get("code", "") + " " + error.get("message", "") if isinstance(error, dict) else str(error)
    result["findings"] = data.get("findings", [])
    result["words"] = count_words(tei) if result["tei"] else None
    return result


def run_corpus(binary, documents, out_dir, jobs=2, extra=(), base=None):
    """run_document over every document, `jobs` at a time; results in document order."""
    keys = {}
    for path in documents:
        key = re.sub(r"[^A-Za-z0-9._-]", "_", document_id(path, base))
        while key in keys.values():
            key += "_"
        keys[path] = key
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(run_document, binary, path, out_dir, keys[path], extra) for path in documents]
        results = [f.result() for f in futures]
    for result in results:
        result["id"] = document_id(result["path"], base)
        result["letter"] = FORMAT_LETTER.get(result["format"]) or EXTENSIONS.get(os.path.splitext(result["path"])[1].lower(), "?")
    return results


def validate_tei(files, schema=SCHEMA):
    """{file: first jing error or None} for every TEI file, with one jing run for all of them."""
    if not files:
        return {}
    if not shutil.which("jing"):
        raise FileNotFoundError("jing is not installed")
    errors = {}
    # jing takes many instance files at once; batches keep the command line short.
    for start in range(0, len(files), 200):
        batch = files[start:start + 200]
        proc = subprocess.run(["jing", schema, *batch], capture_output=True, text=True)
        for line in proc.stdout.splitlines():
            match = re.match(r"^(.*?):(\d+):(\d+): (?:error|fatal): (.*)$", line)
            if match and match.group(1) in batch and match.group(1) not in errors:
                message = re.sub(r"(; expected .{0,60}?),.*$", r"\1, …", match.group(4))
                errors[match.group(1)] = f"{match.group(2)}:{match.group(3)}: {message}"
    return {f: errors.get(f) for f in files}


def read_judgements(folder=JUDGEMENTS):
    """{(document, fingerprint): row} from every judgements/*.tsv; rows with a bad verdict are reported."""
    judged = {}
    if not os.path.isdir(folder):
        return judged
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".tsv"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            for number, row in enumerate(csv.DictReader(f, delimiter="\t"), start=2):
                verdict = (row.get("verdict") or "").strip()
                if verdict not in VERDICTS:
                    print(f"{name}:{number}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}", file=sys.stderr)
                    continue
                row["file"] = name
                judged[(row["document"].strip(), row["fingerprint"].strip())] = row
    return judged


def excerpt(result, finding, width=70):
    """The source line around the finding (or its text for DOCX), on one line."""
    if result["letter"] != "D":
        try:
            with open(result["path"], encoding="utf-8", errors="replace") as f:
                for number, line in enumerate(f, start=1):
                    if number == finding["line"]:
                        column = finding["column"] - 1
                        start = max(0, column - width // 2)
                        piece = line.rstrip("\r\n")[start:start + width]
                        return ("…" if start else "") + piece.replace("\t", " ")
        except OSError:
            pass
    return "«" + finding.get("text", "")[:width].replace("\n", " ") + "»"


def per10k(count, words):
    return count * 10000 / words if words else 0.0


def summarise(results, judgements, tei_errors):
    """Everything the report prints, as one JSON-ready dict."""
    docs = []
    by_code = collections.defaultdict(lambda: {"count": 0, "by_format": collections.Counter()})
    by_plugin = collections.defaultdict(collections.Counter)
    words_by_format = collections.Counter()
    precision = collections.defaultdict(collections.Counter)
    seen = set()
    for r in results:
        words = r.get("words") or 0
        words_by_format[r["letter"]] += words
        codes = collections.Counter(f["code"] for f in r["findings"])
        for f in r["findings"]:
            by_code[f["code"]]["count"] += 1
            by_code[f["code"]]["by_format"][r["letter"]] += 1
            by_plugin[f["code"].split("/")[0]][r["letter"]] += 1
            row = judgements.get((r["id"], f["fingerprint"]))
            precision[f["code"]][row["verdict"] if row else "unjudged"] += 1
            if row:
                seen.add((r["id"], f["fingerprint"]))
        docs.append({"id": r["id"], "format": r["letter"], "exit": r["exit"], "words": words,
                     "findings": len(r["findings"]), "per10k": round(per10k(len(r["findings"]), words), 2),
                     "codes": dict(codes.most_common()), "read_error": r["read_error"],
                     "tei": "absent" if not r["tei"] else ("valid" if tei_errors.get(r["tei"]) is None else "invalid"),
                     "tei_error": tei_errors.get(r["tei"]) if r["tei"] else None})
    ids = {r["id"] for r in results}
    stale = [row for key, row in judgements.items() if key[0] in ids and key not in seen]
    return {"documents": docs, "words_by_format": dict(words_by_format),
            "codes": {c: {"count": v["count"], "by_format": dict(v["by_format"])} for c, v in sorted(by_code.items())},
            "plugins": {p: dict(v) for p, v in sorted(by_plugin.items())},
            "precision": {c: dict(v) for c, v in sorted(precision.items())},
            "stale_judgements": [{k: row[k] for k in ("file", "document", "fingerprint", "code")} for row in stale]}


def print_report(summary, out=sys.stdout):
    p = lambda *a: print(*a, file=out)
    docs = summary["documents"]
    p("== per document (findings per 10k words; TEI: valid/INVALID/absent)")
    p(f"{'doc':<28} {'fmt':>3} {'exit':>4} {'words':>8} {'found':>6} {'/10k':>7}  {'tei':<8} codes")
    for d in docs:
        codes = ", ".join(f"{c} {n}" for c, n in d["codes"].items())
        tei = d["tei"] if d["tei"] != "invalid" else "INVALID"
        error = f"  [{d['read_error']}]" if d["read_error"] else ""
        p(f"{d['id'][:28]:<28} {d['format']:>3} {d['exit']:>4} {d['words']:>8} {d['findings']:>6} {d['per10k']:>7.2f}  {tei:<8} {codes}{error}")
    words = summary["words_by_format"]
    total_words = sum(words.values())
    letters = [l for l in FORMATS if words.get(l)] + [l for l in words if l not in FORMATS and words.get(l)]
    head = "".join(f" {l + ' /10k':>9}" for l in letters)
    p("")
    p(f"== per code: count, per 10k words overall and per format (words: "
      + ", ".join(f"{l} {words[l]}" for l in letters) + f", all {total_words})")
    p(f"{'code':<40} {'count':>6} {'/10k':>7}{head}")
    for code, v in summary["codes"].items():
        cells = "".join(f" {per10k(v['by_format'].get(l, 0), words[l]):>9.2f}" for l in letters)
        p(f"{code:<40} {v['count']:>6} {per10k(v['count'], total_words):>7.2f}{cells}")
    p("")
    p("== per plugin: per 10k words overall and per format")
    p(f"{'plugin':<40} {'count':>6} {'/10k':>7}{head}")
    for plugin, v in summary["plugins"].items():
        count = sum(v.values())
        cells = "".join(f" {per10k(v.get(l, 0), words[l]):>9.2f}" for l in letters)
        p(f"{plugin:<40} {count:>6} {per10k(count, total_words):>7.2f}{cells}")
    p("")
    tei = collections.Counter(d["tei"] for d in docs)
    p(f"== TEI validity: {tei['valid']} valid, {tei['invalid']} invalid, {tei['absent']} absent of {len(docs)}")
    for d in docs:
        if d["tei"] == "invalid":
            p(f"  {d['id']}: {d['tei_error']}")
    p("")
    p("== precision per code from judgements (precision = (true + by-design) / judged)")
    p(f"{'code':<40} {'true':>5} {'false':>6} {'by-des':>6} {'unjudg':>7} {'judged':>7} {'precision':>9}")
    for code, v in summary["precision"].items():
        judged = v.get("true", 0) + v.get("false", 0) + v.get("by-design", 0)
        prec = f"{(v.get('true', 0) + v.get('by-design', 0)) / judged:.0%}" if judged else "-"
        p(f"{code:<40} {v.get('true', 0):>5} {v.get('false', 0):>6} {v.get('by-design', 0):>6} {v.get('unjudged', 0):>7} {judged:>7} {prec:>9}")
    if summary["stale_judgements"]:
        p(f"  {len(summary['stale_judgements'])} judgement(s) match no current finding (fingerprint changed or finding gone):")
        for row in summary["stale_judgements"][:20]:
            p(f"    {row['file']}: {row['document']} {row['fingerprint']} {row['code']}")


def print_markdown(summary, out=sys.stdout):
    """The tables of docs/accuracy.md, one row per code, grouped by plugin."""
    p = lambda *a: print(*a, file=out)
    words = summary["words_by_format"]
    letters = [l for l in FORMATS if words.get(l)]
    total = sum(words.values())
    codes = sorted(set(summary["codes"]) | set(summary["precision"]))
    p("| code | findings | per 10k words | " + " | ".join(f"{l} /10k" for l in letters) + " | true | false | by-design | unjudged | precision |")
    p("|---|---:|---:|" + "---:|" * len(letters) + "---:|---:|---:|---:|---:|")
    for code in codes:
        v = summary["codes"].get(code, {"count": 0, "by_format": {}})
        j = summary["precision"].get(code, {})
        judged = j.get("true", 0) + j.get("false", 0) + j.get("by-design", 0)
        precision = f"{(j.get('true', 0) + j.get('by-design', 0)) / judged:.0%}" if judged else "–"
        cells = " | ".join(f"{per10k(v['by_format'].get(l, 0), words[l]):.2f}" for l in letters)
        p(f"| `{code}` | {v['count']} | {per10k(v['count'], total):.2f} | {cells} | {j.get('true', 0)} | {j.get('false', 0)} | "
          f"{j.get('by-design', 0)} | {j.get('unjudged', 0)} | {precision} |")
    p("")
    p("| plugin | findings | per 10k words | " + " | ".join(f"{l} /10k" for l in letters) + " |")
    p("|---|---:|---:|" + "---:|" * len(letters))
    for plugin, v in summary["plugins"].items():
        count = sum(v.values())
        p(f"| {plugin} | {count} | {per10k(count, total):.2f} | " + " | ".join(f"{per10k(v.get(l, 0), words[l]):.2f}" for l in letters) + " |")
    p("")
    p("Words per format: " + ", ".join(f"{l} {words[l]:,}" for l in letters) + f"; all {total:,}.")
    tei = collections.Counter(d["tei"] for d in summary["documents"])
    p(f"TEI outputs: {tei['valid']} valid, {tei['invalid']} invalid; {tei['absent']} inputs refused by their reader (no TEI).")


def print_unjudged(results, judgements, code, out=sys.stdout):
    """Findings with no judgement, ready to be pasted into a judgements file once judged."""
    print("document\tfingerprint\tcode\tline:col\tverdict\treason\t# message | excerpt", file=out)
    for r in results:
        for f in r["findings"]:
            if code and not (f["code"] == code or f["code"].startswith(code.rstrip("/") + "/")):
                continue
            if (r["id"], f["fingerprint"]) in judgements:
                continue
            print(f"{r['id']}\t{f['fingerprint']}\t{f['code']}\t{f['line']}:{f['column']}\t\t\t# {f['message']} | {excerpt(r, f)}", file=out)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="documents or folders (default: %(default)s)", default=[DEFAULT_CORPUS])
    parser.add_argument("--binary", default=os.path.join(ROOT, "build", "bin", "marginalia"))
    parser.add_argument("--jobs", "-j", type=int, default=2, help="documents checked at once (default 2)")
    parser.add_argument("--keep", metavar="DIR", help="write the TEI outputs to DIR and keep them")
    parser.add_argument("--no-jing", action="store_true", help="do not validate the TEI outputs")
    parser.add_argument("--unjudged", nargs="?", const="", metavar="CODE",
                        help="list findings without a judgement (optionally of one code or plugin) instead of the report")
    parser.add_argument("--json", metavar="FILE", help="also write the summary as JSON to FILE")
    parser.add_argument("--markdown", action="store_true", help="print the tables of docs/accuracy.md instead of the report")
    parser.add_argument("--judgements", default=JUDGEMENTS, help="folder of *.tsv judgements (default: %(default)s)")
    parser.add_argument("--plugin-dir", action="append", default=[], metavar="DIR",
                        help="also load plugins from DIR (passed to marginalia; repeatable), e.g. an installed acronyms plugin")
    parser.add_argument("--config", metavar="FILE",
                        help="check with this marginalia.json (passed to marginalia), e.g. to turn on an opt-in code")
    args = parser.parse_args(argv)

    if not os.access(args.binary, os.X_OK):
        sys.exit(f"no marginalia binary at {args.binary} (build it with scripts/build.sh)")
    documents = find_documents(args.paths)
    if not documents:
        sys.exit("no documents under " + ", ".join(args.paths) + " (is ../shared/eval there?)")
    base = args.paths[0] if len(args.paths) == 1 and os.path.isdir(args.paths[0]) else None
    out_dir = args.keep or tempfile.mkdtemp(prefix="realdocs-")
    os.makedirs(out_dir, exist_ok=True)
    try:
        extra = [a for d in args.plugin_dir for a in ("--plugin-dir", d)]
        if args.config:
            extra += ["--config", args.config]
        results = run_corpus(args.binary, documents, out_dir, args.jobs, extra=extra, base=base)
        judgements = read_judgements(args.judgements)
        if args.unjudged is not None:
            print_unjudged(results, judgements, args.unjudged)
            return 0
        tei_files = [r["tei"] for r in results if r["tei"]]
        tei_errors = {} if args.no_jing else validate_tei(tei_files)
        summary = summarise(results, judgements, tei_errors)
        if args.no_jing:
            for d in summary["documents"]:
                d["tei"] = "unchecked" if d["tei"] != "absent" else "absent"
        (print_markdown if args.markdown else print_report)(summary)
        if args.json:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(summary, f, indent=1, ensure_ascii=False)
    finally:
        if not args.keep:
            shutil.rmtree(out_dir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    sys.exit(main())
