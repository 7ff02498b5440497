# SPDX-License-Identifier: MIT
"""`marginalia lsp` from the unpacked Debian package (the packaging fixture's work/root): its
documentation links point at the documentation the package installed, not at the checkout
that built it.

usage: installed_lsp_test.py WORK_DIR SOURCE_DIR"""
import os
import sys
import tempfile
import unittest

WORK, SOURCE_DIR = (os.path.abspath(arg) for arg in sys.argv[1:3]) if len(sys.argv) >= 3 else ("", "")
sys.path.insert(0, os.path.join(SOURCE_DIR, "tests", "lsp"))
from lsp_client import Client, file_uri  # noqa: E402

USR = os.path.join(WORK, "root", "usr")


class InstalledLanguageServer(unittest.TestCase):
    def test_documentation_links_point_at_the_installed_documentation(self):
        binary = os.path.join(USR, "bin", "marginalia")
        if not os.path.exists(binary):
            self.skipTest(f"no unpacked package in {WORK}: run through ctest (the packaging_build_debs fixture)")
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        client = Client(binary, ("--offline", "--no-cache"), cwd=tmp.name, env={**os.environ, "MARGINALIA_PLUGIN_PATH": ""})
        self.addCleanup(client.kill)
        client.initialize()
        uri = file_uri(os.path.join(tmp.name, "minutes.md"))
        client.open(uri, "# Minutes\n\nOn Monday, 24 April 2024 the operators met.\n")
        weekday = [d for d in client.diagnostics(uri, 1)["diagnostics"] if d["code"] == "dates/weekday-mismatch"]
        self.assertEqual(len(weekday), 1)
        docs = os.path.realpath(os.path.join(USR, "share", "marginalia", "doc"))
        href = weekday[0]["codeDescription"]["href"]
        self.assertEqual(href, "file://" + docs + "/plugins/dates/README.md#datesweekday-mismatch")
        self.assertTrue(os.path.isfile(href[len("file://"):href.index("#")]))
        client.shutdown_and_exit()


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    unittest.main(argv=[sys.argv[0], "-v"])
