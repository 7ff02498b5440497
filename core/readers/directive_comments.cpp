// SPDX-License-Identifier: MIT
#include "readers/directive_comments.hpp"

namespace marginalia::readers {
namespace {

constexpr std::string_view kPrefix = "marginalia-";

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

std::uint32_t u32(std::size_t offset) { return static_cast<std::uint32_t>(offset); }

std::size_t line_end(std::string_view input, std::size_t pos) {
  std::size_t end = input.find('\n', pos);
  return end == std::string_view::npos ? input.size() : end;
}

std::size_t next_line(std::string_view input, std::size_t pos) {
  std::size_t end = input.find('\n', pos);
  return end == std::string_view::npos ? input.size() : end + 1;
}

// An HTML comment opening at `open` ("<!--"): records it when it is a directive. Returns where
// scanning resumes.
std::size_t take_comment(std::string_view input, std::size_t open, std::vector<FoundDirective>& out) {
  std::size_t inner = open + 4;
  std::size_t close = input.find("-->", inner);
  std::string_view content = trim(input.substr(inner, close == std::string_view::npos ? std::string_view::npos : close - inner));
  bool directive = content.substr(0, kPrefix.size()) == kPrefix;
  if (close == std::string_view::npos) {
    if (directive) out.push_back({std::string(content), u32(open), u32(line_end(input, open)), "the comment is not closed with '-->'"});
    return input.size();
  }
  if (directive) out.push_back({std::string(content), u32(open), u32(close + 3), {}});
  return close + 3;
}

}  // namespace

// A directive is an HTML comment that starts a line (an HTML block), outside fenced code, so
// examples of the syntax inside code stay examples.
std::vector<FoundDirective> find_markdown_directives(std::string_view input) {
  std::vector<FoundDirective> out;
  if (input.find(kPrefix) == std::string_view::npos) return out;
  char fence_char = 0;
  std::size_t fence_length = 0;
  for (std::size_t pos = 0; pos < input.size();) {
    std::size_t end = line_end(input, pos);
    std::size_t at = pos;
    while (at < end && at - pos < 3 && input[at] == ' ') ++at;
    std::size_t run = 0;
    if (at < end && (input[at] == '`' || input[at] == '~'))
      while (at + run < end && input[at + run] == input[at]) ++run;
    if (fence_char) {
      std::string_view after = trim(input.substr(at + run, end - at - run));
      if (run > 0 && run >= fence_length && input[at] == fence_char && after.empty()) fence_char = 0;
      pos = next_line(input, pos);
      continue;
    }
    if (run >= 3) {
      fence_char = input[at];
      fence_length = run;
      pos = next_line(input, pos);
      continue;
    }
    if (input.substr(at, 4) == "<!--") {
      std::size_t resume = take_comment(input, at, out);
      pos = resume >= input.size() ? input.size() : next_line(input, resume > 0 ? resume - 1 : 0);
      continue;
    }
    pos = next_line(input, pos);
  }
  return out;
}

std::vector<FoundDirective> find_html_directives(std::string_view input) {
  std::vector<FoundDirective> out;
  if (input.find(kPrefix) == std::string_view::npos) return out;
  for (std::size_t pos = input.find("<!--"); pos != std::string_view::npos; pos = input.find("<!--", pos))
    pos = take_comment(input, pos, out);
  return out;
}

std::vector<FoundDirective> find_plain_text_directives(std::string_view input) {
  std::vector<FoundDirective> out;
  if (input.find(kPrefix) == std::string_view::npos) return out;
  for (std::size_t pos = 0; pos < input.size(); pos = next_line(input, pos)) {
    std::size_t begin = pos, end = line_end(input, pos);
    while (begin < end && (input[begin] == ' ' || input[begin] == '\t')) ++begin;
    while (end > begin && (input[end - 1] == ' ' || input[end - 1] == '\t')) --end;
    std::string_view text = input.substr(begin, end - begin);
    if (text.size() < kPrefix.size() + 1 || text[0] != '[' || text.substr(1, kPrefix.size()) != kPrefix) continue;
    if (text.back() != ']') out.push_back({std::string(trim(text.substr(1))), u32(begin), u32(end), "a directive line must end with ']'"});
    else out.push_back({std::string(trim(text.substr(1, text.size() - 2))), u32(begin), u32(end), {}});
  }
  return out;
}

// Comments and CDATA sections are skipped whole: a directive written inside them is text.
std::vector<FoundDirective> find_tei_directives(std::string_view input) {
  std::vector<FoundDirective> out;
  if (input.find(kPrefix) == std::string_view::npos) return out;
  const std::string opening = "<?" + std::string(kPrefix);
  for (std::size_t pos = input.find('<'); pos != std::string_view::npos; pos = input.find('<', pos)) {
    std::string_view here = input.substr(pos);
    std::string_view terminator;
    if (here.substr(0, 4) == "<!--") terminator = "-->";
    else if (here.substr(0, 9) == "<![CDATA[") terminator = "]]>";
    if (!terminator.empty()) {
      std::size_t close = input.find(terminator, pos + 4);
      if (close == std::string_view::npos) break;
      pos = close + terminator.size();
      continue;
    }
    if (here.substr(0, opening.size()) != opening) {
      ++pos;
      continue;
    }
    std::size_t close = input.find("?>", pos + 2);
    if (close == std::string_view::npos) {
      out.push_back({std::string(trim(input.substr(pos + 2, line_end(input, pos) - pos - 2))), u32(pos), u32(line_end(input, pos)),
                     "the processing instruction is not closed with '?>'"});
      break;
    }
    out.push_back({std::string(trim(input.substr(pos + 2, close - pos - 2))), u32(pos), u32(close + 2), {}});
    pos = close + 2;
  }
  return out;
}

void record_directives(std::vector<FoundDirective> found, model::DocumentBuilder& builder) {
  for (FoundDirective& directive : found)
    builder.add_directive_comment(std::move(directive.content), directive.begin, directive.end, std::move(directive.error));
}

}  // namespace marginalia::readers
