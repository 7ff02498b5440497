// SPDX-License-Identifier: MIT
#include "readers/fused_marker_detector.hpp"

#include <gtest/gtest.h>

namespace marginalia::readers {
namespace {

std::vector<std::string> markers(const std::string& text, std::set<std::uint32_t> labels = {}) {
  std::vector<std::string> out;
  for (const sdk::NoteRef& ref : detect_fused_markers(text, {{0, static_cast<std::uint32_t>(text.size())}}, labels))
    out.push_back(text.substr(ref.span.begin - 3 > text.size() ? 0 : ref.span.begin - 3, ref.span.end - ref.span.begin + 3));
  return out;
}

TEST(FusedMarkerDetector, AcceptsTheSeedsShapes) {
  std::string text = "the West1. base\xE2\x80\x9D.2 outlook3 June 2023.4 States,5 crisis\xE2\x80\x9D" "6 May 2024.7 Built8 It";
  EXPECT_EQ(markers(text).size(), 8u);
}

TEST(FusedMarkerDetector, RejectsNumbersThatAreNotMarkers) {
  for (const char* text : {"rose 12.5 percent", "a 12-point plan", "section 2.1 says", "$98 billion in FY2026", "P.L. 119-27",
                           "\xC2\xA7" "4(a)(5)", "COVID-19", "1,000 ships", "at 2:30 pm", "24/7 service", "100 km2 of seabed",
                           "prices (x2) doubled", "the 4th time", "3D printing", "B2B sales"})
    EXPECT_TRUE(markers(text).empty()) << text;
}

TEST(FusedMarkerDetector, RejectsDottedParagraphNumbers) {
  // The Project Gutenberg licence numbers its paragraphs 1.E.1 … 1.E.9 and cites them in prose.
  for (const char* text : {"1.E.1.  The following sentence", "the requirements of paragraphs 1.E.1 through 1.E.7 or",
                           "set forth in paragraphs 1.E.8 or 1.E.9.", "see 2.b.3, above"})
    EXPECT_TRUE(markers(text).empty()) << text;
  EXPECT_EQ(markers("the West.1 Then").size(), 1u) << "a marker after a word and a point is still one";
}

TEST(FusedMarkerDetector, FollowsTheRunningSequenceAndAllowsSmallGaps) {
  EXPECT_EQ(markers("one.1 two.2 skip.4 back.3").size(), 4u) << "a swap is kept for the footnotes checks";
  EXPECT_TRUE(markers("far.40 away").empty()) << "a jump to 40 with no notes is not a marker";
  EXPECT_EQ(markers("far.40 away", {40}).size(), 1u) << "a note 40 vouches for it";
}

TEST(FusedMarkerDetector, AcceptsWeakCandidatesOnlyAsTheExactNextNumberAtASentenceEnd) {
  EXPECT_EQ(markers("In June 2023.1 The").size(), 1u);
  EXPECT_TRUE(markers("In June 2023.1 the").empty());
  EXPECT_TRUE(markers("In June 2023.3 The").empty()) << "a weak candidate never jumps";
  EXPECT_EQ(markers("G1 Summit").size(), 1u);
}

TEST(FusedMarkerDetector, ReadsSuperscriptDigits) {
  std::vector<sdk::NoteRef> refs = detect_fused_markers("claim\xC2\xB9 and\xC2\xB2", {{0, 12}}, {});
  ASSERT_EQ(refs.size(), 2u);
  EXPECT_EQ(refs[1].label, "2");
}

}  // namespace
}  // namespace marginalia::readers
