// SPDX-License-Identifier: MIT
// The hand-written date scanner: matches date, time, duration and set expressions over a
// block's tokens and normalises them against the document date, news-tagger style. Every
// pattern looks ahead a bounded number of tokens, so a scan is linear in the text.
#pragma once

#include <string_view>
#include <vector>

#include "calendar.hpp"
#include "date_expression.hpp"
#include "token.hpp"

namespace marginalia::plugins::dates {

/// How to read an all-numeric date whose first two numbers could both be the month.
enum class NumericOrder : std::uint8_t { automatic, day_first, month_first };

/// What the scanner resolves against.
struct ScanSettings {
  bool has_document_date = false;
  CivilDate document_date;  ///< the report's own date (day precision)
  NumericOrder order = NumericOrder::automatic;
};

/// Finds and normalises the date expressions of one document, block by block, in text order.
/// Keeps the last explicit date as the reference for "the previous year" and "a day later".
class DateScanner {
 public:
  DateScanner(std::string_view text, ScanSettings settings);

  /// Scans one block's tokens (from `tokenize`) and appends what it finds to `out`. A heading
  /// (title, dateline) sets the year the narrative is in with any dated expression it holds.
  void scan(const std::vector<Token>& tokens, std::vector<DateExpression>& out, bool heading = false);

  /// Parses a short text on its own (a TEI `<date>`'s content); no reference date is kept.
  std::vector<DateExpression> scan_text(sdk::Span range);

  struct Point;  ///< a parsed calendar point (defined in the .cpp)
  struct Match;  ///< a pattern match over tokens (defined in the .cpp)

 private:

  bool match_at(std::size_t i, Match& m);
  bool match_number(std::size_t i, Match& m);
  bool match_numeric_date(std::size_t i, Match& m);
  bool match_time(std::size_t i, Match& m);
  bool match_day_month(std::size_t i, Match& m, bool allow_range);
  bool match_month_led(std::size_t i, Match& m, bool need_context, bool allow_range);
  bool match_weekday(std::size_t i, Match& m);
  bool match_full_date(std::size_t i, Match& m);
  bool match_year_forms(std::size_t i, Match& m);
  bool match_amount(std::size_t i, Match& m);
  bool match_relative_word(std::size_t i, Match& m);
  bool match_modifier(std::size_t i, Match& m, std::size_t span_begin);
  bool match_part(std::size_t i, Match& m, std::size_t span_begin);
  bool match_ordinal_period(std::size_t i, Match& m, std::size_t span_begin);
  bool match_article(std::size_t i, Match& m);
  bool match_signal(std::size_t i, Match& m);
  bool match_inner_point(std::size_t i, Match& m);
  bool match_period_anchor(std::size_t i, Point& p, std::size_t& end);
  bool match_fiscal(std::size_t i, Match& m);
  bool day_of_sentence(std::size_t i, CivilDate& out) const;
  bool match_record_period(std::size_t unit_token, Match& m, std::size_t span_begin);

  bool year_at(std::size_t i, int& year, bool strong_context = false) const;
  bool bare_year_ok(std::size_t i) const;
  int number_at(std::size_t i, std::size_t& end) const;
  std::string_view word_text(std::size_t i) const;
  template <std::size_t N>
  bool word_is(std::size_t i, const char (&lower)[N]) const { return word_equals(i, lower, N - 1); }
  bool word_equals(std::size_t i, const char* lower, std::size_t n) const;
  bool is(std::size_t i, WordClass cls) const;
  bool punct(std::size_t i, char32_t c) const;
  bool dash(std::size_t i) const;
  bool glued(std::size_t i) const;  ///< token i follows token i-1 with no space
  std::size_t skip_abbreviation_dot(std::size_t i) const;
  Tense tense_around(std::size_t first, std::size_t end) const;
  bool same_sentence(std::size_t earlier, std::size_t later) const;
  bool opens_sentence(std::size_t first) const;
  bool looks_ahead(std::size_t first, std::size_t end) const;
  void note_written_year(const Match& m);

  void resolve(Point& p, std::size_t first, std::size_t end);
  void emit(Match& m, std::vector<DateExpression>& out);

  std::string_view text_;
  ScanSettings settings_;
  const std::vector<Token>* tokens_ = nullptr;
  bool has_reference_ = false;
  CivilDate reference_;
  Granularity reference_granularity_ = Granularity::none;
  // The years a year-less month or day can take from the text (README, "Year-less dates").
  bool heading_ = false;           ///< the block being scanned is a heading, title or dateline
  int block_year_ = 0;             ///< year of the last dated expression of the current block
  std::size_t block_year_token_ = 0;
  int scene_year_ = 0;             ///< the year the narrative is in: set by a heading or a sentence-opening date
  int last_year_ = 0;              ///< year of the last full date written with its year
  bool far_year_seen_ = false;     ///< a written year two or more years from the document date
  // The last day the text dated ("on Monday"): what "the day" and a bare clock time refer to.
  bool has_last_day_ = false;
  CivilDate last_day_;
  std::size_t last_day_token_ = 0;
  int block_index_ = 0, last_day_block_ = -1;
};

}  // namespace marginalia::plugins::dates
