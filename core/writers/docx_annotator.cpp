// SPDX-License-Identifier: MIT
#include "writers/docx_annotator.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

#include <pugixml.hpp>

#include "model/part_map.hpp"
#include "readers/docx_archive.hpp"
#include "writers/docx_package.hpp"
#include "writers/docx_part_editor.hpp"

namespace marginalia::writers {
namespace {

using docx::CommentAnchor;
using docx::PartPlace;

constexpr const char* comments_content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

AnnotateResult failure(std::string code, std::string message) {
  AnnotateResult result;
  result.code = std::move(code);
  result.message = std::move(message);
  return result;
}

// Text for an XML element or attribute: markup characters escaped, and the C0 controls XML 1.0
// forbids turned into spaces.
std::string escaped(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        out.push_back(static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r' ? ' ' : c);
    }
  }
  return out;
}

// The largest integer value of an `…:id="N"` attribute in `xml` (comment, revision, bookmark
// and note ids share nothing in the schema, but Word is happiest when new ids collide with none).
long long largest_id(std::string_view xml) {
  long long largest = -1;
  for (std::size_t at = xml.find(":id=\""); at != std::string_view::npos; at = xml.find(":id=\"", at + 1)) {
    std::size_t digits = at + 5;
    bool negative = digits < xml.size() && xml[digits] == '-';
    long long value = 0;
    std::size_t end = digits + (negative ? 1 : 0);
    while (end < xml.size() && end - digits < 12 && xml[end] >= '0' && xml[end] <= '9') value = value * 10 + (xml[end++] - '0');
    if (end < xml.size() && xml[end] == '"' && !negative) largest = std::max(largest, value);
  }
  return largest;
}

// Where a finding's span lies in the parts: the piece and offset of its first and last byte.
struct Located {
  bool ok = false;
  std::uint32_t part = 0;
  PartPlace begin, end;
};

class Locator {
 public:
  Locator(const model::SourceMap& map, const model::PartMap& parts) : map_(map), parts_(parts) {}

  Located locate(sdk::Span span) const {
    const auto& pieces = parts_.pieces;
    if (pieces.empty()) return {};
    model::SourceRange range = map_.source_range(span.begin, span.end);
    auto [begin_piece, begin_offset] = place_of(range.begin);
    std::size_t end_piece = begin_piece;
    std::uint32_t end_offset = begin_offset;
    if (!span.empty()) {
      std::uint32_t last = range.end > range.begin ? range.end - 1 : range.begin;
      std::size_t index = parts_.first_ending_after(last);
      if (index < pieces.size() && pieces[index].source_begin <= last) {
        end_piece = index;
        end_offset = std::min(last + 1 - pieces[index].source_begin, pieces[index].length);
      } else if (index > 0) {
        end_piece = index - 1;
        end_offset = pieces[index - 1].length;
      }
      // A span running from the body into a note, or backwards, shrinks to its start.
      if (pieces[end_piece].part != pieces[begin_piece].part || end_piece < begin_piece ||
          (end_piece == begin_piece && end_offset < begin_offset)) {
        end_piece = begin_piece;
        end_offset = begin_offset;
      }
    }
    Located located;
    located.ok = true;
    located.part = pieces[begin_piece].part;
    located.begin = {pieces[begin_piece].element, begin_offset};
    located.end = {pieces[end_piece].element, end_offset};
    return located;
  }

 private:
  // The piece holding `source`, else the nearest piece on the same line (after the one before,
  // or before the one after), else the one before.
  std::pair<std::size_t, std::uint32_t> place_of(std::uint32_t source) const {
    const auto& pieces = parts_.pieces;
    std::size_t index = parts_.first_ending_after(source);
    if (index < pieces.size() && pieces[index].source_begin <= source && pieces[index].length > 0)
      return {index, source - pieces[index].source_begin};
    std::uint32_t line = map_.position_of_source(source).line;
    bool has_before = index > 0;
    bool has_after = index < pieces.size();
    if (has_before && map_.position_of_source(pieces[index - 1].source_begin).line == line) return {index - 1, pieces[index - 1].length};
    if (has_after && map_.position_of_source(pieces[index].source_begin).line == line) return {index, 0};
    if (has_before) return {index - 1, pieces[index - 1].length};
    return {index, 0};
  }

  const model::SourceMap& map_;
  const model::PartMap& parts_;
};

// A finding in a note is anchored on the note's marker in the body: LibreOffice (7.4) refuses to
// open a file with a comment inside a footnote, and the marker is where an editor looks first.
// Returns the marker's place and "in footnote 2: ", or the end of the body for a note without
// marker.
std::pair<Located, std::string> note_marker(const Locator& locator, const model::SourceMap& map, const model::PartMap& parts,
                                            const sdk::Document& document, sdk::Span span, std::uint32_t part) {
  std::string kind = part == 1 ? "footnote" : "endnote";
  std::uint32_t line = map.position(span.begin).line;
  const sdk::Note* note = nullptr;
  for (const sdk::Note& candidate : document.notes) {
    std::uint32_t first = map.position(candidate.span.begin).line;
    std::uint32_t last = candidate.span.empty() ? first : map.position(candidate.span.end - 1).line;
    if (first <= line && line <= last) note = &candidate;
  }
  if (note)
    for (const sdk::NoteRef& reference : document.note_refs)
      if (reference.label == note->label) {
        Located marker = locator.locate(reference.span);
        if (marker.ok && marker.part == 0) return {marker, "in " + kind + " " + note->label + ": "};
      }
  // No marker: the end of the body, where the notes would follow.
  Located end;
  for (auto piece = parts.pieces.rbegin(); piece != parts.pieces.rend(); ++piece)
    if (piece->part == 0) {
      end.ok = true;
      end.begin = end.end = {piece->element, piece->length};
      break;
    }
  return {end, "in " + kind + (note ? " " + note->label : std::string()) + " (no marker in the text refers to it): "};
}

// "fix: replace “Monday” with “Wednesday”".
std::string fix_text(std::string_view original, const std::string& replacement) {
  if (original.empty()) return "fix: insert \u201C" + replacement + "\u201D";
  if (replacement.empty()) return "fix: delete \u201C" + std::string(original) + "\u201D";
  return "fix: replace \u201C" + std::string(original) + "\u201D with \u201C" + replacement + "\u201D";
}

std::string paragraph_xml(const std::string& w, std::string_view text, bool reference_mark) {
  std::string out = "<" + w + "p>";
  if (reference_mark) out += "<" + w + "r><" + w + "annotationRef/></" + w + "r>";
  out += "<" + w + "r><" + w + "t xml:space=\"preserve\">" + escaped(text) + "</" + w + "t></" + w + "r></" + w + "p>";
  return out;
}

// The `w:comment` element for one finding; `w` is the prefix with its colon, `where` says which
// note the finding is about when the comment stands on the note's marker.
std::string comment_xml(const std::string& w, std::uint32_t id, const merge::ReportedFinding& reported, const sdk::Document& document,
                        const std::string& where, bool tracked, const AnnotateOptions& options) {
  const sdk::Finding& finding = reported.finding;
  std::string out = "<" + w + "comment " + w + "id=\"" + std::to_string(id) + "\" " + w + "author=\"" + escaped(options.author) + "\" " +
                    (options.date.empty() ? "" : w + "date=\"" + escaped(options.date) + "\" ") + w + "initials=\"" + escaped(options.initials) + "\">";
  out += paragraph_xml(w, where + sdk::to_string(finding.severity) + ": " + finding.message + " [" + finding.code + "]", true);
  if (finding.replacement) {
    std::string fix = fix_text(document.slice(finding.span), *finding.replacement);
    if (tracked) fix += " (proposed as a tracked change)";
    out += paragraph_xml(w, fix, false);
  }
  for (std::size_t i = 0; i < finding.related.size(); ++i) {
    std::string where;
    if (i < reported.related_begin.size())
      where = "paragraph " + std::to_string(reported.related_begin[i].line) + ", character " + std::to_string(reported.related_begin[i].column) + ": ";
    out += paragraph_xml(w, "see " + where + finding.related[i].message, false);
  }
  out += "</" + w + "comment>";
  return out;
}

// Inserts `fragment` as the last children of the root element of `xml`.
std::optional<std::string> append_to_root(const std::string& xml, const std::string& fragment) {
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return std::nullopt;
  std::string root = document.document_element().name();
  std::size_t close = xml.rfind("</" + root);
  if (close != std::string::npos) return xml.substr(0, close) + fragment + xml.substr(close);
  // A root with no content: `<Types …/>`.
  std::size_t empty = xml.rfind("/>");
  if (empty == std::string::npos) return std::nullopt;
  return xml.substr(0, empty) + ">" + fragment + "</" + root + ">" + xml.substr(empty + 2);
}

std::string prefix_of(const std::string& xml, const char* fallback) {
  pugi::xml_document document;
  if (!document.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8)) return fallback;
  std::string_view root = document.document_element().name();
  std::size_t colon = root.find(':');
  return colon == std::string_view::npos ? std::string() : std::string(root.substr(0, colon + 1));
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The package around the main part: where comments go and how they are registered.
struct CommentsPlan {
  std::string part;            // the comments part's name
  std::optional<std::string> existing;  // its current XML, when the document has one
  std::optional<std::string> rels;      // the main part's relationships, when they change
  std::optional<std::string> content_types;  // [Content_Types].xml, when it changes
};

class PackageReader {
 public:
  explicit PackageReader(readers::docx::DocxArchive& archive) : archive_(archive) {}
  // The part's bytes; nothing when absent; `error` set when it cannot be read.
  std::optional<std::string> read(const std::string& name) {
    readers::docx::ArchiveError problem;
    std::optional<std::string> bytes = archive_.read(name, problem);
    if (!bytes && !problem.code.empty() && error.empty()) error = problem.message;
    return bytes;
  }
  bool has(const std::string& name) const { return archive_.has(name); }
  std::string error;

 private:
  readers::docx::DocxArchive& archive_;
};

std::optional<CommentsPlan> plan_comments(PackageReader& package, const std::string& main_part, std::string& error) {
  std::string folder = main_part.substr(0, main_part.rfind('/') + 1);
  std::string rels_name = folder + "_rels/" + main_part.substr(folder.size()) + ".rels";
  CommentsPlan plan;
  std::optional<std::string> rels = package.read(rels_name);
  std::string relationship_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  long long largest_rid = 0;
  if (rels) {
    pugi::xml_document document;
    if (!document.load_buffer(rels->data(), rels->size(), pugi::parse_default, pugi::encoding_utf8)) {
      error = rels_name + " is not well-formed XML";
      return std::nullopt;
    }
    for (pugi::xml_node r = document.document_element().first_child(); r; r = r.next_sibling()) {
      std::string type = r.attribute("Type").value();
      std::string id = r.attribute("Id").value();
      if (id.rfind("rId", 0) == 0 && id.size() > 3 && id.size() < 12 && id.find_first_not_of("0123456789", 3) == std::string::npos)
        largest_rid = std::max(largest_rid, std::stoll(id.substr(3)));
      if (type.rfind("http://purl.oclc.org/ooxml/officeDocument/relationships/", 0) == 0)
        relationship_base = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
      std::size_t slash = type.rfind('/');
      if (slash == std::string::npos || type.substr(slash + 1) != "comments" || std::string(r.attribute("TargetMode").value()) == "External") continue;
      std::string target = r.attribute("Target").value();
      std::string name = !target.empty() && target[0] == '/' ? target.substr(1) : folder + target;
      if (package.has(name)) {
        plan.part = name;
        plan.existing = package.read(name);
        if (!plan.existing) {
          error = package.error.empty() ? "cannot read " + name : package.error;
          return std::nullopt;
        }
        return plan;
      }
    }
  }
  // No comments yet: a new part, registered in the relationships and the content types.
  plan.part = folder + "comments.xml";
  for (int n = 2; package.has(plan.part); ++n) plan.part = folder + "comments" + std::to_string(n) + ".xml";
  std::string relationship = "<Relationship Id=\"rId" + std::to_string(largest_rid + 1) + "\" Type=\"" + relationship_base +
                             "comments\" Target=\"" + plan.part.substr(folder.size()) + "\"/>";
  if (rels) {
    plan.rels = append_to_root(*rels, relationship);
  } else {
    plan.rels = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                relationship + "</Relationships>";
  }
  if (!plan.rels) {
    error = "cannot add the comments relationship to " + rels_name;
    return std::nullopt;
  }
  std::optional<std::string> types = package.read("[Content_Types].xml");
  if (!types) {
    error = "the package has no [Content_Types].xml";
    return std::nullopt;
  }
  if (lower(*types).find("partname=\"/" + lower(plan.part) + "\"") == std::string::npos) {
    plan.content_types = append_to_root(*types, "<Override PartName=\"/" + plan.part + "\" ContentType=\"" + comments_content_type + "\"/>");
    if (!plan.content_types) {
      error = "cannot register the comments part in [Content_Types].xml";
      return std::nullopt;
    }
  }
  return plan;
}

}  // namespace

AnnotateResult annotate_docx(std::string_view package, const merge::DocumentReport& report, const AnnotateOptions& options) {
  const model::SourceMap& map = report.loaded.source_map;
  const model::PartMap* parts = map.part_map();
  if (!parts || parts->parts.empty())
    return failure("annotate/not-docx", "the document was not read as DOCX, so there is no Word file to annotate");
  if (model::fingerprint(package) != parts->input_fingerprint)
    return failure("annotate/changed-input", "the file changed after it was checked; check it again");

  readers::docx::ArchiveError archive_error;
  std::optional<readers::docx::DocxArchive> archive = readers::docx::DocxArchive::open(package, readers::docx::ArchiveLimits{}, archive_error);
  if (!archive) return failure("annotate/bad-package", archive_error.message);
  PackageReader reader(*archive);
  const std::string& main_part = parts->parts[0];

  std::string error;
  std::optional<CommentsPlan> plan = plan_comments(reader, main_part, error);
  if (!plan) return failure("annotate/bad-package", error);

  // Fresh ids above every id in the parts that hold comment markers or comments.
  std::map<std::uint32_t, std::string> part_xml;
  long long largest = plan->existing ? largest_id(*plan->existing) : -1;
  for (std::uint32_t p = 0; p < parts->parts.size(); ++p) {
    if (std::optional<std::string> xml = reader.read(parts->parts[p])) {
      largest = std::max(largest, largest_id(*xml));
      part_xml[p] = std::move(*xml);
    }
  }
  if (!reader.error.empty()) return failure("annotate/bad-package", reader.error);
  std::uint32_t next_id = static_cast<std::uint32_t>(largest + 1);

  // Each finding's comment and where it goes.
  Locator locator(map, *parts);
  struct Planned {
    const merge::ReportedFinding* finding;
    std::uint32_t part;
    std::size_t anchor;
    std::string where;
  };
  std::vector<Planned> planned;
  std::map<std::uint32_t, std::vector<CommentAnchor>> anchors;
  for (const merge::ReportedFinding& reported : report.findings) {
    Located located = locator.locate(reported.finding.span);
    std::string where;
    bool in_note = located.ok && located.part != 0;
    if (in_note) std::tie(located, where) = note_marker(locator, map, *parts, report.loaded.document, reported.finding.span, located.part);
    if (!located.ok || !part_xml.count(located.part)) continue;
    CommentAnchor anchor;
    anchor.comment_id = next_id++;
    anchor.begin = located.begin;
    anchor.end = located.end;
    // The fix of a finding in a note would land on the marker: left to the comment's text.
    if (options.tracked_fixes && !in_note) anchor.replacement = reported.finding.replacement;
    planned.push_back({&reported, located.part, anchors[located.part].size(), where});
    anchors[located.part].push_back(anchor);
  }

  // What a new comments part needs from the main part, read before the editors take the XML.
  std::string main_xml = part_xml.count(0) ? part_xml[0] : std::string();
  std::string w = plan->existing ? prefix_of(*plan->existing, "w:") : prefix_of(main_xml, "w:");
  std::string uri = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  if (main_xml.find("http://purl.oclc.org/ooxml/wordprocessingml/main") != std::string::npos && main_xml.find(uri) == std::string::npos)
    uri = "http://purl.oclc.org/ooxml/wordprocessingml/main";
  main_xml.clear();

  std::vector<docx::PackagePart> written;
  std::map<std::uint32_t, std::vector<docx::AnchorOutcome>> outcomes;
  for (auto& [part, list] : anchors) {
    docx::PartEditor editor;
    if (!editor.load(std::move(part_xml[part]), error)) return failure("annotate/bad-package", parts->parts[part] + " is " + error);
    outcomes[part] = editor.annotate(list, options.author, options.date, next_id);
    written.push_back({parts->parts[part], editor.save()});
  }

  AnnotateResult result;
  std::string comments;
  for (const Planned& p : planned) {
    const CommentAnchor& anchor = anchors[p.part][p.anchor];
    const docx::AnchorOutcome& outcome = outcomes[p.part][p.anchor];
    if (!outcome.anchored) continue;
    comments += comment_xml(w, anchor.comment_id, *p.finding, report.loaded.document, p.where, outcome.tracked_change, options);
    ++result.summary.comments;
    if (!p.where.empty()) ++result.summary.in_notes;
    if (outcome.tracked_change) ++result.summary.tracked_changes;
  }
  if (plan->existing) {
    std::optional<std::string> appended = append_to_root(*plan->existing, comments);
    if (!appended) return failure("annotate/bad-package", plan->part + " is not well-formed XML");
    written.push_back({plan->part, std::move(*appended)});
  } else {
    std::string ns = w.empty() ? "xmlns" : "xmlns:" + w.substr(0, w.size() - 1);
    written.push_back({plan->part, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<" + w + "comments " + ns + "=\"" + uri +
                                       "\">" + comments + "</" + w + "comments>"});
    std::string folder = main_part.substr(0, main_part.rfind('/') + 1);
    written.push_back({folder + "_rels/" + main_part.substr(folder.size()) + ".rels", *plan->rels});
    if (plan->content_types) written.push_back({"[Content_Types].xml", *plan->content_types});
  }

  result.bytes = docx::rewrite_package(package, written, main_part, error);
  if (!result.bytes) return failure("annotate/bad-package", error);
  return result;
}

}  // namespace marginalia::writers
