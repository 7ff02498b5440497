// SPDX-License-Identifier: MIT
#include "note_checks.hpp"

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "marker_place.hpp"
#include "source_shape.hpp"

namespace marginalia::plugins::footnotes {

const sdk::CodeTable code_table{
    {"footnotes/missing-note", sdk::Severity::error, "A footnote marker has no note."},
    {"footnotes/orphan-note", sdk::Severity::warning, "A note has no marker in the text."},
    {"footnotes/out-of-order", sdk::Severity::warning, "A numbered marker comes after a higher number."},
    {"footnotes/duplicate-marker", sdk::Severity::warning, "The same number is used for two markers where numbering is sequential."},
    {"footnotes/numbering-gap", sdk::Severity::warning, "Marker numbering skips numbers that no note carries."},
    {"footnotes/empty-note", sdk::Severity::error, "A note has no text."},
    {"footnotes/note-without-source", sdk::Severity::warning, "A note cites no source: no URL, DOI or bibliographic reference."},
    {"footnotes/ibid-without-antecedent", sdk::Severity::warning, "\"Ibid.\" with no earlier note to refer to."},
};

namespace {

std::optional<long> number_of(std::string_view label) {
  if (label.empty() || label.size() > 6) return std::nullopt;
  for (char c : label) if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
  return std::stol(std::string(label));
}

// A label qualified by its numbering part ("chapter-2:14") splits into the part and what the
// reader sees ("14"); unqualified labels are all in one part.
struct Label {
  std::string_view part;
  std::string_view shown;
};

Label split_label(std::string_view label, bool qualified) {
  std::size_t colon = qualified ? label.rfind(':') : std::string_view::npos;
  if (colon == std::string_view::npos) return {{}, label};
  return {label.substr(0, colon), label.substr(colon + 1)};
}

// The lines of `text`, as views into it.
void split_lines(std::string_view text, std::set<std::string_view>& out) {
  while (!text.empty()) {
    std::size_t end = text.find('\n');
    out.insert(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
}

std::string range_text(long from, long to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "–" + std::to_string(to);
}

void check_numbering(const sdk::Document& document, const NoteCheckOptions& options, const std::set<std::string>& note_labels,
                     std::vector<sdk::Finding>& out) {
  bool qualified = document.meta("note-labels") == "qualified";
  // A note the source left unnumbered (TEI without @n) is numbered by the renderer: its number
  // is not the document's, so it is neither checked nor compared with, and a jump between two
  // given numbers with such notes between them is not a gap the document made.
  std::set<std::string_view> unnumbered;
  split_lines(document.meta("unnumbered-notes"), unnumbered);
  // Each part (a chapter, a letter, the endnotes beside the footnotes) is numbered on its own.
  struct PartState {
    long highest = 0;
    std::map<long, const sdk::NoteRef*> first_use;
    bool unnumbered_since = false;
  };
  std::map<std::string_view, PartState> parts;
  for (const sdk::NoteRef& full : document.note_refs) {
    Label split = split_label(full.label, qualified);
    PartState& state = parts[split.part];
    if (unnumbered.count(full.label)) {
      state.unnumbered_since = true;
      continue;
    }
    bool bridged = std::exchange(state.unnumbered_since, false);
    long& highest = state.highest;
    std::map<long, const sdk::NoteRef*>& first_use = state.first_use;
    sdk::NoteRef ref{full.span, std::string(split.shown)};
    std::optional<long> value = number_of(ref.label);
    if (!value) continue;
    auto earlier = first_use.find(*value);
    if (earlier != first_use.end()) {
      if (!options.allow_repeated_markers) {
        sdk::Finding f = code_table.finding("footnotes/duplicate-marker", ref.span,
                                 "marker " + ref.label + " is used a second time; numbered markers should run 1, 2, 3… with one note each");
        f.related.push_back({earlier->second->span, "marker " + ref.label + " first used here"});
        out.push_back(std::move(f));
      }
      continue;
    }
    first_use[*value] = &full;
    if (*value < highest) {
      out.push_back(code_table.finding("footnotes/out-of-order", ref.span,
                            "marker " + ref.label + " comes after marker " + std::to_string(highest) + "; markers should run in order"));
      continue;
    }
    if (*value > highest + 1 && !bridged) {
      // Numbers skipped by the markers but present as notes are reported as notes without a
      // marker; a gap is a numbering defect only when nothing carries the missing numbers.
      bool notes_fill_gap = false;
      for (const std::string& label : note_labels) {
        Label note = split_label(label, qualified);
        std::optional<long> number = number_of(note.shown);
        notes_fill_gap = notes_fill_gap || (note.part == split.part && number && *number > highest && *number < *value);
      }
      if (!notes_fill_gap)
        out.push_back(code_table.finding("footnotes/numbering-gap", ref.span,
                              (highest == 0 ? "the first marker is " + ref.label : "marker " + ref.label + " follows marker " + std::to_string(highest)) + "; " +
                                  (*value - highest - 1 == 1 ? "number " : "numbers ") + range_text(highest + 1, *value - 1) + " " +
                                  (*value - highest - 1 == 1 ? "is" : "are") + " missing"));
    }
    highest = *value;
  }
}

}  // namespace

std::vector<sdk::Finding> check_notes(const sdk::Document& document, const NoteCheckOptions& options) {
  std::vector<sdk::Finding> out;
  bool qualified = document.meta("note-labels") == "qualified";
  auto shown = [&](const std::string& label) { return std::string(split_label(label, qualified).shown); };
  std::set<std::string> note_labels, cited;
  for (const sdk::Note& note : document.notes) note_labels.insert(note.label);
  for (const sdk::NoteRef& ref : document.note_refs) cited.insert(ref.label);

  for (const sdk::NoteRef& ref : document.note_refs) {
    if (note_labels.count(ref.label)) continue;
    std::string why = document.notes.empty() ? "the document has no notes section"
                                             : "none of the document's " + std::to_string(document.notes.size()) + " notes carries this label";
    out.push_back(code_table.finding("footnotes/missing-note", ref.span, "footnote marker " + shown(ref.label) + " has no note (" + why + ")"));
  }
  // GFM labels are names; the reader sees numbers given in order of first reference, which
  // cannot be out of order or skip one.
  if (options.check_numbering && document.meta("note-labels") != "names") check_numbering(document, options, note_labels, out);

  // What each note amounts to as a citation; a link inside the note (Markdown `[Author
  // 2005](https://…)`, an HTML or DOCX hyperlink) cites its target.
  std::vector<NoteShape> shapes;
  std::size_t citing = 0, commenting = 0, uncited = 0;
  for (const sdk::Note& note : document.notes) {
    std::string_view body = document.slice(note.body);
    NoteShape shape = body.find_first_not_of(" \t\n\xC2\xA0.") == std::string_view::npos ? NoteShape::no_source : classify_note(body);
    if (shape == NoteShape::no_source)
      for (const sdk::Link& link : document.links)
        if (link.span.begin >= note.body.begin && link.span.end <= note.body.end && !link.target.empty() && link.target[0] != '#') {
          shape = NoteShape::source;
          break;
        }
    shapes.push_back(shape);
    if (body.find_first_not_of(" \t\n\xC2\xA0.") == std::string_view::npos) continue;  // empty: its own finding
    citing += shape == NoteShape::source || shape == NoteShape::back_reference;
    commenting += shape == NoteShape::no_source || shape == NoteShape::dated_remark;
    uncited += shape == NoteShape::no_source;
  }
  // A note that cites nothing is reported where it stands out among notes that cite: a single
  // one, or at most one in ten. Where commentary notes are more common (a novel's, a drama's,
  // an edition's or a whitepaper's explanatory notes) they are the author's way of writing.
  std::size_t total = citing + commenting;
  bool notes_cite = citing >= commenting && (uncited <= 1 || uncited * 10 <= total);

  // A note whose every marker sits inside its sentence, right after a word, glosses that word:
  // citations are numbered where the clause ends. It is commentary, not a citation left out.
  // One pass over the markers (label → all inside so far), only when the rule can fire.
  std::map<std::string_view, bool> glosses;
  if (notes_cite && options.require_source)
    for (const sdk::NoteRef& ref : document.note_refs) {
      bool& inside = glosses.emplace(ref.label, true).first->second;
      inside = inside && marker_inside_sentence(document, ref.span);
    }
  auto glosses_a_word = [&](const std::string& label) {
    auto found = glosses.find(label);
    return found != glosses.end() && found->second;
  };

  std::set<std::string> seen_notes;
  bool previous_note_exists = false;
  for (std::size_t index = 0; index < document.notes.size(); ++index) {
    const sdk::Note& note = document.notes[index];
    sdk::Span anchor = note.body.empty() ? note.span : note.body;
    if (!seen_notes.insert(note.label).second) {
      out.push_back(code_table.finding("footnotes/orphan-note", anchor,
                            "note " + shown(note.label) + " is defined twice; only the first can be reached"));
      continue;
    }
    if (!cited.count(note.label))
      out.push_back(code_table.finding("footnotes/orphan-note", anchor, "note " + shown(note.label) + " has no marker in the text"));
    std::string_view body = document.slice(note.body);
    bool empty = body.find_first_not_of(" \t\n\xC2\xA0.") == std::string_view::npos;
    if (empty) {
      out.push_back(code_table.finding("footnotes/empty-note", anchor, "note " + shown(note.label) + " is empty"));
      previous_note_exists = false;
      continue;
    }
    NoteShape shape = shapes[index];
    if (shape == NoteShape::back_reference) {
      std::string lower;
      for (char c : body.substr(0, 6)) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
      bool ibid = lower.rfind("ibid", 0) == 0 || lower.rfind("id.", 0) == 0;
      if (ibid && !previous_note_exists)
        out.push_back(code_table.finding("footnotes/ibid-without-antecedent", anchor,
                              "note " + shown(note.label) + " says \"" + std::string(body.substr(0, std::min<std::size_t>(body.find_first_of(" ,"), 6))) +
                                  "\" but no earlier note has a source it could refer to"));
    } else if (shape == NoteShape::no_source && options.require_source && notes_cite && !glosses_a_word(note.label)) {
      out.push_back(code_table.finding("footnotes/note-without-source", anchor,
                            "note " + shown(note.label) + " cites no source (no URL, DOI or author, title and year)"));
    }
    previous_note_exists = shape != NoteShape::no_source || previous_note_exists;
  }
  return out;
}

}  // namespace marginalia::plugins::footnotes
