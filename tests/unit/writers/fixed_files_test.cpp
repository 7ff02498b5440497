// SPDX-License-Identifier: MIT
#include "writers/fixed_files.hpp"

#include <gtest/gtest.h>

#include <string>

#include "readers/reader_registry.hpp"

namespace marginalia::writers {
namespace {

// `bytes` read as `path`, with one finding proposing `replacement` for the text `old_text`.
merge::FileReport checked(const std::string& path, const std::string& bytes, const std::string& old_text, const std::string& replacement) {
  readers::ReadResult read = readers::read_bytes(path, bytes, {});
  EXPECT_TRUE(read.document) << (read.error ? read.error->message : "");
  merge::FileReport file;
  file.path = path;
  file.report = merge::DocumentReport{std::move(*read.document), {}, {}, {}, true, 0, {}};
  const std::string& text = file.report->loaded.document.text;
  auto at = static_cast<std::uint32_t>(text.find(old_text));
  merge::ReportedFinding reported;
  reported.finding = {"test/fix", sdk::Severity::warning, {at, at + static_cast<std::uint32_t>(old_text.size())}, "fix me", {}, replacement};
  file.report->findings.push_back(reported);
  return file;
}

TEST(FixedFiles, WritesAFixInTheDeclaredCharsetAndCharacterReferencesForWhatItLacks) {
  // Latin-1 has ó but not Ł or ź: those become character references, the rest stays one byte each.
  std::string page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 in Lodz.</p></body></html>\n";
  merge::FileReport file = checked("a.html", page, "Lodz", "\xC5\x81\xC3\xB3" "d\xC5\xBA");
  FixedFile fixed = fix_file(file, &page);
  EXPECT_EQ(fixed.problem, "");
  EXPECT_EQ(fixed.after, "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 in &#321;\xF3" "d&#378;.</p></body></html>\n");
}

TEST(FixedFiles, AnAsciiPageInALegacyCharsetGetsItsFixInThatCharset) {
  std::string page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Cafe.</p></body></html>\n";
  merge::FileReport file = checked("a.html", page, "Cafe", "Caf\xC3\xA9");
  EXPECT_EQ(fix_file(file, &page).after, "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9.</p></body></html>\n");
}

TEST(FixedFiles, RefusesAFileThatChangedSinceItWasChecked) {
  std::string text = "Met on Friday, 3 March 2025.\n";
  merge::FileReport file = checked("a.txt", text, "Friday", "Monday");
  std::string changed = "Met on Friday, 3 March 2025, in Riga.\n";
  FixedFile fixed = fix_file(file, &changed);
  EXPECT_EQ(fixed.problem, "it changed after it was checked; check it again");
  EXPECT_EQ(fix_file(file, &text).after, "Met on Monday, 3 March 2025.\n");
}

TEST(FixedFiles, TheDiffIsLabelledWithThePath) {
  std::string text = "Met on Friday, 3 March 2025.\n";
  merge::FileReport file = checked("minutes.txt", text, "Friday", "Monday");
  EXPECT_EQ(fix_file(file, &text).diff, "--- minutes.txt\n+++ minutes.txt\n@@ -1 +1 @@\n-Met on Friday, 3 March 2025.\n+Met on Monday, 3 March 2025.\n");
}

}  // namespace
}  // namespace marginalia::writers
