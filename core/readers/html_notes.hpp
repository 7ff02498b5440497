// SPDX-License-Identifier: MIT
// Footnotes in HTML, found before the walk: markers are in-page links marked as note
// references (`<sup><a href="#fn1">1</a></sup>`, pandoc's `a.footnote-ref`, `role=doc-noteref`);
// notes are the elements they point at, the items of a footnotes section (`section.footnotes`,
// `role=doc-endnotes`, an `<ol>` right after a "Notes" heading) and `<aside role=doc-footnote>`.
// Back-links inside notes ("↩") are recognised so their arrows stay out of the note text.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "readers/html_tree.hpp"

namespace marginalia::readers::html {

/// The footnotes of one HTML document.
class HtmlNotes {
 public:
  static HtmlNotes find(const HtmlTree& tree);

  /// Notes (node indices) in document order.
  const std::vector<int>& notes() const { return notes_; }
  /// The label of note node `node`, or nullptr when it is no note.
  const std::string* note_label(int node) const;
  /// The label a marker node (an `a` or a bare `sup`) refers to, or nullptr when it is no marker.
  const std::string* marker_label(int node) const;
  /// True when numbering restarts and labels are qualified by their part ("part-2:1").
  bool qualified() const { return qualified_; }
  /// True for a back-link from a note to its marker.
  bool is_back_link(int node) const { return back_links_.count(node) > 0; }

 private:
  std::vector<int> notes_;
  std::unordered_map<int, std::string> note_labels_;
  std::unordered_map<int, std::string> markers_;
  std::unordered_set<int> back_links_;
  bool qualified_ = false;
};

/// A marker's label as printed: "[12]" → "12".
std::string clean_label(std::string_view text);

/// True for an id footnote conventions give notes ("fn1", "fn:1", "Footnote_28_28", "ftnt1",
/// "_ftn1", "cite_note-…", "footnote-5").
bool is_note_id(std::string_view id);

/// The last run of digits in an id ("footnote-12" → "12", "Footnote_28_28" → "28"); empty when none.
std::string digits_of(std::string_view id);
/// True for an id footnote conventions give markers, that notes link back to ("fnref1",
/// "FNanchor_1_1", "cite_ref-…", "_ftnref1").
bool is_marker_id(std::string_view id);
/// True when link `a` (an `<a href="#…">`) says it is a note reference, by role, class, id or
/// the note id it points at; `in_sup` when a `<sup>` holds it or it holds one.
bool is_note_link(const HtmlNode& a, bool in_sup);

}  // namespace marginalia::readers::html
