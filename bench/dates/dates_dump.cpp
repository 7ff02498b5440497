// SPDX-License-Identifier: MIT
// Prints every date expression the dates plugin finds in a file, with its TimeML value, TEI
// attributes and the findings: a tool for examining what the scanner does on real reports.
//   dates_dump FILE [--document-date YYYY-MM-DD] [--numeric-order auto|day-first|month-first] [--context N]
#include <cstdio>
#include <iostream>
#include <string>

#include "date_analysis.hpp"
#include "timex_type_name.hpp"
#include "readers/reader_registry.hpp"

using namespace marginalia;
using namespace marginalia::plugins::dates;

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: dates_dump FILE [--document-date YYYY-MM-DD] [--numeric-order ORDER]\n");
    return 2;
  }
  std::string path = argv[1], document_date;
  DateOptions options;
  std::size_t context = 0;
  for (int i = 2; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--document-date") document_date = value;
    else if (flag == "--context") context = std::stoul(value);
    else if (flag == "--numeric-order") options.numeric_order = value == "day-first" ? NumericOrder::day_first : value == "month-first" ? NumericOrder::month_first : NumericOrder::automatic;
  }
  readers::ReadResult read = readers::read_document(path, {});
  if (!read.document) {
    std::fprintf(stderr, "%s: %s\n", path.c_str(), read.error->message.c_str());
    return 2;
  }
  sdk::Document& document = read.document->document;
  if (!document_date.empty()) {
    bool set = false;
    for (sdk::Attribute& a : document.metadata)
      if (a.name == "date") { a.value = document_date; set = true; }
    if (!set) document.metadata.push_back({"date", document_date});
  }
  DateAnalysis analysis = analyse_document(document, options);
  std::cout << "document date: " << document.meta("date") << "\n";
  for (const FoundDate& f : analysis.scanned.dates) {
    const DateExpression& e = f.expression;
    std::cout << e.span.begin << "\t" << type_name(e.type) << "\t" << e.value << "\t";
    for (const sdk::Attribute& a : e.tei) std::cout << a.name << "=" << a.value << " ";
    std::cout << "\t" << document.slice(e.span);
    if (context) {
      std::size_t from = e.span.begin > context ? e.span.begin - context : 0;
      std::string around = document.text.substr(from, e.span.end + context - from);
      for (char& c : around) if (c == '\n' || c == '\t') c = ' ';
      std::cout << "\t" << around;
    }
    std::cout << "\n";
  }
  for (const sdk::Finding& finding : analysis.findings)
    std::cout << "FINDING " << finding.span.begin << " " << finding.code << ": " << finding.message << "\n";
  std::cout << analysis.marks.size() << " marks, " << analysis.findings.size() << " findings\n";
  return 0;
}
