// SPDX-License-Identifier: MIT
#include "quote_analyzer.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <memory>

#include <marginalia/sdk/segment.hpp>
#include <marginalia/sdk/text.hpp>

#include "letter_classes.hpp"
#include "name_finder.hpp"
#include "name_index.hpp"
#include "quote_scanner.hpp"
#include "vocabulary.hpp"
#include "word_lexer.hpp"

namespace marginalia::plugins::quotes {

namespace {

using sdk::BlockKind;
using sdk::Span;

bool is_prose(BlockKind kind) {
  return kind == BlockKind::paragraph || kind == BlockKind::list_item || kind == BlockKind::block_quote;
}

// A narrative has at least this many turns of dialogue, and one in this many paragraphs.
constexpr int kMinTurnPairs = 3;
constexpr int kParagraphsPerTurn = 20;
// A line of verse fits on one line of print.
constexpr std::size_t kVerseLineBytes = 90;

// One prose block, lexed: its tokens and sentences.
struct Context {
  std::uint32_t block = 0;
  std::vector<Token> tokens;
  // Sentences are split only for paragraphs that hold or introduce a quotation (see `ensure`).
  mutable bool split = false;
  mutable std::vector<Span> sentences;
  mutable std::vector<std::size_t> sentence_first;  // first token of each sentence; one extra entry = tokens.size()
  mutable std::vector<unsigned> flags;               // vocabulary flags per token, filled on demand

  std::size_t sentence_of(std::size_t token) const {
    auto it = std::upper_bound(sentence_first.begin(), sentence_first.end() - 1, token);
    return it == sentence_first.begin() ? 0 : static_cast<std::size_t>(it - sentence_first.begin() - 1);
  }
  std::size_t from(std::size_t sentence) const { return sentence_first[sentence]; }
  std::size_t to(std::size_t sentence) const { return sentence_first[sentence + 1]; }
};

// The shape of the quoted words: how many, capitalised how, ending how.
struct Shape {
  int words = 0;
  int capitalised = 0;       // words starting with a capital
  int long_lower = 0;        // lower-case words of four letters or more, other than short linking words
  bool first_capital = false;
  bool terminal = false;     // ends with . ! ? …
  bool punctuated = false;   // ends with . ! ? … or ,
};

class Analyzer {
 public:
  Analyzer(const sdk::Document& document, const AnalysisOptions& options)
      : document_(document),
        text_(document.text),
        options_(options),
        vocabulary_(options.extra_verbs),
        finder_(vocabulary_, text_),
        index_(vocabulary_, text_) {}

  Analysis run() {
    for (const sdk::Element& e : document_.elements)
      if (e.name == "bibl" || e.name == "listBibl" || e.name == "biblStruct") references_.push_back(e.span);
    ScanResult scan = QuoteScanner().scan(document_);
    quotes_ = std::move(scan.quotations);
    build_refs();
    const auto& blocks = document_.blocks;
    bool have_previous = false;
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
      if (!is_prose(blocks[b].kind)) continue;
      Context ctx;
      ctx.block = b;
      lex(text_, blocks[b].span, refs_, document_.note_refs, ctx.tokens);
      index_.add(ctx.tokens, 0, ctx.tokens.size(), finder_);
      // Citations of display quotations that wait for the next paragraph's first sentence.
      for (int q : awaiting_next_) {
        ensure(ctx);
        Quotation& quote = quotes_[static_cast<std::size_t>(q)];
        if (quote.citation.target.empty() && !ctx.sentences.empty()) cite_in_range(quote, ctx.sentences.front(), Span{});
      }
      awaiting_next_.clear();
      const bool item = blocks[b].kind == BlockKind::list_item;
      if (item && (b == 0 || blocks[b - 1].kind != BlockKind::list_item)) {
        list_intro_.reset();
        if (have_previous && previous_.block + 1 == b && ends_with_colon(previous_)) list_intro_ = std::make_unique<Context>(previous_);
        list_span_ = blocks[b].span;
      }
      if (item) list_span_.end = blocks[b].span.end;
      if (!item && !list_quotes_.empty()) cite_list(&ctx);
      for (std::size_t i = 0; i < ctx.tokens.size(); ++i) {
        const Token& t = ctx.tokens[i];
        if (t.kind != TokenKind::quote) continue;
        Quotation& q = quotes_[static_cast<std::size_t>(t.quote)];
        bool starts_here = q.block == b && t.span.begin == q.span.begin;
        bool ends_here = t.span.end == q.span.end;
        if (q.origin == QuoteOrigin::block_quote) {
          if (starts_here) display_quotation(t.quote, have_previous ? &previous_ : nullptr);
          continue;
        }
        const Context* intro = item && list_intro_ ? list_intro_.get() : have_previous ? &previous_ : nullptr;
        if (starts_here && ends_here) {
          process(t.quote, ctx, i, ctx, i, intro);
          if (item && q.kind == QuoteKind::direct) list_quotes_.push_back(t.quote);
        } else if (starts_here) {
          Pending& p = pending_[t.quote];
          ensure(ctx);
          if (intro) ensure(*intro);
          p.before = ctx;
          p.index = i;
          if (intro) p.intro = std::make_unique<Context>(*intro);
        } else if (ends_here) {
          auto found = pending_.find(t.quote);
          if (found != pending_.end()) {
            process(t.quote, found->second.before, found->second.index, ctx, i, found->second.intro.get());
            pending_.erase(found);
          } else {
            process(t.quote, ctx, i, ctx, i, nullptr);
          }
        }
      }
      previous_ = std::move(ctx);
      have_previous = true;
    }
    if (!list_quotes_.empty()) cite_list(nullptr);
    share_display_citations();
    classify_rest();
    inherit_speakers();
    assess();
    Analysis analysis;
    count_turns(analysis);
    analysis.stray = std::move(scan.stray);
    mark_verse(analysis.stray);
    analysis.quotations = std::move(quotes_);
    return analysis;
  }

 private:
  // ---- preparation ----------------------------------------------------------------------
  void build_refs() {
    for (std::size_t i = 0; i < quotes_.size(); ++i) {
      if (quotes_[i].parent >= 0) continue;
      for (const Span& piece : quotes_[i].pieces) refs_.push_back({piece, static_cast<int>(i)});
    }
    std::sort(refs_.begin(), refs_.end(), [](const QuoteRef& a, const QuoteRef& b) { return a.span.begin < b.span.begin; });
    // Overlapping top-level spans (markup against marks) would confuse the lexer: keep the first.
    std::vector<QuoteRef> clean;
    for (const QuoteRef& r : refs_)
      if (clean.empty() || clean.back().span.end <= r.span.begin) clean.push_back(r);
    refs_ = std::move(clean);
    // Sentences are the SDK's, told where the quotations and note markers are: a period inside
    // “…” does not end the sentence around it, and “…”.2 belongs to the sentence before.
    for (const QuoteRef& r : refs_) sentence_context_.quotations.push_back(r.span);
    for (const sdk::NoteRef& r : document_.note_refs) sentence_context_.markers.push_back(r.span);
    std::sort(sentence_context_.markers.begin(), sentence_context_.markers.end(),
              [](const Span& a, const Span& b) { return a.begin < b.begin; });
  }

  void ensure(const Context& ctx) const {
    if (ctx.split) return;
    ctx.split = true;
    ctx.sentences = sdk::split_sentences(text_, document_.blocks[ctx.block].span, sentence_context_);
    index_sentences(ctx);
  }

  static void index_sentences(const Context& ctx) {
    ctx.sentence_first.clear();
    std::size_t t = 0;
    for (const Span& s : ctx.sentences) {
      while (t < ctx.tokens.size() && ctx.tokens[t].span.begin < s.begin) ++t;
      ctx.sentence_first.push_back(t);
    }
    if (ctx.sentence_first.empty()) ctx.sentence_first.push_back(0);
    ctx.sentence_first.front() = 0;
    ctx.sentence_first.push_back(ctx.tokens.size());
  }

  // ---- small token helpers ----------------------------------------------------------------
  std::string folded(const Context& ctx, std::size_t i) const {
    const Token& t = ctx.tokens[i];
    return t.kind == TokenKind::word ? fold(stem(text_, t)) : std::string();
  }
  // The vocabulary flags of token i, looked up once per token.
  unsigned fl(const Context& ctx, std::size_t i) const {
    constexpr unsigned unknown = 1u << 31;
    if (ctx.flags.size() != ctx.tokens.size()) ctx.flags.assign(ctx.tokens.size(), unknown);
    unsigned& f = ctx.flags[i];
    if (f == unknown) f = ctx.tokens[i].kind == TokenKind::word ? vocabulary_.flags(folded(ctx, i)) : 0u;
    return f;
  }
  bool is_word(const Context& ctx, std::size_t i, std::string_view w) const {
    return i < ctx.tokens.size() && ctx.tokens[i].kind == TokenKind::word && folded(ctx, i) == w;
  }
  bool is_punct(const Context& ctx, std::size_t i, char32_t c) const {
    return i < ctx.tokens.size() && ctx.tokens[i].kind == TokenKind::punct && ctx.tokens[i].punct == c;
  }
  // A capitalised word mid-sentence is a name ("States"), not a verb.
  bool verb_at(const Context& ctx, std::size_t i) const {
    return i < ctx.tokens.size() && ctx.tokens[i].kind == TokenKind::word && !ctx.tokens[i].capitalized &&
           (fl(ctx, i) & Vocabulary::verb);
  }
  bool adverb_at(const Context& ctx, std::size_t i) const {
    if (i >= ctx.tokens.size() || ctx.tokens[i].kind != TokenKind::word) return false;
    std::string w = folded(ctx, i);
    return w.size() > 4 && w.compare(w.size() - 2, 2, "ly") == 0;
  }
  std::string text_of(const Context& ctx, std::size_t first, std::size_t last) const {
    std::string out;
    for (std::size_t i = first; i <= last; ++i) {
      if (!out.empty() && ctx.tokens[i].kind == TokenKind::word) out.push_back(' ');
      out.append(text_.substr(ctx.tokens[i].span.begin, ctx.tokens[i].span.size()));
    }
    return out;
  }

  Shape shape(Span inner) const {
    Shape s;
    std::size_t i = inner.begin;
    const std::size_t end = std::min<std::size_t>(inner.end, text_.size());
    char32_t last = 0;
    while (i < end) {
      std::size_t p = i;
      char32_t c = sdk::next_code_point(text_, p);
      if (is_letter(c) || sdk::is_ascii_digit(c)) {
        std::size_t start = i;
        bool capital = is_upper(c);
        int letters = 0;
        std::size_t q = i;
        while (q < end) {
          std::size_t r = q;
          char32_t d = sdk::next_code_point(text_, r);
          if (!(is_letter(d) || sdk::is_ascii_digit(d) || d == '-' || d == 0x2019 || d == '\'')) break;
          letters += is_letter(d) ? 1 : 0;
          q = r;
        }
        ++s.words;
        if (s.words == 1) s.first_capital = capital;
        if (capital) ++s.capitalised;
        else if (letters >= 4) {
          std::string w = fold(text_.substr(start, q - start));
          static constexpr std::string_view linking[] = {"with", "from", "into", "over", "upon", "than", "that", "this", "onto", "versus"};
          if (std::find(std::begin(linking), std::end(linking), w) == std::end(linking)) ++s.long_lower;
        }
        i = q;
        last = 'a';
        continue;
      }
      if (!sdk::is_space(c)) last = c;
      i = p;
    }
    s.terminal = last == '.' || last == '!' || last == '?' || last == 0x2026;
    s.punctuated = s.terminal || last == ',';
    return s;
  }

  // ---- classification -----------------------------------------------------------------------
  // "X said: “…”", "X warned that “…”.": a reporting verb whose whole complement is the
  // quotation (a quotation that goes on as a clause subject, "agreed that “the public good”
  // must…", is a phrase being used, not speech).
  bool speech_before(const Context& ctx, std::size_t qi, std::size_t from) const {
    if (qi == from) return false;
    std::size_t p = qi - 1;
    std::size_t next = qi + 1;
    bool complement_ends = next >= ctx.tokens.size() || ctx.tokens[next].kind == TokenKind::marker ||
                           (ctx.tokens[next].kind == TokenKind::punct && ctx.tokens[next].punct != 0x2014 && ctx.tokens[next].punct != '-' &&
                            ctx.tokens[next].punct != 0x2013);
    // "Wang Yi: “…”" introduces speech; "The Laggard FRUS: “Regular” Annual Volumes" is a heading
    // whose words go on after the marks.
    if (!complement_ends) return false;
    if (is_punct(ctx, p, ':')) return true;
    if (is_punct(ctx, p, ',') && p > from && verb_at(ctx, p - 1)) return true;
    if (verb_at(ctx, p)) return true;
    if (is_word(ctx, p, "that") && p > from && verb_at(ctx, p - 1)) return true;
    return false;
  }

  // "“…,” said X", "“…?” she asked": punctuation closes the quoted words, then the verb.
  bool speech_after(const Context& ctx, std::size_t qi, std::size_t to, const Shape& shape) const {
    std::size_t k = qi + 1;
    if (!shape.punctuated && !is_punct(ctx, k, ',')) return false;
    while (k < to && (ctx.tokens[k].kind == TokenKind::marker ||
                      (ctx.tokens[k].kind == TokenKind::punct && (ctx.tokens[k].punct == ',' || ctx.tokens[k].punct == '!' || ctx.tokens[k].punct == '?'))))
      ++k;
    if (k >= to || ctx.tokens[k].kind != TokenKind::word) return false;
    if (verb_at(ctx, k)) return true;
    for (std::size_t v = k + 1; v < to && v <= k + 4; ++v) {
      if (ctx.tokens[v].kind == TokenKind::quote) break;
      if (verb_at(ctx, v)) {
        const Token& first = ctx.tokens[k];
        std::string f = folded(ctx, k);
        return first.capitalized || vocabulary_.pronoun(f) || f == "the" || f == "his" || f == "her";
      }
    }
    return false;
  }

  // A quoted URL, path or file name ("https://…", "/assets/logo.png", "config.yml"): a string
  // being mentioned, one token with no space, not words anyone said.
  bool literal(Span inner) const {
    std::string_view t = document_.slice(inner);
    if (t.empty() || t.size() > 300) return false;
    for (char c : t)
      if (c == ' ' || c == '\n' || c == '\t') return false;
    if (t.find("://") != std::string_view::npos || t.rfind("www.", 0) == 0 || t.find('/') != std::string_view::npos ||
        t.find('\\') != std::string_view::npos)
      return true;
    std::size_t dot = t.rfind('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 >= t.size() || t.size() - dot - 1 > 5) return false;
    for (std::size_t i = dot + 1; i < t.size(); ++i)
      if (!std::islower(static_cast<unsigned char>(t[i])) && !std::isdigit(static_cast<unsigned char>(t[i]))) return false;
    return true;
  }

  // The end of a reference entry's first part, before the title of a work: the date of an
  // author–date entry ("Donne-Goussé, Carole; Laudet, Vincent (July 2002). “A molecular
  // phylogeny…”", "Smith, J. 2020. “…”") or the rule standing for the previous entry's author
  // ("_____. “Classified!”"). `period` is the offset of the period before the quotation.
  bool reference_entry(std::size_t period) const {
    // Prose says "signed in 1992. “We will…”"; only a reference sets the year in parentheses.
    std::size_t p = period;
    if (p > 0 && text_[p - 1] == ')') {
      --p;
      std::size_t digits = 0;
      while (p > 0 && sdk::is_ascii_digit(static_cast<unsigned char>(text_[p - 1])) && digits < 5) { --p; ++digits; }
      if (digits == 4 && p > 0 && (text_[p - 1] == '(' || text_[p - 1] == ' ')) return true;
    }
    std::size_t rules = 0;
    for (p = period; p > 0 && (text_[p - 1] == '_' || text_[p - 1] == '-'); --p) ++rules;
    return rules >= 3;
  }

  // True when the tokens before the quotation at `qi` are a part of a document and its number
  // ("Section 4,", "chapter XII:", "Appendix B").
  bool part_heading(const Context& ctx, std::size_t qi, std::size_t from) const {
    std::size_t k = qi;
    if (k > from && (is_punct(ctx, k - 1, ',') || is_punct(ctx, k - 1, ':'))) --k;
    if (k < from + 2 || ctx.tokens[k - 1].kind != TokenKind::word || ctx.tokens[k - 2].kind != TokenKind::word) return false;
    std::string_view number = document_.slice(ctx.tokens[k - 1].span);
    bool numeral = !number.empty() && number.size() <= 8;
    bool digits = numeral, roman = numeral;
    for (char c : number) {
      digits = digits && (sdk::is_ascii_digit(static_cast<unsigned char>(c)) || c == '.');
      roman = roman && std::strchr("IVXLCDM", c) != nullptr && c != 0;
    }
    bool letter = number.size() == 1 && std::isupper(static_cast<unsigned char>(number[0]));
    if (!digits && !roman && !letter) return false;
    std::string part = folded(ctx, k - 2);
    return part == "section" || part == "chapter" || part == "part" || part == "appendix" || part == "annex" || part == "volume" ||
           part == "book" || part == "lecture" || part == "essay" || part == "table" || part == "figure" || part == "exhibit";
  }

  QuoteKind classify(const Quotation& q, const Context& before, std::size_t bqi, const Context& after, std::size_t aqi) const {
    if (q.origin == QuoteOrigin::block_quote) return QuoteKind::direct;
    if (q.origin == QuoteOrigin::marks && literal(q.inner)) return QuoteKind::scare;
    {
      // A bibliography entry: `Ford, Worthington. “The Editorial Function in History.” Review 23`:
      // a title-case quotation right after the author's name and its period or comma.
      Shape t = shape(q.inner);
      std::size_t p = q.span.begin;
      while (p > 0 && text_[p - 1] == ' ') --p;
      char before_mark = p > 0 ? text_[p - 1] : 0;
      if ((before_mark == '.' || before_mark == ',') && t.words >= 2 && t.first_capital && t.long_lower <= 1 && t.capitalised * 2 > t.words)
        return QuoteKind::title;
      if (before_mark == '.' && t.first_capital && reference_entry(p - 1)) return QuoteKind::title;
    }
    // TEI <bibl>: a quotation in a bibliographic reference is the title of a work.
    for (const Span& r : references_)
      if (r.contains(q.span)) return QuoteKind::title;
    if (q.origin == QuoteOrigin::markup && (!q.markup_who.empty() || !q.markup_source.empty())) return QuoteKind::direct;
    Shape s = shape(q.inner);
    std::size_t bs = before.sentence_of(bqi), as = after.sentence_of(aqi);
    std::size_t from = before.from(bs), to = after.to(as);
    // Dialogue opens its sentence and ends with its own punctuation ("“Bingley.”"); mid-sentence,
    // a period or comma inside the marks is only American punctuation style (“transparent.”).
    bool opens_sentence = bqi == from;
    bool speech = speech_before(before, bqi, from) || speech_after(after, aqi, to, s) || (s.terminal && opens_sentence);
    // "Section 4, “Information about donations…”", "Chapter II: “The Mill”": a part of a
    // document named by its number and then its heading, a title whatever its capitals.
    if (s.first_capital && part_heading(before, bqi, from)) return QuoteKind::title;
    // "so-called", "dubbed", "the term": a word being mentioned, not words being quoted.
    if (bqi > from) {
      std::string prev = folded(before, bqi - 1);
      if (prev == "so-called" || prev == "dubbed" || prev == "called" || prev == "term" || prev == "word" || prev == "phrase" ||
          prev == "slogan" || prev == "label" || prev == "motto" || prev == "notion")
        return s.first_capital && s.long_lower == 0 && s.words >= 2 ? QuoteKind::title : QuoteKind::scare;
    }
    if (!speech) {
      bool title_case = s.words >= 2 && s.first_capital && s.long_lower == 0 && s.capitalised >= 2 && !s.terminal;
      if (title_case) return QuoteKind::title;
      if (bqi > from && s.first_capital && (fl(before, bqi - 1) & Vocabulary::title)) return QuoteKind::title;
      if (s.words <= options_.scare_max_words) return QuoteKind::scare;
    }
    return QuoteKind::direct;
  }

  // ---- attribution --------------------------------------------------------------------------
  bool from_run(const NameRun& run, const char* how, Speaker& out) {
    if (run.type == SpeakerType::organisation) {
      out = {run.name, SpeakerType::organisation, run.span, how};
      return true;
    }
    int id = index_.entity_at(run.span);
    if (id < 0) id = index_.resolve(run, run.span.begin);
    if (id < 0) return false;
    const Entity& e = index_.entity(id);
    out = {e.name, e.type, run.span, how};
    return true;
  }

  bool from_pronoun(const Context& ctx, std::size_t i, const char* how, Speaker& out) {
    char p = vocabulary_.pronoun(folded(ctx, i));
    if (p != 'm' && p != 'f') return false;
    int id = index_.last_person_before(ctx.tokens[i].span.begin, p);
    if (id < 0) return false;
    out = {index_.entity(id).name, SpeakerType::person, Span{}, how};
    return true;
  }

  const NameRun* run_starting(const std::vector<NameRun>& runs, std::size_t i) const {
    for (const NameRun& r : runs)
      if (r.run_first == i || r.first == i) return &r;
    return nullptr;
  }
  const NameRun* run_ending(const std::vector<NameRun>& runs, std::size_t i) const {
    for (const NameRun& r : runs)
      if (r.last == i) return &r;
    return nullptr;
  }

  static bool determiner(std::string_view w) {
    return w == "the" || w == "his" || w == "her" || w == "their" || w == "its" || w == "my" || w == "our" || w == "your" ||
           w == "a" || w == "an" || w == "this" || w == "that";
  }

  // A description standing for a speaker: "his wife", "the minister".
  bool description_after(const Context& ctx, std::size_t j, std::size_t to, Speaker& out) const {
    if (j >= to || !determiner(folded(ctx, j))) return false;
    std::size_t k = j + 1, last = j;
    while (k < to && k <= j + 3 && ctx.tokens[k].kind == TokenKind::word && !adverb_at(ctx, k) && !verb_at(ctx, k) &&
           !(fl(ctx, k) & Vocabulary::function))
      last = k++;
    if (last == j) return false;
    out = {text_of(ctx, j, last), SpeakerType::person, {ctx.tokens[j].span.begin, ctx.tokens[last].span.end}, "description"};
    return true;
  }
  bool description_before(const Context& ctx, std::size_t end, std::size_t from, Speaker& out) const {
    // `end` is the noun ("the minister said"): up to three words back to a determiner.
    if (ctx.tokens[end].kind != TokenKind::word || ctx.tokens[end].capitalized || (fl(ctx, end) & Vocabulary::function))
      return false;
    for (std::size_t back = 1; back <= 3 && end >= from + back; ++back) {
      std::size_t j = end - back;
      if (ctx.tokens[j].kind != TokenKind::word) return false;
      std::string w = folded(ctx, j);
      if (determiner(w)) {
        // "the ministry announced": an institution; "the minister said": a person.
        SpeakerType type = (fl(ctx, end) & Vocabulary::institution) && !(fl(ctx, end) & Vocabulary::role_word) ? SpeakerType::organisation
                                                                                                               : SpeakerType::person;
        out = {text_of(ctx, j, end), type, {ctx.tokens[j].span.begin, ctx.tokens[end].span.end}, "description"};
        return true;
      }
      if (vocabulary_.function_word(w) || verb_at(ctx, j)) return false;
    }
    return false;
  }

  // A noun phrase ending in a document noun ("the Commission’s 2019 strategic outlook",
  // "their joint statement of 4 February 2022"); a person's document is the person's words.
  bool document_phrase(const Context& ctx, std::size_t noun, std::size_t from, std::size_t to, const std::vector<NameRun>& runs,
                       const char* how, Speaker& out, std::size_t* start_out = nullptr) {
    std::size_t start = noun;
    std::size_t possessor = SIZE_MAX;
    while (start > from && noun - start < 6) {
      std::size_t j = start - 1;
      const Token& t = ctx.tokens[j];
      if (t.kind != TokenKind::word) break;
      std::string w = folded(ctx, j);
      if (determiner(w)) { start = j; break; }
      if (t.possessive) { possessor = j; start = j; continue; }
      if (vocabulary_.function_word(w) || verb_at(ctx, j)) break;
      start = j;
    }
    if (possessor != SIZE_MAX) {
      if (const NameRun* r = run_ending(runs, possessor); r && r->type != SpeakerType::organisation) {
        if (from_run(*r, how, out)) { if (start_out) *start_out = start; return true; }
      }
    }
    std::size_t end = noun;
    if (noun + 2 < to && is_word(ctx, noun + 1, "of")) {
      std::size_t k = noun + 2;
      while (k < to && k <= noun + 5 && ctx.tokens[k].kind == TokenKind::word &&
             (ctx.tokens[k].capitalized || sdk::is_ascii_digit(static_cast<unsigned char>(text_[ctx.tokens[k].span.begin]))))
        end = k++;
    }
    std::string name = text_of(ctx, start, end);
    std::string first = folded(ctx, start);
    if (first == "their" || first == "its" || first == "his" || first == "her" || first == "our" || first == "a" || first == "an" ||
        first == "this" || first == "that")
      name = "the" + name.substr(text_of(ctx, start, start).size());
    else if (first != "the" && !ctx.tokens[start].possessive)
      name = "the " + name;
    out = {name, SpeakerType::document, {ctx.tokens[start].span.begin, ctx.tokens[end].span.end}, how};
    if (start_out) *start_out = start;
    return true;
  }

  // What follows "according to".
  bool phrase_after(const Context& ctx, std::size_t j, std::size_t to, const std::vector<NameRun>& runs, const char* how, Speaker& out) {
    if (j >= to) return false;
    if (const NameRun* r = run_starting(runs, j)) {
      // "according to the Commission’s report": the document, not its owner, unless a person.
      std::size_t after = r->last + 1;
      if (ctx.tokens[r->last].possessive && after < to) {
        for (std::size_t k = after; k < to && k <= after + 4; ++k)
          if (ctx.tokens[k].kind == TokenKind::word && (fl(ctx, k) & Vocabulary::document))
            return document_phrase(ctx, k, j, to, runs, how, out);
      }
      return from_run(*r, how, out);
    }
    if (ctx.tokens[j].kind == TokenKind::word && vocabulary_.pronoun(folded(ctx, j))) return from_pronoun(ctx, j, how, out);
    if (determiner(folded(ctx, j))) {
      if (j + 1 < to) {
        if (const NameRun* r = run_starting(runs, j + 1)) {
          if (!(ctx.tokens[r->last].possessive)) return from_run(*r, how, out);
        }
      }
      for (std::size_t k = j + 1; k < to && k <= j + 6; ++k) {
        if (ctx.tokens[k].kind != TokenKind::word) break;
        if ((fl(ctx, k) & Vocabulary::document)) return document_phrase(ctx, k, j, to, runs, how, out);
      }
      return description_after(ctx, j, to, out);
    }
    return false;
  }

  // The speaker of a reporting word at `cue`: inverted ("said Blinken"), possessor ("Beijing’s
  // assessment"), or the nearest name, pronoun or document before it in the sentence.
  bool subject_of_cue(const Context& ctx, std::size_t cue, std::size_t from, std::size_t limit, const std::vector<NameRun>& runs,
                      Speaker& out) {
    std::string cue_word = folded(ctx, cue);
    bool verb = vocabulary_.reporting_verb(cue_word);
    if (verb && cue + 1 < limit) {
      std::size_t j = cue + 1;
      if (const NameRun* r = run_starting(runs, j); r && r->last < limit) return from_run(*r, "cue-inverted", out);
      if (ctx.tokens[j].kind == TokenKind::word && (vocabulary_.pronoun(folded(ctx, j)) == 'm' || vocabulary_.pronoun(folded(ctx, j)) == 'f'))
        if (cue > from && (is_punct(ctx, cue - 1, ',') || ctx.tokens[cue - 1].kind == TokenKind::quote)) return from_pronoun(ctx, j, "cue-inverted", out);
      if (cue > from && (is_punct(ctx, cue - 1, ',') || ctx.tokens[cue - 1].kind == TokenKind::quote) && description_after(ctx, j, limit, out))
        return true;
    }
    // A possessor right before a noun cue, adjectives allowed between.
    if (!verb) {
      for (std::size_t back = 1; back <= 3 && cue >= from + back; ++back) {
        std::size_t j = cue - back;
        const Token& t = ctx.tokens[j];
        if (t.kind != TokenKind::word) break;
        if (t.possessive) {
          if (const NameRun* r = run_ending(runs, j)) return from_run(*r, "possessor", out);
          std::string w = fold(stem(text_, t));
          break;
        }
        std::string w = folded(ctx, j);
        if (w == "his" || w == "her") return from_pronoun(ctx, j, "possessor", out) || false;
        if (determiner(w) || vocabulary_.function_word(w)) break;
      }
    }
    // The nearest candidate before the cue.
    const NameRun* best = nullptr;
    for (const NameRun& r : runs)
      if (r.last < cue && r.first >= from && (!best || r.last > best->last) && r.type != SpeakerType::none) best = &r;
    // A lone capitalised word right before a verb ("Elizabeth said"), or before the author–date
    // parenthesis that follows it ("Smith (2020, p. 4) argues").
    if (verb && cue > from) {
      std::size_t end = cue - 1;
      if (is_punct(ctx, end, ')')) {
        std::size_t open = end;
        while (open > from && open + 8 > end && !is_punct(ctx, open, '(')) --open;
        if (is_punct(ctx, open, '(') && open > from) end = open - 1;
      }
      if (const NameRun* r = run_ending(runs, end)) best = r;
    }
    std::size_t best_end = best ? best->last : SIZE_MAX;
    for (std::size_t j = cue; j-- > from;) {
      if (best && j <= best_end) break;
      const Token& t = ctx.tokens[j];
      if (t.kind == TokenKind::quote) break;
      if (t.kind != TokenKind::word) continue;
      std::string w = folded(ctx, j);
      if (char p = vocabulary_.pronoun(w); p == 'm' || p == 'f') return from_pronoun(ctx, j, "cue-before", out);
      // "The joint statement was published on Friday. It stated that “…”": "it" stands for the
      // document or institution named last before it in the paragraph.
      if (verb && w == "it" && j + 1 == cue && it_antecedent(ctx, j, runs, out)) return true;
      if (vocabulary_.document_noun(w) && j + 1 <= cue) {
        std::size_t start = 0;
        if (document_phrase(ctx, j, from, cue, runs, "cue-before", out, &start)) return true;
      }
      if (verb && j + 1 == cue && description_before(ctx, j, from, out)) return true;
    }
    if (best) return from_run(*best, "cue-before", out);
    return false;
  }

  bool colon_subject(const Context& ctx, std::size_t from, std::size_t colon, const std::vector<NameRun>& runs, Speaker& out) {
    std::size_t verb = from;
    while (verb < colon && verb < from + 5 && ctx.tokens[verb].kind == TokenKind::word) {
      std::string w = folded(ctx, verb);
      if (w == "was" || w == "were" || w == "is" || w == "are" || w == "had" || w == "has" || w == "have" || verb_at(ctx, verb)) break;
      ++verb;
    }
    if (verb == from || verb >= colon || verb >= from + 5 || ctx.tokens[verb].kind != TokenKind::word) return false;
    for (const NameRun& r : runs)
      if (r.run_first >= from && r.last < verb) return from_run(r, "colon-subject", out);
    std::size_t first = from;
    if (determiner(folded(ctx, first))) ++first;
    if (first >= verb) return false;
    for (std::size_t k = first; k < verb; ++k)
      if (ctx.tokens[k].kind != TokenKind::word || (fl(ctx, k) & Vocabulary::function)) return false;
    if (vocabulary_.pronoun(folded(ctx, first))) return false;
    out = {text_of(ctx, from, verb - 1), SpeakerType::person, {ctx.tokens[from].span.begin, ctx.tokens[verb - 1].span.end}, "colon-subject"};
    return true;
  }

  bool it_antecedent(const Context& ctx, std::size_t it, const std::vector<NameRun>& runs, Speaker& out) {
    for (std::size_t j = it; j-- > 0 && it - j <= 40;) {
      const Token& t = ctx.tokens[j];
      if (t.kind != TokenKind::word) continue;
      if ((fl(ctx, j) & Vocabulary::document) && !t.capitalized) {
        std::vector<NameRun> local;
        std::size_t from = ctx.from(ctx.sentence_of(j));
        finder_.find(ctx.tokens, from, j + 1, local);
        if (document_phrase(ctx, j, from, j + 1, local, "pronoun", out)) { out.mention = Span{}; return true; }
      }
      for (const NameRun& r : runs)
        if (r.last == j && r.type == SpeakerType::organisation) { out = {r.name, r.type, Span{}, "pronoun"}; return true; }
    }
    return false;
  }

  bool attribute(Quotation& q, const Context& before, std::size_t bqi, const Context& after, std::size_t aqi, const Context* intro) {
    Speaker& out = q.speaker;
    if (!q.markup_who.empty()) {
      std::string who = q.markup_who;
      if (!who.empty() && who[0] == '#') who.erase(0, 1);
      for (char& c : who) if (c == '_') c = ' ';
      out = {who, SpeakerType::person, Span{}, "markup"};
      return true;
    }
    std::size_t bs = before.sentence_of(bqi), as = after.sentence_of(aqi);
    std::size_t bfrom = before.from(bs), ato = after.to(as);
    std::vector<NameRun> bruns, aruns;
    finder_.find(before.tokens, bfrom, bqi, bruns);
    finder_.find(after.tokens, aqi + 1, ato, aruns);
    // "according to X", before or after.
    for (std::size_t k = bfrom; k + 1 < bqi; ++k)
      if (is_word(before, k, "according") && is_word(before, k + 1, "to") && phrase_after(before, k + 2, bqi, bruns, "according-to", out)) return true;
    for (std::size_t k = aqi + 1; k + 1 < ato; ++k) {
      if (after.tokens[k].kind == TokenKind::quote) break;
      if (is_word(after, k, "according") && is_word(after, k + 1, "to") && phrase_after(after, k + 2, ato, aruns, "according-to", out)) return true;
    }
    // Right after the quotation: ", said X" or ", X said".
    {
      std::size_t k = aqi + 1;
      while (k < ato && (after.tokens[k].kind == TokenKind::marker ||
                         (after.tokens[k].kind == TokenKind::punct && (after.tokens[k].punct == ',' || after.tokens[k].punct == '!' ||
                                                                       after.tokens[k].punct == '?' || after.tokens[k].punct == '.'))))
        ++k;
      if (k < ato && after.tokens[k].kind == TokenKind::word) {
        if (verb_at(after, k)) {
          std::size_t j = k + 1;
          while (j < ato && adverb_at(after, j)) ++j;
          if (const NameRun* r = run_starting(aruns, j)) return from_run(*r, "after", out);
          if (j < ato && after.tokens[j].kind == TokenKind::word && from_pronoun(after, j, "after", out)) return true;
          if (description_after(after, j, ato, out)) return true;
          // "said to him" etc.: fall through.
        } else {
          for (std::size_t v = k + 1; v < ato && v <= k + 5; ++v) {
            if (after.tokens[v].kind != TokenKind::word) break;
            if (!verb_at(after, v)) continue;
            std::size_t e = v - 1;
            while (e > k && adverb_at(after, e)) --e;
            if (const NameRun* r = run_ending(aruns, e); r && (r->run_first >= k || r->first >= k)) return from_run(*r, "after", out);
            if (e == k && from_pronoun(after, k, "after", out)) return true;
            if (description_before(after, e, k, out)) return true;
            break;
          }
        }
      }
    }
    // "“…”—William H. Seward to Charles F. Adams": a name after a dash.
    {
      std::size_t k = aqi + 1;
      while (k < ato && after.tokens[k].kind == TokenKind::punct && after.tokens[k].punct != 0x2014 && after.tokens[k].punct != 0x2015 &&
             (after.tokens[k].punct == ',' || after.tokens[k].punct == '.'))
        ++k;
      if (k + 1 < ato && after.tokens[k].kind == TokenKind::punct && (after.tokens[k].punct == 0x2014 || after.tokens[k].punct == 0x2015)) {
        if (const NameRun* r = run_starting(aruns, k + 1); r && r->type != SpeakerType::none) return from_run(*r, "dash", out);
        // "“…”—Public Law 102–138, Title IV": a document named by the attribution, up to its comma.
        if (q.origin == QuoteOrigin::markup && after.tokens[k + 1].kind == TokenKind::word && after.tokens[k + 1].capitalized) {
          std::size_t e = k + 1;
          while (e + 1 < ato && e < k + 8 && !is_punct(after, e + 1, ',')) ++e;
          out = {text_of(after, k + 1, e), SpeakerType::document, {after.tokens[k + 1].span.begin, after.tokens[e].span.end}, "dash"};
          return true;
        }
      }
    }
    // "“…” in Iowa, said Pat Rynard": a short phrase after the quotation, then the report
    // inverted (", said X") or not (", X said").
    for (std::size_t k = aqi + 1; k < ato && k <= aqi + 8; ++k) {
      const Token& t = after.tokens[k];
      // "in the state, said X": a verb after a determiner is a noun.
      if (t.kind == TokenKind::quote || (verb_at(after, k) && !determiner(folded(after, k - 1)))) break;
      if (!is_punct(after, k, ',')) continue;
      if (k == aqi + 1) break;  // ", said X" right after the quotation was looked at above
      std::size_t v = k + 1;
      if (verb_at(after, v)) {
        if (const NameRun* r = run_starting(aruns, v + 1)) return from_run(*r, "after-phrase", out);
      } else if (const NameRun* r = run_starting(aruns, v); r && verb_at(after, r->last + 1)) {
        return from_run(*r, "after-phrase", out);
      }
      break;
    }
    // "was described as “…” by Priya Raman": the agent of a passive right after the quotation.
    if (is_word(after, aqi + 1, "by")) {
      if (const NameRun* r = run_starting(aruns, aqi + 2); r && r->type != SpeakerType::none) return from_run(*r, "by", out);
    }
    // A reporting word before the quotation, in its sentence.
    for (std::size_t c = bqi; c-- > bfrom;) {
      const Token& t = before.tokens[c];
      if (t.kind == TokenKind::quote) break;
      if (t.kind != TokenKind::word) continue;
      if (t.capitalized) continue;
      bool cue = (fl(before, c) & (Vocabulary::verb | Vocabulary::cue)) || (is_word(before, c, "put") && is_word(before, c + 1, "it"));
      if (!cue) continue;
      if (subject_of_cue(before, c, bfrom, bqi, bruns, out)) return true;
      break;
    }
    // "Wang Yi: “…”"
    if (bqi >= bfrom + 2 && is_punct(before, bqi - 1, ':')) {
      if (const NameRun* r = run_ending(bruns, bqi - 2)) return from_run(*r, "colon", out);
      // "Critics were blunter: “…”", "Beijing’s answer was curt: “…”": the subject of the
      // quotation's own sentence, never the speaker of the sentence before.
      if (colon_subject(before, bfrom, bqi - 1, bruns, out)) return true;
    }
    // After the quotation: "adopted in the Commission’s 2019 strategic outlook", "in President Xi’s article".
    for (std::size_t k = aqi + 1; k < ato; ++k) {
      const Token& t = after.tokens[k];
      if (t.kind == TokenKind::quote) break;
      if (t.kind != TokenKind::word) continue;
      bool document = fl(after, k) & Vocabulary::document;
      if (!document && !(k > aqi + 1 && verb_at(after, k - 1))) continue;
      std::string w = folded(after, k);
      if (w == "by" && k > aqi + 1 && verb_at(after, k - 1)) {
        if (const NameRun* r = run_starting(aruns, k + 1)) return from_run(*r, "by", out);
        if (is_word(after, k + 1, "the")) {
          if (const NameRun* r = run_starting(aruns, k + 2)) return from_run(*r, "by", out);
        }
      }
      if (!document) continue;
      Speaker candidate;
      std::size_t start = k;
      if (!document_phrase(after, k, aqi + 1, ato, aruns, "document-after", candidate, &start)) continue;
      std::string prep = start > aqi + 1 ? folded(after, start - 1) : std::string();
      if (prep == "in" || prep == "by" || prep == "from" || prep == "of") {
        out = candidate;
        return true;
      }
    }
    // "In it, they “re-affirm…”": the document named just before.
    for (std::size_t k = bfrom; k + 1 < bqi; ++k) {
      if (!(is_word(before, k, "in") && is_word(before, k + 1, "it"))) continue;
      for (std::size_t s = bs; s-- > 0 && bs - s <= 2;) {
        std::vector<NameRun> runs;
        finder_.find(before.tokens, before.from(s), before.to(s), runs);
        for (std::size_t j = before.to(s); j-- > before.from(s);)
          if (before.tokens[j].kind == TokenKind::word && (fl(before, j) & Vocabulary::document) &&
              document_phrase(before, j, before.from(s), before.to(s), runs, "in-it", out))
            return true;
      }
    }
    // A pronoun or name as the subject right before the quotation ("she “never agreed”").
    if (bqi > bfrom) {
      if (from_pronoun(before, bqi - 1, "subject", out)) return true;
      if (const NameRun* r = run_ending(bruns, bqi - 1); r && r->type != SpeakerType::none) return from_run(*r, "subject", out);
    }
    // A list item quoting, introduced by "Dennett proffered four admissible justifications:".
    if (document_.blocks[before.block].kind == BlockKind::list_item && bs == 0 && intro && intro->block < before.block &&
        ends_with_colon(*intro) && !intro->sentences.empty() && introduced_by(*intro, intro->sentences.size() - 1, out))
      return true;
    // A paragraph ending with a colon introduces the quotation that opens the next paragraph.
    if (bqi == bfrom && bs == 0 && intro && intro->block + 1 == before.block && !intro->sentences.empty()) {
      std::size_t last = intro->sentences.size() - 1;
      std::size_t to = intro->to(last);
      if (to > intro->from(last) && is_punct(*intro, to - 1, ':') && introduced_by(*intro, last, out)) return true;
    }
    // A sentence ending with a colon introduces the quotation that opens the next one; without
    // a colon, the person named last in the sentence before ("Randolph outlined the type of
    // information withheld. “The parts to be withheld…”").
    if (bqi == bfrom && bs > 0) {
      std::size_t ps = bs - 1;
      std::size_t pto = before.to(ps);
      if (pto > before.from(ps) && is_punct(before, pto - 1, ':')) return introduced_by(before, ps, out);
      std::vector<NameRun> runs;
      finder_.find(before.tokens, before.from(ps), pto, runs);
      for (auto r = runs.rbegin(); r != runs.rend(); ++r)
        if (r->type == SpeakerType::person) return from_run(*r, "previous-sentence", out);
    }
    return false;
  }

  // The speaker named in an introducing sentence ("Blinken put it plainly:").
  bool introduced_by(const Context& ctx, std::size_t sentence, Speaker& out) {
    std::size_t from = ctx.from(sentence), to = ctx.to(sentence);
    std::vector<NameRun> runs;
    finder_.find(ctx.tokens, from, to, runs);
    for (std::size_t c = to; c-- > from;) {
      if (ctx.tokens[c].kind == TokenKind::quote) break;
      if (ctx.tokens[c].kind != TokenKind::word || ctx.tokens[c].capitalized) continue;
      if ((fl(ctx, c) & (Vocabulary::verb | Vocabulary::cue)) || (is_word(ctx, c, "put") && is_word(ctx, c + 1, "it")))
        return subject_of_cue(ctx, c, from, to, runs, out);
    }
    if (to >= from + 2) {
      if (const NameRun* r = run_ending(runs, to - 2)) return from_run(*r, "colon", out);
    }
    // "Ambassador Jonathan Carter set out the position in his letter:": the person it names.
    for (const NameRun& r : runs)
      if (r.type == SpeakerType::person) return from_run(r, "introduction", out);
    // "HD proposed a range of options, including:", "Dennett proffered four justifications:",
    // "The final statute retained…:": the subject of the sentence, a name or a document.
    std::size_t subject = from;
    while (subject < to && ctx.tokens[subject].kind == TokenKind::word && (fl(ctx, subject) & Vocabulary::function) &&
           !ctx.tokens[subject].all_caps)
      ++subject;
    for (const NameRun& r : runs)
      if (r.run_first <= subject && r.last >= subject && from_run(r, "introduction", out)) return true;
    for (std::size_t k = subject; k < to && k <= subject + 4; ++k) {
      if (ctx.tokens[k].kind != TokenKind::word) break;
      if ((fl(ctx, k) & Vocabulary::document) && document_phrase(ctx, k, from, to, runs, "introduction", out)) return true;
    }
    // "The chief historian proffered…:", "The office proposed…:": a role or an institution.
    if (subject > from && determiner(folded(ctx, subject - 1))) {
      for (std::size_t k = subject + std::min<std::size_t>(2, to - subject - 1) + 1; k-- > subject;) {
        if (ctx.tokens[k].kind != TokenKind::word || ctx.tokens[k].capitalized) continue;
        unsigned f = fl(ctx, k);
        if (!(f & (Vocabulary::role_word | Vocabulary::institution))) continue;
        bool words = true;
        for (std::size_t w = subject; w <= k; ++w) words = words && ctx.tokens[w].kind == TokenKind::word;
        if (!words) continue;
        out = {text_of(ctx, subject - 1, k), (f & Vocabulary::role_word) ? SpeakerType::person : SpeakerType::organisation,
               {ctx.tokens[subject - 1].span.begin, ctx.tokens[k].span.end}, "description"};
        return true;
      }
    }
    return false;
  }

  // ---- citation -------------------------------------------------------------------------------
  // The first marker or link in `range` at or after `after_pos`; else the last one before it.
  bool cite_in_range(Quotation& q, Span range, Span quote) {
    const auto& refs = document_.note_refs;
    const auto& links = document_.links;
    auto first_ref = std::lower_bound(refs.begin(), refs.end(), range.begin,
                                      [](const sdk::NoteRef& r, std::uint32_t v) { return r.span.begin < v; });
    auto first_link = std::lower_bound(links.begin(), links.end(), range.begin,
                                       [](const sdk::Link& l, std::uint32_t v) { return l.span.begin < v; });
    const sdk::NoteRef* best_ref = nullptr;
    const sdk::Link* best_link = nullptr;
    std::uint32_t pivot = quote.empty() ? range.begin : quote.end;
    for (auto it = first_ref; it != refs.end() && it->span.begin < range.end; ++it) {
      if (it->span.begin >= pivot) { best_ref = &*it; break; }
      if (!quote.empty() && it->span.begin < quote.begin) best_ref = &*it;  // before the quotation: keep the last
    }
    for (auto it = first_link; it != links.end() && it->span.begin < range.end; ++it) {
      if (it->span.begin >= pivot) { best_link = &*it; break; }
      best_link = &*it;
    }
    if (best_ref && best_link) {
      bool ref_after = best_ref->span.begin >= pivot, link_after = best_link->span.begin >= pivot;
      if (ref_after != link_after ? link_after : best_link->span.begin < best_ref->span.begin) best_ref = nullptr;
      else best_link = nullptr;
    }
    if (best_ref) {
      q.citation = {best_ref->label, false, best_ref->span};
      return true;
    }
    if (best_link) {
      q.citation = {best_link->target, true, best_link->span};
      return true;
    }
    return false;
  }

  void cite(Quotation& q, const Context& after, std::size_t aqi) {
    std::size_t s = after.sentence_of(aqi);
    if (s < after.sentences.size() && cite_in_range(q, after.sentences[s], q.span)) return;
    if (s + 1 < after.sentences.size()) cite_in_range(q, after.sentences[s + 1], Span{});
  }

  // ---- the whole of one quotation ---------------------------------------------------------------
  void process(int index, const Context& before, std::size_t bqi, const Context& after, std::size_t aqi, const Context* intro) {
    Quotation& q = quotes_[static_cast<std::size_t>(index)];
    ensure(before);
    ensure(after);
    if (intro) ensure(*intro);
    q.kind = classify(q, before, bqi, after, aqi);
    if (q.kind != QuoteKind::direct) return;
    attribute(q, before, bqi, after, aqi, intro);
    if (q.origin != QuoteOrigin::marks) follow_display(index);
    if (q.speaker.how == "dash" && cite_attribution(q, {q.speaker.mention.begin, document_.blocks[after.block].span.end})) return;
    if (!q.markup_source.empty()) {
      std::string source = q.markup_source;
      bool url = source.rfind("http", 0) == 0;
      if (!url && source[0] == '#') {
        // A pointer to a note: use the note's label when it is one of the document's notes.
        source.erase(0, 1);
      }
      q.citation = {source, url, Span{}};
      return;
    }
    // A link over the quoted words cites them.
    for (const sdk::Link& link : document_.links)
      if (link.span.overlaps(q.span) && !link.span.empty()) { q.citation = {link.target, true, link.span}; return; }
    // A display or TEI <quote> carries its note at its end, inside the element.
    if (q.origin != QuoteOrigin::marks) {
      const auto& refs = document_.note_refs;
      auto it = std::lower_bound(refs.begin(), refs.end(), q.span.begin, [](const sdk::NoteRef& r, std::uint32_t v) { return r.span.begin < v; });
      for (; it != refs.end() && it->span.begin <= q.span.end; ++it) q.citation = {it->label, false, it->span};
      if (!q.citation.target.empty()) return;
    }
    cite(q, after, aqi);
    if (q.citation.target.empty()) cite_in_text(q, before, bqi, after, aqi);
    if (example_utterance(q, before, bqi, after, aqi)) q.exempt = Exemption::example;
  }

  // Words given as an example of what one might say, not as what someone said: after "e.g.",
  // "for example", "such as" ("a greeting, e.g. “Hi there!”"); alone in parentheses after what
  // they illustrate ("a passing shower thought (“whoa, so nothing is random”)"); or as the
  // example of a glossary entry ("*hello*: “Hi there!”", a term and a colon or dash opening its
  // paragraph, in a run of such entries).
  bool example_utterance(const Quotation& q, const Context& before, std::size_t bqi, const Context& after, std::size_t aqi) const {
    if (q.origin != QuoteOrigin::marks) return false;
    std::size_t from = before.from(before.sentence_of(bqi));
    if (bqi > from && is_punct(before, bqi - 1, '(') && is_punct(after, aqi + 1, ')')) return true;
    std::size_t p = q.span.begin, floor = document_.blocks[before.block].span.begin;
    while (p > floor && (text_[p - 1] == ' ' || text_[p - 1] == ',' || text_[p - 1] == ':' || text_[p - 1] == '(')) --p;
    std::string lead = fold(text_.substr(p - std::min<std::size_t>(p - floor, 14), std::min<std::size_t>(p - floor, 14)));
    for (std::string_view cue : {"e.g.", "i.e.", "for example", "for instance", "such as", " like"})
      if (lead.size() >= cue.size() && lead.compare(lead.size() - cue.size(), cue.size(), cue) == 0) return true;
    // A transcript ("Wang Yi: “…”" paragraph after paragraph) has the same shape, with speakers.
    return q.speaker.name.empty() && glossary_entry(q.block) && (glossary_entry(q.block - 1) || glossary_entry(q.block + 1));
  }

  // A paragraph or list item that opens with a short term (at most four words, no reporting
  // verb) and a colon or dash: the shape of a glossary or usage entry.
  bool glossary_entry(std::uint32_t b) const {
    const auto& blocks = document_.blocks;
    if (b >= blocks.size() || (blocks[b].kind != BlockKind::paragraph && blocks[b].kind != BlockKind::list_item)) return false;
    std::string_view t = document_.slice(blocks[b].span);
    std::size_t words = 0, i = 0;
    bool in_word = false;
    while (i < t.size() && i < 60) {
      std::size_t next = i;
      char32_t c = sdk::next_code_point(t, next);
      if (c == ':' || ((c == 0x2014 || c == 0x2013) && i > 0 && t[i - 1] == ' ')) break;
      if (c == '.' || c == ',' || c == ';' || c == '!' || c == '?') return false;
      bool letter = sdk::is_word_character(c) || c == '\'' || c == '-' || c == 0x2014 || c == 0x2013;
      if (letter && !in_word) {
        std::size_t e = i;
        for (std::size_t at = e; e < t.size() && sdk::is_word_character(sdk::next_code_point(t, at)); at = e) e = at;
        ++words;
        if (vocabulary_.reporting_verb(fold(t.substr(i, e - i)))) return false;
      }
      in_word = letter;
      i = next;
    }
    return words >= 1 && words <= 4 && i < t.size() && i < 60;
  }

  // The source named in the text: a parenthesis right after the quotation ("“…” (Frankfurter
  // Zeitung, 3 May 1921)", "“…” (Small-Arms Firing Manual.)", "“…” (Smith 2020, p. 4)"), an
  // author–date parenthesis in its sentence ("Smith (2020, p. 4) argues that “…”"), or a note
  // number in brackets fused to the closing mark that the reader did not take for a marker
  // ("…in pearls.”[15]"). A parenthetical source that names no speaker gives it one.
  bool cite_in_text(Quotation& q, const Context& before, std::size_t bqi, const Context& after, std::size_t aqi) {
    if (q.origin == QuoteOrigin::marks && q.span.end + 2 < text_.size() && text_[q.span.end] == '[') {
      std::size_t e = q.span.end + 1;
      while (e < text_.size() && e < q.span.end + 5 && sdk::is_ascii_digit(static_cast<unsigned char>(text_[e]))) ++e;
      if (e > q.span.end + 1 && e < text_.size() && text_[e] == ']') {
        q.citation = {std::string(text_.substr(q.span.end + 1, e - q.span.end - 1)), false, {q.span.end, static_cast<std::uint32_t>(e + 1)}, true};
        return true;
      }
    }
    // The parenthesis may stand after the sentence's end ("…of ammunition." (Small-Arms Firing Manual.)).
    std::size_t to = after.tokens.size();
    std::size_t k = aqi + 1;
    while (k < to && k <= aqi + 2 && after.tokens[k].kind == TokenKind::punct && after.tokens[k].punct != '(') ++k;
    if (k < to && is_punct(after, k, '(')) {
      std::size_t close = k + 1;
      while (close < after.tokens.size() && close <= k + 16 && !is_punct(after, close, ')')) ++close;
      if (close < after.tokens.size() && is_punct(after, close, ')') && source_parenthesis(after, k + 1, close)) {
        Span span{after.tokens[k].span.begin, after.tokens[close].span.end};
        q.citation = {std::string(document_.slice({after.tokens[k + 1].span.begin, after.tokens[close].span.begin})), false, span, true};
        if (q.speaker.name.empty()) {
          std::size_t e = k + 1;
          while (e + 1 < close && after.tokens[e + 1].kind == TokenKind::word && !year_at(after, e + 1)) ++e;
          out_source(q, after, k + 1, e);
        }
        return true;
      }
    }
    // "Smith (2020, p. 4) argues that “…”": an author–date reference in the quotation's sentence.
    std::size_t bs = before.sentence_of(bqi);
    for (std::size_t i = before.from(bs); i + 2 < bqi; ++i)
      if (is_punct(before, i, '(') && year_at(before, i + 1) &&
          (is_punct(before, i + 2, ')') || is_punct(before, i + 2, ',') || is_punct(before, i + 2, ':'))) {
        q.citation = {std::string(document_.slice(before.tokens[i + 1].span)), false, before.tokens[i + 1].span, true};
        return true;
      }
    return false;
  }

  bool year_at(const Context& ctx, std::size_t i) const {
    if (i >= ctx.tokens.size() || ctx.tokens[i].kind != TokenKind::word) return false;
    std::string_view w = document_.slice(ctx.tokens[i].span);
    if (w.size() != 4 && !(w.size() == 5 && w[4] >= 'a' && w[4] <= 'z')) return false;
    for (std::size_t c = 0; c < 4; ++c)
      if (!sdk::is_ascii_digit(static_cast<unsigned char>(w[c]))) return false;
    return w[0] == '1' || w[0] == '2';
  }

  // Tokens [from, to) inside a parenthesis name a source: they open with a capitalised word and
  // hold a year, a page, a comma after a name, or a title of several capitalised words
  // ("Frankfurter Zeitung, 3 May 1921", "Smith 2020, p. 4", "Small-Arms Firing Manual.").
  bool source_parenthesis(const Context& ctx, std::size_t from, std::size_t to) const {
    if (from >= to || ctx.tokens[from].kind != TokenKind::word || !ctx.tokens[from].capitalized) return false;
    int capitalised = 0, words = 0;
    bool year = false, page = false, comma = false;
    for (std::size_t i = from; i < to; ++i) {
      const Token& t = ctx.tokens[i];
      if (t.kind == TokenKind::quote) return false;
      if (t.kind == TokenKind::punct) { comma |= t.punct == ','; continue; }
      if (t.kind != TokenKind::word) continue;
      ++words;
      capitalised += t.capitalized ? 1 : 0;
      year |= year_at(ctx, i);
      std::string w = folded(ctx, i);
      page |= w == "p." || w == "pp." || w == "p" || w == "pp" || w == "vol." || w == "ch.";
    }
    if (words > 12) return false;
    return year || page || (comma && capitalised >= 2) || (capitalised >= 2 && capitalised * 2 >= words);
  }

  void out_source(Quotation& q, const Context& ctx, std::size_t first, std::size_t last) {
    const bool author = last == first && year_at(ctx, last + 1);
    q.speaker = {text_of(ctx, first, last), author ? SpeakerType::person : SpeakerType::document,
                 {ctx.tokens[first].span.begin, ctx.tokens[last].span.end}, "parenthesis"};
  }

  // An attribution line that gives a work or a date besides the name ("—Frank B. Kellogg,
  // “Principles to Guide the Editing…,” March 26, 1925") names the quotation's source.
  bool cite_attribution(Quotation& q, Span line) {
    std::string_view text = document_.slice(line);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.remove_suffix(1);
    if (text.size() > 300) return false;
    bool source = text.find(',') != std::string_view::npos;
    for (char c : text) source |= sdk::is_ascii_digit(static_cast<unsigned char>(c));
    if (!source) return false;
    q.citation = {std::string(text), false, {line.begin, static_cast<std::uint32_t>(line.begin + text.size())}, true};
    return true;
  }

  // "…gave the HAC a statutory mandate to: ▮ review records… ▮ and to ▮ have full access…":
  // a display that follows another after a few words has the same speaker.
  void follow_display(int index) {
    Quotation& q = quotes_[static_cast<std::size_t>(index)];
    if (q.speaker.name.empty() && last_display_ >= 0) {
      const Quotation& p = quotes_[static_cast<std::size_t>(last_display_)];
      if (!p.speaker.name.empty() && p.block + 2 >= q.block && printed_paragraph(q.block).contains(p.span) &&
          !named_between(p.span.end, q.span.begin)) {
        q.speaker = p.speaker;
        q.speaker.mention = Span{};
        q.speaker.how = "same-paragraph";
      }
    }
    last_display_ = index;
  }

  void display_quotation(int index, const Context* previous) {
    Quotation& q = quotes_[static_cast<std::size_t>(index)];
    if (previous) ensure(*previous);
    q.kind = QuoteKind::direct;
    if (!q.markup_who.empty()) {
      q.speaker = {q.markup_who, SpeakerType::person, Span{}, "attribution-line"};
      if (q.markup_who.find(',') != std::string::npos ||
          std::any_of(q.markup_who.begin(), q.markup_who.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        q.citation = {q.markup_who, false, Span{}, true};
        std::size_t comma = q.markup_who.find(',');
        if (comma != std::string::npos) q.speaker.name = q.markup_who.substr(0, comma);
      }
    } else if (previous && previous->block + 1 == q.block && !previous->sentences.empty()) {
      introduced_by(*previous, previous->sentences.size() - 1, q.speaker);
    }
    follow_display(index);
    // A marker inside the quotation, else in the introducing sentence, else in the next paragraph.
    const auto& refs = document_.note_refs;
    auto it = std::lower_bound(refs.begin(), refs.end(), q.span.begin, [](const sdk::NoteRef& r, std::uint32_t v) { return r.span.begin < v; });
    // A marker at the very end of the display (`…after 30 years.<note n="80">`) sits at its end offset.
    for (; it != refs.end() && it->span.begin <= q.span.end; ++it) q.citation = {it->label, false, it->span};
    if (!q.citation.target.empty()) return;
    for (const sdk::Link& link : document_.links)
      if (q.span.contains(link.span)) { q.citation = {link.target, true, link.span}; return; }
    if (previous && previous->block + 1 == q.block && !previous->sentences.empty() &&
        cite_in_range(q, previous->sentences.back(), Span{}))
      return;
    awaiting_next_.push_back(index);
  }

  bool ends_with_colon(const Context& ctx) const { return !ctx.tokens.empty() && is_punct(ctx, ctx.tokens.size() - 1, ':'); }

  // A list whose items quote is one sentence in print: a note in any item, or in the sentence
  // that follows the list, cites them all ("HD proposed …, including: • “tighten up…” •
  // “narrow the range…” </list> Although …, the Committee’s 1958 report urged….⁴").
  void cite_list(const Context* next) {
    for (int index : list_quotes_) {
      Quotation& q = quotes_[static_cast<std::size_t>(index)];
      if (!q.citation.target.empty()) continue;
      if (cite_in_range(q, list_span_, Span{})) continue;
      if (next && next->block > 0 && document_.blocks[next->block].span.begin >= list_span_.end) {
        ensure(*next);
        if (!next->sentences.empty()) cite_in_range(q, next->sentences.front(), Span{});
      }
    }
    list_quotes_.clear();
  }

  // Display quotations set one after another with a few words between them ("…mandate to:
  // ▮ review records … ▮ and to ▮ have full and complete access …⁸⁰"): the note at the end of
  // the last one cites them all.
  void share_display_citations() {
    int later = -1;
    std::uint32_t chain_end = 0;  // the end of the display whose own marker the chain shares
    for (std::size_t i = quotes_.size(); i-- > 0;) {
      Quotation& q = quotes_[i];
      if (q.origin == QuoteOrigin::marks || q.parent >= 0 || q.kind != QuoteKind::direct) continue;
      bool joined = false;
      if (later >= 0) {
        const Quotation& l = quotes_[static_cast<std::size_t>(later)];
        if (q.citation.target.empty() && !l.citation.target.empty() && !l.citation.in_text && l.block <= q.block + 2 &&
            l.citation.span.begin >= l.span.begin && l.citation.span.begin <= chain_end) {
          q.citation = l.citation;
          joined = true;
        }
      }
      if (!joined) chain_end = q.span.end;
      later = static_cast<int>(i);
    }
  }

  void classify_rest() {
    for (Quotation& q : quotes_) {
      if (q.parent >= 0) {
        Shape s = shape(q.inner);
        q.kind = s.words >= 2 && s.first_capital && s.long_lower == 0 && s.capitalised >= 2 ? QuoteKind::title : QuoteKind::scare;
      } else if (q.outside_prose) {
        Shape s = shape(q.inner);
        bool note = document_.blocks[q.block].kind == BlockKind::note;
        q.kind = note && s.words >= 2 ? QuoteKind::title
                 : s.words >= 2 && s.first_capital && s.long_lower == 0 ? QuoteKind::title
                                                                         : QuoteKind::scare;
      }
    }
  }

  // "“A,” he said. “B.”": an unattributed quotation in the same paragraph as the one before it,
  // with no other person named between them, has the same speaker. In fiction (option), a
  // line of dialogue with no speaker goes to the speaker two turns back.
  void inherit_speakers() {
    int previous = -1, before_previous = -1;
    for (std::size_t i = 0; i < quotes_.size(); ++i) {
      Quotation& q = quotes_[i];
      if (q.kind != QuoteKind::direct || q.parent >= 0 || q.outside_prose) continue;
      if (q.speaker.name.empty() && previous >= 0) {
        const Quotation& p = quotes_[static_cast<std::size_t>(previous)];
        bool same_block = p.block == q.block && p.origin == q.origin;
        if (same_block && !p.speaker.name.empty() && !named_between(p.span.end, q.span.begin)) {
          q.speaker = p.speaker;
          q.speaker.mention = Span{};
          q.speaker.how = "same-paragraph";
        } else if (options_.dialogue_turns && before_previous >= 0) {
          const Quotation& pp = quotes_[static_cast<std::size_t>(before_previous)];
          if (!pp.speaker.name.empty() && pp.speaker.name != p.speaker.name && q.block <= p.block + 2 && p.block <= pp.block + 2) {
            q.speaker = pp.speaker;
            q.speaker.mention = Span{};
            q.speaker.how = "dialogue-turn";
          }
        }
      }
      before_previous = previous;
      previous = static_cast<int>(i);
    }
  }

  // What the confidence of a missing speaker or citation rests on: is anyone who could have
  // said it named just before, and does a citation stand elsewhere in the paragraph?
  // The paragraph a block belongs to in print. A sentence ending with a colon (or left open),
  // the list or display quotation it introduces and the text after them are one paragraph (TEI puts the
  // <list> or <quote> inside the <p>; the reader gives each part its own block), and historians
  // give such a paragraph one note at its end ("…instructions: ▮ …the Government of the
  // United States.⁴⁰").
  Span printed_paragraph(std::uint32_t b) const {
    const auto& blocks = document_.blocks;
    const std::uint32_t n = static_cast<std::uint32_t>(blocks.size());
    auto set_in = [&](std::uint32_t k) { return blocks[k].kind == BlockKind::list_item || blocks[k].kind == BlockKind::block_quote; };
    auto introduces = [&](std::uint32_t k) {
      if (k + 1 >= n || !set_in(k + 1) || set_in(k)) return false;
      std::string_view t = document_.slice(blocks[k].span);
      while (!t.empty() && (t.back() == ' ' || t.back() == '\n')) t.remove_suffix(1);
      // A colon, or a sentence the display completes ("…because the diplomatic correspondence ▮").
      if (t.empty()) return false;
      char c = t.back();
      return c != '.' && c != '!' && c != '?' && !(t.size() >= 3 && t.substr(t.size() - 3) == "\xE2\x80\x9D" && t.size() > 3 &&
                                                      (t[t.size() - 4] == '.' || t[t.size() - 4] == '!' || t[t.size() - 4] == '?'));
    };
    std::uint32_t first = b, last = b;
    while (first > 0) {
      if (set_in(first) ? set_in(first - 1) || introduces(first - 1) : set_in(first - 1)) { --first; continue; }
      break;
    }
    while (last + 1 < n) {
      if (introduces(last) || (set_in(last) && set_in(last + 1))) { ++last; continue; }
      if (set_in(last) && is_prose(blocks[last + 1].kind)) { ++last; if (introduces(last)) continue; }
      break;
    }
    return {blocks[first].span.begin, blocks[last].span.end};
  }

  void assess() {
    const auto& blocks = document_.blocks;
    const auto& mentions = index_.mentions();
    for (Quotation& q : quotes_) {
      if (q.kind != QuoteKind::direct || q.parent >= 0 || q.outside_prose) continue;
      const Span last_piece = q.pieces.empty() ? q.span : q.pieces.back();
      std::uint32_t end_block = q.block;
      while (end_block + 1 < blocks.size() && blocks[end_block].span.end < last_piece.begin) ++end_block;
      const Span paragraph = printed_paragraph(end_block);
      auto ref = std::lower_bound(document_.note_refs.begin(), document_.note_refs.end(), paragraph.begin,
                                  [](const sdk::NoteRef& r, std::uint32_t v) { return r.span.begin < v; });
      auto link = std::lower_bound(document_.links.begin(), document_.links.end(), paragraph.begin,
                                   [](const sdk::Link& l, std::uint32_t v) { return l.span.begin < v; });
      q.cited_in_paragraph = (ref != document_.note_refs.end() && ref->span.begin < paragraph.end) ||
                             (link != document_.links.end() && link->span.begin < paragraph.end);
      if (!q.speaker.name.empty()) continue;
      // The paragraph before counts only for a quotation that opens its own paragraph.
      std::uint32_t from = blocks[q.block].span.begin;
      bool opens_paragraph = q.span.begin <= from + 4;
      if (opens_paragraph && q.block > 0 && is_prose(blocks[q.block - 1].kind)) from = blocks[q.block - 1].span.begin;
      auto m = std::lower_bound(mentions.begin(), mentions.end(), from, [](const Mention& x, std::uint32_t v) { return x.span.begin < v; });
      q.candidate_nearby = m != mentions.end() && m->span.begin < q.span.begin;
      for (std::size_t i = from; !q.candidate_nearby && i < q.span.begin;) {
        // Words only: a pronoun ("It stated that", "she added") or a document noun ("the report").
        // The pronouns and document nouns looked for are ASCII words.
        auto ascii_letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
        while (i < q.span.begin && !ascii_letter(text_[i])) ++i;
        std::size_t e = i;
        while (e < q.span.begin && ascii_letter(text_[e])) ++e;
        if (e == i) break;
        std::string w = fold(text_.substr(i, e - i));
        q.candidate_nearby = vocabulary_.pronoun(w) != 0 || vocabulary_.document_noun(w);
        i = e;
      }
    }
  }

  // Verse set as a display: two or more consecutive block-quote lines, each short and on one
  // line (a TEI <l> per line, an epigraph, a hymn). Its quotations are lines being recited, not
  // statements to source, and stanzas that each reopen the quotation mark are a print
  // convention, so marks left open inside it are not reported.
  void mark_verse(std::vector<StrayMark>& stray) {
    const auto& blocks = document_.blocks;
    std::vector<bool> verse(blocks.size(), false);
    auto line = [&](std::size_t b) {
      if (blocks[b].kind != BlockKind::block_quote) return false;
      std::string_view t = document_.slice(blocks[b].span);
      return t.size() <= kVerseLineBytes && t.find('\n') == std::string_view::npos;
    };
    for (std::size_t b = 0; b < blocks.size();) {
      std::size_t e = b;
      while (e < blocks.size() && line(e)) ++e;
      if (e - b >= 2) std::fill(verse.begin() + static_cast<long>(b), verse.begin() + static_cast<long>(e), true);
      b = e > b ? e : b + 1;
    }
    auto block_of = [&](std::uint32_t pos) {
      auto it = std::upper_bound(blocks.begin(), blocks.end(), pos, [](std::uint32_t v, const sdk::Block& blk) { return v < blk.span.begin; });
      return it == blocks.begin() ? std::size_t{0} : static_cast<std::size_t>(it - blocks.begin() - 1);
    };
    stray.erase(std::remove_if(stray.begin(), stray.end(), [&](const StrayMark& m) { return verse[block_of(m.span.begin)]; }), stray.end());
    for (Quotation& q : quotes_)
      if (q.block < verse.size() && verse[q.block]) q.exempt = Exemption::verse;
  }

  // Fiction and drama give each speaker's turn a paragraph that opens with the quotation mark;
  // two such paragraphs in a row are a turn of dialogue. Reports quote inside their sentences
  // or in block quotations, so runs of turns are what tells a narrative apart.
  void count_turns(Analysis& analysis) {
    const auto& blocks = document_.blocks;
    int previous_block = -2;
    std::vector<int> opening(blocks.size(), -1);
    for (std::size_t i = 0; i < quotes_.size(); ++i) {
      const Quotation& q = quotes_[i];
      if (q.parent >= 0 || q.origin != QuoteOrigin::marks || q.outside_prose) continue;
      std::size_t p = blocks[q.block].span.begin;
      while (p < q.span.begin) {
        std::size_t r = p;
        char32_t c = sdk::next_code_point(text_, r);
        if (!sdk::is_space(c) && c != '*' && c != '_') break;
        p = r;
      }
      if (p == q.span.begin) opening[q.block] = static_cast<int>(i);
    }
    for (std::uint32_t b = 0; b < blocks.size(); ++b) {
      if (blocks[b].kind != BlockKind::paragraph) continue;
      ++analysis.paragraphs;
      if (opening[b] < 0) continue;
      if (previous_block == static_cast<int>(b) - 1 && opening[b] != opening[b - 1]) ++analysis.turn_pairs;
      previous_block = static_cast<int>(b);
    }
    // A few turns in a long report are an exchange being reported; a narrative has them on
    // every page (a novel: one paragraph in three; a report: none or two in a thousand).
    analysis.narrative = analysis.turn_pairs >= kMinTurnPairs && analysis.turn_pairs * kParagraphsPerTurn >= analysis.paragraphs;
    if (!analysis.narrative) return;
    for (Quotation& q : quotes_)
      // Letters and epigraphs set as block quotations belong to the story too.
      if (q.parent < 0 && !q.outside_prose && q.citation.target.empty())
        q.exempt = Exemption::dialogue;
  }

  bool named_between(std::uint32_t from, std::uint32_t to) const {
    const auto& mentions = index_.mentions();
    auto it = std::lower_bound(mentions.begin(), mentions.end(), from, [](const Mention& m, std::uint32_t v) { return m.span.begin < v; });
    for (; it != mentions.end() && it->span.begin < to; ++it)
      if (index_.entity(it->entity).type == SpeakerType::person) return true;
    return false;
  }

  const sdk::Document& document_;
  std::string_view text_;
  const AnalysisOptions& options_;
  Vocabulary vocabulary_;
  NameFinder finder_;
  NameIndex index_;
  std::vector<Quotation> quotes_;
  std::vector<QuoteRef> refs_;
  sdk::SentenceContext sentence_context_;
  Context previous_;
  // A quotation over several paragraphs waits for its last one: the context where it began.
  struct Pending {
    Context before;
    std::size_t index = 0;
    std::unique_ptr<Context> intro;
  };
  std::map<int, Pending> pending_;
  std::vector<int> awaiting_next_;
  std::vector<Span> references_;  // TEI <bibl> elements
  // A list whose items quote, introduced by a sentence ending with a colon ("HD proposed a range
  // of options, including:"): that sentence, and the list's quotations still to cite.
  std::unique_ptr<Context> list_intro_;
  std::vector<int> list_quotes_;
  Span list_span_;
  int last_display_ = -1;
};

}  // namespace

Analysis QuoteAnalyzer::analyse(const sdk::Document& document) const { return Analyzer(document, options_).run(); }

}  // namespace marginalia::plugins::quotes
