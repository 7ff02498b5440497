// SPDX-License-Identifier: MIT
// Word DOCX reports: the ZIP container through docx_archive (limits, no disk), the parts
// through pugixml. `word/document.xml` paragraphs become blocks (Title and Heading N styles,
// outline levels, list paragraphs, Quote styles), runs give text (`w:t`, `w:tab`, `w:br`;
// deleted text, field codes and hidden runs left out; runs in a code character style → elements
// named "code"), hyperlinks resolve through
// `word/_rels/document.xml.rels` (and HYPERLINK fields), footnote and endnote references
// become markers whose notes come from `word/footnotes.xml`/`word/endnotes.xml`, and
// `docProps/core.xml` gives title, author, language and date (created, else modified).
//
// Positions: a DOCX file has no lines a user could look up, so line = paragraph number (1-based,
// document order, empty paragraphs counted, note paragraphs numbered after the body's) and
// column = character within that paragraph. The source map is built over a rendering of the
// document with one line per paragraph; the walk runs twice (measure, then build) so the two
// agree by construction. The build pass also records, for every piece of the rendering, the
// part and element it came from (model/part_map.hpp), which core/writers/docx_annotator uses to
// put comments back on the exact runs.
#include <algorithm>
#include <cctype>
#include <deque>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "model/part_map.hpp"
#include "readers/docx_archive.hpp"
#include "readers/markup_text.hpp"
#include "readers/reader.hpp"
#include "readers/xml_walk.hpp"

namespace marginalia::readers {
namespace {

using sdk::BlockKind;
using sdk::Span;

std::string_view local(const pugi::xml_node& node) {
  std::string_view name = node.name();
  std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view attr(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    std::string_view n = a.name();
    std::size_t colon = n.find(':');
    if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == name) return a.value();
  }
  return {};
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view name) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c) == name) return c;
  return {};
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string roman(int n) {
  static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"}, {90, "xc"},
                                                      {50, "l"},   {40, "xl"},  {10, "x"},  {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
  std::string out;
  for (auto [value, digits] : table)
    while (n >= value) { out += digits; n -= value; }
  return out;
}

struct Style {
  std::string name;
  std::string based_on;
  int outline = -1;
  bool numbered = false;
};

struct Part {
  std::string xml;
  pugi::xml_document document;
};

class DocxWalker {
 public:
  DocxWalker(const pugi::xml_node& body, std::map<std::string, pugi::xml_node> footnotes, std::map<std::string, pugi::xml_node> endnotes,
             std::map<std::string, Style> styles, std::map<std::string, std::string> links)
      : body_(body), footnotes_(std::move(footnotes)), endnotes_(std::move(endnotes)), styles_(std::move(styles)), links_(std::move(links)) {}

  /// First pass: one line of text per paragraph.
  std::string measure() {
    measuring_ = true;
    run();
    std::string source;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
      if (i) source.push_back('\n');
      source += lines_[i];
    }
    line_starts_.push_back(0);
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) line_starts_.push_back(line_starts_.back() + static_cast<std::uint32_t>(lines_[i].size()) + 1);
    return source;
  }

  /// Second pass: the document, mapped into the measured source; each piece's element is
  /// recorded in the part map (`part_names`: the main part, the footnotes, the endnotes).
  void build(model::DocumentBuilder& builder, const std::string& source, std::vector<std::string> part_names) {
    measuring_ = false;
    part_map_.parts = std::move(part_names);
    builder_ = &builder;
    source_ = source;
    text_.emplace(builder, false);
    flow_.emplace(*text_);
    run();
    std::stable_sort(part_map_.pieces.begin(), part_map_.pieces.end(),
                     [](const model::PartPiece& a, const model::PartPiece& b) { return a.source_begin < b.source_begin; });
  }

  /// The part map filled by `build`.
  model::PartMap take_part_map() { return std::move(part_map_); }

 private:
  struct Frame {
    bool paragraph = false, link = false, skip_run = false, saved_has_piece = false, code = false;
    int saved_paragraph = -1;
    std::uint32_t saved_column = 0, begin = 0;
    std::string target;
  };
  struct Field {
    std::string instruction;
    bool result = false;
    std::uint32_t begin = 0;
  };
  struct PendingNote {
    pugi::xml_node node;
    std::string label;
    std::uint32_t part = 0;
  };

  void run() {
    paragraph_ = -1;
    paragraph_count_ = 0;
    column_ = 0;
    footnote_count_ = endnote_count_ = 0;
    queued_.clear();
    labels_.clear();
    queue_.clear();
    fields_.clear();
    lines_.clear();
    part_ = 0;
    walk(body_);
    if (!measuring_) text_->end_block();
    // Notes never referenced still belong to the document.
    for (const auto* notes : {&footnotes_, &endnotes_})
      for (const auto& [id, node] : *notes)
        if (std::string key = (notes == &footnotes_ ? "f" : "e") + id; !queued_.count(key)) {
          queued_.insert(key);
          labels_[key] = notes == &footnotes_ ? std::to_string(++footnote_count_) : roman(++endnote_count_);
          orphans_.push_back({node, labels_[key], notes == &footnotes_ ? 1u : 2u});
        }
    std::deque<PendingNote> all(queue_.begin(), queue_.end());
    all.insert(all.end(), orphans_.begin(), orphans_.end());
    orphans_.clear();
    while (!all.empty()) {
      PendingNote note = all.front();
      all.pop_front();
      std::size_t queued_before = queue_.size();
      if (!measuring_) flow_->begin_note(note.label);
      std::uint32_t begin = measuring_ ? 0 : text_->offset();
      part_ = note.part;
      walk(note.node);
      if (!measuring_) {
        flow_->end_note();
        Span span = builder_->document().blocks.back().span;
        if (span.empty()) span = {begin, begin};
        builder_->add_note(note.label, span, span);
      }
      for (std::size_t i = queued_before; i < queue_.size(); ++i) all.push_back(queue_[i]);
    }
  }

  // ---- output -------------------------------------------------------------------------------
  // `origin` is the element the text comes from (w:t, w:tab, a note reference…), for the part map.
  void emit(std::string_view text, const pugi::xml_node& origin) {
    if (paragraph_ < 0 || text.empty()) return;
    if (measuring_) {
      lines_[static_cast<std::size_t>(paragraph_)] += text;
    } else {
      flow_->ensure();
      std::uint32_t at = line_starts_[static_cast<std::size_t>(paragraph_)] + column_;
      text_->append_source(source_, at, at + static_cast<std::uint32_t>(text.size()), false);
      record_piece(at, static_cast<std::uint32_t>(text.size()), origin);
    }
    column_ += static_cast<std::uint32_t>(text.size());
  }
  void emit_line_break(const pugi::xml_node& origin) {
    if (paragraph_ < 0) return;
    // The rendering keeps one line per paragraph, so a manual break is a space there.
    if (measuring_) {
      lines_[static_cast<std::size_t>(paragraph_)] += ' ';
    } else {
      std::uint32_t at = line_starts_[static_cast<std::size_t>(paragraph_)] + column_;
      text_->request_break(TextBreak::line, at, 1);
      record_piece(at, 1, origin);
    }
    column_ += 1;
  }
  void record_piece(std::uint32_t at, std::uint32_t length, const pugi::xml_node& origin) {
    std::ptrdiff_t element = origin.offset_debug();
    if (element < 0) return;
    part_map_.pieces.push_back({at, length, part_, static_cast<std::uint32_t>(element)});
    paragraph_has_piece_ = true;
  }
  Span emit_marker(const std::string& label, const pugi::xml_node& origin) {
    emit(label, origin);
    if (measuring_ || paragraph_ < 0) return {};
    std::uint32_t end = text_->offset();
    return {end - static_cast<std::uint32_t>(label.size()), end};
  }
  std::uint32_t offset() const { return measuring_ ? 0 : text_->offset(); }

  // ---- structure ----------------------------------------------------------------------------
  void paragraph_kind(const pugi::xml_node& paragraph, BlockKind& kind, int& level) {
    kind = BlockKind::paragraph;
    level = 0;
    pugi::xml_node properties = child(paragraph, "pPr");
    std::string style_id(attr(child(properties, "pStyle"), "val"));
    int outline = -1;
    if (pugi::xml_node o = child(properties, "outlineLvl")) outline = std::atoi(std::string(attr(o, "val")).c_str());
    bool numbered = static_cast<bool>(child(properties, "numPr"));
    int list_level = 0;
    if (pugi::xml_node ilvl = child(child(properties, "numPr"), "ilvl")) list_level = std::atoi(std::string(attr(ilvl, "val")).c_str());
    std::string id = style_id;
    for (int depth = 0; !id.empty() && depth < 8; ++depth) {
      auto found = styles_.find(id);
      std::string name = found == styles_.end() ? lower(id) : found->second.name;
      std::string lower_id = lower(id);
      if (name == "title" || lower_id == "title") { kind = BlockKind::title; return; }
      if (name.rfind("heading ", 0) == 0 && name.size() == 9 && std::isdigit(static_cast<unsigned char>(name[8]))) {
        outline = outline >= 0 ? outline : name[8] - '1';
        break;
      }
      if (lower_id.rfind("heading", 0) == 0 && lower_id.size() == 8 && std::isdigit(static_cast<unsigned char>(lower_id[7]))) {
        outline = outline >= 0 ? outline : lower_id[7] - '1';
        break;
      }
      if (name == "quote" || name == "intense quote" || name == "block text") { kind = BlockKind::block_quote; return; }
      if (name.rfind("list", 0) == 0) numbered = true;
      if (found == styles_.end()) break;
      if (outline < 0 && found->second.outline >= 0) outline = found->second.outline;
      numbered = numbered || found->second.numbered;
      id = found->second.based_on;
    }
    if (outline >= 0 && outline < 9) {
      kind = BlockKind::heading;
      level = outline + 1;
      return;
    }
    if (numbered) {
      kind = BlockKind::list_item;
      level = list_level + 1;
    }
  }

  bool hidden_run(const pugi::xml_node& run) const {
    pugi::xml_node vanish = child(child(run, "rPr"), "vanish");
    if (!vanish) return false;
    std::string_view value = attr(vanish, "val");
    return value.empty() || (value != "0" && value != "false" && value != "off");
  }

  // A run in a character style for inline code: Word's "HTML Code" family, pandoc's "Verbatim
  // Char", LibreOffice's "Source Text", "User Entry" (its `kbd`) and "Teletype" (`tt`), or a
  // style of the document named for code (followed through `basedOn`). A font alone says
  // nothing: whole reports are set in Courier.
  bool code_run(const pugi::xml_node& run) const {
    return styled_as(std::string(attr(child(child(run, "rPr"), "rStyle"), "val")),
                     {"html code", "htmlcode", "html keyboard", "htmlkeyboard", "html sample", "htmlsample", "html typewriter",
                      "htmltypewriter", "html variable", "htmlvariable", "verbatim char", "verbatimchar", "source text", "sourcetext",
                      "user entry", "userentry", "teletype", "code", "code char", "codechar", "inline code", "inlinecode", "source code",
                      "sourcecode"});
  }

  // A paragraph of program text (Word's "HTML Preformatted", LibreOffice's "Preformatted Text",
  // pandoc's "Source Code"): a code block, which other formats leave out of the text. DOCX keeps
  // it, so that paragraph numbers stay the file's, and marks it all as code.
  bool code_paragraph(const pugi::xml_node& paragraph) const {
    return styled_as(std::string(attr(child(child(paragraph, "pPr"), "pStyle"), "val")),
                     {"html preformatted", "htmlpreformatted", "preformatted text", "preformattedtext", "source code", "sourcecode"});
  }

  // True when style `id`, or a style it is based on, has one of `names` as name or id.
  bool styled_as(std::string id, std::initializer_list<const char*> names) const {
    for (int depth = 0; !id.empty() && depth < 8; ++depth) {
      auto found = styles_.find(id);
      std::string name = found == styles_.end() ? lower(id) : found->second.name;
      std::string lower_id = lower(id);
      for (const char* code : names)
        if (name == code || lower_id == code) return true;
      if (found == styles_.end()) break;
      id = found->second.based_on;
    }
    return false;
  }

  // Word splits a run at every change of revision or spelling mark: touching pieces are one code.
  void add_code(Span span) {
    span = model::trim_span(builder_->document().text, span);
    if (span.empty()) return;
    auto& elements = builder_->document().elements;
    if (!elements.empty() && elements.back().name == "code" && elements.back().span.end == span.begin) {
      elements.back().span.end = span.end;
      return;
    }
    builder_->add_element({span, "code", {}});
  }

  bool in_field_code() const {
    for (const Field& field : fields_)
      if (!field.result) return true;
    return false;
  }

  // ---- the walk -----------------------------------------------------------------------------
  void walk(const pugi::xml_node& start) {
    walk_xml<Frame>(
        start, [this](const pugi::xml_node& node, Frame& frame) { return enter(node, frame); },
        [this](const pugi::xml_node& node, Frame& frame) { leave(node, frame); });
  }

  bool enter(const pugi::xml_node& node, Frame& frame) {
    if (node.type() != pugi::node_element) return false;
    std::string_view name = local(node);
    if (name == "p") {
      frame.paragraph = true;
      frame.saved_paragraph = paragraph_;
      frame.saved_column = column_;
      frame.saved_has_piece = paragraph_has_piece_;
      paragraph_ = paragraph_count_++;
      column_ = 0;
      paragraph_has_piece_ = false;
      if (measuring_) {
        lines_.emplace_back();
      } else {
        BlockKind kind;
        int level;
        paragraph_kind(node, kind, level);
        flow_->open(kind, level, {});
        if (code_paragraph(node)) {
          frame.code = true;
          frame.begin = offset();
        }
      }
      return true;
    }
    if (name == "pPr" || name == "rPr" || name == "sectPr" || name == "tblPr" || name == "trPr" || name == "tcPr" || name == "delText" ||
        name == "del" || name == "moveFrom" || name == "footnoteRef" || name == "endnoteRef" || name == "commentReference" ||
        name == "annotationRef" || name == "Fallback" || name == "sym" || name == "softHyphen" || name == "tblGrid" || name == "fldData")
      return false;
    if (name == "r" && hidden_run(node)) return false;
    if (name == "r" && !measuring_ && code_run(node)) {
      frame.code = true;
      frame.begin = offset();
    }
    if (name == "t") {
      if (!in_field_code()) emit(node.child_value(), node);
      return false;
    }
    if (name == "instrText") {
      if (!fields_.empty() && !fields_.back().result) fields_.back().instruction += node.child_value();
      return false;
    }
    if (name == "tab" || name == "ptab") { if (!in_field_code()) emit("\t", node); return false; }
    if (name == "br" || name == "cr") { if (!in_field_code()) emit_line_break(node); return false; }
    if (name == "noBreakHyphen") { emit("-", node); return false; }
    if (name == "footnoteReference" || name == "endnoteReference") {
      note_reference(node, name == "footnoteReference");
      return false;
    }
    if (name == "fldChar") {
      field_char(std::string(attr(node, "fldCharType")));
      return false;
    }
    if (name == "hyperlink") {
      auto target = links_.find(std::string(attr(node, "id")));
      if (target != links_.end()) {
        frame.link = true;
        frame.target = target->second;
        frame.begin = offset();
      }
      return true;
    }
    if (name == "fldSimple") {
      std::string url = hyperlink_instruction(std::string(attr(node, "instr")));
      if (!url.empty()) {
        frame.link = true;
        frame.target = url;
        frame.begin = offset();
      }
      return true;
    }
    return true;
  }

  void leave(const pugi::xml_node& node, Frame& frame) {
    if (frame.code && offset() > frame.begin) add_code({frame.begin, offset()});
    if (frame.link && !measuring_) {
      Span span = model::trim_span(builder_->document().text, {std::min(frame.begin, offset()), offset()});
      if (!span.empty()) builder_->add_link(span, frame.target);
    }
    if (frame.paragraph) {
      if (!measuring_) {
        // A finding on an empty paragraph (an empty note) points at the paragraph itself.
        if (!paragraph_has_piece_) {
          std::uint32_t at = line_starts_[static_cast<std::size_t>(paragraph_)];
          builder_->anchor(at);
          record_piece(at, 0, node);
        }
        flow_->close();
      }
      paragraph_ = frame.saved_paragraph;
      column_ = frame.saved_column;
      paragraph_has_piece_ = frame.saved_has_piece;
    }
  }

  void note_reference(const pugi::xml_node& node, bool footnote) {
    std::string id(attr(node, "id"));
    const auto& notes = footnote ? footnotes_ : endnotes_;
    std::string key = (footnote ? "f" : "e") + id;
    auto found = labels_.find(key);
    std::string label;
    if (found != labels_.end()) {
      label = found->second;
    } else {
      label = footnote ? std::to_string(++footnote_count_) : roman(++endnote_count_);
      labels_[key] = label;
      auto note = notes.find(id);
      if (note != notes.end() && queued_.insert(key).second) queue_.push_back({note->second, label, footnote ? 1u : 2u});
    }
    Span span = emit_marker(label, node);
    if (!measuring_ && !span.empty()) builder_->add_note_ref(span, label);
  }

  static std::string hyperlink_instruction(const std::string& instruction) {
    std::size_t at = instruction.find("HYPERLINK");
    if (at == std::string::npos) return {};
    std::size_t open = instruction.find('"', at);
    if (open == std::string::npos) return {};
    std::size_t close = instruction.find('"', open + 1);
    if (close == std::string::npos) return {};
    return instruction.substr(open + 1, close - open - 1);
  }

  void field_char(const std::string& type) {
    if (type == "begin") {
      fields_.push_back({});
    } else if (type == "separate" && !fields_.empty()) {
      fields_.back().result = true;
      fields_.back().begin = offset();
    } else if (type == "end" && !fields_.empty()) {
      Field field = fields_.back();
      fields_.pop_back();
      std::string url = hyperlink_instruction(field.instruction);
      if (!url.empty() && field.result && !measuring_) {
        Span span = model::trim_span(builder_->document().text, {std::min(field.begin, offset()), offset()});
        if (!span.empty()) builder_->add_link(span, url);
      }
    }
  }

  pugi::xml_node body_;
  std::map<std::string, pugi::xml_node> footnotes_;
  std::map<std::string, pugi::xml_node> endnotes_;
  std::map<std::string, Style> styles_;
  std::map<std::string, std::string> links_;

  bool measuring_ = true;
  std::vector<std::string> lines_;
  std::vector<std::uint32_t> line_starts_;
  std::string source_;
  model::DocumentBuilder* builder_ = nullptr;
  std::optional<MarkupText> text_;
  std::optional<BlockFlow> flow_;

  int paragraph_ = -1;
  int paragraph_count_ = 0;
  bool paragraph_has_piece_ = false;
  std::uint32_t part_ = 0;
  model::PartMap part_map_;
  std::uint32_t column_ = 0;
  int footnote_count_ = 0, endnote_count_ = 0;
  std::map<std::string, std::string> labels_;
  std::set<std::string> queued_;
  std::vector<PendingNote> queue_;
  std::vector<PendingNote> orphans_;
  std::vector<Field> fields_;
};

ReadResult fail(const std::string& path, std::string code, std::string message, std::optional<std::uint64_t> offset = std::nullopt,
                std::uint32_t line = 0, std::uint32_t column = 0) {
  ReadResult result;
  result.error = ReadError{path, line, column, offset, std::move(code), std::move(message)};
  return result;
}

// Loads one XML part; a part that is not well-formed is an error naming the part and the
// line:column inside it.
std::optional<ReadResult> load_part(const std::string& path, const std::string& name, Part& part) {
  pugi::xml_parse_result parsed =
      part.document.load_buffer(part.xml.data(), part.xml.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (parsed) return std::nullopt;
  std::uint32_t offset = static_cast<std::uint32_t>(std::clamp<std::ptrdiff_t>(parsed.offset, 0, static_cast<std::ptrdiff_t>(part.xml.size())));
  model::Position position = model::SourceMap(part.xml).position_of_source(offset);
  return fail(path, "reader/malformed-markup",
              name + " is not well-formed XML at its line " + std::to_string(position.line) + ", column " + std::to_string(position.column) +
                  ": " + parsed.description(),
              std::nullopt, position.line, position.column);
}

std::map<std::string, pugi::xml_node> notes_of(const pugi::xml_document& document, std::string_view element) {
  std::map<std::string, pugi::xml_node> notes;
  for (pugi::xml_node note = document.document_element().first_child(); note; note = note.next_sibling()) {
    if (note.type() != pugi::node_element || local(note) != element) continue;
    std::string_view type = attr(note, "type");
    if (!type.empty() && type != "normal") continue;  // separators
    notes.emplace(std::string(attr(note, "id")), note);
  }
  return notes;
}

// Entity references that are not XML's five or numeric: pugixml keeps them as text.
std::vector<std::string> undefined_entities(std::string_view xml) {
  std::vector<std::string> names;
  std::size_t pos = xml.find("<w:body");
  if (pos == std::string_view::npos) pos = 0;
  while ((pos = xml.find('&', pos)) != std::string_view::npos) {
    std::size_t end = xml.find(';', pos);
    if (end == std::string_view::npos || end - pos > 40) { ++pos; continue; }
    std::string_view body = xml.substr(pos + 1, end - pos - 1);
    if (decode_xml_reference(body) == 0 && !body.empty() && body.find_first_of(" <&\"'") == std::string_view::npos &&
        std::find(names.begin(), names.end(), std::string(body)) == names.end())
      names.emplace_back(body);
    pos = end;
  }
  return names;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string text_of_first(const pugi::xml_node& root, std::string_view name) {
  for (pugi::xml_node c = root.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local(c) == name) return collapse_space(c.child_value());
  return {};
}

}  // namespace

ReadResult read_docx(const ReaderInput& input) {
  const std::string& path = input.path;
  docx::ArchiveError archive_error;
  std::optional<docx::DocxArchive> archive = docx::DocxArchive::open(input.bytes, docx::ArchiveLimits{}, archive_error);
  if (!archive) return fail(path, archive_error.code, archive_error.message, archive_error.byte_offset);

  auto read_part = [&](const std::string& name, Part& part, bool required) -> std::optional<ReadResult> {
    docx::ArchiveError error;
    std::optional<std::string> bytes = archive->read(name, error);
    if (!bytes) {
      if (!error.code.empty()) return fail(path, error.code, error.message);
      if (required) return fail(path, "reader/docx-bad-archive", "the archive has no " + name + ": it is not a Word document");
      return std::nullopt;
    }
    part.xml = std::move(*bytes);
    return load_part(path, name, part);
  };

  // The main part is named by the package relationships; Word always calls it word/document.xml.
  std::string main_name = "word/document.xml";
  Part package_rels;
  if (archive->has("_rels/.rels")) {
    if (auto failed = read_part("_rels/.rels", package_rels, false)) return *failed;
    for (pugi::xml_node r = package_rels.document.document_element().first_child(); r; r = r.next_sibling())
      if (ends_with(attr(r, "Type"), "/relationships/officeDocument")) {
        // Only the officeDocument type itself: "…/officeDocument/2006/relationships/custom-properties"
        // shares the namespace but names docProps/custom.xml.
        std::string target(attr(r, "Target"));
        if (!target.empty() && target[0] == '/') target.erase(0, 1);
        if (!target.empty() && archive->has(target)) main_name = target;
        break;
      }
  }
  std::string folder = main_name.substr(0, main_name.rfind('/') + 1);
  std::string file = main_name.substr(main_name.rfind('/') + 1);

  Part main, rels, footnotes, endnotes, styles, core;
  if (auto failed = read_part(main_name, main, true)) return *failed;
  for (auto [name, part] : {std::pair<std::string, Part*>{folder + "_rels/" + file + ".rels", &rels}, {folder + "footnotes.xml", &footnotes},
                            {folder + "endnotes.xml", &endnotes}, {folder + "styles.xml", &styles}, {"docProps/core.xml", &core}})
    if (auto failed = read_part(name, *part, false)) return *failed;

  std::map<std::string, std::string> links;
  for (pugi::xml_node r = rels.document.document_element().first_child(); r; r = r.next_sibling())
    if (attr(r, "TargetMode") == "External") links[std::string(attr(r, "Id"))] = attr(r, "Target");
  std::map<std::string, Style> style_map;
  for (pugi::xml_node s = styles.document.document_element().first_child(); s; s = s.next_sibling()) {
    if (local(s) != "style") continue;
    Style style;
    style.name = lower(attr(child(s, "name"), "val"));
    style.based_on = attr(child(s, "basedOn"), "val");
    pugi::xml_node properties = child(s, "pPr");
    if (pugi::xml_node o = child(properties, "outlineLvl")) style.outline = std::atoi(std::string(attr(o, "val")).c_str());
    style.numbered = static_cast<bool>(child(properties, "numPr"));
    style_map[std::string(attr(s, "styleId"))] = style;
  }
  pugi::xml_node body = child(main.document.document_element(), "body");
  if (!body) return fail(path, "reader/docx-bad-archive", main_name + " has no w:body: it is not a Word document body");

  DocxWalker walker(body, notes_of(footnotes.document, "footnote"), notes_of(endnotes.document, "endnote"), std::move(style_map), std::move(links));
  std::string source = walker.measure();
  model::DocumentBuilder builder(path, "docx", model::SourceMap(source));
  walker.build(builder, source, {main_name, folder + "footnotes.xml", folder + "endnotes.xml"});

  pugi::xml_node properties = core.document.document_element();
  if (std::string title = text_of_first(properties, "title"); !title.empty()) builder.set_metadata("title", title);
  if (std::string author = text_of_first(properties, "creator"); !author.empty()) builder.set_metadata("author", author);
  if (std::string language = text_of_first(properties, "language"); !language.empty()) builder.set_metadata("language", language);
  for (const char* name : {"created", "modified"}) {
    std::string value = text_of_first(properties, name);
    if (value.size() >= 10 && value[4] == '-' && value[7] == '-') { builder.set_metadata("date", value.substr(0, 10)); break; }
  }
  if (builder.document().meta("title").empty())
    for (const sdk::Block& block : builder.document().blocks)
      if (block.kind == BlockKind::title || (block.kind == BlockKind::heading && block.level == 1)) {
        builder.set_metadata("title", std::string(builder.document().slice(block.span)));
        break;
      }
  for (const std::string& entity : undefined_entities(main.xml)) {
    std::string reference = "&" + entity + ";";
    std::size_t at = builder.document().text.find(reference);
    Span span = at == std::string::npos ? Span{0, 0} : Span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + reference.size())};
    builder.add_reader_finding({"reader/unexpanded-entity", sdk::Severity::warning, span,
                                "entity reference " + reference + " in " + main_name +
                                    " is kept as text: marginalia never reads DTDs or external entities",
                                {}, std::nullopt});
  }
  ReadResult result;
  result.document = builder.finish();
  model::PartMap part_map = walker.take_part_map();
  part_map.input_fingerprint = model::fingerprint(input.bytes);
  result.document->source_map.set_part_map(std::move(part_map));
  return result;
}

}  // namespace marginalia::readers
