// SPDX-License-Identifier: MIT
#include "quote_scanner.hpp"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <marginalia/sdk/code_spans.hpp>
#include <marginalia/sdk/text.hpp>

#include "code_line.hpp"
#include "letter_classes.hpp"

namespace marginalia::plugins::quotes {

namespace {

using sdk::BlockKind;
using sdk::Span;

constexpr char32_t ldquo = 0x201C, rdquo = 0x201D, bdquo = 0x201E, lsquo = 0x2018, rsquo = 0x2019, sbquo = 0x201A;
constexpr char32_t laquo = 0xAB, raquo = 0xBB, lsaquo = 0x2039, rsaquo = 0x203A;

bool is_prose(BlockKind kind) {
  return kind == BlockKind::paragraph || kind == BlockKind::list_item || kind == BlockKind::block_quote;
}

bool is_word(char32_t c) { return is_letter(c) || sdk::is_ascii_digit(c); }

bool is_opening_mark(char32_t c) {
  return c == ldquo || c == lsquo || c == bdquo || c == sbquo || c == laquo || c == lsaquo || c == '"' || c == '\'';
}

// What may stand before an opening mark: nothing, space, an opening bracket, a dash, a slash,
// or emphasis markup (`*"*The tenet…` sets the mark itself in italics).
bool opens_after(char32_t c) {
  return c == 0 || sdk::is_space(c) || c == '(' || c == '[' || c == '{' || c == '<' || c == '/' || c == '-' || c == '*' || c == '_' ||
         c == 0x2013 || c == 0x2014 || c == 0x2015 || is_opening_mark(c) || c == raquo;
}

// What may follow a closing mark: nothing, space, punctuation, a closing bracket, a digit (a
// footnote marker fused to the mark: “…”18) or another closing mark.
bool closes_before(char32_t c) {
  return c == 0 || sdk::is_space(c) || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' ||
         c == ']' || c == '[' || c == '}' || c == '>' || c == 0x2026 || c == 0x2013 || c == 0x2014 || c == '-' || sdk::is_ascii_digit(c) ||
         c == rdquo || c == rsquo || c == '"' || c == '\'' || c == raquo || c == 0xB9 || c == 0xB2 || c == 0xB3 ||
         (c >= 0x2070 && c <= 0x2079) || c == '*' || c == '^';
}

// An open quotation while its paragraph is scanned.
struct Open {
  char32_t mark = 0;
  char32_t closer = 0;
  MarkFamily family = MarkFamily::curly;
  bool single = false;
  std::uint32_t begin = 0;        // the first opening mark (first paragraph)
  std::uint32_t mark_length = 0;  // bytes of the first opening mark
  std::uint32_t piece_begin = 0;  // where the current paragraph's piece starts
  std::uint32_t block = 0;
  std::vector<Span> pieces;       // earlier paragraphs' pieces
  bool carried = false;           // kept open across a display set inside it
};

class Scanner {
 public:
  explicit Scanner(const sdk::Document& document) : document_(document), text_(document.text), code_(document) {}

  ScanResult run() {
    const auto& blocks = document_.blocks;
    std::uint32_t skip_at = UINT32_MAX;  // a continuation mark to consume at a paragraph start
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
      block_ = b;
      span_ = blocks[b].span;
      if (span_.end > text_.size() || span_.begin > span_.end) continue;
      scan_block(skip_at);
      skip_at = end_block(b);
    }
    finish();
    return std::move(result_);
  }

 private:
  char32_t before(std::uint32_t pos) const {
    if (pos <= span_.begin) return 0;
    std::size_t p = pos;
    return sdk::previous_code_point(text_, p);
  }
  char32_t after(std::uint32_t pos) const {
    if (pos >= span_.end) return 0;
    std::size_t p = pos;
    return sdk::next_code_point(text_, p);
  }

  void scan_block(std::uint32_t skip_at) {
    // Marks in a line of code set as a paragraph delimit string literals.
    if (document_.blocks[block_].kind == BlockKind::paragraph && stack_.empty() && looks_like_code(document_.slice(span_))) return;
    const unsigned char* data = reinterpret_cast<const unsigned char*>(text_.data());
    std::uint32_t i = span_.begin;
    const std::uint32_t end = span_.end;
    while (i < end) {
      unsigned char byte = data[i];
      // Only three lead bytes can start a quotation mark; everything else is skipped at once.
      if (byte != '"' && byte != '\'' && byte != 0xE2 && byte != 0xC2) { ++i; continue; }
      // A mark inside inline code (`x = "abc`) is part of the code: it neither opens nor closes.
      if (const Span* code = code_.at(i)) { i = std::max(i + 1, code->end); continue; }
      std::size_t next = i;
      char32_t c = sdk::next_code_point(text_, next);
      std::uint32_t length = static_cast<std::uint32_t>(next - i);
      if (i == skip_at) { i += length; continue; }
      if (continues_inner_paragraph(c, i)) { i += length; continue; }
      if (c == '"' && i > span_.begin && data[i - 1] == '=') {
        // `width="650px"`, `{: .note title="Tip"}`, `<cell rend="x">` left in the text: an
        // attribute value of markup, not a quotation. Skip to its closing mark on the same line.
        std::uint32_t k = i + 1;
        while (k < end && data[k] != '"' && data[k] != '\n') ++k;
        if (k < end && data[k] == '"') { i = k + 1; continue; }
      }
      if (c == '"' || c == '\'' || c == ldquo || c == rdquo || c == bdquo || c == lsquo || c == rsquo || c == sbquo ||
          c == laquo || c == raquo || c == lsaquo || c == rsaquo)
        mark(c, i, length);
      i += length;
    }
  }

  // A note or a letter read as one block keeps its paragraphs apart by blank lines; a quotation
  // over several of them repeats its opening mark at each one ("“August 18, 1824. ⏎⏎ “The
  // many…”"), as across blocks (end_block). True when the mark at `pos` is such a repeat; the
  // marks opened inside the previous paragraph are then unbalanced.
  bool continues_inner_paragraph(char32_t c, std::uint32_t pos) {
    if (stack_.empty() || stack_.front().mark != c || !at_inner_paragraph_start(pos)) return false;
    while (stack_.size() > 1) {
      unclosed(stack_.back());
      stack_.pop_back();
    }
    return true;
  }

  // True when only spaces and emphasis stand between `pos` and a blank line inside the block.
  bool at_inner_paragraph_start(std::uint32_t pos) const {
    std::uint32_t p = pos;
    while (p > span_.begin && (text_[p - 1] == ' ' || text_[p - 1] == '\t' || text_[p - 1] == '*' || text_[p - 1] == '_')) --p;
    if (p <= span_.begin || text_[p - 1] != '\n') return false;
    --p;
    while (p > span_.begin && (text_[p - 1] == ' ' || text_[p - 1] == '\t' || text_[p - 1] == '\r')) --p;
    return p > span_.begin && text_[p - 1] == '\n';
  }

  int top_index() const { return static_cast<int>(stack_.size()) - 1; }
  bool top_is(char32_t mark) const { return !stack_.empty() && stack_.back().mark == mark; }
  int find_open(bool (*match)(const Open&)) const {
    for (int k = top_index(); k >= 0; --k)
      if (match(stack_[static_cast<std::size_t>(k)])) return k;
    return -1;
  }

  // True when a single-mark quotation was opened after the quotation at `k` and is still open.
  bool nested_in_single(int k) const {
    for (int i = k + 1; i <= top_index(); ++i)
      if (stack_[static_cast<std::size_t>(i)].single) return true;
    return false;
  }

  void push(char32_t mark, char32_t closer, MarkFamily family, bool single, std::uint32_t pos, std::uint32_t length) {
    Open open;
    open.mark = mark;
    open.closer = closer;
    open.family = family;
    open.single = single;
    open.begin = pos;
    open.mark_length = length;
    open.piece_begin = pos;
    open.block = block_;
    stack_.push_back(std::move(open));
  }

  void unclosed(const Open& open) {
    // A straight single mark never closed was an apostrophe or a prime ('tis, 5'), not a quote.
    if (open.family == MarkFamily::straight && open.single) return;
    result_.stray.push_back({{open.begin, open.begin + open.mark_length}, open.mark, true, open.closer});
  }

  void stray_closing(char32_t mark, std::uint32_t pos, std::uint32_t length) {
    result_.stray.push_back({{pos, pos + length}, mark, false, 0});
  }

  void close(int index, std::uint32_t pos, std::uint32_t length) {
    while (top_index() > index) {
      unclosed(stack_.back());
      stack_.pop_back();
    }
    Open open = std::move(stack_.back());
    stack_.pop_back();
    Quotation q;
    q.span = {open.begin, pos + length};
    q.inner = {open.begin + open.mark_length, pos};
    q.pieces = std::move(open.pieces);
    q.pieces.push_back({open.piece_begin, pos + length});
    q.origin = QuoteOrigin::marks;
    q.family = open.family;
    q.open_mark = open.mark;
    q.block = open.block;
    q.outside_prose = !is_prose(document_.blocks[open.block].kind) || transcribed_note(open.block);
    result_.quotations.push_back(std::move(q));
  }

  // A transcribed book sets its notes as paragraphs "[Footnote 2: J. King Merritt: “Report on
  // the huacals…” Bulletin…, 1860.]": a note, whatever block the reader made of it.
  bool transcribed_note(std::uint32_t block) const {
    std::string_view t = document_.slice(document_.blocks[block].span);
    std::size_t i = 0;
    while (i < t.size() && (t[i] == ' ' || t[i] == '\n')) ++i;
    t.remove_prefix(i);
    return t.substr(0, 10) == "[Footnote " || t.substr(0, 6) == "[Note " || t.substr(0, 10) == "[Endnote ";
  }

  bool elision(char32_t left, std::uint32_t after_mark) const {
    // ‘90s, rock‘n, ‘n’, ‘em, ‘tis, ‘twas, ‘cause, ‘til.
    if (is_word(left)) return true;
    std::string_view rest(text_.data() + after_mark, std::min<std::size_t>(8, span_.end - after_mark));
    if (!rest.empty() && sdk::is_ascii_digit(static_cast<unsigned char>(rest[0]))) return true;
    for (std::string_view word : {"n", "em", "tis", "twas", "cause", "til", "bout"}) {
      if (rest.size() < word.size()) continue;
      bool same = true;  // ‘Em and ‘em alike
      for (std::size_t k = 0; k < word.size() && same; ++k)
        same = std::tolower(static_cast<unsigned char>(rest[k])) == word[k];
      if (!same) continue;
      std::size_t p = after_mark + word.size();
      if (p >= span_.end) return true;
      char32_t c = after(static_cast<std::uint32_t>(p));
      if (!is_word(c)) return true;
    }
    return false;
  }

  void mark(char32_t c, std::uint32_t pos, std::uint32_t length) {
    const char32_t left = before(pos);
    const char32_t right = after(pos + length);
    // A mark followed by a comma or closing bracket opens nothing (`paste(x, collapse = ", ")`).
    const bool opener_like = opens_after(left) && right != 0 && !sdk::is_space(right) && right != ',' && right != ';' && right != ')' &&
                             right != ']';
    const bool closer_like = left != 0 && !sdk::is_space(left) && closes_before(right);
    switch (c) {
      case ldquo:
        if (top_is(bdquo)) { close(top_index(), pos, length); return; }
        // “ written where ” belongs ("hi“ and"): close rather than open a second quotation.
        if (top_is(ldquo) && closer_like && !opener_like) { close(top_index(), pos, length); return; }
        push(c, rdquo, MarkFamily::curly, false, pos, length);
        return;
      case rdquo: {
        int k = find_open([](const Open& o) { return !o.single && (o.mark == ldquo || o.mark == bdquo); });
        if (k >= 0) close(k, pos, length);
        else if (top_is('"') && closer_like) {
          // `"Building Bridges… Research.”`: opened straight, closed curly. One slip, reported
          // once at the opening mark; the words between are the quotation.
          const Open& open = stack_.back();
          result_.stray.push_back({{open.begin, open.begin + open.mark_length}, open.mark, true, open.closer, c});
          close(top_index(), pos, length);
        } else stray_closing(c, pos, length);
        return;
      }
      case bdquo:
        push(c, ldquo, MarkFamily::low, false, pos, length);
        return;
      case lsquo:
        if (top_is(sbquo)) { close(top_index(), pos, length); return; }
        if (elision(left, pos + length)) return;
        if (top_is(lsquo) && closer_like && !opener_like) { close(top_index(), pos, length); return; }
        push(c, rsquo, MarkFamily::curly, true, pos, length);
        return;
      case rsquo:
        // Russia’s, don’t; but ‘access gap’42 closes before a fused note marker.
        if (is_word(left) && is_word(right) && !(top_is(lsquo) && sdk::is_ascii_digit(right))) return;
        // "…forest . . . ’”": a space before is fine when a closing mark or the end follows.
        if (top_is(lsquo) && left != 0 &&
            (!sdk::is_space(left) || right == 0 || sdk::is_space(right) || right == rdquo || right == '"' || right == raquo))
          close(top_index(), pos, length);
        return;  // otherwise an apostrophe: ’90s, ’n’, the girls’
      case sbquo:
        if ((left == 0 || sdk::is_space(left)) && is_word(right)) push(c, lsquo, MarkFamily::low, true, pos, length);
        return;
      case laquo:
        if (top_is(raquo)) { close(top_index(), pos, length); return; }
        push(c, raquo, MarkFamily::guillemet, false, pos, length);
        return;
      case raquo: {
        int k = find_open([](const Open& o) { return o.mark == laquo; });
        if (k >= 0) close(k, pos, length);
        else if (opener_like && !closer_like) push(c, laquo, MarkFamily::guillemet, false, pos, length);
        else stray_closing(c, pos, length);
        return;
      }
      case lsaquo:
        if (top_is(rsaquo)) { close(top_index(), pos, length); return; }
        if (opener_like) push(c, rsaquo, MarkFamily::guillemet, true, pos, length);
        return;
      case rsaquo: {
        if (top_is(lsaquo)) close(top_index(), pos, length);
        else if (opener_like && !closer_like) push(c, lsaquo, MarkFamily::guillemet, true, pos, length);
        return;
      }
      case '"': {
        int k = find_open([](const Open& o) { return o.mark == '"'; });
        if (k >= 0 && opener_like && !closer_like && nested_in_single(k)) {
          // `"…so she says, 'Well, dear, "An anxious mind…"' Oh…"`: double marks inside single
          // ones inside double ones, the print convention for a quotation within a quotation.
          push(c, '"', MarkFamily::straight, false, pos, length);
          return;
        }
        if (k >= 0) {
          if (opener_like && !closer_like) {
            // `said "yes and "no"`: the first one was never closed — unless a closing mark
            // follows the second one's, in the same paragraph (`"The boom is not "a pig in a
            // python," but a change."`): straight marks nested in straight marks. Held until
            // the paragraph ends (stray_closing, end_block).
            while (top_index() > k) { unclosed(stack_.back()); stack_.pop_back(); }
            displaced_.push_back(std::move(stack_.back()));
            stack_.pop_back();
            push(c, '"', MarkFamily::straight, false, pos, length);
          } else {
            close(k, pos, length);
          }
          return;
        }
        if (sdk::is_ascii_digit(left)) return;  // 3.5" — inches or seconds
        if (opener_like) push(c, '"', MarkFamily::straight, false, pos, length);
        else if (closer_like && !displaced_.empty()) {
          stack_.push_back(std::move(displaced_.back()));
          displaced_.pop_back();
          close(top_index(), pos, length);
        } else if (closer_like) stray_closing(c, pos, length);
        return;
      }
      case '\'':
        if (is_word(left) && is_word(right)) return;
        if (top_is('\'') && left != 0 && !sdk::is_space(left) && !is_word(right)) { close(top_index(), pos, length); return; }
        if (opens_after(left) && is_letter(right) && !elision(left, pos + length)) push(c, '\'', MarkFamily::straight, true, pos, length);
        return;
      default:
        return;
    }
  }

  // At a paragraph's end: a quotation still open either continues (the next paragraph opens with
  // the same mark, the convention for quotations over several paragraphs), goes on across a
  // display set inside it (below), or is unbalanced.
  // Returns the offset of the continuation mark to skip, or UINT32_MAX.
  std::uint32_t end_block(std::uint32_t b) {
    report_displaced();
    if (stack_.empty()) return UINT32_MAX;
    while (!stack_.empty() && stack_.back().family == MarkFamily::straight && stack_.back().single) stack_.pop_back();
    if (stack_.empty()) return UINT32_MAX;
    const auto& blocks = document_.blocks;
    const bool display_next = b + 1 < blocks.size() && blocks[b + 1].kind == BlockKind::block_quote;
    // A speech that recites verse or reads out a letter: "…my mother sang when I was a child,"
    // then the lines set as a display, then the speech goes on (with or without the mark
    // repeated) and closes later — or closes at the end of the display itself. The quotation
    // stays open through the display; marks opened inside the display are its own.
    if (blocks[b].kind == BlockKind::block_quote && stack_.front().carried) {
      while (!stack_.back().carried) { unclosed(stack_.back()); stack_.pop_back(); }
      if (display_next) { carry_to(b, blocks[b + 1].span.begin); return UINT32_MAX; }
      if (b + 1 < blocks.size() && is_prose(blocks[b + 1].kind)) {
        std::uint32_t continuation = continuation_mark(blocks[b + 1].span);
        carry_to(b, continuation == UINT32_MAX ? blocks[b + 1].span.begin : continuation);
        for (Open& open : stack_) open.carried = false;
        return continuation;
      }
      while (!stack_.empty()) { unclosed(stack_.back()); stack_.pop_back(); }
      return UINT32_MAX;
    }
    if (display_next && is_prose(blocks[b].kind) && blocks[b].kind != BlockKind::block_quote) {
      for (Open& open : stack_) open.carried = true;
      carry_to(b, blocks[b + 1].span.begin);
      return UINT32_MAX;
    }
    std::uint32_t continuation = UINT32_MAX;
    if (b + 1 < blocks.size() && is_prose(blocks[b].kind) && is_prose(blocks[b + 1].kind)) {
      continuation = continuation_mark(blocks[b + 1].span);
      // A paragraph that stops mid-sentence ("…on “From the Have Nots to the Haves: The Rise
      // and") goes on in the next one: e-mail or hard-wrapped lines pasted into a word
      // processor, one paragraph per line. The quotation may close there.
      if (continuation == UINT32_MAX && stops_mid_sentence(blocks[b].span)) {
        carry_to(b, blocks[b + 1].span.begin);
        return UINT32_MAX;
      }
    }
    if (continuation == UINT32_MAX) {
      while (!stack_.empty()) { unclosed(stack_.back()); stack_.pop_back(); }
      return UINT32_MAX;
    }
    while (stack_.size() > 1) { unclosed(stack_.back()); stack_.pop_back(); }
    carry_to(b, continuation);
    return continuation;
  }

  // True when the block's text ends with a lower-case letter or a comma: no sentence ends there.
  bool stops_mid_sentence(Span block) const {
    std::size_t p = block.end;
    while (p > block.begin) {
      std::size_t q = p;
      char32_t c = sdk::previous_code_point(text_, q);
      if (!sdk::is_space(c)) return c == ',' || (is_letter(c) && is_lower(c));
      p = q;
    }
    return false;
  }

  // The offset of the paragraph's first mark when it repeats the open quotation's mark.
  std::uint32_t continuation_mark(Span next) const {
    std::size_t p = next.begin;
    while (p < next.end) {
      std::size_t q = p;
      char32_t c = sdk::next_code_point(text_, q);
      if (!sdk::is_space(c) && c != '*' && c != '_') return c == stack_.front().mark ? static_cast<std::uint32_t>(p) : UINT32_MAX;
      p = q;
    }
    return UINT32_MAX;
  }

  // Ends the open quotations' piece in block `b`; the next piece starts at `next`.
  void carry_to(std::uint32_t b, std::uint32_t next) {
    for (Open& open : stack_) {
      open.pieces.push_back({open.piece_begin, document_.blocks[b].span.end});
      open.piece_begin = next;
    }
  }

  void report_displaced() {
    for (const Open& open : displaced_) unclosed(open);
    displaced_.clear();
  }

  void finish() {
    report_displaced();
    while (!stack_.empty()) { unclosed(stack_.back()); stack_.pop_back(); }
    add_block_quotations();
    add_markup_quotations();
    auto& quotations = result_.quotations;
    std::sort(quotations.begin(), quotations.end(), [](const Quotation& a, const Quotation& b) {
      return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
    });
    std::vector<int> open;
    for (std::size_t i = 0; i < quotations.size(); ++i) {
      while (!open.empty() && quotations[static_cast<std::size_t>(open.back())].span.end <= quotations[i].span.begin) open.pop_back();
      quotations[i].parent = open.empty() ? -1 : open.back();
      open.push_back(static_cast<int>(i));
    }
    std::sort(result_.stray.begin(), result_.stray.end(), [](const StrayMark& a, const StrayMark& b) { return a.span < b.span; });
  }

  Span trimmed(Span span) const {
    while (span.begin < span.end) {
      std::size_t p = span.begin;
      char32_t c = sdk::next_code_point(text_, p);
      if (!sdk::is_space(c)) break;
      span.begin = static_cast<std::uint32_t>(p);
    }
    while (span.end > span.begin) {
      std::size_t p = span.end;
      char32_t c = sdk::previous_code_point(text_, p);
      if (!sdk::is_space(c)) break;
      span.end = static_cast<std::uint32_t>(p);
    }
    return span;
  }

  static bool callout(std::string_view text) {
    if (text.substr(0, 2) == "[!") return true;
    for (std::string_view label : {"Note", "NOTE", "Tip", "TIP", "Warning", "WARNING", "Important", "IMPORTANT", "Caution", "CAUTION"}) {
      if (text.substr(0, label.size()) != label || text.size() <= label.size()) continue;
      char next = text[label.size()];
      if (next == ':' || (next == '*' && text.substr(label.size(), 3) == "**:") || (next == '*' && text.substr(label.size(), 2) == "*:")) return true;
    }
    return false;
  }

  // A run of block-quote paragraphs is one display quotation, unless it opens with a quotation
  // between marks: then the block only sets off that quotation and its attribution ("“…,” said
  // X"). A last paragraph "— Name" is the attribution, not quoted text.
  void add_block_quotations() {
    const auto& blocks = document_.blocks;
    std::size_t marks_count = result_.quotations.size();
    for (std::size_t b = 0; b < blocks.size();) {
      if (blocks[b].kind != BlockKind::block_quote) { ++b; continue; }
      std::size_t e = b;
      while (e + 1 < blocks.size() && blocks[e + 1].kind == BlockKind::block_quote) ++e;
      std::string attribution;
      std::size_t last = e;
      Span tail = trimmed(blocks[e].span);
      if (e > b || tail.size() < 80) {
        std::size_t p = tail.begin;
        char32_t c = tail.empty() ? 0 : sdk::next_code_point(text_, p);
        if (c == 0x2014 || c == 0x2013 || c == 0x2015 || (c == '-' && p < tail.end && text_[p] == '-')) {
          while (p < tail.end && (text_[p] == '-' || text_[p] == ' ')) ++p;
          attribution = std::string(text_.substr(p, tail.end - p));
          if (e > b) last = e - 1;
        }
      }
      if (!attribution.empty() && last == e) { b = e + 1; continue; }  // a lone "— Name" paragraph
      Span whole = trimmed({blocks[b].span.begin, blocks[last].span.end});
      // GitHub's `> [!NOTE]` and `> [!WARNING]`, and `> Note: …` in standards and guides, are
      // callouts set as block quotes, not quotations.
      if (callout(document_.slice(whole))) { b = e + 1; continue; }
      bool covered = false;
      for (std::size_t i = 0; i < marks_count && !covered; ++i) {
        const Quotation& q = result_.quotations[i];
        covered = q.span.begin <= whole.begin + 4 && q.span.begin >= whole.begin && q.span.end > whole.begin;
      }
      if (!covered && !whole.empty()) {
        Quotation q;
        q.span = whole;
        q.inner = whole;
        for (std::size_t k = b; k <= last; ++k) q.pieces.push_back(trimmed(blocks[k].span));
        q.origin = QuoteOrigin::block_quote;
        q.family = MarkFamily::none;
        q.block = static_cast<std::uint32_t>(b);
        q.markup_who = attribution;
        result_.quotations.push_back(std::move(q));
      } else if (covered && !attribution.empty()) {
        for (std::size_t i = 0; i < marks_count; ++i)
          if (result_.quotations[i].span.begin <= whole.begin + 4 && result_.quotations[i].span.end + 8 >= whole.end)
            result_.quotations[i].markup_who = attribution;
      }
      b = e + 1;
    }
  }

  static std::string attribute(const sdk::Element& element, std::string_view name) {
    for (const sdk::Attribute& a : element.attributes)
      if (a.name == name) return a.value;
    return {};
  }

  std::uint32_t block_of(std::uint32_t offset) const {
    const auto& blocks = document_.blocks;
    auto it = std::upper_bound(blocks.begin(), blocks.end(), offset, [](std::uint32_t value, const sdk::Block& block) {
      return value < block.span.begin;
    });
    return it == blocks.begin() ? 0 : static_cast<std::uint32_t>(it - blocks.begin() - 1);
  }

  // TEI <quote>/<q> arrive as elements; a quotation between marks around (or inside) the same
  // words is the same quotation. <said who> and <cit> around them give speaker and source.
  void add_markup_quotations() {
    const auto& elements = document_.elements;
    if (elements.empty()) return;
    bool blocks_sorted = std::is_sorted(document_.blocks.begin(), document_.blocks.end(),
                                        [](const sdk::Block& a, const sdk::Block& b) { return a.span.begin < b.span.begin; });
    std::vector<const sdk::Element*> said, cit, refs;
    for (const sdk::Element& element : elements) {
      if (element.name == "said" && attribute(element, "direct") != "false") said.push_back(&element);
      else if (element.name == "cit") cit.push_back(&element);
      else if (element.name == "ref" || element.name == "bibl" || element.name == "ptr") refs.push_back(&element);
    }
    std::size_t marks_count = result_.quotations.size();
    for (const sdk::Element& element : elements) {
      if (element.name != "quote" && element.name != "q") continue;
      Span inner = trimmed(element.span);
      if (inner.empty()) continue;
      Quotation* same = nullptr;
      for (std::size_t i = 0; i < marks_count && !same; ++i) {
        Quotation& q = result_.quotations[i];
        if (q.span.overlaps(inner) && (trimmed(q.inner) == inner || q.span == inner || (inner.contains(q.span) && inner.size() - q.span.size() <= 8)))
          same = &q;
      }
      // An epigraph as one element, the words in marks and the attribution after a dash
      // (`<quote>“…”—William H. Seward to Charles F. Adams, March 2, 1864</quote>`): the words
      // are the quotation, the rest names its speaker and source.
      for (std::size_t i = 0; i < marks_count && !same; ++i) {
        Quotation& q = result_.quotations[i];
        if (q.parent >= 0 || q.span.begin < inner.begin || q.span.begin > inner.begin + 4 || q.span.end >= inner.end) continue;
        std::size_t p = q.span.end;
        while (p < inner.end && text_[p] == ' ') ++p;
        std::size_t r = p;
        char32_t dash = p < inner.end ? sdk::next_code_point(text_, r) : 0;
        if (dash == 0x2014 || dash == 0x2015) same = &q;
      }
      Quotation added;
      Quotation& q = same ? *same : added;
      if (!same) {
        q.span = inner;
        q.inner = inner;
        q.pieces = {inner};
        q.family = MarkFamily::none;
        q.block = blocks_sorted ? block_of(inner.begin) : 0;
        q.outside_prose = !document_.blocks.empty() && !is_prose(document_.blocks[q.block].kind);
      }
      q.origin = QuoteOrigin::markup;
      q.markup_who = attribute(element, "who");
      q.markup_source = attribute(element, "source");
      for (const sdk::Element* s : said)
        if (s->span.contains(inner) && q.markup_who.empty()) q.markup_who = attribute(*s, "who");
      for (const sdk::Element* c : cit) {
        if (!c->span.contains(inner) || !q.markup_source.empty()) continue;
        for (const sdk::Element* r : refs)
          if (c->span.contains(r->span) && !inner.contains(r->span)) {
            q.markup_source = attribute(*r, "target");
            if (q.markup_source.empty()) q.markup_source = std::string(document_.slice(r->span));
            break;
          }
      }
      if (!same) result_.quotations.push_back(std::move(added));
    }
  }

  const sdk::Document& document_;
  std::string_view text_;
  sdk::CodeSpans code_;
  std::uint32_t block_ = 0;
  Span span_;
  std::vector<Open> stack_;
  std::vector<Open> displaced_;  // straight quotations a second opening mark may have nested in
  ScanResult result_;
};

}  // namespace

ScanResult QuoteScanner::scan(const sdk::Document& document) const { return Scanner(document).run(); }

}  // namespace marginalia::plugins::quotes
