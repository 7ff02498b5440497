// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "reporters/reporter.hpp"
#include "support/case_table.hpp"

namespace marginalia::reporters {
namespace {

TEST(TerminalReporter, EscapesControlCharactersSoADraftCannotDriveTheTerminal) {
  testing::expect_each({
      {"red \x1b[31m text", "red \\u{1B}[31m text"},
      {"c1 \xC2\x9B here", "c1 \\u{9B} here"},
      {"bidi \xE2\x80\xAE override", "bidi \\u{202E} override"},
      {"plain \xE2\x80\x9Cquotes\xE2\x80\x9D", "plain \xE2\x80\x9Cquotes\xE2\x80\x9D"},
  }, terminal_safe);
}

TEST(TerminalReporter, SummarisesAnEmptyRun) {
  RunReport run;
  EXPECT_EQ(render_terminal(run, {}), "0 errors, 0 warnings, 0 notes in 0 files\n");
}

}  // namespace
}  // namespace marginalia::reporters
