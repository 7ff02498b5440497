// SPDX-License-Identifier: MIT
#include "writers/docx_part_editor.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

namespace marginalia::writers::docx {
namespace {

using NodeKey = const void*;

NodeKey key_of(const pugi::xml_node& node) { return node.internal_object(); }

std::string_view local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

bool blank(const pugi::xml_node& node) {
  if (node.type() != pugi::node_pcdata) return false;
  std::string_view value = node.value();
  return value.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The text node of a w:t (its first character data), which the reader measured.
pugi::xml_node text_node(const pugi::xml_node& element) {
  for (pugi::xml_node child = element.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) return child;
  return {};
}

std::uint32_t text_length(const pugi::xml_node& element) {
  pugi::xml_node text = text_node(element);
  return text ? static_cast<std::uint32_t>(std::string_view(text.value()).size()) : 0;
}

// A boundary between pieces of run content: before or after `node` (a w:t segment, a tab, a note
// reference…), or the end of an empty paragraph.
struct Edge {
  pugi::xml_node node;
  bool after = false;
  bool paragraph = false;
  /// The node is not run content (math, an unusual container): place beside it, never split.
  bool whole = false;
};

// Where to insert: before `before` in `parent`, or at the end of `parent` when `before` is null.
struct Slot {
  pugi::xml_node parent, before;
  bool operator<(const Slot& other) const {
    return std::make_pair(key_of(parent), key_of(before)) < std::make_pair(key_of(other.parent), key_of(other.before));
  }
};

class Annotation {
 public:
  Annotation(pugi::xml_document& document, std::string prefix, std::string author, std::string date, std::uint32_t& next_id)
      : document_(document), prefix_(std::move(prefix)), author_(std::move(author)), date_(std::move(date)), next_id_(next_id) {}

  std::vector<AnchorOutcome> run(const std::vector<CommentAnchor>& anchors) {
    std::vector<AnchorOutcome> outcomes(anchors.size());
    index_elements(anchors);
    // 1. Cut w:t elements where a span begins or ends inside them.
    std::map<NodeKey, std::pair<pugi::xml_node, std::set<std::uint32_t>>> cuts;
    std::vector<bool> usable(anchors.size(), true);
    for (std::size_t i = 0; i < anchors.size(); ++i)
      for (const PartPlace* place : {&anchors[i].begin, &anchors[i].end}) {
        pugi::xml_node element = element_at(place->element);
        if (!element) { usable[i] = false; continue; }
        if (is_text(element)) lengths_.emplace(key_of(element), text_length(element));
        if (is_text(element) && place->offset > 0 && place->offset < text_length(element)) {
          auto& cut = cuts[key_of(element)];
          cut.first = element;
          cut.second.insert(place->offset);
        }
      }
    std::map<std::pair<NodeKey, std::uint32_t>, pugi::xml_node> segment_at;
    std::map<NodeKey, pugi::xml_node> last_segment;
    for (auto& [key, cut] : cuts) split_text(cut.first, cut.second, segment_at, last_segment);

    // 2. Turn places into edges and split runs so that each edge falls between two runs.
    std::vector<std::pair<Edge, Edge>> edges(anchors.size());
    for (std::size_t i = 0; i < anchors.size(); ++i) {
      if (!usable[i]) continue;
      edges[i] = {edge_at(anchors[i].begin, segment_at, last_segment), edge_at(anchors[i].end, segment_at, last_segment)};
      if (!edges[i].first.node || !edges[i].second.node) usable[i] = false;
    }
    for (std::size_t i = 0; i < anchors.size(); ++i)
      if (usable[i]) {
        isolate(edges[i].first);
        isolate(edges[i].second);
      }

    // 3. Insert the markers, slot by slot: ends first, then empty ranges, then starts, so ranges
    //    that merely touch never cross.
    struct Event {
      int rank;
      std::size_t anchor;
    };
    std::map<Slot, std::vector<Event>> events;
    for (std::size_t i = 0; i < anchors.size(); ++i) {
      if (!usable[i]) continue;
      Slot begin = slot_of(edges[i].first), end = slot_of(edges[i].second);
      if (!begin.parent || !end.parent) { usable[i] = false; continue; }
      outcomes[i].anchored = true;
      if (!(begin < end) && !(end < begin)) {
        events[begin].push_back({1, i});
      } else {
        events[end].push_back({0, i});
        events[begin].push_back({2, i});
      }
    }
    std::vector<pugi::xml_node> starts(anchors.size()), ends(anchors.size());
    for (auto& [slot, list] : events) {
      std::stable_sort(list.begin(), list.end(), [](const Event& a, const Event& b) { return a.rank < b.rank; });
      for (const Event& event : list) {
        std::uint32_t id = anchors[event.anchor].comment_id;
        if (event.rank >= 1) starts[event.anchor] = insert(slot, "commentRangeStart", id);
        if (event.rank <= 1) {
          ends[event.anchor] = insert(slot, "commentRangeEnd", id);
          pugi::xml_node reference = insert(slot, "r", std::nullopt);
          element(reference, "commentReference").append_attribute((prefix_ + "id").c_str()) = id;
        }
      }
    }

    // 4. Tracked changes, where the words between the markers are plain runs of one paragraph.
    for (std::size_t i = 0; i < anchors.size(); ++i)
      if (outcomes[i].anchored && anchors[i].replacement)
        outcomes[i].tracked_change = track_change(starts[i], ends[i], *anchors[i].replacement);
    return outcomes;
  }

 private:
  bool named(const pugi::xml_node& node, std::string_view name) const {
    std::string_view full = node.name();
    return node.type() == pugi::node_element && full.size() == prefix_.size() + name.size() && full.compare(0, prefix_.size(), prefix_) == 0 &&
           full.substr(prefix_.size()) == name;
  }
  bool is_text(const pugi::xml_node& node) const { return named(node, "t"); }

  void index_elements(const std::vector<CommentAnchor>& anchors) {
    std::set<std::uint32_t> wanted;
    for (const CommentAnchor& anchor : anchors) {
      wanted.insert(anchor.begin.element);
      wanted.insert(anchor.end.element);
    }
    // An explicit stack: a part may nest content controls thousands deep.
    std::vector<pugi::xml_node> stack{document_.document_element()};
    while (!stack.empty() && by_offset_.size() < wanted.size()) {
      pugi::xml_node node = stack.back();
      stack.pop_back();
      if (node.type() != pugi::node_element) continue;
      std::ptrdiff_t offset = node.offset_debug();
      if (offset >= 0 && wanted.count(static_cast<std::uint32_t>(offset))) by_offset_[static_cast<std::uint32_t>(offset)] = node;
      for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
    }
  }
  pugi::xml_node element_at(std::uint32_t offset) const {
    auto found = by_offset_.find(offset);
    return found == by_offset_.end() ? pugi::xml_node() : found->second;
  }

  void split_text(pugi::xml_node element, const std::set<std::uint32_t>& offsets, std::map<std::pair<NodeKey, std::uint32_t>, pugi::xml_node>& segment_at,
                  std::map<NodeKey, pugi::xml_node>& last_segment) {
    pugi::xml_node text = text_node(element);
    std::string value = text.value();
    preserve_space(element);
    pugi::xml_node last;
    for (auto cut = offsets.rbegin(); cut != offsets.rend(); ++cut) {
      pugi::xml_node segment = element.parent().insert_child_after(element.name(), element);
      preserve_space(segment);
      segment.append_child(pugi::node_pcdata).set_value(value.substr(*cut).c_str());
      value.resize(*cut);
      segment_at[{key_of(element), *cut}] = segment;
      if (!last) last = segment;
    }
    text.set_value(value.c_str());
    last_segment[key_of(element)] = last;
  }

  static void preserve_space(pugi::xml_node element) {
    pugi::xml_attribute space = element.attribute("xml:space");
    if (!space) space = element.append_attribute("xml:space");
    space = "preserve";
  }

  Edge edge_at(const PartPlace& place, const std::map<std::pair<NodeKey, std::uint32_t>, pugi::xml_node>& segment_at,
               const std::map<NodeKey, pugi::xml_node>& last_segment) const {
    pugi::xml_node element = element_at(place.element);
    if (!element) return {};
    if (named(element, "p")) return {element, true, true, false};
    Edge edge;
    if (is_text(element)) {
      // The length before any cut, which is what the reader measured.
      std::uint32_t length = lengths_.at(key_of(element));
      if (place.offset == 0) {
        edge = {element, false, false, false};
      } else if (place.offset >= length) {
        auto last = last_segment.find(key_of(element));
        edge = {last == last_segment.end() ? element : last->second, true, false, false};
      } else {
        auto segment = segment_at.find({key_of(element), place.offset});
        if (segment == segment_at.end()) return {};
        edge = {segment->second, false, false, false};
      }
    } else {
      edge = {element, place.offset > 0, false, false};
    }
    if (named(edge.node.parent(), "r")) return edge;
    // Not run content (math, a field's odd container): stand beside the outermost element below
    // the paragraph instead.
    pugi::xml_node outer = edge.node;
    while (outer.parent() && !named(outer.parent(), "p")) outer = outer.parent();
    if (!outer.parent()) return {};
    return {outer, edge.after, false, true};
  }

  static bool content(const pugi::xml_node& node, const std::string& properties) {
    return node.type() == pugi::node_element && node.name() != properties;
  }

  // Splits runs so that the edge falls between two runs; the new run copies the run properties.
  void isolate(const Edge& edge) {
    if (edge.paragraph || edge.whole) return;
    std::string properties = prefix_ + "rPr";
    pugi::xml_node first = edge.node;
    if (edge.after) {
      first = edge.node.next_sibling();
      bool more = false;
      for (pugi::xml_node n = first; n && !more; n = n.next_sibling()) more = content(n, properties) || (n.type() == pugi::node_pcdata && !blank(n));
      if (!more) return;
    } else {
      bool before = false;
      for (pugi::xml_node n = first.previous_sibling(); n && !before; n = n.previous_sibling()) before = content(n, properties);
      if (!before) return;
    }
    pugi::xml_node run = first.parent();
    pugi::xml_node copy = run.parent().insert_child_after(run.name(), run);
    for (pugi::xml_attribute a = run.first_attribute(); a; a = a.next_attribute()) copy.append_attribute(a.name()) = a.value();
    if (pugi::xml_node rpr = run.child(properties.c_str())) copy.append_copy(rpr);
    for (pugi::xml_node n = first; n;) {
      pugi::xml_node next = n.next_sibling();
      copy.append_move(n);
      n = next;
    }
  }

  static Slot normalised(Slot slot) {
    while (slot.before && blank(slot.before)) slot.before = slot.before.next_sibling();
    return slot;
  }

  Slot slot_of(const Edge& edge) const {
    if (edge.paragraph) return {edge.node, {}};
    pugi::xml_node unit = edge.whole ? edge.node : edge.node.parent();
    if (!unit.parent()) return {};
    return normalised({unit.parent(), edge.after ? unit.next_sibling() : unit});
  }

  pugi::xml_node insert(const Slot& slot, std::string_view name, std::optional<std::uint32_t> id) {
    std::string full = prefix_ + std::string(name);
    pugi::xml_node parent = slot.parent;
    pugi::xml_node node = slot.before ? parent.insert_child_before(full.c_str(), slot.before) : parent.append_child(full.c_str());
    if (id) node.append_attribute((prefix_ + "id").c_str()) = *id;
    return node;
  }
  pugi::xml_node element(pugi::xml_node parent, std::string_view name) {
    return parent.append_child((prefix_ + std::string(name)).c_str());
  }

  // True when `run` holds nothing but text a deletion can carry.
  bool plain_text_run(const pugi::xml_node& run) const {
    for (pugi::xml_node child = run.first_child(); child; child = child.next_sibling()) {
      if (child.type() == pugi::node_pcdata && blank(child)) continue;
      if (child.type() != pugi::node_element) return false;
      std::string_view name = local(child);
      if (!named(child, name)) return false;
      if (name != "rPr" && name != "t" && name != "tab" && name != "noBreakHyphen" && name != "softHyphen" && name != "lastRenderedPageBreak")
        return false;
    }
    return true;
  }

  // Inside a complex field's result, a deletion would tear the field apart.
  bool inside_field(const pugi::xml_node& marker) const {
    pugi::xml_node paragraph = marker;
    while (paragraph && !named(paragraph, "p")) paragraph = paragraph.parent();
    if (!paragraph) return true;
    int depth = 0;
    std::vector<pugi::xml_node> stack;
    for (pugi::xml_node child = paragraph.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
    while (!stack.empty()) {
      pugi::xml_node node = stack.back();
      stack.pop_back();
      if (node == marker) return depth != 0;
      if (named(node, "fldChar")) {
        std::string_view type = node.attribute((prefix_ + "fldCharType").c_str()).value();
        if (type == "begin") ++depth;
        else if (type == "end" && depth > 0) --depth;
      }
      for (pugi::xml_node child = node.last_child(); child; child = child.previous_sibling()) stack.push_back(child);
    }
    return true;
  }

  bool track_change(const pugi::xml_node& start, const pugi::xml_node& end, const std::string& replacement) {
    if (!start || !end || start.parent() != end.parent()) return false;
    pugi::xml_node parent = start.parent();
    if (!named(parent, "p") && !named(parent, "hyperlink")) return false;
    std::vector<pugi::xml_node> runs;
    for (pugi::xml_node n = start.next_sibling(); n != end; n = n.next_sibling()) {
      if (!n) return false;
      if (n.type() == pugi::node_pcdata && blank(n)) continue;
      if (named(n, "r")) {
        if (n.child((prefix_ + "commentReference").c_str())) continue;  // another finding's end
        if (!plain_text_run(n)) return false;
        runs.push_back(n);
        continue;
      }
      std::string_view name = local(n);
      bool marker = named(n, name) && (name == "commentRangeStart" || name == "commentRangeEnd" || name == "bookmarkStart" ||
                                       name == "bookmarkEnd" || name == "proofErr" || name == "permStart" || name == "permEnd");
      if (!marker) return false;  // a tracked change or content the fix cannot carry (another fix overlaps)
    }
    if (runs.empty() && replacement.empty()) return false;
    if (inside_field(start)) return false;
    std::string properties = prefix_ + "rPr";
    pugi::xml_node style_source = runs.empty() ? start.previous_sibling((prefix_ + "r").c_str()) : runs.front();
    for (pugi::xml_node run : runs) {
      pugi::xml_node deletion = parent.insert_child_before((prefix_ + "del").c_str(), run);
      revision_attributes(deletion);
      deletion.append_move(run);
      for (pugi::xml_node child = run.first_child(); child; child = child.next_sibling())
        if (is_text(child)) child.set_name((prefix_ + "delText").c_str());
    }
    if (!replacement.empty()) {
      pugi::xml_node insertion = parent.insert_child_before((prefix_ + "ins").c_str(), end);
      revision_attributes(insertion);
      pugi::xml_node run = element(insertion, "r");
      if (pugi::xml_node rpr = style_source.child(properties.c_str())) run.append_copy(rpr);
      std::size_t from = 0;
      while (from <= replacement.size()) {
        std::size_t stop = replacement.find_first_of("\t\n", from);
        std::string piece = replacement.substr(from, stop == std::string::npos ? std::string::npos : stop - from);
        if (!piece.empty()) {
          pugi::xml_node text = element(run, "t");
          preserve_space(text);
          text.append_child(pugi::node_pcdata).set_value(piece.c_str());
        }
        if (stop == std::string::npos) break;
        element(run, replacement[stop] == '\t' ? "tab" : "br");
        from = stop + 1;
      }
    }
    return true;
  }

  void revision_attributes(pugi::xml_node node) {
    node.append_attribute((prefix_ + "id").c_str()) = next_id_++;
    node.append_attribute((prefix_ + "author").c_str()) = author_.c_str();
    if (!date_.empty()) node.append_attribute((prefix_ + "date").c_str()) = date_.c_str();
  }

  pugi::xml_document& document_;
  std::string prefix_;
  std::string author_;
  std::string date_;
  std::uint32_t& next_id_;
  std::unordered_map<std::uint32_t, pugi::xml_node> by_offset_;
  std::map<NodeKey, std::uint32_t> lengths_;
};

struct StringWriter : pugi::xml_writer {
  std::string out;
  void write(const void* data, std::size_t size) override { out.append(static_cast<const char*>(data), size); }
};

}  // namespace

bool PartEditor::load(std::string xml, std::string& error) {
  xml_ = std::move(xml);
  // The reader's options plus everything a part may hold that must survive the rewrite.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata | pugi::parse_comments | pugi::parse_pi | pugi::parse_declaration | pugi::parse_doctype;
  pugi::xml_parse_result parsed = document_.load_buffer(xml_.data(), xml_.size(), options, pugi::encoding_utf8);
  if (!parsed) {
    error = std::string("not well-formed XML: ") + parsed.description();
    return false;
  }
  std::string_view root = document_.document_element().name();
  std::size_t colon = root.find(':');
  prefix_ = colon == std::string_view::npos ? std::string() : std::string(root.substr(0, colon + 1));
  return true;
}

std::vector<AnchorOutcome> PartEditor::annotate(const std::vector<CommentAnchor>& anchors, const std::string& author, const std::string& date,
                                                std::uint32_t& next_id) {
  return Annotation(document_, prefix_, author, date, next_id).run(anchors);
}

std::string PartEditor::save() const {
  StringWriter writer;
  document_.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
  return std::move(writer.out);
}

}  // namespace marginalia::writers::docx
