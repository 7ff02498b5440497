// SPDX-License-Identifier: MIT
#include "readers/html_notes.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <vector>

#include "readers/notes_section.hpp"

namespace marginalia::readers::html {
namespace {

// Ancestor walks stop here, so hostile nesting costs linear time.
constexpr int kMaxClimb = 64;

bool is_inline(std::string_view name) {
  for (const char* n : {"a", "span", "sup", "sub", "b", "strong", "em", "i", "small", "label", "cite", "u"})
    if (name == n) return true;
  return false;
}

bool is_heading(std::string_view name) { return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6'; }

const HtmlNode& at(const HtmlTree& tree, int index) { return tree.nodes[static_cast<std::size_t>(index)]; }

bool has_ancestor(const HtmlTree& tree, int node, std::string_view name, int levels) {
  for (int p = at(tree, node).parent; p >= 0 && levels-- > 0; p = at(tree, p).parent)
    if (at(tree, p).name == name) return true;
  return false;
}

bool has_child(const HtmlTree& tree, int node, std::string_view name) {
  for (int c = at(tree, node).first_child; c >= 0; c = at(tree, c).next_sibling)
    if (at(tree, c).name == name) return true;
  return false;
}

bool is_notes_container(const HtmlNode& node) {
  std::string_view role = node.attribute("role");
  if (role == "doc-endnotes" || role == "doc-footnotes") return true;
  if (node.name != "section" && node.name != "div" && node.name != "aside" && node.name != "ol" && node.name != "footer") return false;
  return class_contains(node, "footnotes") || class_contains(node, "endnotes") || class_contains(node, "footnote-list") ||
         node.attribute("id") == "footnotes" || node.attribute("id") == "notes";
}

// The element before each node among its siblings (-1 when none), for all nodes in one pass:
// a walk from the first sibling for each list made a page of many lists quadratic (8 MB of
// sections, each with its list, took 53 s).
std::vector<int> previous_elements(const HtmlTree& tree) {
  std::vector<int> previous(tree.nodes.size(), -1);
  for (const HtmlNode& parent : tree.nodes) {
    int last = -1;
    for (int c = parent.first_child; c >= 0; c = at(tree, c).next_sibling) {
      previous[static_cast<std::size_t>(c)] = last;
      if (!at(tree, c).is_text) last = c;
    }
  }
  return previous;
}

// Ids that footnote conventions give notes: Gutenberg "Footnote_28_28" and "footnote12", Google
// Docs "ftnt1", Word "_ftn1" and "_edn1", kramdown "fn:1", pandoc "fn1", MediaWiki "cite_note-…".
bool note_target(std::string_view id) {
  for (std::string_view prefix : {"Footnote_", "footnote", "ftnt", "_ftn", "_edn", "fn:", "fn", "cite_note-", "endnote"}) {
    if (id.rfind(prefix, 0) != 0) continue;
    std::string_view rest = id.substr(prefix.size());
    if (prefix == "cite_note-") return !rest.empty();
    // "footnote-5", "endnote_3" (Word-to-Markdown converters) as well as "footnote5".
    if (rest.size() > 1 && (rest[0] == '-' || rest[0] == '_') && prefix != "fn" && prefix != "_ftn" && prefix != "_edn") rest.remove_prefix(1);
    if (!rest.empty() && std::isdigit(static_cast<unsigned char>(rest[0]))) return true;
    if (prefix == "fn:" && !rest.empty()) return true;
  }
  return false;
}

// Ids of markers that notes link back to: "FNanchor_1_1", "fnref1", "fnref:1", "cite_ref-…", "ftnt_ref1", "_ftnref1".
bool marker_target(std::string_view id) {
  for (std::string_view prefix : {"FNanchor", "fnref", "cite_ref-", "ftnt_ref", "_ftnref", "_ednref", "footnoteref", "footnote-ref", "fnanchor"})
    if (id.rfind(prefix, 0) == 0) return true;
  return false;
}

}  // namespace

std::string digits_of(std::string_view id) {
  std::size_t end = id.size();
  while (end > 0 && !std::isdigit(static_cast<unsigned char>(id[end - 1]))) --end;
  std::size_t begin = end;
  while (begin > 0 && std::isdigit(static_cast<unsigned char>(id[begin - 1]))) --begin;
  return std::string(id.substr(begin, end - begin));
}

bool is_note_id(std::string_view id) { return note_target(id); }
bool is_marker_id(std::string_view id) { return marker_target(id); }

bool is_note_link(const HtmlNode& a, bool in_sup) {
  std::string_view href = a.attribute("href");
  if (href.size() < 2 || href[0] != '#' || marker_target(href.substr(1))) return false;
  return a.attribute("role") == "doc-noteref" || class_contains(a, "footnote-ref") || class_contains(a, "noteref") ||
         class_contains(a, "fnref") || class_contains(a, "fnanchor") || a.attribute("id").rfind("fnref", 0) == 0 || in_sup ||
         note_target(href.substr(1));
}

std::string clean_label(std::string_view text) {
  std::string out;
  for (char c : text)
    if (c != '[' && c != ']' && c != '(' && c != ')' && c != ' ' && c != '\t' && c != '\n' && c != '\r') out.push_back(c);
  return out;
}

HtmlNotes HtmlNotes::find(const HtmlTree& tree) {
  HtmlNotes result;
  std::unordered_map<std::string, int> ids;
  int count = static_cast<int>(tree.nodes.size());
  for (int i = 1; i < count; ++i) {
    std::string_view id = at(tree, i).attribute("id");
    if (!id.empty()) ids.emplace(std::string(id), i);
    // Word's HTML names its note anchors the old way: <a name="_ftn2">.
    std::string_view name = at(tree, i).name == "a" ? at(tree, i).attribute("name") : std::string_view();
    if (!name.empty()) ids.emplace(std::string(name), i);
  }
  // Markers: in-page links that say they are note references.
  std::vector<std::pair<int, int>> candidates;  // (link, target or -1)
  std::unordered_set<std::string> marker_ids;
  for (int i = 1; i < count; ++i) {
    const HtmlNode& node = at(tree, i);
    if (node.name != "a") continue;
    std::string_view href = node.attribute("href");
    // A link back to a marker ("^ a b c" in a reflist) is no marker itself.
    if (!is_note_link(node, has_ancestor(tree, i, "sup", 2) || has_child(tree, i, "sup"))) continue;
    std::string_view id = node.attribute("id");
    auto target = ids.find(std::string(href.substr(1)));
    candidates.push_back({i, target == ids.end() ? -1 : target->second});
    if (!id.empty()) marker_ids.insert(std::string(id));
  }

  std::set<int> notes;
  for (auto& [link, target] : candidates) {
    if (target < 0) continue;
    int note = target;
    while (note >= 0 && is_inline(at(tree, note).name)) note = at(tree, note).parent;
    if (note <= 0) continue;
    std::string_view name = at(tree, note).name;
    if (name == "body" || name == "html" || name == "main" || name == "article") continue;
    if (is_notes_container(at(tree, note))) continue;  // a link to the whole section is no note
    target = note;
    notes.insert(note);
  }
  std::vector<int> previous_element = previous_elements(tree);
  for (int i = 1; i < count; ++i) {
    const HtmlNode& node = at(tree, i);
    if (node.is_text) continue;
    std::string_view role = node.attribute("role");
    if (node.name == "aside" && (role == "doc-footnote" || role == "doc-endnote" || class_contains(node, "footnote"))) notes.insert(i);
    bool list = node.name == "ol" || node.name == "ul";
    bool in_container = false;
    if (list) {
      int previous = previous_element[static_cast<std::size_t>(i)];
      if (previous >= 0 && is_heading(at(tree, previous).name) && is_notes_heading(text_content(tree, previous, 256))) in_container = true;
      for (int p = node.parent, levels = 0; p > 0 && levels < 3 && !in_container; p = at(tree, p).parent, ++levels) {
        if (at(tree, p).name == "li") break;
        in_container = is_notes_container(at(tree, p));
      }
      if (is_notes_container(node)) in_container = true;
    }
    if (in_container)
      for (int c = node.first_child; c >= 0; c = at(tree, c).next_sibling)
        if (at(tree, c).name == "li") notes.insert(c);
  }
  // An item that lost its marker still carries its convention's note id (MediaWiki's
  // `<li id="cite_note-…">` in `ol.references`): in a list whose other items are notes, it is a
  // note too, so it is reported as a note without a marker rather than read as running text.
  // (The lists are found first: asking each item's siblings was quadratic in a long list.)
  std::set<int> lists_with_notes;
  for (int note : notes)
    if (at(tree, note).parent >= 0 && note_target(at(tree, note).attribute("id"))) lists_with_notes.insert(at(tree, note).parent);
  for (int i = 1; i < count; ++i) {
    const HtmlNode& node = at(tree, i);
    if (node.name == "li" && !notes.count(i) && note_target(node.attribute("id")) && lists_with_notes.count(node.parent)) notes.insert(i);
  }
  // A note inside another note is part of it.
  for (int note : std::vector<int>(notes.begin(), notes.end())) {
    int levels = 0;
    for (int p = at(tree, note).parent; p > 0 && levels++ < kMaxClimb; p = at(tree, p).parent)
      if (notes.count(p)) { notes.erase(note); break; }
  }
  result.notes_.assign(notes.begin(), notes.end());  // node order is document order

  // Labels: what the first marker pointing at the note shows, else its list number or id.
  for (auto& [link, target] : candidates) {
    if (target < 0 || !notes.count(target) || result.note_labels_.count(target)) continue;
    std::string label = clean_label(text_content(tree, link, 64));
    if (!label.empty()) result.note_labels_[target] = label;
  }
  int running = 0;
  for (int note : result.notes_) {
    ++running;
    if (result.note_labels_.count(note)) continue;
    const HtmlNode& node = at(tree, note);
    std::string label;
    if (node.name == "li" && node.parent >= 0 && at(tree, node.parent).name == "ol") {
      int number = 1;
      std::string start(at(tree, node.parent).attribute("start"));
      if (!start.empty() && std::all_of(start.begin(), start.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) && start.size() < 7)
        number = std::stoi(start);
      for (int c = at(tree, node.parent).first_child; c >= 0 && c != note; c = at(tree, c).next_sibling)
        if (at(tree, c).name == "li") ++number;
      label = std::to_string(number);
    }
    if (label.empty()) label = digits_of(node.attribute("id"));
    if (label.empty()) label = std::to_string(running);
    result.note_labels_[note] = label;
  }

  // Numbering that restarts (a letter's, a chapter's notes): where a label comes again, a new
  // part begins, and every label is qualified by its part so each marker meets its own note.
  {
    int part = 0;
    std::set<std::string> used;
    std::vector<int> parts;
    for (int note : result.notes_) {
      const std::string& label = result.note_labels_[note];
      if (!used.insert(label).second) {
        ++part;
        used = {label};
      }
      parts.push_back(part);
    }
    if (part > 0) {
      result.qualified_ = true;
      for (std::size_t i = 0; i < result.notes_.size(); ++i) {
        std::string& label = result.note_labels_[result.notes_[i]];
        label = "part-" + std::to_string(parts[i] + 1) + ":" + label;
      }
    }
  }
  std::set<std::string> labels;
  for (auto& entry : result.note_labels_) labels.insert(entry.second);
  for (auto& [link, target] : candidates) {
    auto note = result.note_labels_.find(target);
    std::string label = note != result.note_labels_.end() ? note->second : clean_label(text_content(tree, link, 64));
    bool inside_note = false;
    int levels = 0;
    for (int p = at(tree, link).parent; p > 0 && !inside_note && levels++ < kMaxClimb; p = at(tree, p).parent) inside_note = notes.count(p) > 0;
    if (!label.empty() && !inside_note) result.markers_[link] = label;
  }
  // A bare superscript number is a marker when a note carries that number.
  if (!labels.empty()) {
    for (int i = 1; i < count; ++i) {
      const HtmlNode& node = at(tree, i);
      if (node.name != "sup" || has_child(tree, i, "a") || has_ancestor(tree, i, "a", 3)) continue;
      std::string label = clean_label(text_content(tree, i, 64));
      if (label.empty() || label.size() > 4 || !std::all_of(label.begin(), label.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }))
        continue;
      if (!labels.count(label)) continue;
      bool inside_note = false;
      int levels = 0;
      for (int p = node.parent; p > 0 && !inside_note && levels++ < kMaxClimb; p = at(tree, p).parent) inside_note = notes.count(p) > 0;
      if (!inside_note) result.markers_[i] = label;
    }
  }
  // Back-links from notes to their markers.
  for (int note : result.notes_) {
    int current = at(tree, note).first_child;
    while (current >= 0) {
      const HtmlNode& node = at(tree, current);
      if (node.name == "a") {
        std::string_view href = node.attribute("href");
        std::string text = text_content(tree, current, 16);
        bool back = node.attribute("role") == "doc-backlink" || class_contains(node, "footnote-back") || class_contains(node, "backref") ||
                    class_contains(node, "reversefootnote") || (href.size() > 1 && href[0] == '#' && marker_ids.count(std::string(href.substr(1)))) ||
                    (href.size() > 1 && href[0] == '#' && marker_target(href.substr(1))) ||
                    text == "\xE2\x86\xA9" || text == "\xE2\x86\xA9\xEF\xB8\x8E" || text == "\xE2\x86\x91" || text == "^";
        if (back) result.back_links_.insert(current);
      }
      if (!node.is_text && node.first_child >= 0) { current = node.first_child; continue; }
      int next = current;
      while (next >= 0 && next != note && at(tree, next).next_sibling < 0) next = at(tree, next).parent;
      if (next < 0 || next == note) break;
      current = at(tree, next).next_sibling;
    }
  }
  return result;
}

const std::string* HtmlNotes::note_label(int node) const {
  auto found = note_labels_.find(node);
  return found == note_labels_.end() ? nullptr : &found->second;
}

const std::string* HtmlNotes::marker_label(int node) const {
  auto found = markers_.find(node);
  return found == markers_.end() ? nullptr : &found->second;
}

}  // namespace marginalia::readers::html
