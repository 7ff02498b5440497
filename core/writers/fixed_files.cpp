// SPDX-License-Identifier: MIT
#include "writers/fixed_files.hpp"

#include <algorithm>
#include <optional>

#include "marginalia/sdk/text.hpp"
#include "readers/charset.hpp"
#include "readers/reader_registry.hpp"
#include "util/file_bytes.hpp"
#include "writers/unified_diff.hpp"

namespace marginalia::writers {
namespace {

// Bytes [begin, end) of the file replaced by `text`.
struct ByteEdit {
  std::uint32_t begin = 0, end = 0;
  std::string text;
};

// The edits in the file's own bytes: the source pieces between and under the edits are encoded
// one by one, and must give back the file exactly, or the charset cannot be written safely.
bool encode_edits(const std::string& source, const std::vector<merge::SourceEdit>& edits, const std::string& charset, const std::string& file,
                  std::vector<ByteEdit>& out, std::string& problem) {
  std::size_t at = 0, file_at = 0;
  auto take = [&](std::size_t end) -> std::optional<std::size_t> {
    std::optional<std::string> bytes = readers::encode_from_utf8(std::string_view(source).substr(at, end - at), charset);
    if (!bytes || file.compare(file_at, bytes->size(), *bytes) != 0) return std::nullopt;
    at = end;
    file_at += bytes->size();
    return file_at;
  };
  for (const merge::SourceEdit& edit : edits) {
    std::optional<std::size_t> begin = take(edit.begin);
    std::optional<std::size_t> end = begin ? take(edit.end) : std::nullopt;
    if (!end) {
      problem = "its " + charset + " bytes do not convert back and forth exactly, so it is left unchanged";
      return false;
    }
    std::optional<std::string> text = readers::encode_from_utf8(edit.text, charset);
    if (!text) {
      // A character the charset lacks is written as a character reference (the file is HTML).
      std::string referenced;
      for (std::size_t i = 0; i < edit.text.size();) {
        std::size_t start = i;
        char32_t c = sdk::next_code_point(edit.text, i);
        std::optional<std::string> one = readers::encode_from_utf8(std::string_view(edit.text).substr(start, i - start), charset);
        referenced += one ? *one : "&#" + std::to_string(static_cast<unsigned long>(c)) + ";";
      }
      text = std::move(referenced);
    }
    out.push_back({static_cast<std::uint32_t>(*begin), static_cast<std::uint32_t>(*end), std::move(*text)});
  }
  if (!take(source.size()) || file_at != file.size()) {
    problem = "its " + charset + " bytes do not convert back and forth exactly, so it is left unchanged";
    return false;
  }
  return true;
}

}  // namespace

std::string fix_usage_error(const std::vector<std::string>& inputs, const std::string& input_format) {
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    std::string format = !input_format.empty() ? input_format : readers::detect_format(input);
    if (format != "docx") continue;
    return "--fix rewrites text files (text, Markdown, HTML, TEI), and " + input +
           " is a Word file: --annotate OUT.docx --annotate-fixes writes a copy with each certain fix as a tracked change";
  }
  return {};
}

bool fixable(const merge::FileReport& file) { return file.report && !file.report->loaded.source_map.part_map(); }

FixedFile fix_file(const merge::FileReport& file, const std::string* stdin_bytes) {
  FixedFile fixed;
  if (!fixable(file)) return fixed;
  const merge::DocumentReport& report = *file.report;
  fixed.plan = merge::plan_fixes(report);
  if (fixed.plan.edits.empty()) return fixed;
  if (stdin_bytes) fixed.before = *stdin_bytes;
  else if (!util::read_file_bytes(file.path, fixed.before)) {
    fixed.problem = "it cannot be read again";
    return fixed;
  }
  const std::string& source = report.loaded.source_map.source();
  std::optional<std::string> charset = report.loaded.document.format == "html" ? readers::declared_html_charset(fixed.before) : std::nullopt;
  if (charset && (*charset == "utf-8" || *charset == "utf8")) charset.reset();
  // A page in a legacy charset whose bytes are all ASCII reads the same either way, but a fix
  // may bring a letter that must be written in its charset.
  bool ascii = std::all_of(fixed.before.begin(), fixed.before.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::vector<ByteEdit> edits;
  if (fixed.before == source && !(charset && ascii)) {
    for (const merge::SourceEdit& edit : fixed.plan.edits) edits.push_back({edit.begin, edit.end, edit.text});
  } else {
    // The reader decoded a declared legacy charset; anything else means the file changed.
    std::optional<std::string> decoded = charset ? readers::decode_to_utf8(fixed.before, *charset) : std::nullopt;
    if (!decoded || *decoded != source) {
      fixed.problem = "it changed after it was checked; check it again";
      return fixed;
    }
    if (!encode_edits(source, fixed.plan.edits, *charset, fixed.before, edits, fixed.problem)) return fixed;
  }
  std::string after;
  std::size_t at = 0;
  for (const ByteEdit& edit : edits) {
    after.append(fixed.before, at, edit.begin - at);
    after += edit.text;
    at = edit.end;
  }
  after.append(fixed.before, at, std::string::npos);
  fixed.after = std::move(after);
  fixed.diff = unified_diff(file.path, fixed.before, fixed.after);
  return fixed;
}

}  // namespace marginalia::writers
