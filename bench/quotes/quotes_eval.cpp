// SPDX-License-Identifier: MIT
// quotes_eval dump FILE: every quotation the quotes plugin's analysis finds, with kind, speaker
// and citation (to see what the plugin sees).
#include <cstdio>
#include <iostream>
#include <string>

#include "model/document.hpp"
#include "quote_analyzer.hpp"
#include "readers/reader_registry.hpp"

namespace q = marginalia::plugins::quotes;

int dump(const std::string& path) {
  marginalia::readers::ReadResult read = marginalia::readers::read_document(path, {});
  if (!read.document) {
    std::cerr << path << ": " << read.error->message << "\n";
    return 2;
  }
  const marginalia::model::LoadedDocument& loaded = *read.document;
  q::Analysis analysis = q::QuoteAnalyzer().analyse(loaded.document);
  for (const q::Quotation& quote : analysis.quotations) {
    auto pos = loaded.source_map.position(quote.span.begin);
    std::string words(loaded.document.slice(quote.span));
    if (words.size() > 70) words = words.substr(0, 60) + "…";
    std::cout << pos.line << ":" << pos.column << " " << q::to_string(quote.kind) << (quote.parent >= 0 ? " (nested)" : "")
              << " " << words;
    if (quote.kind == q::QuoteKind::direct)
      std::cout << "\n      speaker: " << (quote.speaker.name.empty() ? "-" : quote.speaker.name) << " ["
                << q::to_string(quote.speaker.type) << ", " << quote.speaker.how << "]  cite: "
                << (quote.citation.target.empty() ? "-" : quote.citation.target);
    std::cout << "\n";
  }
  for (const q::StrayMark& stray : analysis.stray) {
    auto pos = loaded.source_map.position(stray.span.begin);
    std::cout << pos.line << ":" << pos.column << " stray " << (stray.opening ? "opening" : "closing") << "\n";
  }
  return 0;
}

int main(int argc, char** argv) {
  std::string command = argc > 1 ? argv[1] : "";
  if (command == "dump" && argc == 3) return dump(argv[2]);
  std::fprintf(stderr, "usage: quotes_eval dump FILE\n");
  return 2;
}
