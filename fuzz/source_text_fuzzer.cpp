// SPDX-License-Identifier: MIT
// A fetched page or a local source → its text (core/input: charset through iconv, libxml2's HTML
// or XML parser): never a crash, always valid UTF-8, whatever the declared type and charset.
#include <string>
#include <string_view>

#include "fuzz_target.hpp"
#include "input/charset.hpp"
#include "input/html_text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const types[] = {"text/html",
                                      "text/html; charset=shift_jis",
                                      "text/html; charset=koi8-r",
                                      "application/xml",
                                      "application/xhtml+xml; charset=iso-8859-2",
                                      "text/plain",
                                      "text/plain; charset=utf-16",
                                      "",
                                      "text/plain; charset=no-such-charset"};
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  std::string text;
  bool ok = marginalia::input::body_to_text(body, types[data[0] % (sizeof types / sizeof types[0])], text);
  MARGINALIA_FUZZ_ASSERT(ok, "every type in the list is text");
  MARGINALIA_FUZZ_ASSERT(marginalia::input::valid_utf8(text) == text, "the text is valid UTF-8");
  std::string local = marginalia::input::file_to_text(body, (data[0] & 0x80) != 0);
  MARGINALIA_FUZZ_ASSERT(marginalia::input::valid_utf8(local) == local, "a local source's text is valid UTF-8");
  return 0;
}
