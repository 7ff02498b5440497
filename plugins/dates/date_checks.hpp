// SPDX-License-Identifier: MIT
// The dates plugin's checks, one function per finding code, each in its own source file.
// Every check reads the scanned document and appends findings; none keeps state.
#pragma once

#include <string>
#include <vector>

#include <marginalia/sdk/codes.hpp>
#include <marginalia/sdk/finding.hpp>

#include "scanned_document.hpp"

namespace marginalia::plugins::dates {

/// Finding codes, as declared in the plugin's info().
inline constexpr const char* code_impossible_date = "dates/impossible-date";
inline constexpr const char* code_weekday_mismatch = "dates/weekday-mismatch";
inline constexpr const char* code_date_after_document = "dates/date-after-document";
inline constexpr const char* code_ambiguous_numeric_date = "dates/ambiguous-numeric-date";
inline constexpr const char* code_mixed_styles = "dates/mixed-styles";
inline constexpr const char* code_event_date_conflict = "dates/event-date-conflict";
inline constexpr const char* code_tei_date_mismatch = "dates/tei-date-mismatch";

/// Every code the plugin reports, with its default severity and summary; info() publishes it.
extern const sdk::CodeTable code_table;

/// "31 April 2023", "29 February 2023", "32 May 2024".
void check_impossible_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// "Monday, 24 April 2024" when 24 April 2024 is a Wednesday.
void check_weekdays(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// A date after the document's own date in a past-tense clause.
void check_dates_after_document(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// "04/05/2024" with no configured order and nothing in the document to settle it.
void check_ambiguous_numeric_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// Day-month and month-day dates (or both numeric orders) in one document.
void check_mixed_styles(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// One named event given two different dates.
void check_event_dates(const ScannedDocument& scanned, std::vector<sdk::Finding>& out);
/// A source `<date when>` that disagrees with the text it wraps.
void check_tei_dates(const ScannedDocument& scanned, DateScanner& scanner, std::vector<sdk::Finding>& out);

/// "24 April 2024" for a day number.
std::string written_date(std::int64_t day);
/// The text of a span, for messages.
std::string quoted(const sdk::Document& document, sdk::Span span);

}  // namespace marginalia::plugins::dates
