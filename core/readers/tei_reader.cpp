// SPDX-License-Identifier: MIT
// TEI P5 reports through pugixml. pugixml never reads a DTD or an external entity, so a
// document's `&xxe;` stays literal text (and is reported); the walker below is a loop over
// the tree, never a recursion, so no nesting depth can exhaust the stack. Each text node is
// copied from the input bytes at pugixml's `offset_debug()`, so every character maps back to
// its line and column; references and collapsed layout white space map to their source run.
//
// What becomes what: the header's title and publication date open the text (title and
// dateline blocks, the date kept with its attributes); `head` → heading (level = division
// depth), `p`/`ab`/`l`… → paragraph, `item` → list item, a `quote` standing as a block → block
// quote, `note` → a marker where it stands plus a note after the body; `ref`/`ptr` to http(s)
// → links; `date`, `quote`, `q`, `said`, `persName`, `title`, `ref`… → `Document::elements`
// (`code` and `ident` both as inline code, "code"), and so do letter, drama, verse and
// title-page structures (`opener`, `sp`, `lg`, `l`…): their blocks stay paragraphs for
// plugins, the TEI writer rebuilds the structure from the elements.
// XML whose root is not TEI is read generically: every element holding text is a paragraph.
#include <algorithm>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "readers/dateline.hpp"
#include "readers/directive_comments.hpp"
#include "readers/markup_text.hpp"
#include "readers/reader.hpp"
#include "readers/xml_walk.hpp"
#include "readers/tei_notes.hpp"
#include "readers/tei_vocabulary.hpp"

namespace marginalia::readers {
namespace {

using sdk::BlockKind;
using sdk::Span;
using namespace tei;

const char* parse_error_message(pugi::xml_parse_status status) {
  switch (status) {
    case pugi::status_unrecognized_tag: return "a tag that is not XML (a '<' not followed by a name)";
    case pugi::status_bad_pi: return "a malformed processing instruction or XML declaration";
    case pugi::status_bad_comment: return "a malformed comment";
    case pugi::status_bad_cdata: return "a CDATA section that is never closed";
    case pugi::status_bad_doctype: return "a malformed document type declaration";
    case pugi::status_bad_pcdata: return "malformed text";
    case pugi::status_bad_start_element: return "a malformed start tag";
    case pugi::status_bad_attribute: return "a malformed attribute (missing quotes or '=')";
    case pugi::status_bad_end_element: return "a malformed end tag";
    case pugi::status_end_element_mismatch: return "an end tag that does not match the open element";
    case pugi::status_append_invalid_root: return "an invalid root";
    case pugi::status_no_document_element: return "no root element";
    case pugi::status_out_of_memory: return "not enough memory to parse the file";
    default: return "markup that is not well-formed XML";
  }
}

std::string trimmed(std::string_view s) {
  std::size_t b = s.find_first_not_of(" \t\n\r");
  if (b == std::string_view::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\n\r");
  return std::string(s.substr(b, e + 1 - b));
}

// The ISO form of a TEI date attribute value ("2020-11-25T14:22:46Z" → "2020-11-25").
std::string iso_date(std::string_view value) {
  std::string v = trimmed(value);
  auto digits = [&](std::size_t from, std::size_t n) {
    if (v.size() < from + n) return false;
    for (std::size_t i = from; i < from + n; ++i)
      if (v[i] < '0' || v[i] > '9') return false;
    return true;
  };
  if (digits(0, 4) && v.size() >= 10 && v[4] == '-' && digits(5, 2) && v[7] == '-' && digits(8, 2)) return v.substr(0, 10);
  if (digits(0, 4) && v.size() == 7 && v[4] == '-' && digits(5, 2)) return v;
  if (digits(0, 4) && v.size() == 4) return v;
  return {};
}

std::string date_of(const pugi::xml_node& date) {
  for (const char* name : {"when", "when-iso", "notBefore", "from"}) {
    std::string iso = iso_date(date.attribute(name).value());
    if (!iso.empty()) return iso;
  }
  std::string text = collapse_space(date.text().get());
  if (std::string iso = iso_date(text); !iso.empty()) return iso;
  if (auto parsed = parse_date_line(text)) return *parsed;
  return {};
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node child = node.first_child(); child; child = child.next_sibling())
    if (child.type() == pugi::node_element && local_name(child) == name) return child;
  return {};
}

pugi::xml_node descendant_named(const pugi::xml_node& node, std::string_view name) {
  // Header subtrees are shallow; a loop still keeps a hostile one from using the stack.
  pugi::xml_node current = node.first_child();
  while (current) {
    if (current.type() == pugi::node_element && local_name(current) == name) return current;
    if (current.first_child()) { current = current.first_child(); continue; }
    while (current && current != node && !current.next_sibling()) current = current.parent();
    if (!current || current == node) break;
    current = current.next_sibling();
  }
  return {};
}

std::vector<std::string> web_targets(std::string_view targets) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < targets.size()) {
    std::size_t begin = targets.find_first_not_of(" \t\n\r", pos);
    if (begin == std::string_view::npos) break;
    std::size_t end = targets.find_first_of(" \t\n\r", begin);
    if (end == std::string_view::npos) end = targets.size();
    std::string_view token = targets.substr(begin, end - begin);
    if (is_web_uri(token)) out.emplace_back(token);
    pos = end;
  }
  return out;
}

class TeiWalker {
 public:
  TeiWalker(const ReaderInput& input, model::DocumentBuilder& builder, bool tei_mode, const TeiNotes& notes)
      : input_(input.input.text), builder_(builder), text_(builder, true), flow_(text_), tei_mode_(tei_mode), notes_(notes) {}

  void read(const pugi::xml_node& root) {
    walk(root);
    text_.end_block();
    // Notes come after the body, in the order their markers (or they) appear; a note may hold
    // further notes, which join the queue.
    while (!deferred_.empty()) {
      const TeiNote* note = deferred_.front();
      deferred_.pop_front();
      flow_.begin_note(note->label);
      std::uint32_t begin = text_.offset();
      for (pugi::xml_node child = note->node.first_child(); child; child = child.next_sibling()) walk(child);
      flow_.end_note();
      Span body = builder_.document().blocks.back().span;
      if (body.empty()) {
        // An empty note is reported at its own element, not where the text after it resumes.
        builder_.anchor(tag_offset(note->node));
        builder_.append_synthetic("\n\n");
        body = {begin, begin};
      }
      builder_.add_note(note->label, body, body);
    }
    for (const UnexpandedEntity& entity : text_.unexpanded_entities()) {
      std::string count = entity.count == 1 ? "" : " (" + std::to_string(entity.count) + " references)";
      builder_.add_reader_finding({"reader/unexpanded-entity", sdk::Severity::warning, entity.first,
                                   "entity reference &" + entity.name + "; is kept as text" + count +
                                       ": marginalia never reads DTDs or external entities",
                                   {}, std::nullopt});
    }
  }

 private:
  struct Frame {
    bool block = false;
    bool container = false;
    bool division = false;
    bool list = false;
    bool kept = false;
    bool note_ref = false;
        std::uint32_t begin = 0;
    std::string label;
    std::vector<std::string> links;
    std::vector<sdk::Attribute> attributes;
  };
  struct Division {
    int level;
    std::string number;
  };

  std::uint32_t tag_offset(const pugi::xml_node& node) const {
    std::ptrdiff_t at = node.offset_debug();
    return at > 0 ? static_cast<std::uint32_t>(at - 1) : 0;  // the '<'
  }
  std::uint32_t tag_length(const pugi::xml_node& node) const {
    return static_cast<std::uint32_t>(std::string_view(node.name()).size() + 1);
  }

  void open_block(Frame& frame, BlockKind kind, int level, std::string number) {
    frame.block = true;
    flow_.open(kind, level, std::move(number));
  }
  void close_block() { flow_.close(); }
  void close_implicit() { flow_.container_boundary(); }
  void ensure_block() { flow_.ensure(); }
  bool block_open() const { return flow_.open_now(); }

  // ---- the walk -----------------------------------------------------------------------------
  void walk(const pugi::xml_node& start) {
    walk_xml<Frame>(
        start, [this](const pugi::xml_node& node, Frame& frame) { return enter(node, frame); },
        [this](const pugi::xml_node& node, Frame& frame) { leave(node, frame); });
  }

  bool enter(const pugi::xml_node& node, Frame& frame) {
    switch (node.type()) {
      case pugi::node_pcdata:
      case pugi::node_cdata:
        text_node(node);
        return false;
      case pugi::node_element:
        break;
      default:
        return false;
    }
    std::string_view name = local_name(node);
    if (!tei_mode_) return enter_generic(node, frame);
    if (name == "teiHeader") { header(node); return false; }
    if (is_skipped(name)) return false;
    if (name == "note") return enter_note(node);
    if (name == "lb") { text_.request_break(TextBreak::space, tag_offset(node), tag_length(node)); return false; }
    if (name == "choice" || name == "app" || name == "subst") { choice(node); return false; }
    if (name == "ptr") { pointer(node); return false; }

    int level = 0;
    if (is_division(name, level)) {
      close_implicit();
      frame.container = frame.division = true;
      int depth = level > 0 ? level : (divisions_.empty() ? 1 : divisions_.back().level + 1);
      divisions_.push_back({depth, trimmed(node.attribute("n").value())});
      return true;
    }
    if (name == "list" || name == "listBibl") {
      frame.list = name == "list";
      if (frame.list) ++list_depth_;
    }
    BlockKind kind;
    if (block_kind(name, kind)) {
      std::string number = name == "item" ? trimmed(node.attribute("n").value()) : std::string();
      open_block(frame, kind, kind == BlockKind::list_item ? std::max(1, list_depth_) : 0, number);
    } else if (name == "head") {
      std::string parent = std::string(local_name(node.parent()));
      int parent_level;
      if (is_division(parent, parent_level) || parent == "body" || parent == "front" || parent == "back") {
        std::string number = trimmed(node.attribute("n").value());
        if (number.empty() && !divisions_.empty()) number = divisions_.back().number;
        open_block(frame, BlockKind::heading, divisions_.empty() ? 1 : divisions_.back().level, number);
      } else {
        open_block(frame, BlockKind::paragraph, 0, {});
      }
    } else if ((name == "label" && local_name(node.parent()) == "list") || ((name == "bibl" || name == "docDate") && !block_open())) {
      open_block(frame, name == "docDate" ? BlockKind::dateline : BlockKind::paragraph, 0, {});
    } else if (name == "quote" && is_block_quote(node)) {
      open_block(frame, BlockKind::block_quote, 0, {});
    } else if (is_container(name)) {
      close_implicit();
      frame.container = true;
    } else if (!block_open() && !has_direct_text(node)) {
      close_implicit();
      frame.container = true;  // an unknown wrapper of blocks
    }
    if (is_kept_element(name) || is_structure_element(name)) keep(node, frame);
    if (name == "ref") reference(node, frame);
    return true;
  }

  void leave(const pugi::xml_node& node, Frame& frame) {
    if (node.type() != pugi::node_element) return;
    if (frame.note_ref || !frame.links.empty()) {
      Span span = model::trim_span(builder_.document().text, {frame.begin, text_.offset()});
      if (span.empty()) {
        // An empty <ref target="…"/> shows its target.
        ensure_block();
        span = text_.append_atom(frame.note_ref ? frame.label : frame.links.front(), tag_offset(node), tag_length(node));
      }
      if (frame.note_ref) builder_.add_note_ref(span, frame.label);
      for (std::string& target : frame.links) builder_.add_link(span, std::move(target));
    }
    if (frame.kept) {
      Span span = model::trim_span(builder_.document().text, {std::min(frame.begin, text_.offset()), text_.offset()});
      std::string_view name = local_name(node);
      builder_.add_element({span, std::string(is_code_element(name) ? "code" : name), std::move(frame.attributes)});
    }
    if (frame.block) close_block();
    if (frame.container) close_implicit();
    if (frame.division && !divisions_.empty()) divisions_.pop_back();
    if (frame.list) --list_depth_;
  }

  bool enter_generic(const pugi::xml_node& node, Frame& frame) {
    if (!block_open() && has_direct_text(node)) open_block(frame, BlockKind::paragraph, 0, {});
    else if (!block_open()) frame.container = true;
    return true;
  }

  bool is_block_quote(const pugi::xml_node& node) const {
    std::string rend = node.attribute("rend").value();
    std::string type = node.attribute("type").value();
    if (rend.find("block") != std::string::npos || type == "block" || rend == "display") return true;
    return !block_open();
  }

  void keep(const pugi::xml_node& node, Frame& frame) {
    frame.kept = true;
    frame.begin = text_.offset();
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute())
      frame.attributes.push_back({attribute.name(), attribute.value()});
  }

  void reference(const pugi::xml_node& node, Frame& frame) {
    std::string target = trimmed(node.attribute("target").value());
    frame.begin = frame.kept ? frame.begin : text_.offset();
    if (target.size() > 1 && target[0] == '#') {
      // A reference to an endnote is its marker; one to a footnote is only a cross-reference.
      const TeiNote* note = notes_.by_id(std::string_view(target).substr(1));
      if (note && !note->in_running_text) {
        frame.note_ref = true;
        frame.label = note->label;
      }
      return;
    }
    frame.links = web_targets(target);
  }

  void pointer(const pugi::xml_node& node) {
    std::string target = trimmed(node.attribute("target").value());
    std::string shown;
    const TeiNote* note = target.size() > 1 && target[0] == '#' ? notes_.by_id(std::string_view(target).substr(1)) : nullptr;
    std::vector<std::string> links = web_targets(target);
    if (note && !note->in_running_text) shown = note->shown;
    else if (!links.empty()) shown = links.front();
    if (shown.empty()) return;
    ensure_block();
    Span span = text_.append_atom(shown, tag_offset(node), tag_length(node));
    if (note && !note->in_running_text) builder_.add_note_ref(span, note->label);
    for (std::string& link : links) builder_.add_link(span, std::move(link));
    std::vector<sdk::Attribute> attributes;
    for (pugi::xml_attribute attribute = node.first_attribute(); attribute; attribute = attribute.next_attribute())
      attributes.push_back({attribute.name(), attribute.value()});
    builder_.add_element({span, "ptr", std::move(attributes)});
  }

  bool enter_note(const pugi::xml_node& node) {
    const TeiNote* note = notes_.find(node);
    if (!note) return true;  // place="inline": its text runs on
    if (note->in_running_text) {
      ensure_block();
      builder_.add_note_ref(text_.append_atom(note->shown, tag_offset(node), tag_length(node)), note->label);
    }
    deferred_.push_back(note);
    return false;
  }

  // One reading of a choice: the corrected, regularised or expanded form, else the first.
  void choice(const pugi::xml_node& node) {
    pugi::xml_node chosen;
    for (const char* preferred : {"corr", "reg", "expan", "lem", "add"})
      if ((chosen = child_named(node, preferred))) break;
    if (!chosen)
      for (pugi::xml_node child = node.first_child(); child && !chosen; child = child.next_sibling())
        if (child.type() == pugi::node_element && !is_skipped(local_name(child))) chosen = child;
    if (chosen) walk(chosen);
  }

  void text_node(const pugi::xml_node& node) {
    std::string_view value = node.value();
    if (!block_open() && value.find_first_not_of(" \t\n\r") == std::string_view::npos) return;
    ensure_block();
    std::ptrdiff_t at = node.offset_debug();
    if (at < 0) {
      text_.append_atom(collapse_space(value), last_offset_, 1);
      return;
    }
    std::uint32_t begin = static_cast<std::uint32_t>(at);
    bool cdata = node.type() == pugi::node_cdata;
    std::size_t end = cdata ? input_.find("]]>", begin) : input_.find('<', begin);
    if (end == std::string_view::npos) end = input_.size();
    text_.append_source(input_, begin, static_cast<std::uint32_t>(end), !cdata);
    last_offset_ = static_cast<std::uint32_t>(end);
  }

  // ---- the header ---------------------------------------------------------------------------
  void header(const pugi::xml_node& header) {
    pugi::xml_node file = child_named(header, "fileDesc");
    pugi::xml_node title_statement = child_named(file, "titleStmt");
    pugi::xml_node title;
    for (const char* type : {"main", "complete", ""}) {
      for (pugi::xml_node t = title_statement.first_child(); t && !title; t = t.next_sibling())
        if (t.type() == pugi::node_element && local_name(t) == "title" && std::string_view(t.attribute("type").value()) == type) title = t;
      if (title) break;
    }
    if (!title) title = child_named(title_statement, "title");
    if (title) {
      Frame frame;
      open_block(frame, BlockKind::title, 0, {});
      std::uint32_t begin = text_.offset();
      walk(title);
      if (builder_.document().meta("title").empty()) {
        std::string text = collapse_space(std::string_view(builder_.document().text).substr(begin));
        if (!text.empty()) builder_.set_metadata("title", text);
      }
      close_block();
    }
    if (pugi::xml_node author = child_named(title_statement, "author"); author && builder_.document().meta("author").empty()) {
      std::string name = collapse_space(author.text().get());
      if (name.empty()) name = collapse_space(author.child_value());
      if (name.empty()) {
        pugi::xml_node pers = descendant_named(author, "persName");
        if (pers) name = collapse_space(pers.text().get());
      }
      if (!name.empty()) builder_.set_metadata("author", name);
    }
    pugi::xml_node date = child_named(child_named(file, "publicationStmt"), "date");
    std::string iso = date ? date_of(date) : std::string();
    if (iso.empty()) {
      pugi::xml_node source_date = descendant_named(child_named(file, "sourceDesc"), "date");
      if (source_date) iso = date_of(source_date);
    }
    if (!iso.empty() && builder_.document().meta("date").empty()) builder_.set_metadata("date", iso);
    if (date && has_direct_text(date)) {
      Frame frame;
      open_block(frame, BlockKind::dateline, 0, {});
      walk(date);
      close_block();
    }
    if (builder_.document().meta("language").empty()) {
      pugi::xml_node language = descendant_named(child_named(header, "profileDesc"), "language");
      std::string ident = language ? trimmed(language.attribute("ident").value()) : std::string();
      if (!ident.empty()) builder_.set_metadata("language", ident);
    }
  }

  std::string_view input_;
  model::DocumentBuilder& builder_;
  MarkupText text_;
  BlockFlow flow_;
  bool tei_mode_;
  const TeiNotes& notes_;
  std::vector<Division> divisions_;
  std::deque<const TeiNote*> deferred_;
  int list_depth_ = 0;
  std::uint32_t last_offset_ = 0;
};

std::string declared_encoding(std::string_view text) {
  if (text.compare(0, 5, "<?xml") != 0) return {};
  std::size_t end = text.find("?>");
  std::string_view declaration = text.substr(0, end == std::string_view::npos ? std::min<std::size_t>(text.size(), 200) : end);
  std::size_t at = declaration.find("encoding");
  if (at == std::string_view::npos) return {};
  std::size_t quote = declaration.find_first_of("\"'", at);
  if (quote == std::string_view::npos) return {};
  std::size_t close = declaration.find(declaration[quote], quote + 1);
  if (close == std::string_view::npos) return {};
  return std::string(declaration.substr(quote + 1, close - quote - 1));
}

}  // namespace

ReadResult read_tei(const ReaderInput& input) {
  const std::string& text = input.input.text;
  pugi::xml_document document;
  // Whitespace-only text between inline elements is a word space, so it is kept.
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  pugi::xml_parse_result parsed = document.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
  model::SourceMap map = make_source_map(input);
  if (!parsed) {
    ReadResult result;
    ReadError error;
    error.path = input.path;
    std::uint32_t offset = static_cast<std::uint32_t>(std::clamp<std::ptrdiff_t>(parsed.offset, 0, static_cast<std::ptrdiff_t>(text.size())));
    model::Position position = map.position(offset);
    error.line = position.line;
    error.column = position.column;
    error.byte_offset = map.to_source(offset);
    error.code = "reader/malformed-markup";
    error.message = std::string("not well-formed XML: ") + parse_error_message(parsed.status);
    if (parsed.status == pugi::status_end_element_mismatch && offset + 1 >= text.size())
      error.message = "not well-formed XML: the file ends before every element is closed";
    result.error = std::move(error);
    return result;
  }

  pugi::xml_node root = document.document_element();
  std::string_view root_name = local_name(root);
  bool tei_mode = root_name == "TEI" || root_name == "teiCorpus" ||
                  std::string_view(root.attribute("xmlns").value()) == "http://www.tei-c.org/ns/1.0";
  model::DocumentBuilder builder(input.path, "tei", std::move(map));
  record_directives(find_tei_directives(text), builder);
  TeiNotes notes = tei_mode ? TeiNotes::collect(root) : TeiNotes();
  for (pugi::xml_node node : {child_named(root, "text"), root})
    if (std::string lang = trimmed(node.attribute("xml:lang").value()); !lang.empty() && builder.document().meta("language").empty())
      builder.set_metadata("language", lang);

  TeiWalker walker(input, builder, tei_mode, notes);
  walker.read(root);
  if (notes.qualified()) builder.set_metadata("note-labels", "qualified");
  // A note without @n is numbered by whatever renders the file, so only the numbers the file
  // gives are the document's own numbering (the footnotes plugin checks those).
  if (std::string unnumbered = notes.unnumbered_labels(); !unnumbered.empty()) builder.set_metadata("unnumbered-notes", unnumbered);

  if (!tei_mode)
    builder.add_reader_finding({"reader/unknown-markup", sdk::Severity::note, {0, 0},
                                "the root element is <" + std::string(root.name()) +
                                    ">, not a TEI document: every element holding text was read as a paragraph",
                                {}, std::nullopt});
  std::string encoding = declared_encoding(text);
  std::string lower;
  for (char c : encoding) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  if (!lower.empty() && lower != "utf-8" && lower != "utf8" && lower != "us-ascii" && lower != "ascii")
    builder.add_reader_finding({"reader/unknown-markup", sdk::Severity::note, {0, 0},
                                "the XML declaration names encoding " + encoding + ", but the file is valid UTF-8 and was read as UTF-8",
                                {}, std::nullopt});
  ReadResult result;
  result.document = builder.finish();
  return result;
}

}  // namespace marginalia::readers
