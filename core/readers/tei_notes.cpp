// SPDX-License-Identifier: MIT
#include "readers/tei_notes.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "readers/tei_vocabulary.hpp"

namespace marginalia::readers::tei {
namespace {

// Ancestor walks for naming are cut off here: a note this deep gets a numbered scope name.
constexpr int kMaxClimb = 256;

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\n\r");
  return std::string(s.substr(b, e + 1 - b));
}

bool is_ancestor(const pugi::xml_node& ancestor, pugi::xml_node node) {
  for (int i = 0; node && i < kMaxClimb; ++i, node = node.parent())
    if (node == ancestor) return true;
  return false;
}

bool stands_alone(const pugi::xml_node& note) {
  pugi::xml_node parent = note.parent();
  std::string_view name = local_name(parent);
  if (is_container(name)) return !has_direct_text(parent);
  sdk::BlockKind kind;
  if (block_kind(name, kind) || name == "head" || name == "quote" || name == "label") return false;
  // Unknown wrappers ("notes") with no text of their own group notes rather than carry them.
  return parent.type() == pugi::node_element && !has_direct_text(parent) && local_name(parent) != "hi";
}

// The highest division holding `first` but neither `before` nor `after` (other scopes' notes).
std::string scope_name(const pugi::xml_node& first, const pugi::xml_node& before, const pugi::xml_node& after, std::size_t ordinal) {
  pugi::xml_node best;
  pugi::xml_node node = first.parent();
  for (int i = 0; node && i < kMaxClimb; ++i, node = node.parent()) {
    int level;
    if (!is_division(local_name(node), level)) continue;
    if ((before && is_ancestor(node, before)) || (after && is_ancestor(node, after))) break;
    best = node;
  }
  if (best) {
    std::string id = trimmed(best.attribute("xml:id").value());
    if (!id.empty()) return id;
    std::string n = trimmed(best.attribute("n").value());
    if (!n.empty()) return std::string(best.attribute("type").value()).empty() ? n : std::string(best.attribute("type").value()) + "-" + n;
  }
  return "part-" + std::to_string(ordinal);
}

}  // namespace

TeiNotes TeiNotes::collect(const pugi::xml_node& root) {
  TeiNotes notes;
  pugi::xml_node node = root;
  long last_foot = 0, last_end = 0;
  while (node) {
    bool descend = node.type() == pugi::node_element && !is_skipped(local_name(node));
    if (descend && local_name(node) == "note") {
      std::string place = node.attribute("place").value();
      if (place != "inline") {
        TeiNote note;
        note.node = node;
        note.in_running_text = !stands_alone(node);
        // "[1]" and "(1)" show the number 1. A note without @n takes the next number of its
        // series: endnotes are numbered apart from footnotes, as renderers print them. The
        // series continues after the highest number given since it last restarted at 1, so two
        // notes printed out of order (9, 8) do not make the next one repeat 9.
        std::string n = trimmed(node.attribute("n").value());
        while (!n.empty() && (n.front() == '[' || n.front() == '(')) n.erase(0, 1);
        while (!n.empty() && (n.back() == ']' || n.back() == ')')) n.pop_back();
        note.endnote = place == "end";
        long& last = note.endnote ? last_end : last_foot;
        if (n.empty()) {
          note.shown = std::to_string(++last);
          note.numbered_here = true;
        } else {
          note.shown = n;
          bool digits = n.size() <= 6 && n.find_first_not_of("0123456789") == std::string::npos;
          if (digits) last = std::stol(n) == 1 ? 1 : std::max(last, std::stol(n));
        }
        std::string id = trimmed(node.attribute("xml:id").value());
        notes.by_node_[node.internal_object()] = notes.notes_.size();
        if (!id.empty()) notes.by_id_.emplace(id, notes.notes_.size());
        notes.notes_.push_back(std::move(note));
      }
    }
    pugi::xml_node child = descend ? node.first_child() : pugi::xml_node();
    if (child) { node = child; continue; }
    while (node && node != root && !node.next_sibling()) node = node.parent();
    if (!node || node == root) break;
    node = node.next_sibling();
  }
  notes.assign_labels();
  return notes;
}

void TeiNotes::assign_labels() {
  // A note numbered 1 after other notes, in a division the previous note is not in, starts a
  // new numbering scope (a chapter). A "1" with no division between is a real duplicate and
  // stays one, so the footnotes plugin can report it.
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < notes_.size(); ++i) {
    if (i == 0) { starts.push_back(0); continue; }
    if (notes_[i].shown != "1") continue;
    pugi::xml_node previous = notes_[i - 1].node;
    bool other_division = false;
    pugi::xml_node node = notes_[i].node.parent();
    for (int depth = 0; node && depth < kMaxClimb && !other_division; ++depth, node = node.parent()) {
      int level;
      if (is_division(local_name(node), level) && !is_ancestor(node, previous)) other_division = true;
    }
    if (other_division) starts.push_back(i);
  }
  qualified_ = starts.size() > 1;
  // Endnotes are numbered apart from footnotes: where both are used, endnotes form their own
  // part ("end:1") so endnote 1 and footnote 1 are two notes.
  bool feet = false, ends = false;
  for (const TeiNote& note : notes_) (note.endnote ? ends : feet) = true;
  if (feet && ends && !qualified_) {
    qualified_ = true;
    for (TeiNote& note : notes_) note.label = note.endnote ? "end:" + note.shown : note.shown;
    distinguish_symbols();
    return;
  }
  if (!qualified_) {
    for (TeiNote& note : notes_) note.label = note.shown;
    distinguish_symbols();
    return;
  }
  std::set<std::string> used;
  for (std::size_t s = 0; s < starts.size(); ++s) {
    std::size_t begin = starts[s], end = s + 1 < starts.size() ? starts[s + 1] : notes_.size();
    pugi::xml_node before = begin > 0 ? notes_[begin - 1].node : pugi::xml_node();
    pugi::xml_node after = end < notes_.size() ? notes_[end].node : pugi::xml_node();
    std::string name = scope_name(notes_[begin].node, before, after, s + 1);
    if (!used.insert(name).second) name += "-" + std::to_string(s + 1);
    for (std::size_t i = begin; i < end; ++i) notes_[i].label = name + ":" + notes_[i].shown;
  }
  distinguish_symbols();
}

void TeiNotes::distinguish_symbols() {
  // A symbol ("*", "†") printed again marks another note at its own place: each keeps a label
  // of its own ("* (2)"), as its marker is where the note stands.
  std::map<std::string, int> seen;
  for (TeiNote& note : notes_) {
    bool digits = !note.shown.empty() && note.shown.find_first_not_of("0123456789") == std::string::npos;
    int count = ++seen[note.label];
    if (!digits && count > 1) note.label += " (" + std::to_string(count) + ")";
  }
}

std::string TeiNotes::unnumbered_labels() const {
  std::string labels;
  for (const TeiNote& note : notes_)
    if (note.numbered_here) labels += (labels.empty() ? "" : "\n") + note.label;
  return labels;
}

const TeiNote* TeiNotes::find(const pugi::xml_node& node) const {
  auto found = by_node_.find(node.internal_object());
  return found == by_node_.end() ? nullptr : &notes_[found->second];
}

const TeiNote* TeiNotes::by_id(std::string_view id) const {
  auto found = by_id_.find(std::string(id));
  return found == by_id_.end() ? nullptr : &notes_[found->second];
}

}  // namespace marginalia::readers::tei
