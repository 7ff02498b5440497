// SPDX-License-Identifier: MIT
#include "source_library.hpp"

#include <cctype>
#include <filesystem>

#include "input/beneath_file.hpp"
#include "input/html_text.hpp"

namespace marginalia::plugins::quotes {
namespace {

namespace fs = std::filesystem;

bool is_html(const std::string& name) {
  std::string ext = fs::path(name).extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

}  // namespace

SourceLibrary::SourceLibrary(std::string folder) : folder_(std::move(folder)) {
  if (folder_.empty()) return;
  input::SourcesIndex index = input::read_sources_index(folder_);
  index_ = std::move(index.entries);
  problems_ = std::move(index.problems);
}

bool SourceLibrary::load(const input::SourceEntry& entry, SourceText& out) const {
  input::BeneathFile file = input::read_beneath(folder_, entry.file, input::max_source_file_bytes);
  if (file.status != input::BeneathStatus::ok) {
    if (file.status != input::BeneathStatus::missing) problems_.push_back(entry.file + " " + input::describe(file.status));
    return false;
  }
  out.text = input::file_to_text(file.bytes, is_html(entry.file), entry.charset);
  out.origin = entry.file;  // as named in the sources folder: messages do not depend on where it is
  return true;
}

bool SourceLibrary::for_label(const std::string& label, SourceText& out) const {
  if (folder_.empty() || label.empty() || label.find('/') != std::string::npos || label.find("..") != std::string::npos) return false;
  auto mapped = index_.find(label);
  if (mapped != index_.end()) return load(mapped->second, out);
  for (const char* ext : {".txt", ".md", ".html", ".htm"})
    if (load({label + ext, {}}, out)) return true;
  return false;
}

bool SourceLibrary::for_url(const std::string& url, SourceText& out) const {
  if (folder_.empty() || url.empty()) return false;
  auto mapped = index_.find(url);
  if (mapped != index_.end()) return load(mapped->second, out);
  std::string name = file_name_for_url(url);
  if (name.empty()) return false;
  for (const char* ext : {".txt", ".md", ".html", ".htm"})
    if (load({name + ext, {}}, out)) return true;
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
