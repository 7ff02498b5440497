// SPDX-License-Identifier: MIT
#include "lsp/document_uri.hpp"

namespace marginalia::lsp {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string percent_decode(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::string lower(std::string text) {
  for (char& c : text)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return text;
}

}  // namespace

std::string path_from_uri(const std::string& uri) {
  if (lower(uri.substr(0, 7)) == "file://") {
    std::string rest = uri.substr(7);
    // file://host/path: a host other than localhost cannot be read here; keep the path.
    std::size_t slash = rest.find('/');
    rest = slash == std::string::npos ? "/" : rest.substr(slash);
    std::size_t query = rest.find_first_of("?#");
    return percent_decode(rest.substr(0, query));
  }
  std::size_t cut = uri.find_last_of("/:");
  std::string name = percent_decode(cut == std::string::npos ? uri : uri.substr(cut + 1));
  return name.empty() ? "untitled" : name;
}

std::string format_for(const std::string& language_id, const std::string& path) {
  std::string id = lower(language_id);
  if (id == "markdown" || id == "md") return "markdown";
  if (id == "plaintext" || id == "text" || id == "txt") return "text";
  if (id == "html") return "html";
  if (id == "tei") return "tei";
  std::size_t dot = path.find_last_of("./");
  std::string ext = dot == std::string::npos || path[dot] != '.' ? std::string() : lower(path.substr(dot + 1));
  if (id == "xml" || id == "nxml") return ext == "xml" || ext == "tei" ? "tei" : "";  // nxml: Emacs eglot
  if (!id.empty() && id != "unknown") return "";  // another language (JSON, C++…): not a report
  if (ext == "md" || ext == "markdown") return "markdown";
  if (ext == "txt" || ext == "text") return "text";
  if (ext == "html" || ext == "htm") return "html";
  if (ext == "xml" || ext == "tei") return "tei";
  return "";
}

}  // namespace marginalia::lsp
