// SPDX-License-Identifier: MIT
// Finds the notes of a TEI text before it is walked and gives each a label, so markers and
// notes agree whatever order the walker meets them in. A note inside running text is a
// footnote at that point; a note standing alone (in a notes division of `back`) is an endnote
// reached through `ref`/`ptr target="#id"`. Where numbering restarts in each chapter, labels
// are qualified by the chapter ("chapter-2:14") so every marker finds exactly its own note.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

namespace marginalia::readers::tei {

/// One note of the text.
struct TeiNote {
  pugi::xml_node node;
  /// The label markers and the note carry (unique unless the source repeats a number).
  std::string label;
  /// What the marker shows in the text: `@n`, or the running number.
  std::string shown;
  /// True for a note in running text (its marker goes where it stands).
  bool in_running_text = true;
  /// True for `place="end"`: numbered in its own series.
  bool endnote = false;
  /// True when the source gave no `@n` and `shown` is the number a renderer would print.
  bool numbered_here = false;
};

/// The notes of one TEI document.
class TeiNotes {
 public:
  /// Collects every `note` under `root` outside the header and skipped elements.
  static TeiNotes collect(const pugi::xml_node& root);

  /// The note for `node`, or nullptr when it is not a note read as one.
  const TeiNote* find(const pugi::xml_node& node) const;
  /// The note whose `xml:id` is `id`, or nullptr.
  const TeiNote* by_id(std::string_view id) const;
  /// True when labels were qualified by their division.
  bool qualified() const { return qualified_; }
  /// The labels of the notes numbered here (no `@n`), one per line: the document's
  /// "unnumbered-notes" metadata.
  std::string unnumbered_labels() const;

 private:
  void assign_labels();
  void distinguish_symbols();

  std::vector<TeiNote> notes_;
  std::unordered_map<const void*, std::size_t> by_node_;
  std::unordered_map<std::string, std::size_t> by_id_;
  bool qualified_ = false;
};

}  // namespace marginalia::readers::tei
