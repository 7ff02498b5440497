// SPDX-License-Identifier: MIT
// CodeSpans: the document's inline code as sorted, disjoint spans, queried by position.
#include <gtest/gtest.h>

#include "marginalia/sdk/code_spans.hpp"

namespace marginalia::sdk {
namespace {

Document with_elements(std::vector<Element> elements) {
  Document document;
  document.text = std::string(100, 'x');
  document.elements = std::move(elements);
  return document;
}

TEST(CodeSpans, MergesNestedAndTouchingCodeAndIgnoresOtherElements) {
  Document document = with_elements({{{40, 50}, "code", {}}, {{10, 20}, "code", {}}, {{12, 15}, "code", {}}, {{20, 25}, "code", {}},
                                     {{30, 35}, "q", {}}, {{60, 60}, "code", {}}});
  CodeSpans code(document);
  ASSERT_EQ(code.spans().size(), 2u) << "nested (<code><var>) and split (DOCX runs) code is one span; empty code none";
  EXPECT_EQ(code.spans()[0], (Span{10, 25}));
  EXPECT_EQ(code.spans()[1], (Span{40, 50}));
  EXPECT_TRUE(CodeSpans(with_elements({{{1, 2}, "quote", {}}})).empty());
}

TEST(CodeSpans, AnswersWhetherAPositionOrSpanLiesInCode) {
  CodeSpans code(with_elements({{{10, 20}, "code", {}}, {{40, 50}, "code", {}}}));
  EXPECT_EQ(code.at(9), nullptr);
  ASSERT_NE(code.at(10), nullptr);
  EXPECT_EQ(*code.at(19), (Span{10, 20}));
  EXPECT_EQ(code.at(20), nullptr) << "spans are half-open";
  EXPECT_TRUE(code.contains({12, 18}));
  EXPECT_FALSE(code.contains({18, 22}));
  EXPECT_TRUE(code.overlaps({18, 22}));
  EXPECT_TRUE(code.overlaps({0, 100}));
  EXPECT_FALSE(code.overlaps({20, 40}));
  EXPECT_FALSE(code.overlaps({5, 10}));
  EXPECT_TRUE(code.cuts({12, 14})) << "a match inside code";
  EXPECT_TRUE(code.cuts({5, 12})) << "a match running into code";
  EXPECT_FALSE(code.cuts({5, 30})) << "a sentence holding the whole code";
  EXPECT_TRUE(code.cuts({5, 45})) << "holds the first code, cuts into the second";
  EXPECT_FALSE(code.cuts({20, 40}));
}

}  // namespace
}  // namespace marginalia::sdk
