// SPDX-License-Identifier: MIT
#include "readers/reader_registry.hpp"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

#include "marginalia/sdk/text.hpp"
#include "readers/charset.hpp"

namespace marginalia::readers {
namespace {

// One row per format: what it is called, the extensions that select it, whether its input is
// text (normalised first) or raw bytes (DOCX), and the function that reads it.
struct ReaderEntry {
  const char* format;
  std::vector<std::string> extensions;
  bool text_input;
  ReadResult (*read)(const ReaderInput&);
};

const std::vector<ReaderEntry>& registry() {
  static const std::vector<ReaderEntry> entries = {
      {"text", {".txt", ".text"}, true, &read_plain_text},
      {"markdown", {".md", ".markdown", ".mdown", ".mkd"}, true, &read_markdown},
      {"tei", {".xml", ".tei"}, true, &read_tei},
      {"html", {".html", ".htm", ".xhtml"}, true, &read_html},
      {"docx", {".docx"}, false, &read_docx},
  };
  return entries;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

ReadError error_at(const std::string& path, std::string code, std::string message) {
  ReadError error;
  error.path = path;
  error.code = std::move(code);
  error.message = std::move(message);
  return error;
}

ReadResult fail(ReadError error) {
  ReadResult result;
  result.error = std::move(error);
  return result;
}

const char* control_name(char32_t c) {
  switch (c) {
    case 0: return "NUL";
    case 0x1B: return "ESC";
    case 0x0C: return "form feed";
    case 0x7F: return "DEL";
    case 0xFFFE: return "non-character U+FFFE";
    case 0xFFFF: return "non-character U+FFFF";
    default: return nullptr;
  }
}

// One warning for the first replaced character, naming how many there were.
void report_replacements(const model::NormalizedInput& input, model::LoadedDocument& loaded) {
  if (input.replaced.empty()) return;
  const std::string& text = loaded.document.text;
  std::size_t at = text.find("\xEF\xBF\xBD");
  sdk::Span span = at == std::string::npos ? sdk::Span{0, 0}
                                           : sdk::Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + 3)};
  char32_t first = input.replaced.front().second;
  char code[16];
  std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(first));
  std::string name = control_name(first) ? std::string(control_name(first)) + " (" + code + ")" : std::string("control character ") + code;
  std::string message = name + " replaced with U+FFFD";
  if (input.replaced.size() > 1) message += " (" + std::to_string(input.replaced.size()) + " such characters in the file)";
  loaded.reader_findings.push_back({"reader/control-character", sdk::Severity::warning, span, message, {}, std::nullopt});
}

}  // namespace

std::string detect_format(std::string_view path) {
  std::string name = lower(path);
  for (const ReaderEntry& entry : registry())
    for (const std::string& extension : entry.extensions)
      if (name.size() > extension.size() && name.compare(name.size() - extension.size(), extension.size(), extension) == 0)
        return entry.format;
  // Extensions of formats whose reader may not be in this build.
  for (auto [extension, format] : {std::pair{".xml", "tei"}, {".tei", "tei"}, {".html", "html"}, {".htm", "html"}, {".docx", "docx"}})
    if (name.size() > std::strlen(extension) && name.compare(name.size() - std::strlen(extension), std::strlen(extension), extension) == 0)
      return format;
  return "text";
}

std::vector<std::string> supported_formats() {
  std::vector<std::string> formats;
  for (const ReaderEntry& entry : registry()) formats.push_back(entry.format);
  return formats;
}

model::SourceMap make_source_map(const ReaderInput& input) {
  model::SourceMap map(input.bytes);
  map.set_input_breaks(input.input.breaks);
  return map;
}

ReadResult read_bytes(const std::string& path, std::string bytes, const ReadOptions& options) {
  std::string format = options.format.empty() ? detect_format(path) : options.format;
  auto entry = std::find_if(registry().begin(), registry().end(), [&](const ReaderEntry& e) { return format == e.format; });
  if (entry == registry().end())
    return fail(error_at(path, "reader/unsupported-format", "no reader for format '" + format + "' in this build"));
  if (bytes.size() > options.max_input_bytes)
    return fail(error_at(path, "reader/too-large", "the file has " + std::to_string(bytes.size()) + " bytes, more than the limit of " +
                                                       std::to_string(options.max_input_bytes) + " (--max-input-size)"));
  if (bytes.empty()) return fail(error_at(path, "reader/empty-file", "the file is empty"));

  ReaderInput input;
  input.path = path;
  if (entry->text_input) {
    model::NormalizeResult normalized = model::normalize_input(bytes);
    if (!normalized.ok && normalized.error.code == "reader/invalid-utf8" && format == "html") {
      // HTML may declare a legacy charset; the declared one is decoded, nothing is guessed.
      if (auto charset = declared_html_charset(bytes); charset && *charset != "utf-8" && *charset != "utf8") {
        if (auto decoded = decode_to_utf8(bytes, *charset)) {
          bytes = std::move(*decoded);
          normalized = model::normalize_input(bytes);
        }
      }
    }
    if (!normalized.ok) {
      ReadError error = error_at(path, normalized.error.code, normalized.error.message);
      error.byte_offset = normalized.error.byte_offset;
      model::Position position = model::SourceMap(bytes).position_of_source(static_cast<std::uint32_t>(
          std::min<std::uint64_t>(normalized.error.byte_offset, bytes.size())));
      error.line = position.line;
      error.column = position.column;
      return fail(std::move(error));
    }
    bool blank = true;
    for (std::size_t pos = 0; pos < normalized.input.text.size() && blank;)
      blank = sdk::is_space(sdk::next_code_point(normalized.input.text, pos));
    if (blank) return fail(error_at(path, "reader/empty-file", "the file holds only white space"));
    input.input = std::move(normalized.input);
  }
  input.bytes = std::move(bytes);
  ReadResult result = entry->read(input);
  if (result.document) report_replacements(input.input, *result.document);
  return result;
}

ReadResult read_document(const std::string& path, const ReadOptions& options) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    int code = errno;
    return fail(error_at(path, code == ENOENT ? "reader/not-found" : "reader/unreadable",
                         code == ENOENT ? "no such file" : std::string("cannot open the file: ") + std::strerror(code)));
  }
  if (S_ISDIR(info.st_mode)) return fail(error_at(path, "reader/is-directory", "this is a directory, not a file"));
  if (!S_ISREG(info.st_mode)) return fail(error_at(path, "reader/unreadable", "not a regular file"));
  if (static_cast<std::uint64_t>(info.st_size) > options.max_input_bytes)
    return fail(error_at(path, "reader/too-large", "the file has " + std::to_string(info.st_size) + " bytes, more than the limit of " +
                                                       std::to_string(options.max_input_bytes) + " (--max-input-size)"));
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return fail(error_at(path, "reader/unreadable", std::string("cannot open the file: ") + std::strerror(errno)));
  std::ostringstream contents;
  contents << stream.rdbuf();
  return read_bytes(path, contents.str(), options);
}

}  // namespace marginalia::readers
