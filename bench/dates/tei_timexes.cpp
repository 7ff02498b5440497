// SPDX-License-Identifier: MIT
#include "tei_timexes.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "timeml_from_tei.hpp"
#include "timex_type_name.hpp"

namespace marginalia::bench::meantime {
namespace {

using plugins::dates::TimexReading;
using plugins::dates::type_name;

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool is_temporal(const pugi::xml_node& node) {
  return node.type() == pugi::node_element && (std::string_view(node.name()) == "date" || std::string_view(node.name()) == "time");
}

bool holds_temporal(const pugi::xml_node& node) {
  for (pugi::xml_node child : node.children())
    if (is_temporal(child) || (child.type() == pugi::node_element && holds_temporal(child))) return true;
  return false;
}

// The TEI text is the source text with other whitespace between blocks: elements are placed
// by counting the non-space bytes before them.
struct Walk {
  std::uint32_t visible = 0;
  struct Element { std::uint32_t first, end; std::string name; std::vector<sdk::Attribute> attributes; };
  std::vector<Element> elements;
  void run(const pugi::xml_node& node) {
    for (pugi::xml_node child : node.children()) {
      if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
        for (const char* c = child.value(); *c; ++c) visible += !is_space(*c);
        continue;
      }
      if (child.type() != pugi::node_element) continue;
      std::uint32_t first = visible;
      run(child);
      // A range with a duration ("from 2009 to 2011", @dur-iso) is a TimeML DURATION beside
      // the dates of its ends, as MEANTIME tags it; other ranges count as their ends only.
      bool duration = is_temporal(child) && child.attribute("dur-iso");
      if (is_temporal(child) && (duration || !holds_temporal(child))) {
        Element e{first, visible, child.name(), {}};
        for (pugi::xml_attribute a : child.attributes()) e.attributes.push_back({a.name(), a.value()});
        elements.push_back(std::move(e));
      }
    }
  }
};

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

bool run_marginalia_tei(const std::string& binary, const std::string& folder, const std::string& text,
                        const std::string& document_date, std::string& tei, std::string& error) {
  std::string input = folder + "/article.txt", output = folder + "/article.xml";
  { std::ofstream(input, std::ios::binary) << text; }
  std::remove(output.c_str());
  // Only the dates plugin: the others add no <date> and cost time.
  std::string command = quoted(binary) + " check " + quoted(input) + " --format tei -o " + quoted(output) +
                        " --offline --exit-zero --quiet --disable quotes --disable footnotes --disable urls";
  if (!document_date.empty()) command += " --document-date " + quoted(document_date);
  command += " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) { error = "marginalia failed: " + command; return false; }
  std::ifstream in(output, std::ios::binary);
  if (!in) { error = "no TEI written: " + command; return false; }
  std::stringstream buffer;
  buffer << in.rdbuf();
  tei = buffer.str();
  return true;
}

bool timexes_from_tei(const std::string& tei, const std::string& source, std::vector<Timex>& out, std::string& error) {
  pugi::xml_document xml;
  if (!xml.load_string(tei.c_str())) { error = "the TEI does not parse"; return false; }
  pugi::xml_node text = xml.child("TEI").child("text");
  Walk walk;
  walk.run(text);
  std::vector<std::uint32_t> offsets;  // byte offset of each non-space byte of the source
  for (std::uint32_t i = 0; i < source.size(); ++i)
    if (!is_space(source[i])) offsets.push_back(i);
  if (offsets.size() != walk.visible) {
    error = "the TEI text has " + std::to_string(walk.visible) + " non-space bytes, the source " + std::to_string(offsets.size());
    return false;
  }
  for (const Walk::Element& e : walk.elements) {
    if (e.end <= e.first) continue;
    TimexReading reading;
    if (!plugins::dates::timeml_from_tei(e.name, e.attributes, reading)) continue;
    std::uint32_t begin = offsets[e.first], end = offsets[e.end - 1] + 1;
    out.push_back({begin, end, type_name(reading.type), reading.value, source.substr(begin, end - begin)});
  }
  return true;
}

}  // namespace marginalia::bench::meantime
