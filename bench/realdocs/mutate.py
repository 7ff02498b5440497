#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Mutation recall: injects one known defect into a copy of a real document, runs marginalia on
the original and on the copy, and measures per defect kind whether the expected finding appears
at the mutated place and which other findings appear or vanish (collateral).

usage: bench/realdocs/mutate.py [PATH...] [--seed N] [--per-doc N] [--kinds K,K] [--verbose]
                                [--binary B] [--jobs N] [--json FILE]

PATH: documents or folders (default ../shared/eval/real-dev/docs). Copies go to a temporary
folder; the originals are never written. Text, Markdown, HTML and TEI inputs are mutated (DOCX
is not). The same seed gives the same mutants and the same table.

A defect is *found* when a finding with the expected code, absent from the original's findings,
lies on one of the expected lines of the copy: the mutated line, and the partners' lines where
the defect shows there (the marker of a deleted note, the note of a deleted marker).
*Collateral* counts the other findings that appeared or vanished (compared by fingerprint),
except: findings of the original inside the text the mutation removed; a finding that only moved
(same code and text, same line after the shift, new fingerprint because its context changed);
and the direct consequences listed per kind below (for example the note left without a marker
when a marker is renumbered; a quotation left uncited by a deleted marker, anywhere in the
marker's paragraph; a gap restated at a swapped marker).

Whether an uncited note stands out is a count over all the document's notes (the footnotes
README: "a single one, or at most one in ten"), so deleting or emptying a note can make another
note's `note-without-source` appear or vanish wherever that note is. Those are counted apart, in
the "count rule" column, not as collateral (COUNT_RULE).

What is mutated is what the reader reads: a Gutenberg "[1] = Whole-note" legend no marker points
to is no note (not emptied); emptying a "[Footnote 12: …]" block keeps its closing bracket; TEI
notes are taken inside `<text>` only (a `<sourceDoc>` transcription's apparatus is not read).
"""
import argparse
import calendar
import collections
import concurrent.futures
import datetime
import json
import os
import random
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realdocs  # noqa: E402

MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)
MONTH_RE = "|".join(MONTHS)
WEEKDAY_RE = "|".join(WEEKDAYS)

# kind: (expected codes, consequences that are not collateral, summary)
KINDS = {
    "delete-note": ({"footnotes/missing-note"}, set(), "remove one note (its whole definition)"),
    "delete-marker": ({"footnotes/orphan-note"}, {"quotes/missing-citation"}, "remove one marker whose note has no other marker"),
    "duplicate-number": ({"footnotes/duplicate-marker", "footnotes/orphan-note"}, {"footnotes/orphan-note", "footnotes/out-of-order"},
                         "renumber a marker (TEI: a note) k as the previous number"),
    "empty-note": ({"footnotes/empty-note"}, {"footnotes/note-without-source", "footnotes/ibid-without-antecedent"},
                   "remove a note's text, keep its label"),
    # A gap reported at a swapped marker is restated or filled with the number it now shows.
    "swap-markers": ({"footnotes/out-of-order"}, {"footnotes/numbering-gap"}, "swap the numbers of two neighbouring markers (TEI: notes)"),
    "notes-heading-blank": (set(), set(), "remove the blank line after a notes heading: nothing may change"),
    "break-closing-quote": ({"quotes/unbalanced-mark"}, {"quotes/missing-citation", "quotes/missing-speaker", "quotes/mixed-styles"},
                            "delete the closing ” of a one-line quotation"),
    "impossible-date": ({"dates/impossible-date"}, set(), "make a 'Month D, YYYY' date 30 February"),
    "change-weekday": ({"dates/weekday-mismatch"}, set(), "change the weekday of a 'Weekday, Month D, YYYY' date (or add a wrong one)"),
}
# Whether a note that cites nothing stands out is a count over the document's notes ("a single
# one, or at most one in ten", plugins/footnotes/README.md): removing or emptying one note can make
# another uncited note stand out, or blend in. That finding on another note is the rule's direct
# consequence, wherever that note is, and is counted apart (`count-rule`), not as collateral.
COUNT_RULE = {"delete-note": {"footnotes/note-without-source"}, "empty-note": {"footnotes/note-without-source"}}
# Kinds that remove running text: what was reported on that text goes with it.
REMOVES_TEXT = {"delete-note", "empty-note"}
# Markdown labels are names (GFM renumbers on display): a reused or swapped label is not a defect
# there, so renumbering a marker shows only as the note it leaves without a marker.
MARKDOWN_EXPECT = {"duplicate-number": {"footnotes/orphan-note"}}


class Mutation:
    def __init__(self, kind, start, end, replacement, partner=None, note=""):
        self.kind, self.start, self.end, self.replacement = kind, start, end, replacement
        # [(begin, end)] in the original of the places the defect shows (a (begin, end) alone is one), or None
        self.partner = [partner] if isinstance(partner, tuple) else partner
        self.note = note


# ---- scanning the conventions ------------------------------------------------------------------

BLANK_LINE = re.compile(r"\r?\n[ \t]*\r?\n")


def markdown_notes(text):
    """[(label, start, end, body_start)] of GFM note definitions with their continuation lines."""
    notes = []
    for m in re.finditer(r"^\[\^([^\]\s]+)\]:[ \t]*", text, re.M):
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end + 1
        while True:  # indented continuation lines, possibly after one blank line
            rest = re.match(r"(?:[ \t]*\r?\n)?(?:    |\t)[^\n]*(?:\n|$)", text[end:end + 4000])
            if not rest:
                break
            end += rest.end()
        notes.append((m.group(1), m.start(), end, m.end()))
    return notes


def markdown_markers(text):
    return [(m.group(1), m.start(), m.end()) for m in re.finditer(r"\[\^([^\]\s]+)\](?!:)", text)]


def text_notes(text):
    """Gutenberg notes: `[12] text` at a line start (to the blank line) and `[Footnote 12: …]`,
    as (label, start, end, body_start, body_end). A block's body ends before its closing bracket:
    emptying it leaves `[Footnote 12: ]`, an empty note, not an unclosed bracket."""
    notes = []
    for m in re.finditer(r"^\[(\d+)\] ", text, re.M):
        blank = BLANK_LINE.search(text, m.end())
        body_end = blank.start() if blank else len(text)
        end = body_end + (2 if text.startswith("\r\n", body_end) else 1) if blank else len(text)
        notes.append((m.group(1), m.start(), end, m.end(), body_end))
    for m in re.finditer(r"\[Footnote (\d+): ?", text):
        depth, i = 1, m.end()
        while i < len(text) and depth:
            depth += {"[": 1, "]": -1}.get(text[i], 0)
            i += 1
        if depth == 0:
            notes.append((m.group(1), m.start(), i, m.end(), i - 1))
    return sorted(notes, key=lambda n: n[1])


def text_markers(text):
    return [(m.group(1), m.start(), m.end()) for m in re.finditer(r"(?<=[^\s\[])\[(\d+)\]", text)]


def html_notes(text):
    notes = []
    for m in re.finditer(r'<li id="(cite_note-[^"]+)">', text):
        end = text.find("</li>", m.end())
        body = text.find('<span class="reference-text">', m.end())
        if end < 0 or body < 0 or body > end:
            continue
        body += len('<span class="reference-text">')
        notes.append((m.group(1), m.start(), end + len("</li>"), body, text.rfind("</span>", body, end)))
    return notes


def html_markers(text):
    return [(m.group(1), m.start(), m.end())
            for m in re.finditer(r'<sup[^>]*class="reference"[^>]*>\s*<a href="#(cite_note-[^"]+)">[^<]*</a>\s*</sup>', text)]


def tei_notes(text):
    """[(n, start, end, body_start, body_end, n_span)] of <note> elements without nested notes,
    inside `<text>` only: notes of a `<sourceDoc>` transcription (X05's apparatus, tied to its
    lines by @target) are not the document's text, which marginalia reads from `<text>`."""
    notes = []
    inside = [(m.start(), text.find("</text>", m.end())) for m in re.finditer(r"<text\b[^>]*>", text)]
    for m in re.finditer(r"<note\b([^>]*)>", text):
        if not any(a <= m.start() < b for a, b in inside):
            continue
        close = text.find("</note>", m.end())
        if close < 0 or "<note" in text[m.end():close]:
            continue
        n = re.search(r'\bn="([^"]*)"', m.group(1))
        if not n:
            continue
        n_span = (m.start() + 5 + n.start(1), m.start() + 5 + n.end(1))
        notes.append((n.group(1), m.start(), close + len("</note>"), m.end(), close, n_span))
    return notes


# ---- proposing mutations -----------------------------------------------------------------------

def numeric(label):
    return label.isdigit()


def note_mutations(letter, text):
    out = collections.defaultdict(list)
    if letter in "MTH":
        notes = {"M": markdown_notes, "T": text_notes, "H": html_notes}[letter](text)
        markers = {"M": markdown_markers, "T": text_markers, "H": html_markers}[letter](text)
        note_spans = [(n[1], n[2]) for n in notes]
        markers = [m for m in markers if not any(a <= m[1] < b for a, b in note_spans)]  # markers in running text only
        uses = collections.Counter(m[0] for m in markers)
        first_marker = {}
        for m in markers:
            first_marker.setdefault(m[0], m)
        by_label = collections.defaultdict(list)
        for n in notes:
            by_label[n[0]].append(n)
        for n in notes:
            if len(by_label[n[0]]) != 1:
                continue
            if n[0] in first_marker:
                # Every marker of a note reused by name (MediaWiki's "a b" back-links) loses it.
                out["delete-note"].append(Mutation("delete-note", n[1], n[2], "", partner=[m[1:3] for m in markers if m[0] == n[0]]))
            if letter == "T" and not text.startswith("[Footnote", n[1]) and n[0] not in first_marker:
                continue  # a "[1] = Whole-note" legend no marker points to is no note (plugins/footnotes/README.md)
            body_end = n[4] if letter in "HT" else n[2] - (1 if text[n[2] - 1:n[2]] == "\n" else 0)
            out["empty-note"].append(Mutation("empty-note", n[3], body_end, ""))
        for m in markers:
            if uses[m[0]] == 1 and len(by_label[m[0]]) == 1:
                out["delete-marker"].append(Mutation("delete-marker", m[1], m[2], "", partner=by_label[m[0]][0][1:3]))
        if letter in "MT":
            numbered = [m for m in markers if numeric(m[0]) and uses[m[0]] == 1 and len(by_label[m[0]]) == 1]
            for a, b in zip(numbered, numbered[1:]):
                if int(b[0]) != int(a[0]) + 1 or b[1] - a[2] > 400:
                    continue
                label_start = text.index(b[0], b[1])
                out["duplicate-number"].append(Mutation("duplicate-number", label_start, label_start + len(b[0]), a[0],
                                                        partner=by_label[b[0]][0][1:3]))
                if letter == "T":
                    a_start = text.index(a[0], a[1])
                    out["swap-markers"].append(Mutation("swap-markers", a_start, label_start + len(b[0]),
                                                        b[0] + text[a_start + len(a[0]):label_start] + a[0]))
    elif letter == "X":
        notes = [n for n in tei_notes(text) if numeric(n[0])]
        for n in notes:
            if text[n[3]:n[4]].strip():
                out["empty-note"].append(Mutation("empty-note", n[3], n[4], ""))
        for a, b in zip(notes, notes[1:]):
            if int(b[0]) != int(a[0]) + 1 or b[5][0] - a[5][1] > 2000:
                continue
            out["duplicate-number"].append(Mutation("duplicate-number", b[5][0], b[5][1], a[0]))
            out["swap-markers"].append(Mutation("swap-markers", a[5][0], b[5][1], b[0] + text[a[5][1]:b[5][0]] + a[0]))
    return out


def other_mutations(letter, text):
    out = collections.defaultdict(list)
    if letter in "MT":
        heading = r"^(?:#+ *)?(?:Notes|Endnotes|Footnotes|References|Sources|Bibliography|Works cited|NOTES|FOOTNOTES)[ \t]*\n([ \t]*\n)(?=\[|\d+\.)"
        for m in re.finditer(heading, text, re.M | re.I):
            out["notes-heading-blank"].append(Mutation("notes-heading-blank", m.start(1), m.end(1), ""))
    # Quotations on one line, outside markup.
    for m in re.finditer(r"“[^“”\n<>]{3,160}”", text):
        out["break-closing-quote"].append(Mutation("break-closing-quote", m.end() - 1, m.end(), ""))
    for m in re.finditer(rf"(?<!, )(?<!day )\b({MONTH_RE}) (\d{{1,2}}), (\d{{4}})\b", text):
        out["impossible-date"].append(Mutation("impossible-date", m.start(), m.end(), f"February 30, {m.group(3)}"))
    for m in re.finditer(rf"\b({WEEKDAY_RE}),? ({MONTH_RE}) (\d{{1,2}}),? (\d{{4}})\b", text):
        try:
            day = datetime.date(int(m.group(4)), MONTHS.index(m.group(2)) + 1, int(m.group(3)))
        except ValueError:
            continue
        if WEEKDAYS[day.weekday()] == m.group(1):
            out["change-weekday"].append(Mutation("change-weekday", m.start(1), m.end(1), WEEKDAYS[(day.weekday() + 1) % 7]))
    if not out["change-weekday"]:
        for m in re.finditer(rf"(?<![\w,] )\b({MONTH_RE}) (\d{{1,2}}), (\d{{4}})\b", text):
            try:
                day = datetime.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
            except ValueError:
                continue
            out["change-weekday"].append(Mutation("change-weekday", m.start(), m.start(), WEEKDAYS[(day.weekday() + 1) % 7] + ", ",
                                                  note="weekday added"))
    return out


# ---- running and comparing ---------------------------------------------------------------------

def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def mutant_line(original, mutation, offset):
    """The line in the mutant of an offset of the original outside the edited span."""
    line = line_of(original, offset)
    if offset >= mutation.end:
        line += mutation.replacement.count("\n") - original.count("\n", mutation.start, mutation.end)
    return line


def spans(lines):
    """[3, 4, 5, 9] as '3-5, 9'."""
    out, lines = [], sorted(lines)
    for n in lines:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in out)


def compare(original_text, mutation, before, after):
    expected, allowed, _ = KINDS[mutation.kind]
    expected = MARKDOWN_EXPECT.get(mutation.kind, expected) if mutation.letter == "M" else expected
    start_line, end_line = line_of(original_text, mutation.start), line_of(original_text, mutation.end)
    lines = {start_line} if mutation.kind != "swap-markers" else {start_line, line_of(original_text, mutation.end)}
    allowed_lines = set(lines)
    if mutation.kind == "delete-marker":  # the quotation the marker cited may start lines above it, in its paragraph
        text_lines, first = original_text.split("\n"), start_line
        while first > 1 and text_lines[first - 2].strip():
            first -= 1
        allowed_lines |= set(range(first, start_line + 1))
    for begin, end in mutation.partner or []:  # every line of each partner (a note may span several)
        lines |= set(range(mutant_line(original_text, mutation, begin), mutant_line(original_text, mutation, max(begin, end - 1)) + 1))
    old = {f["fingerprint"]: f for f in before}
    new = {f["fingerprint"]: f for f in after}
    appeared = [f for k, f in new.items() if k not in old]
    vanished = [f for k, f in old.items() if k not in new]
    if mutation.kind in REMOVES_TEXT:  # findings on the removed text lost their object
        vanished = [f for f in vanished if not start_line <= f["line"] <= end_line]
    # Moved findings: same code and text on the same line after the shift.
    delta = mutation.replacement.count("\n") - original_text.count("\n", mutation.start, mutation.end)

    def shifted(f):
        if f["line"] < start_line or (delta == 0 and f["line"] <= end_line):
            return f["line"]
        return f["line"] + delta if f["line"] > end_line else start_line
    moved = set()
    for v in vanished:
        for a in appeared:
            if id(a) not in moved and a["code"] == v["code"] and a.get("text") == v.get("text") and a["line"] == shifted(v):
                moved.add(id(a))
                moved.add(id(v))
                break
    appeared = [f for f in appeared if id(f) not in moved]
    vanished = [f for f in vanished if id(f) not in moved]
    hits = [f for f in appeared if f["code"] in expected and f["line"] in lines]
    found = bool(hits) if expected else not appeared and not vanished
    allowed_lines |= lines
    collateral = [("+", f) for f in appeared if f not in hits and not (f["code"] in allowed and f["line"] in allowed_lines)]
    collateral += [("-", f) for f in vanished if not (f["code"] in allowed and shifted(f) in allowed_lines)]
    counted = COUNT_RULE.get(mutation.kind, set())
    count_rule = [c for c in collateral if c[1]["code"] in counted]
    collateral = [c for c in collateral if c[1]["code"] not in counted]
    return found, collateral, count_rule, sorted(lines)


def summarise(rows, kind):
    """The counts both reports print for one defect kind, or None when no mutant of it was made."""
    mine = [r for r in rows if r["kind"] == kind]
    if not mine:
        return None
    return {"mutants": len(mine), "found": sum(r["found"] for r in mine),
            "clean": sum(not r["collateral"] for r in mine),
            "plus": sum(c["change"] == "+" for r in mine for c in r["collateral"]),
            "minus": sum(c["change"] == "-" for r in mine for c in r["collateral"]),
            "counted": sum(len(r["count_rule"]) for r in mine),
            "formats": [(l, sum(r["found"] for r in mine if r["format"] == l), sum(r["format"] == l for r in mine))
                        for l in realdocs.FORMATS if any(r["format"] == l for r in mine)]}

def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=[realdocs.DEFAULT_CORPUS])
    parser.add_argument("--binary", default=os.path.join(realdocs.ROOT, "build", "bin", "marginalia"))
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--per-doc", type=int, default=3, help="mutants per document and kind (default 3)")
    parser.add_argument("--kinds", default=",".join(KINDS), help="comma-separated defect kinds (default: all)")
    parser.add_argument("--jobs", "-j", type=int, default=2)
    parser.add_argument("--verbose", "-v", action="store_true", help="list every miss and every collateral finding")
    parser.add_argument("--json", metavar="FILE", help="also write the results as JSON")
    parser.add_argument("--markdown", action="store_true", help="print the table as Markdown (for docs/accuracy.md)")
    args = parser.parse_args(argv)
    kinds = [k for k in args.kinds.split(",") if k]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        sys.exit("unknown kind(s): " + ", ".join(unknown) + "; known: " + ", ".join(KINDS))

    documents = [d for d in realdocs.find_documents(args.paths) if realdocs.EXTENSIONS.get(os.path.splitext(d)[1].lower()) in ("M", "T", "H", "X")]
    base = args.paths[0] if len(args.paths) == 1 and os.path.isdir(args.paths[0]) else None
    work = tempfile.mkdtemp(prefix="realdocs-mutate-")
    try:
        mutants = []  # (doc id, letter, original path, mutant path, mutation, original text)
        texts = {}
        for path in documents:
            with open(path, encoding="utf-8", errors="surrogateescape", newline="") as f:
                text = f.read()
            doc = realdocs.document_id(path, base)
            letter = realdocs.EXTENSIONS[os.path.splitext(path)[1].lower()]
            texts[path] = text
            proposals = note_mutations(letter, text)
            for kind, items in other_mutations(letter, text).items():
                proposals[kind].extend(items)
            for kind in kinds:
                items = proposals.get(kind, [])
                chosen = random.Random(f"{args.seed}:{doc}:{kind}").sample(items, min(args.per_doc, len(items)))
                for number, mutation in enumerate(sorted(chosen, key=lambda m: m.start)):
                    mutation.letter = letter
                    folder = os.path.join(work, re.sub(r"[^A-Za-z0-9._-]", "_", f"{doc}-{kind}-{number}"))
                    os.makedirs(folder)
                    # Same file name as the original: readers pick the format by extension.
                    target = os.path.join(folder, os.path.basename(path))
                    with open(target, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                        f.write(text[:mutation.start] + mutation.replacement + text[mutation.end:])
                    mutants.append((doc, letter, path, target, mutation))
        originals = {r["path"]: r for r in realdocs.run_corpus(args.binary, sorted({m[2] for m in mutants}), work, args.jobs)} \
            if mutants else {}
        out_dir = os.path.join(work, "out")
        os.makedirs(out_dir)
        results = realdocs.run_corpus(args.binary, [m[3] for m in mutants], out_dir, args.jobs, base=work)
        rows = []
        for (doc, letter, path, target, mutation), result in zip(mutants, results):
            before = originals[os.path.normpath(path)]
            if before["read_error"] or result["read_error"]:
                continue
            found, collateral, count_rule, lines = compare(texts[path], mutation, before["findings"], result["findings"])
            rows.append({"doc": doc, "format": letter, "kind": mutation.kind, "line": line_of(texts[path], mutation.start),
                         "expected_lines": lines, "found": found, "note": mutation.note,
                         "collateral": [{"change": s, "code": f["code"], "line": f["line"], "message": f["message"]} for s, f in collateral],
                         "count_rule": [{"change": s, "code": f["code"], "line": f["line"], "message": f["message"]} for s, f in count_rule]})
    finally:
        shutil.rmtree(work, ignore_errors=True)

    summaries = {kind: summarise(rows, kind) for kind in kinds}
    # One row of figures per defect kind, rendered as a Markdown table or as aligned text.
    table = []
    for kind, k in summaries.items():
        if not k:
            table.append((kind, None))
            continue
        formats = [f"{l} {found}/{mutants}" for l, found, mutants in k["formats"]]
        table.append((kind, [k["mutants"], k["found"], k["found"] / k["mutants"], k["clean"], k["plus"], k["minus"],
                             k["counted"], formats]))
    if args.markdown:
        print("| defect kind | mutants | found | recall | without collateral | appeared | vanished | count rule | found/mutants by format |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---|")
        for kind, v in table:
            if v is None:
                print(f"| {kind} | 0 | – | – | – | – | – | – | no place to inject it |")
            else:
                print(f"| {kind} | {v[0]} | {v[1]} | {v[2]:.0%} | {v[3]} | {v[4]} | {v[5]} | {v[6]} | {', '.join(v[7])} |")
        return 0
    print(f"mutation recall, seed {args.seed}, up to {args.per_doc} mutants per document and kind")
    print(f"{'kind':<22} {'mutants':>7} {'found':>6} {'recall':>7} {'clean':>6} {'+coll':>6} {'-coll':>6} {'count':>6}  by format (found/mutants)")
    for kind, v in table:
        if v is None:
            print(f"{kind:<22} {0:>7}  (no place to inject it in these documents)")
        else:
            print(f"{kind:<22} {v[0]:>7} {v[1]:>6} {v[2]:>7.0%} {v[3]:>6} {v[4]:>6} {v[5]:>6} {v[6]:>6}  {' '.join(v[7])}")
    print("found: the expected code appeared on an expected line (for notes-heading-blank: nothing changed); "
          "clean: mutants with no collateral; +coll/-coll: other findings that appeared/vanished; "
          "count: note-without-source on other notes, the note-count rule's consequence (COUNT_RULE)")
    if args.verbose:
        for r in rows:
            if not r["found"] or r["collateral"] or r["count_rule"]:
                print(f"\n{r['doc']} {r['kind']} at line {r['line']} (expected on lines {spans(r['expected_lines'])}){' ' + r['note'] if r['note'] else ''}: "
                      f"{'found' if r['found'] else 'MISSED'}")
                for c in r["collateral"]:
                    print(f"   {c['change']} {c['line']} {c['code']}: {c['message'][:120]}")
                for c in r["count_rule"]:
                    print(f"   {c['change']} {c['line']} {c['code']} (count rule): {c['message'][:120]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"seed": args.seed, "per_doc": args.per_doc, "rows": rows}, f, indent=1, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
