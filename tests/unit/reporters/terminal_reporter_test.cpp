// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "reporters/reporter.hpp"

namespace marginalia::reporters {
namespace {

TEST(TerminalReporter, EscapesControlCharactersSoADraftCannotDriveTheTerminal) {
  EXPECT_EQ(terminal_safe("red \x1b[31m text"), "red \\u{1B}[31m text");
  EXPECT_EQ(terminal_safe("c1 \xC2\x9B here"), "c1 \\u{9B} here");
  EXPECT_EQ(terminal_safe("bidi \xE2\x80\xAE override"), "bidi \\u{202E} override");
  EXPECT_EQ(terminal_safe("plain \xE2\x80\x9Cquotes\xE2\x80\x9D"), "plain \xE2\x80\x9Cquotes\xE2\x80\x9D");
}

TEST(TerminalReporter, SummarisesAnEmptyRun) {
  RunReport run;
  EXPECT_EQ(render_terminal(run, {}), "0 errors, 0 warnings, 0 notes in 0 files\n");
}

}  // namespace
}  // namespace marginalia::reporters
