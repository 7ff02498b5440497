// SPDX-License-Identifier: MIT
// Text → the URL extractor of the urls plugin: candidates in order, not overlapping, inside the
// text, on UTF-8 character boundaries when the text is valid UTF-8, each at least one byte long.
#include <string_view>

#include <marginalia/sdk/text.hpp>

#include "fuzz_target.hpp"
#include "url_scanner.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  bool valid = true;  // decode and compare: next_code_point yields U+FFFD for a bad sequence
  for (std::size_t at = 0; at < text.size() && valid;) {
    std::size_t from = at;
    char32_t c = marginalia::sdk::next_code_point(text, at);
    valid = c != 0xFFFD || text.compare(from, 3, "\xEF\xBF\xBD") == 0;
  }
  auto boundary = [&](std::size_t at) { return at >= text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80; };
  std::size_t previous_end = 0;
  for (const marginalia::plugins::urls::Candidate& c : marginalia::plugins::urls::scan_urls(text)) {
    MARGINALIA_FUZZ_ASSERT(c.span.begin < c.span.end, "a candidate is not empty");
    MARGINALIA_FUZZ_ASSERT(c.span.end <= text.size(), "a candidate lies inside the text");
    MARGINALIA_FUZZ_ASSERT(c.span.begin >= previous_end, "candidates are in order and do not overlap");
    MARGINALIA_FUZZ_ASSERT(!c.text.empty(), "a candidate has text");
    if (valid) MARGINALIA_FUZZ_ASSERT(boundary(c.span.begin) && boundary(c.span.end), "spans cut no character");
    std::size_t end = marginalia::plugins::urls::url_end(text, c.span.begin);
    MARGINALIA_FUZZ_ASSERT(end <= text.size(), "url_end stays inside the text");
    previous_end = c.span.end;
  }
  return 0;
}
