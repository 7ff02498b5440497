// SPDX-License-Identifier: MIT
#include "writers/tei_writer.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <tuple>

#include "marginalia/sdk/text.hpp"
#include "util/sha256.hpp"
#include "util/xml_writer.hpp"
#include "util/code_point_index.hpp"
#include "writers/tei_structure.hpp"
#include "writers/tei_temporal.hpp"

namespace marginalia::writers {
namespace {

using sdk::BlockKind;
using sdk::Span;
using util::XmlWriter;
using Attributes = XmlWriter::Attributes;


// An inline element to place inside a block's text.
struct InlineItem {
  Span span;
  int priority;  // lower opens first when spans are equal
  std::string name;
  Attributes attributes;
  // A quote spoken by someone is wrapped in <said>; kept as a second element over the same span.
  std::string wrapper;
  Attributes wrapper_attributes;
};

std::string attribute_value(const std::vector<sdk::Attribute>& attributes, std::string_view name) {
  for (const sdk::Attribute& a : attributes)
    if (a.name == name) return a.value;
  return {};
}

bool digits(std::string_view s, std::size_t n) {
  if (s.size() != n) return false;
  for (char c : s) if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

bool valid_w3c_date(std::string_view v) {
  auto month_ok = [](std::string_view m) { return digits(m, 2) && m >= "01" && m <= "12"; };
  auto day_ok = [](std::string_view d) { return digits(d, 2) && d >= "01" && d <= "31"; };
  if (v.size() == 7 && v.substr(0, 2) == "--" && v[4] == '-') return month_ok(v.substr(2, 2)) && day_ok(v.substr(5, 2));
  if (v.size() == 4) return digits(v, 4);
  if (v.size() == 7) return digits(v.substr(0, 4), 4) && v[4] == '-' && month_ok(v.substr(5, 2));
  if (v.size() == 10) {
    if (!(digits(v.substr(0, 4), 4) && v[4] == '-' && month_ok(v.substr(5, 2)) && v[7] == '-' && day_ok(v.substr(8, 2)))) return false;
    int year = std::stoi(std::string(v.substr(0, 4))), month = std::stoi(std::string(v.substr(5, 2))), day = std::stoi(std::string(v.substr(8, 2)));
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return day <= days[month - 1] + (month == 2 && leap ? 1 : 0);
  }
  return false;
}

std::string ncname_fragment(std::string_view s) {
  std::string out;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(std::isalnum(u) || c == '-' || c == '_' || c == '.' ? c : '-');
  }
  return out;
}

std::string tei_pointer(std::string_view url) {
  // A ':' before the first '/', '?' or '#' makes what precedes it a scheme; when that cannot be a
  // scheme (":x", "a b:c", "1st:x") the ':' is data and is escaped, so the pointer stays a
  // relative reference instead of an invalid URI.
  std::size_t stop = url.find_first_of(":/?#");
  bool scheme = false;
  if (stop != std::string_view::npos && url[stop] == ':' && stop > 0 && std::isalpha(static_cast<unsigned char>(url[0]))) {
    scheme = true;
    for (std::size_t i = 1; i < stop; ++i) {
      unsigned char c = static_cast<unsigned char>(url[i]);
      scheme = scheme && (std::isalnum(c) || c == '+' || c == '-' || c == '.');
    }
  }
  // '[' and ']' belong only around an IPv6 literal host ("http://[::1]/"); anywhere else
  // ("www.[agency].gov") they are escaped.
  std::size_t literal_begin = std::string_view::npos, literal_end = std::string_view::npos;
  if (scheme && url.compare(stop, 3, "://") == 0 && stop + 3 < url.size() && url[stop + 3] == '[') {
    std::size_t close = url.find(']', stop + 4);
    bool ip = close != std::string_view::npos && close > stop + 4;
    for (std::size_t i = stop + 4; ip && i < close; ++i) {
      unsigned char c = static_cast<unsigned char>(url[i]);
      ip = std::isxdigit(c) || c == ':' || c == '.';
    }
    if (ip && (close + 1 == url.size() || std::string_view("/:?#").find(url[close + 1]) != std::string_view::npos)) {
      literal_begin = stop + 3;
      literal_end = close;
    }
  }
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (std::size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool keep = c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' && c != '`' &&
                c != '{' && c != '|' && c != '}';
    if (c == '%') keep = i + 2 < url.size() && std::isxdigit(static_cast<unsigned char>(url[i + 1])) &&
                         std::isxdigit(static_cast<unsigned char>(url[i + 2]));
    if (c == '#' && out.find('#') != std::string::npos) keep = false;  // a second '#' is not a URI
    if ((c == '[' || c == ']') && i != literal_begin && i != literal_end) keep = false;
    if (c == ':' && i == stop && !scheme) keep = false;
    if (keep) out.push_back(static_cast<char>(c));
    else { out.push_back('%'); out.push_back(hex[c >> 4]); out.push_back(hex[c & 15]); }
  }
  return out;
}

namespace {

class TeiBuilder {
 public:
  TeiBuilder(const merge::DocumentReport& report, const TeiOptions& options)
      : report_(report), options_(options), document_(report.loaded.document), text_(report.loaded.document.text),
        code_points_(report.loaded.document.text) {}

  std::string build() {
    assign_ids();
    collect_people();
    xml_.open("TEI", {{"xmlns", "http://www.tei-c.org/ns/1.0"}});
    header();
    body();
    standoff();
    xml_.close();
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + xml_.take() + "\n";
  }

 private:
  // ---- ids ----------------------------------------------------------------------------------
  void assign_ids() {
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) blocks_by_begin_.push_back({document_.blocks[i].span.begin, i});
    std::stable_sort(blocks_by_begin_.begin(), blocks_by_begin_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    int paragraph = 0;
    std::set<std::string> used;
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const sdk::Block& block = document_.blocks[i];
      std::string id;
      if (block.kind == BlockKind::note) {
        id = "fn-" + ncname_fragment(block.number.empty() ? std::to_string(i) : block.number);
        for (int n = 2; used.count(id); ++n) id = "fn-" + ncname_fragment(block.number) + "-" + std::to_string(n);
        if (!note_id_.count(block.number)) note_id_[block.number] = id;
      } else {
        id = "b" + std::to_string(++paragraph);
      }
      used.insert(id);
      block_ids_.push_back(id);
    }
    std::map<std::string, int> uses;
    std::set<std::string> used_refs;
    for (const sdk::NoteRef& ref : document_.note_refs) {
      int n = ++uses[ref.label];
      std::string base = "fnref-" + ncname_fragment(ref.label);
      std::string id = base + (n > 1 ? "-" + std::to_string(n) : "");
      // Labels that differ only in characters an id cannot hold ("†" and "‡") share a fragment.
      for (int m = n + 1; used_refs.count(id); ++m) id = base + "-" + std::to_string(m);
      used_refs.insert(id);
      ref_ids_.push_back(id);
      ref_ids_by_label_[ref.label].push_back(id);
    }
  }

  // Speakers: people go to <listPerson>, organisations to <listOrg> (a quote's "speaker-type");
  // a document quoted as a speaker is no one's <said>, its <quote> keeps the source instead.
  void collect_people() {
    for (const merge::PluginMark& entry : report_.marks) {
      std::string name = entry.mark.kind == sdk::MarkKind::quote ? attribute_value(entry.mark.attributes, "speaker")
                         : entry.mark.kind == sdk::MarkKind::person ? attribute_value(entry.mark.attributes, "name")
                                                                    : std::string();
      std::string type = entry.mark.kind == sdk::MarkKind::quote ? attribute_value(entry.mark.attributes, "speaker-type") : "person";
      if (name.empty() || person_id_.count(name) || type == "document") continue;
      bool organisation = type == "organisation";
      person_id_[name] = (organisation ? "org-" : "pers-") + ncname_fragment(name).substr(0, 40) + "-" + merge::content_hash(name).substr(0, 6);
      (organisation ? organisations_ : people_).push_back(name);
    }
  }

  // ---- header -------------------------------------------------------------------------------
  void header() {
    std::string title(document_.meta("title"));
    if (title.empty()) title = document_.path;
    std::string date(document_.meta("date"));
    std::string filename = document_.path.substr(document_.path.find_last_of('/') == std::string::npos ? 0 : document_.path.find_last_of('/') + 1);
    xml_.open("teiHeader");
    xml_.open("fileDesc");
    xml_.open("titleStmt");
    xml_.leaf("title", title, {{"type", "main"}});
    xml_.leaf("title", "Annotation layer written by marginalia", {{"type", "sub"}});
    xml_.close();
    xml_.open("publicationStmt");
    xml_.leaf("p", "Generated automatically from the source file named below; not published.");
    xml_.close();
    xml_.open("sourceDesc");
    xml_.open("bibl");
    xml_.leaf("title", title);
    if (valid_w3c_date(date)) xml_.leaf("date", date, {{"when", date}});
    xml_.leaf("idno", filename, {{"type", "filename"}});
    xml_.leaf("idno", util::sha256_hex(report_.loaded.source_map.source()), {{"type", "sha256"}});
    xml_.leaf("idno", document_.format, {{"type", "format"}});
    xml_.close();
    xml_.close();
    xml_.close();  // fileDesc
    xml_.open("encodingDesc");
    xml_.open("appInfo");
    application("marginalia", options_.tool_version, "marginalia", "reads the report and merges the plugins' findings", "");
    for (const merge::PluginStatus& plugin : report_.plugins)
      application(plugin.id, plugin.version.empty() ? "0" : plugin.version, plugin.id, plugin.summary,
                  plugin.status == host::RunStatus::ok ? "" : std::string(host::to_string(plugin.status)) + ": " + plugin.detail);
    xml_.close();
    xml_.open("classDecl");
    xml_.open("taxonomy", {{"xml:id", "severity"}});
    for (const char* severity : {"error", "warning", "note"}) {
      xml_.open("category", {{"xml:id", std::string("sev-") + severity}});
      xml_.leaf("catDesc", severity);
      xml_.close();
    }
    xml_.close();
    std::map<std::string, std::string> codes;
    for (const merge::ReportedFinding& f : report_.findings) codes.emplace(f.finding.code, "");
    if (!codes.empty()) {
      xml_.open("taxonomy", {{"xml:id", "codes"}});
      for (const auto& entry : codes) {
        xml_.open("category", {{"xml:id", code_id(entry.first)}});
        xml_.leaf("catDesc", entry.first);
        xml_.close();
      }
      xml_.close();
    }
    xml_.close();  // classDecl
    xml_.close();  // encodingDesc
    xml_.open("revisionDesc");
    xml_.leaf("change", report_.complete ? "complete: every plugin ran" : "incomplete: a plugin failed; see appInfo and the host annotations",
              {{"status", report_.complete ? "complete" : "incomplete"}});
    xml_.close();
    xml_.close();  // teiHeader
  }

  void application(const std::string& ident, const std::string& version, const std::string& label, const std::string& summary,
                   const std::string& failure) {
    std::string safe_version = version;
    bool ok = !safe_version.empty() && std::isdigit(static_cast<unsigned char>(safe_version[0]));
    for (char c : safe_version) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '.');
    xml_.open("application", {{"xml:id", "app-" + ncname_fragment(ident)}, {"ident", ncname_fragment(ident)}, {"version", ok ? safe_version : "0"}});
    xml_.leaf("label", label);
    if (!summary.empty()) xml_.leaf("desc", summary);
    if (!failure.empty()) xml_.leaf("desc", "failed (" + failure + "); its findings are missing", {{"type", "status"}});
    xml_.close();
  }

  static std::string code_id(const std::string& code) {
    std::string id = code;
    std::replace(id.begin(), id.end(), '/', '.');
    return "code-" + ncname_fragment(id);
  }

  // ---- body ---------------------------------------------------------------------------------
  void body() {
    xml_.open("text", {{"xml:id", "text"}});
    std::vector<BlockPlacement> placements = place_blocks(document_);
    bool has_front = std::any_of(placements.begin(), placements.end(), [](const BlockPlacement& p) { return p.front; });
    xml_.open(has_front ? "front" : "body");
    bool in_front = has_front;
    std::vector<int> open_levels;  // levels of open <div>s
    std::vector<StructureLevel> open_structures;  // open <sp>, <lg>, <opener>… outermost first
    bool list_open = false;
    auto close_list = [&] { if (list_open) { xml_.close(); list_open = false; } };
    auto close_structures = [&](std::size_t keep) {
      while (open_structures.size() > keep) { xml_.close(); open_structures.pop_back(); }
    };
    auto open_div = [&](int level, const std::string& number) {
      Attributes attributes{{"type", "section"}};
      if (!number.empty()) attributes.push_back({"n", number});
      xml_.open("div", attributes);
      open_levels.push_back(level);
    };
    // TEI lets a div open with heads, datelines and openers (divTop) and close with datelines and
    // closers (divBottom), never put them between paragraphs: a title, dateline or opener met
    // after the div's running text starts a new div at the same level, and so does running
    // text after a closer.
    bool div_has_text = false;
    bool div_closed = false;
    auto next_body_block = [&](std::size_t i) -> const sdk::Block* {
      for (std::size_t j = i + 1; j < document_.blocks.size(); ++j)
        if (document_.blocks[j].kind != BlockKind::note) return &document_.blocks[j];
      return nullptr;
    };
    auto restart_div = [&] {
      int level = open_levels.empty() ? 1 : open_levels.back();
      if (!open_levels.empty()) { xml_.close(); open_levels.pop_back(); }
      open_div(level, "");
      div_has_text = div_closed = false;
    };
    auto ensure_div = [&] {
      if (open_levels.empty()) { open_div(1, ""); div_has_text = div_closed = false; }
    };
    auto running_text = [&] {
      ensure_div();
      if (div_closed) restart_div();
      div_has_text = true;
    };
    bool any_body = false;
    std::size_t demoted_closer = std::string::npos;
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const sdk::Block& block = document_.blocks[i];
      if (block.kind == BlockKind::note) continue;
      BlockPlacement placement = placements[i];
      // A closer ends a div's running text: in a div with none yet it would be invalid, so its
      // blocks are written as paragraphs there.
      std::size_t closer = !placement.path.empty() && placement.path.front().name == "closer" ? placement.path.front().element
                           : placement.element == "closer"                                       ? i + document_.elements.size()
                                                                                                 : std::string::npos;
      bool closer_open = !open_structures.empty() && open_structures.front().element == closer && closer < document_.elements.size();
      bool in_fresh_div = open_levels.empty() || !div_has_text || (in_front && !placement.front);
      if (closer != std::string::npos && (closer == demoted_closer || (!closer_open && in_fresh_div))) {
        demoted_closer = closer;
        placement.path.clear();
        placement.element.clear();
      }
      if (in_front && !placement.front) {
        close_list();
        close_structures(0);
        while (!open_levels.empty()) { xml_.close(); open_levels.pop_back(); }
        xml_.close();  // front
        xml_.open("body");
        in_front = false;
      }
      if (!in_front) any_body = true;
      // Keep the structures this block shares with the previous one, close the rest.
      std::size_t shared = 0;
      while (shared < open_structures.size() && shared < placement.path.size() &&
             open_structures[shared].element == placement.path[shared].element)
        ++shared;
      close_structures(shared);
      if (!placement.path.empty() || !placement.element.empty()) {
        close_list();
        std::string_view top = placement.path.empty() ? std::string_view(placement.element) : std::string_view(placement.path.front().name);
        if (shared == 0) {
          if (top == "titlePage") {
            while (!open_levels.empty()) { xml_.close(); open_levels.pop_back(); }  // a titlePage stands between divs
          } else if (top == "opener") {
            ensure_div();
            if (div_has_text) restart_div();
          } else if (top == "closer") {
            ensure_div();
            div_has_text = div_closed = true;
          } else {
            running_text();
          }
        }
        for (std::size_t level = shared; level < placement.path.size(); ++level) {
          xml_.open(placement.path[level].name);
          open_structures.push_back(placement.path[level]);
        }
        if (!placement.element.empty()) {
          write_block(placement.element.c_str(), i, {});
          continue;
        }
        // A title or dateline with no element of its own has left every structure (resolve).
      }
      if (block.kind == BlockKind::heading) {
        close_list();
        int level = std::max(1, block.level);
        while (!open_levels.empty() && open_levels.back() >= level) { xml_.close(); open_levels.pop_back(); }
        open_div(level, block.number);
        div_has_text = div_closed = false;
        write_block("head", i, {});
        continue;
      }
      ensure_div();
      if (block.kind == BlockKind::title || block.kind == BlockKind::dateline) {
        close_list();
        const sdk::Block* next = next_body_block(i);
        bool more_text = next && next->kind != BlockKind::heading;
        if (div_has_text && (block.kind == BlockKind::title || more_text)) restart_div();
        if (block.kind == BlockKind::title) write_block("head", i, {{"type", "main"}});
        else write_block("dateline", i, {});
        continue;
      }
      running_text();
      if (block.kind == BlockKind::list_item) {
        if (!list_open) { xml_.open("list"); list_open = true; }
        Attributes attributes;
        if (!block.number.empty()) attributes.push_back({"n", block.number});
        write_block("item", i, attributes);
        continue;
      }
      close_list();
      switch (block.kind) {
        case BlockKind::block_quote:
          xml_.open("quote", {{"type", "block"}});
          write_block("p", i, {});
          xml_.close();
          break;
        case BlockKind::metadata: write_block("p", i, {{"rend", "metadata"}}); break;
        default: write_block("p", i, {}); break;
      }
    }
    close_list();
    close_structures(0);
    if (in_front) {
      while (!open_levels.empty()) { xml_.close(); open_levels.pop_back(); }
      xml_.close();  // front
      xml_.open("body");
    }
    if (!any_body) {
      open_div(1, "");
      xml_.leaf("p", "");
    }
    while (!open_levels.empty()) { xml_.close(); open_levels.pop_back(); }
    xml_.close();  // body
    bool has_notes = std::any_of(document_.blocks.begin(), document_.blocks.end(), [](const sdk::Block& b) { return b.kind == BlockKind::note; });
    if (has_notes) {
      xml_.open("back");
      xml_.open("div", {{"type", "notes"}});
      for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
        const sdk::Block& block = document_.blocks[i];
        if (block.kind != BlockKind::note) continue;
        Attributes attributes{{"place", "foot"}};
        if (!block.number.empty()) attributes.push_back({"n", block.number});
        auto refs = ref_ids_by_label_.find(block.number);
        if (refs != ref_ids_by_label_.end() && note_id_[block.number] == block_ids_[i]) {
          std::string targets;
          for (const std::string& id : refs->second) targets += (targets.empty() ? "#" : " #") + id;
          attributes.push_back({"target", targets});
        }
        write_block("note", i, attributes);
      }
      xml_.close();
      xml_.close();
    }
    xml_.close();  // text
  }

  // The first index of `items` (sorted by span begin) whose span begins at or after `offset`:
  // each block looks only at its own items, never at the whole document's.
  template <class Items, class Begin>
  static std::size_t first_from(const Items& items, std::uint32_t offset, Begin begin_of) {
    std::size_t low = 0, high = items.size();
    while (low < high) {
      std::size_t mid = (low + high) / 2;
      if (begin_of(items[mid]) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  std::vector<InlineItem> inline_items(Span block) {
    std::vector<InlineItem> items;
    auto span_begin = [](const auto& item) { return item.span.begin; };
    auto mark_begin = [](const merge::PluginMark& entry) { return entry.mark.span.begin; };
    for (std::size_t r = first_from(document_.note_refs, block.begin, span_begin);
         r < document_.note_refs.size() && document_.note_refs[r].span.begin <= block.end; ++r) {
      const sdk::NoteRef& ref = document_.note_refs[r];
      if (!block.contains(ref.span) || ref.span.empty()) continue;
      Attributes attributes{{"xml:id", ref_ids_[r]}, {"type", "noteAnchor"}, {"n", ref.label}};
      auto note = note_id_.find(ref.label);
      if (note != note_id_.end()) attributes.push_back({"target", "#" + note->second});
      items.push_back({ref.span, 5, "ref", attributes, {}, {}});
    }
    std::size_t first_mark = first_from(report_.marks, block.begin, mark_begin);
    std::size_t end_mark = first_mark;
    while (end_mark < report_.marks.size() && report_.marks[end_mark].mark.span.begin <= block.end) ++end_mark;
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> url_status;
    for (std::size_t m = first_mark; m < end_mark; ++m) {
      const merge::PluginMark& entry = report_.marks[m];
      if (entry.mark.kind == sdk::MarkKind::url) url_status[{entry.mark.span.begin, entry.mark.span.end}] = attribute_value(entry.mark.attributes, "status");
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> linked;
    for (std::size_t l = first_from(document_.links, block.begin, span_begin);
         l < document_.links.size() && document_.links[l].span.begin <= block.end; ++l) {
      const sdk::Link& link = document_.links[l];
      if (!block.contains(link.span) || link.span.empty()) continue;
      Attributes attributes;
      std::string pointer = tei_pointer(link.target);
      if (!pointer.empty()) attributes.push_back({"target", pointer});
      auto status = url_status.find({link.span.begin, link.span.end});
      if (status != url_status.end() && !status->second.empty()) {
        attributes.push_back({"type", "url"});
        attributes.push_back({"subtype", ncname_fragment(status->second)});
      }
      linked.insert({link.span.begin, link.span.end});
      items.push_back({link.span, 4, "ref", attributes, {}, {}});
    }
    for (std::size_t m = first_mark; m < end_mark; ++m) {
      const sdk::Mark& mark = report_.marks[m].mark;
      if (!block.contains(mark.span) || mark.span.empty()) continue;
      switch (mark.kind) {
        case sdk::MarkKind::date: {
          TemporalElement element = temporal_element(mark.attributes);
          items.push_back({mark.span, 3, element.name, element.attributes, {}, {}});
          break;
        }
        case sdk::MarkKind::quote: {
          std::string kind = attribute_value(mark.attributes, "kind");
          std::string speaker = attribute_value(mark.attributes, "speaker");
          std::string cite = attribute_value(mark.attributes, "cite");
          if (kind == "scare") { items.push_back({mark.span, 2, "soCalled", {}, {}, {}}); break; }
          if (kind == "title") { items.push_back({mark.span, 2, "title", {}, {}, {}}); break; }
          Attributes attributes;
          if (!cite.empty()) {
            auto note = note_id_.find(cite);
            if (note != note_id_.end()) attributes.push_back({"source", "#" + note->second});
            else if (std::string pointer = tei_pointer(cite); pointer.rfind("http", 0) == 0) attributes.push_back({"source", pointer});
          }
          InlineItem item{mark.span, 2, "quote", attributes, {}, {}};
          if (!speaker.empty() && person_id_.count(speaker)) {
            item.wrapper = "said";
            item.wrapper_attributes = {{"who", "#" + person_id_[speaker]}, {"direct", "true"}};
          }
          items.push_back(std::move(item));
          break;
        }
        case sdk::MarkKind::person: {
          std::string name = attribute_value(mark.attributes, "name");
          Attributes attributes;
          if (person_id_.count(name)) attributes.push_back({"ref", "#" + person_id_[name]});
          items.push_back({mark.span, 6, "persName", attributes, {}, {}});
          break;
        }
        case sdk::MarkKind::url: {
          if (linked.count({mark.span.begin, mark.span.end})) break;  // already a link from the reader
          Attributes attributes;
          std::string pointer = tei_pointer(attribute_value(mark.attributes, "target"));
          if (!pointer.empty()) attributes.push_back({"target", pointer});
          attributes.push_back({"type", "url"});
          std::string status = attribute_value(mark.attributes, "status");
          if (!status.empty()) attributes.push_back({"subtype", ncname_fragment(status)});
          items.push_back({mark.span, 4, "ref", attributes, {}, {}});
          break;
        }
        case sdk::MarkKind::note_ref:
          break;  // the reader's markers are authoritative
      }
    }
    add_code_items(block, items);
    std::stable_sort(items.begin(), items.end(), [](const InlineItem& a, const InlineItem& b) {
      return std::make_tuple(a.span.begin, b.span.end, a.priority) < std::make_tuple(b.span.begin, a.span.end, b.priority);
    });
    return items;
  }

  // Inline code as TEI `<code>`, which holds text only: it is written innermost, and left out
  // where another item (a link, a marker) lies inside it or crosses it.
  void add_code_items(Span block, std::vector<InlineItem>& items) {
    auto span_begin = [](const auto& item) { return item.span.begin; };
    std::size_t others = items.size();
    for (std::size_t e = first_from(document_.elements, block.begin, span_begin);
         e < document_.elements.size() && document_.elements[e].span.begin <= block.end; ++e) {
      const sdk::Element& element = document_.elements[e];
      if (element.name != "code" || element.span.empty() || !block.contains(element.span)) continue;
      bool blocked = false;
      for (std::size_t i = 0; i < others && !blocked; ++i)
        blocked = items[i].span.overlaps(element.span) && !items[i].span.contains(element.span);
      if (!blocked) items.push_back({element.span, 7, "code", {}, {}, {}});
    }
  }

  // Elements that may not contain others in TEI: a <ref> noteAnchor or a <date> inside <ref>.
  static bool can_contain(const std::string& outer, const std::string& inner) {
    if (outer == "code") return false;  // text only
    if (outer == "ref") return inner != "ref" && inner != "quote" && inner != "said";
    // A range's <date from to> holds the <date>s of its two ends.
    if (outer == "date" || outer == "time") return inner == "ref" || inner == "persName" || inner == "date" || inner == "time";
    if (outer == "persName") return inner == "ref" || inner == "date" || inner == "time";
    if (outer == "title" || outer == "soCalled") return inner != "said" && inner != "quote";
    return true;
  }

  void write_block(const char* element, std::size_t index, Attributes attributes) {
    const sdk::Block& block = document_.blocks[index];
    attributes.insert(attributes.begin(), {"xml:id", block_ids_[index]});
    xml_.open(element, attributes);
    std::vector<InlineItem> items = inline_items(block.span);
    struct OpenItem { std::uint32_t end; int depth; std::string name; };
    std::vector<OpenItem> open;
    std::uint32_t cursor = block.span.begin;
    auto text_to = [&](std::uint32_t to) {
      if (to > cursor) { xml_.text(std::string_view(text_).substr(cursor, to - cursor)); cursor = to; }
    };
    auto close_until = [&](std::uint32_t position) {
      while (!open.empty() && open.back().end <= position) {
        text_to(open.back().end);
        for (int d = 0; d < open.back().depth; ++d) xml_.close();
        open.pop_back();
      }
    };
    for (const InlineItem& item : items) {
      close_until(item.span.begin);
      // Skip items that cross an open element's end or that the open element may not contain.
      if (!open.empty() && (item.span.end > open.back().end || !can_contain(open.back().name, item.wrapper.empty() ? item.name : item.wrapper)))
        continue;
      text_to(item.span.begin);
      int depth = 0;
      if (!item.wrapper.empty()) { xml_.open_inline(item.wrapper, item.wrapper_attributes); ++depth; }
      xml_.open_inline(item.name, item.attributes);
      ++depth;
      open.push_back({item.span.end, depth, item.name});
    }
    close_until(block.span.end);
    text_to(block.span.end);
    xml_.close();
  }

  // ---- standOff -----------------------------------------------------------------------------
  // A pointer to `span`: a string-range within one block, or a range between two blocks.
  std::string pointer(Span span) const {
    if (document_.blocks.empty()) return "#text";
    // Blocks by start offset, searched by bisection: findings × blocks would be quadratic.
    auto block_of = [&](std::uint32_t offset, bool end) -> std::size_t {
      auto after = std::upper_bound(blocks_by_begin_.begin(), blocks_by_begin_.end(), offset,
                                    [](std::uint32_t value, const std::pair<std::uint32_t, std::size_t>& entry) { return value < entry.first; });
      if (after != blocks_by_begin_.begin()) {
        std::size_t candidate = (after - 1)->second;
        const sdk::Block& b = document_.blocks[candidate];
        if (offset < b.span.end || (end && offset == b.span.end) || b.span.empty()) return candidate;
        // An end offset just at a block start belongs to the previous block.
      }
      if (end && after != blocks_by_begin_.begin() && after - 1 != blocks_by_begin_.begin()) {
        std::size_t previous = (after - 2)->second;
        if (document_.blocks[previous].span.end == offset) return previous;
      }
      if (after != blocks_by_begin_.end()) return after->second;  // in a gap: the next block
      return blocks_by_begin_.back().second;
    };
    std::size_t first = block_of(span.begin, false);
    std::size_t last = span.empty() ? first : block_of(span.end, true);
    const sdk::Block& a = document_.blocks[first];
    const sdk::Block& b = document_.blocks[last];
    std::uint32_t begin = std::clamp(span.begin, a.span.begin, a.span.end);
    std::uint32_t end = std::clamp(span.end, b.span.begin, b.span.end);
    std::uint32_t start_cp = code_points_.between(text_, a.span.begin, begin);
    if (first == last) {
      std::uint32_t length = end > begin ? code_points_.between(text_, begin, end) : 0;
      if (length == 0) return "#string-index(" + block_ids_[first] + "," + std::to_string(start_cp) + ")";
      return "#string-range(" + block_ids_[first] + "," + std::to_string(start_cp) + "," + std::to_string(length) + ")";
    }
    return "#range(string-index(" + block_ids_[first] + "," + std::to_string(start_cp) + "),string-index(" + block_ids_[last] + "," +
           std::to_string(code_points_.between(text_, b.span.begin, end)) + "))";
  }

  void standoff() {
    if (people_.empty() && organisations_.empty() && report_.findings.empty()) return;
    xml_.open("standOff");
    if (!organisations_.empty()) {
      xml_.open("listOrg");
      for (const std::string& name : organisations_) {
        xml_.open("org", {{"xml:id", person_id_[name]}});
        xml_.leaf("orgName", name);
        xml_.close();
      }
      xml_.close();
    }
    if (!people_.empty()) {
      xml_.open("listPerson");
      for (const std::string& name : people_) {
        xml_.open("person", {{"xml:id", person_id_[name]}});
        xml_.leaf("persName", name);
        xml_.close();
      }
      xml_.close();
    }
    if (!report_.findings.empty()) {
      xml_.open("listAnnotation");
      for (const merge::ReportedFinding& reported : report_.findings) {
        const sdk::Finding& f = reported.finding;
        bool file_level = reported.plugin == "host" && f.span.empty() && f.span.begin == 0;
        std::string resp = reported.plugin == "host" || reported.plugin == "reader" ? "#app-marginalia" : "#app-" + ncname_fragment(reported.plugin);
        xml_.open("annotation", {{"xml:id", reported.id},
                                 {"target", file_level ? "#text" : pointer(f.span)},
                                 {"motivation", f.severity == sdk::Severity::note ? "commenting" : "assessing"},
                                 {"resp", resp},
                                 {"ana", std::string("#sev-") + sdk::to_string(f.severity) + " #" + code_id(f.code)}});
        xml_.leaf("note", f.message, {{"type", "message"}});
        xml_.leaf("note", sdk::to_string(f.severity), {{"type", "severity"}});
        xml_.leaf("note", f.code, {{"type", "code"}});
        xml_.leaf("note", std::to_string(reported.begin.line) + ":" + std::to_string(reported.begin.column), {{"type", "position"}});
        if (f.replacement) xml_.leaf("note", *f.replacement, {{"type", "replacement"}});
        for (const sdk::Related& related : f.related) {
          xml_.leaf("note", related.message, {{"type", "related"}});
          xml_.empty("ptr", {{"type", "related"}, {"target", pointer(related.span)}});
        }
        xml_.close();
      }
      xml_.close();
    }
    xml_.close();
  }

  const merge::DocumentReport& report_;
  const TeiOptions& options_;
  const sdk::Document& document_;
  const std::string& text_;
  util::CodePointIndex code_points_;
  XmlWriter xml_;
  std::vector<std::string> block_ids_;
  std::vector<std::pair<std::uint32_t, std::size_t>> blocks_by_begin_;
  std::vector<std::string> ref_ids_;
  std::map<std::string, std::vector<std::string>> ref_ids_by_label_;
  std::map<std::string, std::string> note_id_;
  std::map<std::string, std::string> person_id_;
  std::vector<std::string> people_;
  std::vector<std::string> organisations_;
};

}  // namespace

std::string write_tei(const merge::DocumentReport& report, const TeiOptions& options) {
  return TeiBuilder(report, options).build();
}

}  // namespace marginalia::writers
