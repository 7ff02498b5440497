// SPDX-License-Identifier: MIT
#include "source_library.hpp"

#include <marginalia/sdk/text.hpp>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace marginalia::plugins::quotes {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_source_bytes = 64ull << 20;

bool read_file(const fs::path& path, std::string& out) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return false;
  if (fs::file_size(path, ec) > max_source_bytes) return false;
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  out = buffer.str();
  return true;
}

bool is_html(const fs::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}


bool iequals_prefix(std::string_view text, std::size_t at, std::string_view word) {
  if (at + word.size() > text.size()) return false;
  for (std::size_t i = 0; i < word.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
  return true;
}

}  // namespace

SourceLibrary::SourceLibrary(std::string folder) : folder_(std::move(folder)) {
  if (folder_.empty()) return;
  std::string json;
  fs::path index = fs::path(folder_) / "sources.json";
  if (!read_file(index, json)) return;
  nlohmann::json parsed = nlohmann::json::parse(json, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    problems_.push_back(index.string() + " is not a JSON object of \"label or URL\": \"file\" pairs");
    return;
  }
  for (auto it = parsed.begin(); it != parsed.end(); ++it)
    if (it.value().is_string()) index_[it.key()] = it.value().get<std::string>();
}

bool SourceLibrary::load(const std::string& name, SourceText& out) const {
  fs::path path = fs::path(folder_) / name;
  std::string bytes;
  if (!read_file(path, bytes)) return false;
  out.text = is_html(path) ? html_to_text(bytes) : std::move(bytes);
  out.origin = name;  // as named in the sources folder: messages do not depend on where it is
  return true;
}

bool SourceLibrary::for_label(const std::string& label, SourceText& out) const {
  if (folder_.empty() || label.empty() || label.find('/') != std::string::npos || label.find("..") != std::string::npos) return false;
  auto mapped = index_.find(label);
  if (mapped != index_.end()) return load(mapped->second, out);
  for (const char* ext : {".txt", ".md", ".html", ".htm"})
    if (load(label + ext, out)) return true;
  return false;
}

bool SourceLibrary::for_url(const std::string& url, SourceText& out) const {
  if (folder_.empty() || url.empty()) return false;
  auto mapped = index_.find(url);
  if (mapped != index_.end()) return load(mapped->second, out);
  std::string name = file_name_for_url(url);
  if (name.empty()) return false;
  for (const char* ext : {".txt", ".md", ".html", ".htm"})
    if (load(name + ext, out)) return true;
  return false;
}

std::string file_name_for_url(std::string_view url) {
  for (std::string_view scheme : {"https://", "http://"})
    if (url.substr(0, scheme.size()) == scheme) { url.remove_prefix(scheme.size()); break; }
  while (!url.empty() && url.back() == '/') url.remove_suffix(1);
  std::string name;
  for (char c : url) {
    unsigned char u = static_cast<unsigned char>(c);
    name.push_back(std::isalnum(u) || c == '.' || c == '-' ? c : '_');
  }
  if (name.size() > 200) name.resize(200);
  while (!name.empty() && name[0] == '.') name.erase(0, 1);  // never a hidden file or ".."
  return name;
}

std::string html_to_text(std::string_view html) {
  static const std::pair<std::string_view, std::uint32_t> entities[] = {
      {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''}, {"nbsp", 0xA0}, {"rsquo", 0x2019},
      {"lsquo", 0x2018}, {"rdquo", 0x201D}, {"ldquo", 0x201C}, {"mdash", 0x2014}, {"ndash", 0x2013}, {"hellip", 0x2026},
      {"laquo", 0xAB}, {"raquo", 0xBB}, {"bdquo", 0x201E}, {"sbquo", 0x201A}, {"shy", 0xAD}, {"eacute", 0xE9},
      {"egrave", 0xE8}, {"uuml", 0xFC}, {"ouml", 0xF6}, {"auml", 0xE4}, {"ccedil", 0xE7}, {"aacute", 0xE1}, {"oacute", 0xF3}};
  std::string out;
  out.reserve(html.size() / 2);
  std::size_t i = 0;
  while (i < html.size()) {
    char c = html[i];
    if (c == '<') {
      if (html.compare(i, 4, "<!--") == 0) {
        std::size_t end = html.find("-->", i + 4);
        i = end == std::string_view::npos ? html.size() : end + 3;
        continue;
      }
      for (std::string_view skipped : {"script", "style", "noscript", "template"}) {
        if (iequals_prefix(html, i + 1, skipped)) {
          std::string closing = "</" + std::string(skipped);
          std::size_t end = i + 1;
          while ((end = html.find("</", end)) != std::string_view::npos && !iequals_prefix(html, end, closing)) end += 2;
          if (end == std::string_view::npos) { i = html.size(); break; }
          i = end;  // the closing tag is dropped below
          break;
        }
      }
      if (i >= html.size()) break;
      std::size_t end = html.find('>', i + 1);
      if (end == std::string_view::npos) break;
      bool block = false;
      for (std::string_view tag : {"p", "/p", "br", "div", "/div", "li", "h1", "h2", "h3", "h4", "tr", "blockquote", "/blockquote"})
        if (iequals_prefix(html, i + 1, tag) && i + 1 + tag.size() < html.size() &&
            !std::isalnum(static_cast<unsigned char>(html[i + 1 + tag.size()])))
          block = true;
      out.append(block ? "\n" : " ");
      i = end + 1;
      continue;
    }
    if (c == '&') {
      std::size_t end = html.find(';', i + 1);
      if (end != std::string_view::npos && end - i <= 10) {
        std::string_view name = html.substr(i + 1, end - i - 1);
        bool done = false;
        if (!name.empty() && name[0] == '#') {
          std::uint32_t value = 0;
          bool hex = name.size() > 1 && (name[1] == 'x' || name[1] == 'X');
          bool ok = name.size() > (hex ? 2u : 1u);
          for (std::size_t k = hex ? 2 : 1; k < name.size() && ok; ++k) {
            char d = name[k];
            if (std::isdigit(static_cast<unsigned char>(d))) value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(d - '0');
            else if (hex && std::isxdigit(static_cast<unsigned char>(d))) value = value * 16 + static_cast<std::uint32_t>(std::tolower(d) - 'a' + 10);
            else ok = false;
            if (value > 0x10FFFF) ok = false;
          }
          if (ok) { sdk::append_utf8(out, value); done = true; }
        } else {
          for (const auto& [entity, value] : entities)
            if (entity == name) { sdk::append_utf8(out, value); done = true; break; }
        }
        if (done) { i = end + 1; continue; }
      }
    }
    out.push_back(c);
    ++i;
  }
  return out;
}

std::vector<std::string> urls_in(std::string_view text) {
  std::vector<std::string> urls;
  std::size_t i = 0;
  while ((i = text.find("http", i)) != std::string_view::npos) {
    bool https = text.compare(i, 8, "https://") == 0;
    if (!https && text.compare(i, 7, "http://") != 0) { i += 4; continue; }
    std::size_t end = i;
    while (end < text.size() && !std::isspace(static_cast<unsigned char>(text[end])) && text[end] != '<' && text[end] != '>' &&
           text[end] != '"' && static_cast<unsigned char>(text[end]) < 0x80)
      ++end;
    while (end > i && (text[end - 1] == '.' || text[end - 1] == ',' || text[end - 1] == ';' || text[end - 1] == ')' || text[end - 1] == ']'))
      --end;
    if (end > i + (https ? 8 : 7)) urls.emplace_back(text.substr(i, end - i));
    i = end > i ? end : i + 4;
  }
  return urls;
}

}  // namespace marginalia::plugins::quotes
