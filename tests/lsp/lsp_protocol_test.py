#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Protocol tests of `marginalia lsp` with a scripted JSON-RPC client: initialize, diagnostics
(content, UTF-16 ranges, documentation links, related locations), code actions, hovers,
configuration from the nearest marginalia.json, URL checks in the background, malformed
frames, shutdown/exit statuses, and a 1 MB document edited 100 times.

Run: MARGINALIA=build/bin/marginalia python3 tests/lsp/lsp_protocol_test.py"""
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import Client, file_uri, frame, utf16_len  # noqa: E402

BINARY = os.path.abspath(os.environ.get("MARGINALIA", "build/bin/marginalia"))
SOURCE_DIR = os.environ.get("MARGINALIA_SOURCE_DIR", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))

# Astral characters before the finding: a server counting code points (or bytes) instead of
# UTF-16 units puts the range elsewhere.
ASTRAL_PREFIX = "\U0001D538 \U0001F600 On "
WEEKDAY_DOC = "# Grid report\n\n" + ASTRAL_PREFIX + "Monday, 24 April 2024 the operators met.\n"


def codes(diagnostics):
    return sorted(d["code"] for d in diagnostics)


def apply_edit(text, edit):
    """Applies one LSP TextEdit (UTF-16 positions) to `text`."""
    lines = text.split("\n")

    def offset(position):
        before = sum(len(line) + 1 for line in lines[:position["line"]])
        line = lines[position["line"]]
        units = 0
        for i, ch in enumerate(line):
            if units >= position["character"]:
                return before + i
            units += utf16_len(ch)
        return before + len(line)

    start, end = offset(edit["range"]["start"]), offset(edit["range"]["end"])
    return text[:start] + edit["newText"] + text[end:]


class ServerTest(unittest.TestCase):
    args = ("--offline", "--isolation", "none")

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.client = Client(BINARY, self.args + ("--no-cache",), cwd=self.tmp.name)
        self.addCleanup(self.client.kill)
        self.addCleanup(self.tmp.cleanup)

    def write(self, name, text):
        path = os.path.join(self.tmp.name, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path


class Lifecycle(ServerTest):
    def test_initialize_announces_full_sync_code_actions_and_hover(self):
        result = self.client.initialize()["result"]
        capabilities = result["capabilities"]
        self.assertEqual(capabilities["textDocumentSync"]["change"], 1)
        self.assertTrue(capabilities["textDocumentSync"]["openClose"])
        self.assertTrue(capabilities["textDocumentSync"]["save"]["includeText"])
        self.assertTrue(capabilities["hoverProvider"])
        self.assertEqual(capabilities["codeActionProvider"]["codeActionKinds"], ["quickfix"])
        self.assertEqual(result["serverInfo"]["name"], "marginalia")

    def test_shutdown_then_exit_ends_with_status_0(self):
        self.client.initialize()
        response, code = self.client.shutdown_and_exit()
        self.assertIsNone(response["result"])
        self.assertEqual(code, 0)

    def test_exit_without_shutdown_ends_with_status_1(self):
        self.client.initialize()
        self.client.notify("exit", None)
        self.assertEqual(self.client.proc.wait(30), 1)

    def test_end_of_input_ends_the_server(self):
        self.client.initialize()
        self.client.proc.stdin.close()
        self.assertEqual(self.client.proc.wait(30), 1)

    def test_requests_before_initialize_and_after_shutdown_are_refused(self):
        self.assertEqual(self.client.request("textDocument/hover", {})["error"]["code"], -32002)
        self.client.initialize()
        self.client.request("shutdown", None)
        self.assertEqual(self.client.request("textDocument/hover", {})["error"]["code"], -32600)
        self.client.notify("exit", None)
        self.assertEqual(self.client.proc.wait(30), 0)

    def test_unknown_method_is_method_not_found(self):
        self.client.initialize()
        self.assertEqual(self.client.request("workspace/symbol", {"query": ""})["error"]["code"], -32601)


class MalformedMessages(ServerTest):
    def test_bad_frames_get_errors_and_the_server_keeps_running(self):
        self.client.initialize()
        uri = file_uri(os.path.join(self.tmp.name, "report.md"))
        self.client.open(uri, WEEKDAY_DOC)
        self.client.diagnostics(uri, 1)
        # A header without Content-Length, a length that is not a number, a body that is not
        # JSON, JSON that is not a request, a request with bad params.
        self.client.send_raw(b"Content-Type: application/json\r\n\r\n")
        self.client.send_raw(b"Content-Length: twelve\r\n\r\n")
        self.client.send_raw(frame_bytes(b"{not json"))
        self.client.send_raw(frame_bytes(b"[1, 2, 3]"))
        bad = self.client.request("textDocument/hover", {"textDocument": {"uri": uri}})
        self.assertEqual(bad["error"]["code"], -32602)
        errors = [self.client.wait_response(None, 30) for _ in range(4)]
        self.assertEqual([e["error"]["code"] for e in errors], [-32700, -32700, -32700, -32600])
        self.assertIn("Content-Length", errors[0]["error"]["message"])
        # Still serving: a hover on the date answers.
        hover = self.client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 12}})
        self.assertIn("2024-04-24", hover["result"]["contents"]["value"])
        _, code = self.client.shutdown_and_exit()
        self.assertEqual(code, 0)


def frame_bytes(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


class Diagnostics(ServerTest):
    # The default isolation: plugins in worker processes, as editors run it.
    args = ("--offline", "--docs-base", "https://example.org/marginalia")

    def test_utf16_ranges_after_characters_outside_the_bmp(self):
        self.client.initialize()
        uri = file_uri(os.path.join(self.tmp.name, "astral.md"))
        self.client.open(uri, WEEKDAY_DOC)
        published = self.client.diagnostics(uri, 1)
        weekday = [d for d in published["diagnostics"] if d["code"] == "dates/weekday-mismatch"]
        self.assertEqual(len(weekday), 1, published)
        start = utf16_len(ASTRAL_PREFIX)
        self.assertEqual(start, 9)  # 𝔸 and 😀 are two units each; in code points it would be 6
        self.assertEqual(weekday[0]["range"]["start"], {"line": 2, "character": start})
        self.assertEqual(weekday[0]["range"]["end"], {"line": 2, "character": start + len("Monday")})
        self.assertEqual(weekday[0]["source"], "marginalia")
        self.assertEqual(weekday[0]["severity"], 2)
        self.assertIn("Wednesday", weekday[0]["message"])
        self.assertEqual(weekday[0]["codeDescription"]["href"],
                         "https://example.org/marginalia/plugins/dates/README.md#datesweekday-mismatch")

    def test_documentation_links_default_to_the_checkout_the_server_was_built_from(self):
        client = Client(BINARY, ("--offline", "--no-cache", "--isolation", "none"), cwd=self.tmp.name)
        self.addCleanup(client.kill)
        client.initialize()
        uri = file_uri(os.path.join(self.tmp.name, "link.md"))
        client.open(uri, WEEKDAY_DOC)
        href = client.diagnostics(uri, 1)["diagnostics"][0]["codeDescription"]["href"]
        self.assertEqual(href, "file://" + os.path.realpath(SOURCE_DIR) + "/plugins/dates/README.md#datesweekday-mismatch")

    def test_sample_diagnostics_match_the_command_line(self):
        self.client.initialize()
        sample = os.path.join(SOURCE_DIR, "samples", "report-with-footnote-defects.txt")
        with open(sample, encoding="utf-8") as f:
            text = f.read()
        uri = file_uri(self.write("report.txt", text))
        self.client.open(uri, text, language="plaintext")
        published = self.client.diagnostics(uri, 1)
        cli = subprocess.run([BINARY, "check", os.path.join(self.tmp.name, "report.txt"), "--format", "json", "--offline",
                              "--no-cache"], capture_output=True, text=True, cwd=self.tmp.name)
        expected = json.loads(cli.stdout)
        findings = expected["findings"]
        self.assertGreaterEqual(len(findings), 8)
        # Same codes at the same lines (the sample is ASCII before its findings: same columns).
        got = sorted((d["code"], d["range"]["start"]["line"] + 1, d["range"]["start"]["character"] + 1) for d in published["diagnostics"])
        want = sorted((f["code"], f["line"], f["column"]) for f in findings)
        self.assertEqual(got, want)
        missing = [d for d in published["diagnostics"] if d["code"] == "footnotes/missing-note"]
        self.assertEqual(missing[0]["range"]["start"]["line"], 28)

    def test_related_locations_point_into_the_same_buffer(self):
        self.client.initialize()
        uri = file_uri(os.path.join(self.tmp.name, "related.md"))
        self.client.open(uri, WEEKDAY_DOC)
        weekday = self.client.diagnostics(uri, 1)["diagnostics"][0]
        related = weekday["relatedInformation"]
        self.assertEqual(len(related), 1, weekday)
        self.assertEqual(related[0]["location"]["uri"], uri)
        self.assertEqual(related[0]["message"], "the date")
        # The whole date expression, in UTF-16 units after the astral prefix.
        start = utf16_len(ASTRAL_PREFIX)
        self.assertEqual(related[0]["location"]["range"], {"start": {"line": 2, "character": start},
                                                           "end": {"line": 2, "character": start + len("Monday, 24 April 2024")}})

    def test_change_is_debounced_and_only_the_current_version_is_published(self):
        self.client.initialize({"debounceMs": 150})
        uri = file_uri(os.path.join(self.tmp.name, "typing.md"))
        self.client.open(uri, "# Draft\n")
        self.assertEqual(self.client.diagnostics(uri, 1)["diagnostics"], [])
        for version in range(2, 12):
            self.client.change(uri, "# Draft\n\nOn Monday, 24 April 2024 we met" + "." * version + "\n", version)
        published = self.client.diagnostics(uri)
        self.assertEqual(published["version"], 11)  # versions 2-10 were obsolete before the pause ended
        self.assertEqual(codes(published["diagnostics"]), ["dates/weekday-mismatch"])

    def test_save_and_close(self):
        self.client.initialize({"debounceMs": 10000})
        path = self.write("saved.md", "# Draft\n")
        uri = file_uri(path)
        self.client.open(uri, "# Draft\n")
        self.client.diagnostics(uri, 1)
        self.client.change(uri, WEEKDAY_DOC, 2)
        # The long pause is cut short by the save.
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": uri}, "text": WEEKDAY_DOC})
        self.assertEqual(codes(self.client.diagnostics(uri, 2, timeout=5)["diagnostics"]), ["dates/weekday-mismatch"])
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        self.assertEqual(self.client.diagnostics(uri)["diagnostics"], [])

    def test_buffers_of_other_languages_are_left_alone(self):
        self.client.initialize()
        uri = file_uri(os.path.join(self.tmp.name, "main.cpp"))
        self.client.open(uri, "// On Monday, 24 April 2024\n", language="cpp")
        html = file_uri(os.path.join(self.tmp.name, "page.html"))
        self.client.open(html, "<html><body><p>On Monday, 24 April 2024 we met.</p></body></html>", language="html")
        published = self.client.diagnostics(html, 1)
        self.assertEqual(codes(published["diagnostics"]), ["dates/weekday-mismatch"])
        self.assertEqual(published["diagnostics"][0]["range"]["start"], {"line": 0, "character": 18})
        self.assertEqual(self.client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}})["result"], None)

    def test_tei_buffers_are_checked(self):
        self.client.initialize()
        tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Minutes</title></titleStmt>'
               '<publicationStmt><p>Draft</p></publicationStmt><sourceDesc><p>Born digital</p></sourceDesc></fileDesc></teiHeader>\n'
               '<text><body>\n<p>\U0001F600 On Monday, 24 April 2024 we met.</p>\n</body></text></TEI>\n')
        uri = file_uri(os.path.join(self.tmp.name, "minutes.xml"))
        self.client.open(uri, tei, language="xml")
        published = self.client.diagnostics(uri, 1)
        self.assertEqual(codes(published["diagnostics"]), ["dates/weekday-mismatch"])
        self.assertEqual(published["diagnostics"][0]["range"]["start"], {"line": 2, "character": utf16_len("<p>\U0001F600 On ")})


class CodeActionsAndHover(ServerTest):
    def test_code_action_replaces_the_weekday_and_the_finding_goes(self):
        self.client.initialize({"debounceMs": 50})
        uri = file_uri(os.path.join(self.tmp.name, "fix.md"))
        self.client.open(uri, WEEKDAY_DOC)
        diagnostic = self.client.diagnostics(uri, 1)["diagnostics"][0]
        actions = self.client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": diagnostic["range"],
                                                                  "context": {"diagnostics": [diagnostic]}})["result"]
        self.assertEqual(len(actions), 1)
        action = actions[0]
        self.assertEqual(action["kind"], "quickfix")
        self.assertEqual(action["diagnostics"][0]["code"], "dates/weekday-mismatch")
        edits = action["edit"]["changes"][uri]
        self.assertEqual(edits[0]["newText"], "Wednesday")
        fixed = apply_edit(WEEKDAY_DOC, edits[0])
        self.assertIn(ASTRAL_PREFIX + "Wednesday, 24 April 2024", fixed)
        self.client.change(uri, fixed, 2)
        self.assertEqual(self.client.diagnostics(uri, 2)["diagnostics"], [])
        # Nowhere near a fix: no action.
        none = self.client.request("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": {
            "start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "context": {"diagnostics": []}})
        self.assertEqual(none["result"], [])

    def test_hover_shows_dates_quotations_and_urls(self):
        self.client.initialize()
        text = ("# Report\n\n"
                "\U0001F600 The line opened on 9 February 2025.\n\n"
                "\u201cWe will finish the line by May,\u201d said Ana Kovač, the minister.\n\n"
                "See [the operator](https://example.org/grid) for details.\n")
        uri = file_uri(os.path.join(self.tmp.name, "hover.md"))
        self.client.open(uri, text)
        self.client.diagnostics(uri, 1)

        def hover(line, needle, shift=1):
            line_text = text.split("\n")[line]
            character = utf16_len(line_text[:line_text.index(needle)]) + shift
            return self.client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}})["result"]

        date = hover(2, "9 February")
        self.assertIn("2025-02-09", date["contents"]["value"])
        self.assertEqual(date["range"]["start"], {"line": 2, "character": utf16_len("\U0001F600 The line opened on ")})
        quote = hover(4, "We will")
        self.assertIn("quotation", quote["contents"]["value"])
        self.assertIn("Ana Kova", quote["contents"]["value"])
        url = hover(6, "the operator", 3)
        self.assertIn("https://example.org/grid", url["contents"]["value"].replace("\\", ""))
        self.assertIn("last status: unchecked", url["contents"]["value"])
        self.assertIsNone(hover(0, "Report"))


class Configuration(ServerTest):
    def test_nearest_marginalia_json_applies_and_saving_it_reloads(self):
        self.client.initialize()
        config = self.write("strict/marginalia.json", json.dumps({"plugins": {"dates": {"enabled": False}}}))
        strict = file_uri(self.write("strict/a.md", WEEKDAY_DOC))
        loose = file_uri(self.write("loose/b.md", WEEKDAY_DOC))
        self.client.open(strict, WEEKDAY_DOC)
        self.client.open(loose, WEEKDAY_DOC)
        self.assertEqual(self.client.diagnostics(strict, 1)["diagnostics"], [])
        self.assertEqual(codes(self.client.diagnostics(loose, 1)["diagnostics"]), ["dates/weekday-mismatch"])
        with open(config, "w") as f:
            f.write(json.dumps({"severity": {"dates/weekday-mismatch": "error"}}))
        self.client.notify("textDocument/didSave", {"textDocument": {"uri": file_uri(config)}})
        published = self.client.diagnostics(strict, 1)
        self.assertEqual(codes(published["diagnostics"]), ["dates/weekday-mismatch"])
        self.assertEqual(published["diagnostics"][0]["severity"], 1)

    def test_a_configuration_changed_outside_the_editor_applies_at_the_next_check(self):
        self.client.initialize({"debounceMs": 50})
        uri = file_uri(self.write("outside/d.md", WEEKDAY_DOC))
        self.client.open(uri, WEEKDAY_DOC)
        self.assertEqual(codes(self.client.diagnostics(uri, 1)["diagnostics"]), ["dates/weekday-mismatch"])
        # Created by another program (marginalia init, a checkout): no didSave reaches the server.
        config = self.write("outside/marginalia.json", json.dumps({"severity": {"dates/weekday-mismatch": "off"}}))
        self.client.change(uri, WEEKDAY_DOC + "\nMore.\n", 2)
        self.assertEqual(self.client.diagnostics(uri, 2)["diagnostics"], [])
        with open(config, "w") as f:
            f.write(json.dumps({"severity": {"dates/weekday-mismatch": "note"}}))
        self.client.change(uri, WEEKDAY_DOC + "\nMore, again.\n", 3)
        published = self.client.diagnostics(uri, 3)["diagnostics"]
        self.assertEqual(codes(published), ["dates/weekday-mismatch"])
        self.assertEqual(published[0]["severity"], 3)

    def test_a_broken_configuration_is_a_diagnostic(self):
        self.client.initialize()
        self.write("bad/marginalia.json", "{\"plugins\": {\"dates\": {\"enabeld\": true}}}")
        uri = file_uri(self.write("bad/c.md", WEEKDAY_DOC))
        self.client.open(uri, WEEKDAY_DOC)
        diagnostics = self.client.diagnostics(uri, 1)["diagnostics"]
        self.assertEqual(len(diagnostics), 1)
        self.assertEqual(diagnostics[0]["code"], "config/invalid")
        self.assertIn("enabeld", diagnostics[0]["message"])


class BigDocument(ServerTest):
    def test_one_megabyte_document_edited_100_times(self):
        self.client.initialize({"debounceMs": 100})
        paragraph = "The grid operators met on 3 March 2023 to agree the schedule for the next phase of works.\n\n"
        body = paragraph * (1_000_000 // len(paragraph))
        uri = file_uri(os.path.join(self.tmp.name, "big.md"))
        self.client.open(uri, "# Big\n\n" + body)
        # Generous limits: a 1 MB check takes seconds, and the suite runs beside other jobs.
        self.assertEqual(self.client.diagnostics(uri, 1, timeout=900)["diagnostics"], [])
        text = None
        for version in range(2, 102):
            # Each edit moves a wrong weekday further down the document.
            at = (version * 7919) % len(body)
            at = body.rfind("\n\n", 0, at) + 2
            text = "# Big\n\n" + body[:at] + "On Monday, 24 April 2024 we met.\n\n" + body[at:]
            self.client.change(uri, text, version)
            time.sleep(0.01)
        versions = []
        published = self.client.diagnostics(uri, 101, timeout=900, predicate=lambda p: versions.append(p["version"]) or p["version"] == 101)
        self.assertEqual(versions, sorted(versions))  # never an older version after a newer one
        self.assertEqual(codes(published["diagnostics"]), ["dates/weekday-mismatch"])
        line = text[:text.index("On Monday")].count("\n")
        self.assertEqual(published["diagnostics"][0]["range"]["start"], {"line": line, "character": 3})
        # Nothing obsolete arrives afterwards.
        with self.assertRaises(TimeoutError):
            self.client.diagnostics(uri, timeout=1)


class Documentation(unittest.TestCase):
    def test_the_neovim_snippet_in_editors_md_is_the_tested_file(self):
        with open(os.path.join(SOURCE_DIR, "docs", "editors.md"), encoding="utf-8") as f:
            page = f.read()
        snippet = re.search(r"```lua\n(local M = \{\}.*?)```", page, re.S).group(1)
        with open(os.path.join(SOURCE_DIR, "docs", "editors", "marginalia.lua"), encoding="utf-8") as f:
            tested = f.read()
        # The file opens with its licence line and a comment saying where it goes.
        self.assertEqual(snippet, tested[tested.index("local M = {}"):])


class BackgroundUrlChecks(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        script = os.path.join(SOURCE_DIR, "tests", "support", "http_fixture_server.py")
        self.server = subprocess.Popen([sys.executable, script, "--log", os.path.join(self.tmp.name, "requests.log")],
                                       stdout=subprocess.PIPE, text=True)
        self.addCleanup(self.server.stdout.close)
        self.addCleanup(self.server.wait)
        self.addCleanup(self.server.kill)
        self.port = int(re.match(r"PORT (\d+)", self.server.stdout.readline()).group(1))

    def test_offline_diagnostics_first_then_network_results_then_from_memory(self):
        cache = os.path.join(self.tmp.name, "urls.sqlite")
        client = Client(BINARY, ("--isolation", "none", "--allow-net", "127.0.0.1/32", "--cache-file", cache), cwd=self.tmp.name)
        self.addCleanup(client.kill)
        client.initialize({"debounceMs": 50})
        base = "http://127.0.0.1:%d" % self.port
        text = "# Links\n\nSee [gone](%s/status/404) and [slow](%s/slow?ms=1500).\n" % (base, base)
        uri = file_uri(os.path.join(self.tmp.name, "links.md"))
        started = time.monotonic()
        client.open(uri, text)
        first = client.diagnostics(uri, 1)
        # The quick check does not wait for the slow server.
        self.assertLess(first["_received"] - started, 1.4)
        self.assertEqual(first["diagnostics"], [])
        second = client.diagnostics(uri, 1)
        self.assertGreaterEqual(second["_received"] - started, 1.4)
        self.assertEqual(codes(second["diagnostics"]), ["urls/not-found"])
        hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": 6}})["result"]
        self.assertIn("last status: not", hover["contents"]["value"].replace("\\", ""))
        # An edit: the URL results are known now, so the quick check already has them.
        client.change(uri, text + "\nMore text.\n", 2)
        self.assertEqual(codes(client.diagnostics(uri, 2, timeout=5)["diagnostics"]), ["urls/not-found"])
        _, code = client.shutdown_and_exit()
        self.assertEqual(code, 0)

    def client(self, *extra):
        cache = os.path.join(self.tmp.name, "urls.sqlite")
        client = Client(BINARY, ("--isolation", "none", "--allow-net", "127.0.0.1/32", "--cache-file", cache) + extra, cwd=self.tmp.name)
        self.addCleanup(client.kill)
        client.initialize({"debounceMs": 50})
        return client

    def test_an_edit_during_the_network_check_makes_its_result_obsolete(self):
        client = self.client()
        text = "# Links\n\nSee [gone](http://127.0.0.1:%d/status/404?slow) and [slow](http://127.0.0.1:%d/slow?ms=1200).\n" % (self.port, self.port)
        uri = file_uri(os.path.join(self.tmp.name, "edited.md"))
        client.open(uri, text)
        self.assertEqual(client.diagnostics(uri, 1)["diagnostics"], [])
        client.change(uri, text + "\nA new paragraph.\n", 2)
        versions = []
        final = client.diagnostics(uri, timeout=30, predicate=lambda p: versions.append(p["version"]) or bool(p["diagnostics"]))
        # Version 1's network result arrived while version 2 was current: never published.
        self.assertEqual(final["version"], 2)
        self.assertNotIn(1, versions)
        self.assertEqual(codes(final["diagnostics"]), ["urls/not-found"])

    def test_exit_does_not_wait_for_a_server_that_never_answers(self):
        client = self.client()
        uri = file_uri(os.path.join(self.tmp.name, "never.md"))
        client.open(uri, "# Links\n\nSee [never](http://127.0.0.1:%d/never).\n" % self.port)
        client.diagnostics(uri, 1)
        time.sleep(0.3)  # the network check is under way
        started = time.monotonic()
        _, code = client.shutdown_and_exit(timeout=20)
        self.assertEqual(code, 0)
        self.assertLess(time.monotonic() - started, 5)


if __name__ == "__main__":
    unittest.main(verbosity=2)
