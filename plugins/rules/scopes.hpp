// SPDX-License-Identifier: MIT
// The stretches of a document a rule's scope names, from the document model: headings (and the
// title), paragraphs (block quotations included), list items, notes, the sentences of running
// text (paragraphs, block quotations, list items, notes — not headings or metadata), quotations
// inside them, or the whole text. Spans come sorted and never overlap.
#pragma once

#include <vector>

#include <marginalia/sdk/code_spans.hpp>
#include <marginalia/sdk/document.hpp>

#include "rule.hpp"

namespace marginalia::plugins::rules {

/// The spans of `document.text` that `scope` covers.
std::vector<sdk::Span> scope_spans(const sdk::Document& document, Scope scope);

/// The sentences of `within` (sdk::split_sentences), told where its footnote markers are:
/// "rose.1 Imports fell.2" is two sentences.
std::vector<sdk::Span> sentences(const sdk::Document& document, sdk::Span within);

/// The quotations inside `within`: source markup (`<q>`, `<quote>`) and text between paired
/// quotation marks (“…”, „…“, «…», "…"), outermost only, without the marks themselves; a mark
/// inside inline code (`code`) neither opens nor closes one.
std::vector<sdk::Span> quotations(const sdk::Document& document, sdk::Span within, const sdk::CodeSpans& code);

}  // namespace marginalia::plugins::rules
