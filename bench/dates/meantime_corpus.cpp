// SPDX-License-Identifier: MIT
#include "meantime_corpus.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <climits>
#include <filesystem>
#include <map>

namespace marginalia::bench::meantime {

int Article::sentence_of(std::uint32_t at) const {
  auto after = std::upper_bound(sentence_begins.begin(), sentence_begins.end(), at);
  return static_cast<int>(after - sentence_begins.begin()) - 1;
}

bool load_article(const std::string& path, Article& out, std::string& error) {
  pugi::xml_document xml;
  if (!xml.load_file(path.c_str())) { error = "cannot parse " + path; return false; }
  pugi::xml_node root = xml.child("Document");
  if (!root) { error = path + " has no <Document>"; return false; }
  out = Article{};
  out.name = std::filesystem::path(path).filename().string().substr(0, 40);
  struct Place { std::uint32_t begin, end; };
  std::map<std::string, Place> places;
  int sentence = -1;
  for (pugi::xml_node token : root.children("token")) {
    int s = token.attribute("sentence").as_int();
    if (s != sentence) {
      // A blank line between sentences keeps each one its own block for the plain-text reader,
      // as MEANTIME's sentence ids do (title and dateline included).
      if (!out.text.empty()) out.text += "\n\n";
      sentence = s;
      while (static_cast<int>(out.sentence_begins.size()) <= s) out.sentence_begins.push_back(static_cast<std::uint32_t>(out.text.size()));
    } else {
      out.text += " ";
    }
    std::uint32_t begin = static_cast<std::uint32_t>(out.text.size());
    out.text += token.child_value();
    places[token.attribute("t_id").value()] = {begin, static_cast<std::uint32_t>(out.text.size())};
  }
  out.text += "\n";
  for (pugi::xml_node timex : root.child("Markables").children("TIMEX3")) {
    std::uint32_t begin = UINT32_MAX, end = 0;
    for (pugi::xml_node anchor : timex.children("token_anchor")) {
      auto place = places.find(anchor.attribute("t_id").value());
      if (place == places.end()) continue;
      begin = std::min(begin, place->second.begin);
      end = std::max(end, place->second.end);
    }
    std::string value = timex.attribute("value").value();
    if (std::string(timex.attribute("functionInDocument").value()) == "CREATION_TIME") {
      if (value == "03-02-2009") value = "2009-02-03";  // malformed gold DCT; its dateline reads February 03, 2009
      out.dct = value;
      if (end > 0) out.dct_spans.push_back({begin, end});
      continue;
    }
    if (end == 0) continue;  // an implicit timex with no tokens
    out.gold.push_back({begin, end, timex.attribute("type").value(), value, out.text.substr(begin, end - begin)});
  }
  return true;
}

}  // namespace marginalia::bench::meantime
