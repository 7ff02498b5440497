// SPDX-License-Identifier: MIT
// The quotes plugin's data: what the scanner finds, and what classification, attribution and
// citation add to it. Shared by the plugin module, the benchmark and the scoring programs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <marginalia/sdk/span.hpp>

namespace marginalia::plugins::quotes {

/// The family of marks a quotation is written with; mixing families is reported.
enum class MarkFamily {
  curly,      ///< “…” and ‘…’
  straight,   ///< "…" and '…'
  guillemet,  ///< «…», »…«, ‹…›
  low,        ///< „…“, „…”, ‚…‘
  none,       ///< no marks: a block quotation or markup
};

/// Where a quotation was found.
enum class QuoteOrigin {
  marks,        ///< between quotation marks in the text
  block_quote,  ///< a display quotation (Markdown `>` or an HTML/TEI block quote)
  markup,       ///< a TEI `<quote>`/`<q>` element
};

/// What kind of quotation it is.
enum class QuoteKind {
  direct,  ///< words someone said or wrote: needs a speaker and a citation
  scare,   ///< a scare quote, coined term or term being mentioned
  title,   ///< the title of a work or document
};

/// Why a direct quotation needs neither speaker nor citation.
enum class Exemption {
  none,
  dialogue,  ///< a line of dialogue in a narrative (fiction, drama): turn-taking needs no source
  verse,     ///< lines of verse or song set as a display (an epigraph, a hymn quoted)
  example,   ///< an example utterance in a glossary or usage entry ("*hello*: “Hi there!”")
};

/// Who a speaker is.
enum class SpeakerType { none, person, organisation, document };

/// The lower-case name ("direct", "scare", "title").
const char* to_string(QuoteKind kind);
/// The lower-case name ("person", "organisation", "document"); "" for none.
const char* to_string(SpeakerType type);
/// The family's name in messages ("curly “…”").
const char* describe(MarkFamily family);

/// The speaker of a quotation.
struct Speaker {
  /// The name as a reader would write it ("Antony Blinken", "the Commission’s 2019 strategic outlook").
  std::string name;
  SpeakerType type = SpeakerType::none;
  /// The text naming the speaker near the quotation (empty when resolved from a pronoun).
  sdk::Span mention;
  /// How the speaker was found, for debugging and the scorer ("cue-before", "after", "according-to"…).
  std::string how;
};

/// The citation of a quotation: a footnote marker or a link near it.
struct Citation {
  /// Note label ("2") or URL; empty when uncited.
  std::string target;
  /// True when `target` is a URL (a link), false for a note label.
  bool is_url = false;
  /// The marker or link text (for a source named in the text: that text).
  sdk::Span span;
  /// True when the source is named in the text rather than by a note or link: an attribution
  /// line with a work or date ("—William H. Seward to Charles F. Adams, March 2, 1864"), a
  /// parenthetical source ("(Frankfurter Zeitung, 3 May 1921)") or an author–date reference
  /// ("(Smith 2020, p. 4)"). `target` then holds that text; there is no source file to compare.
  bool in_text = false;
};

/// One quotation.
struct Quotation {
  /// From the opening to the closing mark, both included (for markup: the element's text).
  sdk::Span span;
  /// The quoted words, without the marks.
  sdk::Span inner;
  /// One span per paragraph for a quotation running over several paragraphs; else just `span`.
  std::vector<sdk::Span> pieces;
  QuoteOrigin origin = QuoteOrigin::marks;
  MarkFamily family = MarkFamily::none;
  /// The opening mark ('“', '‘', '"', '«'…); 0 for block quotations and markup.
  char32_t open_mark = 0;
  /// Index of the block where it starts.
  std::uint32_t block = 0;
  /// Index of the quotation it is nested in, -1 at top level.
  int parent = -1;
  /// True inside a note, heading, title or metadata block (never a direct quotation to check).
  bool outside_prose = false;
  /// Set when the quotation is someone's words that need no speaker or citation (dialogue, verse).
  Exemption exempt = Exemption::none;
  /// Classification, attribution and citation (filled after scanning).
  QuoteKind kind = QuoteKind::scare;
  Speaker speaker;
  Citation citation;
  /// For the confidence of findings: someone who could be the speaker (a person, organisation,
  /// pronoun or document) is named in the paragraph before the quotation or the one before it.
  bool candidate_nearby = false;
  /// For the confidence of findings: a note marker or link elsewhere in the quotation's last
  /// paragraph (a citation given once for the paragraph).
  bool cited_in_paragraph = false;
  /// Speaker and source given by markup (TEI `@who`, `@source`), when any.
  std::string markup_who, markup_source;
};

/// A quotation mark with no partner.
struct StrayMark {
  /// The mark itself.
  sdk::Span span;
  char32_t mark = 0;
  /// True for an opening mark never closed, false for a closing mark never opened.
  bool opening = true;
  /// The closing mark that was expected (for opening marks).
  char32_t expected = 0;
  /// For an opening mark closed by a mark of another style (`"…”`): that closing mark.
  char32_t closed_by = 0;
};

}  // namespace marginalia::plugins::quotes
