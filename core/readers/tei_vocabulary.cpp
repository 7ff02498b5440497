// SPDX-License-Identifier: MIT
#include "readers/tei_vocabulary.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace marginalia::readers::tei {
namespace {

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool is_division(std::string_view name, int& level) {
  level = 0;
  if (name == "div") return true;
  if (name.size() == 4 && name.compare(0, 3, "div") == 0 && name[3] >= '1' && name[3] <= '7') {
    level = name[3] - '0';
    return true;
  }
  return false;
}

bool is_container(std::string_view name) {
  int level;
  return is_division(name, level) ||
         one_of(name, {"TEI", "teiCorpus", "text", "front", "body", "back", "group", "list", "listBibl", "table", "row",
                       "lg", "sp", "spGrp", "figure", "titlePage", "docTitle", "epigraph", "floatingText", "argument",
                       "postscript", "castList", "castGroup", "noteGrp", "listNote", "address", "listPerson", "listPlace",
                       "listOrg", "listEvent", "person", "place", "org", "event", "entry", "superEntry", "div0"});
}

bool is_skipped(std::string_view name) {
  return one_of(name, {"teiHeader", "facsimile", "sourceDoc", "standOff", "fw", "del", "surplus", "graphic", "binaryObject",
                       "media", "interpGrp", "interp", "linkGrp", "link", "join", "joinGrp", "spanGrp", "span", "alt",
                       "altGrp", "witDetail", "rdg", "rdgGrp", "gap", "certainty", "precision", "respons", "index",
                       "metamark", "damageSpan", "delSpan", "addSpan", "handShift", "timeline", "when", "fsdDecl", "fs",
                       "f", "vColl", "vAlt"});
}

bool is_kept_element(std::string_view name) {
  return one_of(name, {"date", "time", "quote", "q", "said", "cit", "persName", "placeName", "orgName", "name", "title",
                       "ref", "ptr", "num", "foreign", "soCalled", "bibl", "rs"}) ||
         is_code_element(name);
}

bool is_code_element(std::string_view name) { return one_of(name, {"code", "ident", "gi", "att", "tag", "val"}); }

bool is_structure_element(std::string_view name) {
  return one_of(name, {"front", "titlePage", "docTitle", "titlePart", "byline", "docAuthor", "docImprint", "docEdition", "docDate",
                       "opener", "closer", "salute", "signed", "dateline", "sp", "speaker", "stage", "lg", "l"});
}

bool block_kind(std::string_view name, sdk::BlockKind& kind) {
  using sdk::BlockKind;
  if (one_of(name, {"p", "ab", "l", "byline", "docImprint", "docAuthor", "docEdition", "closer", "opener", "salute",
                    "signed", "trailer", "speaker", "cell", "figDesc", "stage", "addrLine", "u", "castItem", "def",
                    "form", "sense", "dictScrap"})) {
    kind = BlockKind::paragraph;
    return true;
  }
  if (name == "item") { kind = BlockKind::list_item; return true; }
  if (name == "titlePart") { kind = BlockKind::title; return true; }
  if (name == "dateline") { kind = BlockKind::dateline; return true; }
  return false;
}

bool has_direct_text(const pugi::xml_node& node) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
    for (const char* c = child.value(); *c; ++c)
      if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r') return true;
  }
  return false;
}

bool is_web_uri(std::string_view uri) {
  auto starts = [&](const char* prefix) {
    std::size_t n = std::strlen(prefix);
    if (uri.size() <= n) return false;
    for (std::size_t i = 0; i < n; ++i)
      if (std::tolower(static_cast<unsigned char>(uri[i])) != prefix[i]) return false;
    return true;
  };
  return starts("http://") || starts("https://");
}

}  // namespace marginalia::readers::tei
