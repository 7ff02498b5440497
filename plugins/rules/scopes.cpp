// SPDX-License-Identifier: MIT
#include "scopes.hpp"

#include <algorithm>

#include <marginalia/sdk/code_spans.hpp>
#include <marginalia/sdk/text.hpp>

#include <marginalia/sdk/segment.hpp>

namespace marginalia::plugins::rules {
namespace {

using sdk::BlockKind;
using sdk::Span;

bool is_running_text(BlockKind kind) {
  return kind == BlockKind::paragraph || kind == BlockKind::block_quote || kind == BlockKind::list_item || kind == BlockKind::note;
}

bool in_scope(BlockKind kind, Scope scope) {
  switch (scope) {
    case Scope::paragraph: return kind == BlockKind::paragraph || kind == BlockKind::block_quote;
    case Scope::heading: return kind == BlockKind::heading || kind == BlockKind::title;
    case Scope::note: return kind == BlockKind::note;
    case Scope::list_item: return kind == BlockKind::list_item;
    case Scope::sentence:
    case Scope::quotation: return is_running_text(kind);
    case Scope::text: return true;
  }
  return false;
}

// The mark that closes `open`, or 0 when `open` opens no quotation. A straight double quote
// closes itself; straight single quotes are apostrophes far too often to pair.
char32_t closer_of(char32_t open) {
  switch (open) {
    case 0x201C: return 0x201D;  // “…”
    case 0x201E: return 0x201C;  // „…“ (German, Czech…)
    case 0xAB: return 0xBB;      // «…»
    case '"': return '"';
    default: return 0;
  }
}

}  // namespace

std::vector<Span> quotations(const sdk::Document& document, Span within, const sdk::CodeSpans& code) {
  std::vector<Span> found;
  for (const sdk::Element& element : document.elements)
    if ((element.name == "q" || element.name == "quote") && within.contains(element.span) && !element.span.empty()) found.push_back(element.span);
  const std::string& text = document.text;
  std::size_t pos = within.begin;
  while (pos < within.end) {
    std::size_t at_open = pos;
    char32_t open = sdk::next_code_point(text, pos);
    char32_t close = closer_of(open);
    if (!close || code.at(static_cast<std::uint32_t>(at_open))) continue;  // a mark in code is code
    std::size_t inner = pos, scan = pos;
    bool closed = false;
    while (scan < within.end) {
      std::size_t at = scan;
      char32_t c = sdk::next_code_point(text, scan);
      if (c == close && at > inner && !code.at(static_cast<std::uint32_t>(at))) {
        found.push_back({static_cast<std::uint32_t>(inner), static_cast<std::uint32_t>(at)});
        closed = true;
        break;
      }
    }
    if (closed) pos = scan;  // an unclosed mark quotes nothing; carry on after it
  }
  std::sort(found.begin(), found.end());
  std::vector<Span> outermost;
  for (const Span& span : found)
    if (outermost.empty() || !outermost.back().overlaps(span)) outermost.push_back(span);
  return outermost;
}

std::vector<Span> sentences(const sdk::Document& document, Span within) {
  // Markers only: a quoted passage of several sentences is still several sentences to a reader
  // counting words, and guessed pairs of marks (»…« against «…») could swallow a paragraph.
  sdk::SentenceContext context;
  for (const sdk::NoteRef& ref : document.note_refs)
    if (ref.span.begin >= within.begin && ref.span.end <= within.end) context.markers.push_back(ref.span);
  std::sort(context.markers.begin(), context.markers.end());
  return sdk::split_sentences(document.text, within, context);
}

std::vector<Span> scope_spans(const sdk::Document& document, Scope scope) {
  if (scope == Scope::text) return {{0, static_cast<std::uint32_t>(document.text.size())}};
  std::vector<Span> spans;
  const sdk::CodeSpans code(document);
  for (const sdk::Block& block : document.blocks) {
    if (!in_scope(block.kind, scope) || block.span.empty()) continue;
    if (scope == Scope::sentence) {
      for (const Span& sentence : sentences(document, block.span)) spans.push_back(sentence);
    } else if (scope == Scope::quotation) {
      for (const Span& quotation : quotations(document, block.span, code)) spans.push_back(quotation);
    } else {
      spans.push_back(block.span);
    }
  }
  std::sort(spans.begin(), spans.end());
  std::vector<Span> disjoint;
  for (const Span& span : spans)
    if (disjoint.empty() || !disjoint.back().overlaps(span)) disjoint.push_back(span);
  return disjoint;
}

}  // namespace marginalia::plugins::rules
