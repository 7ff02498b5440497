// SPDX-License-Identifier: MIT
#include "reporters/html_document_view.hpp"

#include <algorithm>
#include <iterator>
#include <map>
#include <queue>
#include <set>
#include <utility>

#include "reporters/html_escape.hpp"
#include "reporters/reporter.hpp"

namespace marginalia::reporters::html {
namespace {

// Deeper nesting is pathological (thousands of spans over one point); browsers re-parent
// elements past a depth of 512, so we stop well before and keep only the ids.
constexpr std::size_t kMaxDepth = 48;

// For equal spans, earlier kinds wrap later ones: a note holds a link, a quotation holds a
// date, every recognised item holds the findings on it.
enum class Kind : std::uint8_t { note, link, quote, date, url, person, note_ref, finding, related };

struct Item {
  std::uint32_t begin = 0, end = 0;
  Kind kind = Kind::finding;
  std::uint32_t index = 0;  // into notes, links, marks, note_refs or findings
  std::uint32_t sub = 0;    // the related place of a finding
  bool first = true;        // the first piece carries the element id
};

// Begin ascending, longer first, then kind, then source order: outer elements open first.
bool before(const Item& a, const Item& b) {
  if (a.begin != b.begin) return a.begin < b.begin;
  if (a.end != b.end) return a.end > b.end;
  if (a.kind != b.kind) return a.kind < b.kind;
  if (a.index != b.index) return a.index < b.index;
  return a.sub < b.sub;
}

struct Later {
  bool operator()(const Item& a, const Item& b) const { return before(b, a); }
};

struct BlockRange {
  std::uint32_t begin, end;
  std::size_t index;
  bool lead = false;  // starts with text before the block's span on its line ("  • ", "7. ")
};

std::string attribute(const std::vector<sdk::Attribute>& attributes, std::string_view name) {
  for (const sdk::Attribute& entry : attributes)
    if (entry.name == name) return entry.value;
  return {};
}

// The urls plugin's statuses, reduced to the four looks the page gives a URL.
const char* status_class(const std::string& status) {
  if (status == "ok") return "st-ok";
  if (status == "redirected" || status == "temporary-redirect") return "st-redirect";
  if (status.empty() || status == "unchecked") return "st-unchecked";
  return "st-bad";
}

std::string safe_id(std::string_view text) {
  std::string id(text);
  for (char& c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) c = '_';
  return id;
}

class DocumentView {
 public:
  DocumentView(std::string& out, const merge::DocumentReport& report, const std::string& prefix)
      : out_(out), report_(report), document_(report.loaded.document), text_(document_.text), prefix_(prefix) {}

  void render() {
    collect();
    // Line ends inside a plain-text block are the author's; elsewhere they are soft breaks.
    out_ += document_.format == "text" ? "<div class=\"doc pre\"" : "<div class=\"doc\"";
    std::string language = safe_id(document_.meta("language"));
    if (!language.empty()) out_ += " lang=\"" + language + "\"";
    out_ += ">";
    walk();
    out_ += "</div>";
  }

 private:
  struct Open {
    Item item;
    const char* tag;
  };

  std::string& out_;
  const merge::DocumentReport& report_;
  const sdk::Document& document_;
  std::string_view text_;
  const std::string& prefix_;
  std::vector<BlockRange> blocks_;
  std::vector<Item> items_;
  std::vector<Item> empties_;  // empty spans: a position, shown as a caret
  std::vector<Open> open_;
  int anchors_ = 0;  // open <a> elements: an <a> inside another would end the outer one
  std::map<std::string, std::size_t> note_by_label_;
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::string> link_status_;

  std::uint32_t snap(std::uint32_t offset) const {
    std::uint32_t size = static_cast<std::uint32_t>(text_.size());
    if (offset >= size) return size;
    while (offset > 0 && (static_cast<unsigned char>(text_[offset]) & 0xC0) == 0x80) --offset;
    return offset;
  }

  void add(sdk::Span span, Kind kind, std::size_t index, std::size_t sub = 0) {
    Item item;
    item.begin = snap(span.begin);
    item.end = std::max(item.begin, snap(span.end));
    item.kind = kind;
    item.index = static_cast<std::uint32_t>(index);
    item.sub = static_cast<std::uint32_t>(sub);
    items_.push_back(item);
  }

  void collect() {
    for (std::size_t i = 0; i < document_.blocks.size(); ++i) {
      const sdk::Block& block = document_.blocks[i];
      std::uint32_t begin = snap(block.span.begin);
      blocks_.push_back({begin, std::max(begin, snap(block.span.end)), i});
    }
    std::stable_sort(blocks_.begin(), blocks_.end(), [](const BlockRange& a, const BlockRange& b) { return a.begin < b.begin; });
    // Blocks never nest on the page: one that starts inside the previous one starts after it.
    std::vector<BlockRange> flat;
    std::uint32_t previous_end = 0;
    for (BlockRange block : blocks_) {
      bool was_empty = block.begin == block.end;
      block.begin = std::max(block.begin, previous_end);
      block.end = std::max(block.end, block.begin);
      if (block.begin == block.end && !was_empty) continue;
      previous_end = block.end;
      flat.push_back(block);
    }
    blocks_ = std::move(flat);
    // The rest of the line before a block (a bullet, a note's label) is text of the document
    // that no block holds: it is shown inside the block it leads, so findings on it stay visible.
    previous_end = 0;
    for (BlockRange& block : blocks_) {
      std::uint32_t line_start = block.begin;
      while (line_start > previous_end && text_[line_start - 1] != '\n') --line_start;
      if (line_start > previous_end || (line_start == previous_end && previous_end == 0)) {
        while (line_start < block.begin && (text_[line_start] == ' ' || text_[line_start] == '\t')) ++line_start;
        if (line_start < block.begin && block.begin - line_start <= 24) {
          block.begin = line_start;
          block.lead = true;
        }
      }
      previous_end = block.end;
    }

    for (std::size_t i = 0; i < document_.notes.size(); ++i) {
      note_by_label_.emplace(document_.notes[i].label, i);
      add(document_.notes[i].span, Kind::note, i);
    }
    std::set<std::pair<std::uint32_t, std::uint32_t>> linked;
    for (std::size_t i = 0; i < document_.links.size(); ++i) {
      linked.insert({document_.links[i].span.begin, document_.links[i].span.end});
      add(document_.links[i].span, Kind::link, i);
    }
    for (std::size_t i = 0; i < report_.marks.size(); ++i) {
      const sdk::Mark& mark = report_.marks[i].mark;
      switch (mark.kind) {
        case sdk::MarkKind::date: add(mark.span, Kind::date, i); break;
        case sdk::MarkKind::quote: add(mark.span, Kind::quote, i); break;
        case sdk::MarkKind::person: add(mark.span, Kind::person, i); break;
        case sdk::MarkKind::url:
          // A URL the reader already knows as a link: its status goes on that link.
          if (linked.count({mark.span.begin, mark.span.end})) link_status_[{mark.span.begin, mark.span.end}] = attribute(mark.attributes, "status");
          else add(mark.span, Kind::url, i);
          break;
        case sdk::MarkKind::note_ref: break;  // the reader's markers are authoritative
      }
    }
    for (std::size_t i = 0; i < document_.note_refs.size(); ++i) add(document_.note_refs[i].span, Kind::note_ref, i);
    for (std::size_t i = 0; i < report_.findings.size(); ++i) {
      const sdk::Finding& finding = report_.findings[i].finding;
      add(finding.span, Kind::finding, i);
      for (std::size_t r = 0; r < finding.related.size(); ++r) add(finding.related[r].span, Kind::related, i, r);
    }
    std::sort(items_.begin(), items_.end(), before);
    auto is_empty = [](const Item& item) { return item.begin == item.end; };
    std::copy_if(items_.begin(), items_.end(), std::back_inserter(empties_), is_empty);
    items_.erase(std::remove_if(items_.begin(), items_.end(), is_empty), items_.end());
  }

  // ---- the walk ------------------------------------------------------------------------------
  void walk() {
    std::priority_queue<Item, std::vector<Item>, Later> pending;  // pieces left after a split
    std::size_t next_item = 0, next_block = 0, next_empty = 0;
    bool in_block = false;
    std::uint32_t block_end = 0, pos = 0;
    const std::uint32_t size = static_cast<std::uint32_t>(text_.size());
    const sdk::Block* current_block = nullptr;

    auto peek = [&]() -> const Item* {
      const Item* fresh = next_item < items_.size() ? &items_[next_item] : nullptr;
      const Item* rest = pending.empty() ? nullptr : &pending.top();
      if (!fresh) return rest;
      if (!rest) return fresh;
      return before(*rest, *fresh) ? rest : fresh;
    };
    auto pop = [&](const Item* which) {
      Item item = *which;
      if (next_item < items_.size() && which == &items_[next_item]) ++next_item;
      else pending.pop();
      return item;
    };
    // Closes every open inline element at `at` and queues what is left of each.
    auto suspend_all = [&](std::uint32_t at) {
      while (!open_.empty()) {
        Item rest = open_.back().item;
        close_top();
        if (rest.end > at) {
          rest.begin = at;
          rest.first = false;
          pending.push(rest);
        }
      }
    };

    while (true) {
      std::uint32_t next = size;
      if (!open_.empty()) next = std::min(next, open_.back().item.end);
      if (in_block) next = std::min(next, block_end);
      else if (next_block < blocks_.size()) next = std::min(next, blocks_[next_block].begin);
      if (const Item* item = peek()) next = std::min(next, item->begin);
      if (next_empty < empties_.size()) next = std::min(next, empties_[next_empty].begin);
      if (next > pos) {
        append_escaped(out_, text_.substr(pos, next - pos));
        pos = next;
      }

      // A position belongs to what ends there (a missing word at the end of a paragraph, an
      // empty note), so carets come before any element closes or opens.
      auto carets = [&] {
        for (; next_empty < empties_.size() && empties_[next_empty].begin <= pos; ++next_empty)
          if (open_.size() < kMaxDepth || empties_[next_empty].first) close_tag(open_tag(empties_[next_empty], true));
      };
      if (in_block || next_block >= blocks_.size() || blocks_[next_block].begin > pos) carets();

      while (!open_.empty() && open_.back().item.end <= pos) close_top();
      if (in_block && block_end <= pos) {
        suspend_all(pos);
        close_block(*current_block);
        in_block = false;
      }
      if (!in_block && next_block < blocks_.size() && blocks_[next_block].begin <= pos) {
        suspend_all(pos);
        current_block = &document_.blocks[blocks_[next_block].index];
        block_end = blocks_[next_block].end;
        ++next_block;
        in_block = true;
        open_block(*current_block, blocks_[next_block - 1].lead);
      }
      carets();

      while (const Item* peeked = peek()) {
        if (peeked->begin > pos) break;
        std::uint32_t limit = !open_.empty() ? open_.back().item.end
                              : in_block     ? block_end
                              : next_block < blocks_.size() ? blocks_[next_block].begin
                                                            : size;
        if (limit <= pos) break;  // an empty block ends here first
        Item item = pop(peeked);
        if (item.end > limit) {
          Item rest = item;
          rest.begin = limit;
          rest.first = false;
          pending.push(rest);
          item.end = limit;
        }
        if (open_.size() >= kMaxDepth) {
          if (item.first) close_tag(open_tag(item, true));
          continue;
        }
        const char* tag = open_tag(item, false);
        open_.push_back({item, tag});
      }

      if (pos >= size && !peek() && next_block >= blocks_.size() && next_empty >= empties_.size()) {
        while (!open_.empty()) close_top();
        if (in_block) close_block(*current_block);
        break;
      }
    }
  }

  void close_top() {
    close_tag(open_.back().tag);
    open_.pop_back();
  }

  void close_tag(const char* tag) {
    out_ += "</";
    out_ += tag;
    out_ += '>';
    if (tag[0] == 'a' && tag[1] == '\0') --anchors_;
  }

  // ---- blocks --------------------------------------------------------------------------------
  static std::string block_tag(const sdk::Block& block) {
    switch (block.kind) {
      case sdk::BlockKind::title: return "h2";
      case sdk::BlockKind::heading: return "h" + std::to_string(std::clamp(block.level + 2, 3, 6));
      case sdk::BlockKind::block_quote: return "blockquote";
      default: return "p";
    }
  }

  void open_block(const sdk::Block& block, bool lead) {
    const char* kind = "";
    switch (block.kind) {
      case sdk::BlockKind::title: kind = " t"; break;
      case sdk::BlockKind::dateline: kind = " dl"; break;
      case sdk::BlockKind::heading: kind = " h"; break;
      case sdk::BlockKind::paragraph: break;
      case sdk::BlockKind::list_item: kind = block.number.empty() && !lead ? " li bu" : " li"; break;
      case sdk::BlockKind::note: kind = " nb"; break;
      case sdk::BlockKind::block_quote: kind = " bq"; break;
      case sdk::BlockKind::metadata: kind = " md"; break;
    }
    out_ += '<';
    out_ += block_tag(block);
    out_ += " class=\"b";
    out_ += kind;
    if (block.kind == sdk::BlockKind::list_item && block.level > 1) out_ += " d" + std::to_string(std::min(block.level, 6));
    out_ += "\">";
    // List numbers and note labels are not part of the block's text; shown, but not as text.
    if ((block.kind == sdk::BlockKind::list_item || block.kind == sdk::BlockKind::note) && !block.number.empty() && !lead) {
      out_ += "<span class=\"num\">";
      append_escaped(out_, block.number);
      char last = block.number.back();
      if (last != '.' && last != ')') out_ += '.';
      out_ += "</span>";
    }
  }

  void close_block(const sdk::Block& block) { out_ += "</" + block_tag(block) + ">"; }

  // ---- inline elements -----------------------------------------------------------------------
  void data_tip(const std::string& tip) {
    out_ += " data-tip=\"";
    append_escaped(out_, tip);
    out_ += '"';
  }

  void id_attribute(const std::string& id) { out_ += " id=\"" + id + "\""; }

  // Writes the start tag of one piece of `item` and returns its name. `empty`: the element
  // will be closed at once (an empty span, or the anchor of a piece too deep to open).
  const char* open_tag(const Item& item, bool empty) {
    switch (item.kind) {
      case Kind::finding: {
        const merge::ReportedFinding& finding = report_.findings[item.index];
        std::string anchor = finding_anchor(prefix_, finding);
        out_ += "<mark class=\"f ";
        out_ += by_severity(finding.finding.severity, "s-error", "s-warning", "s-note");
        if (empty) out_ += " e";
        out_ += "\" data-f=\"" + anchor + "\"";
        if (item.first) id_attribute(anchor);
        out_ += '>';
        return "mark";
      }
      case Kind::related: {
        const merge::ReportedFinding& finding = report_.findings[item.index];
        out_ += "<span class=\"r";
        if (empty) out_ += " e";
        out_ += "\" data-r=\"" + finding_anchor(prefix_, finding) + "\"";
        if (item.first) id_attribute(related_anchor(prefix_, finding, item.sub));
        out_ += '>';
        return "span";
      }
      case Kind::note: {
        out_ += "<span class=\"nt\"";
        if (item.first) id_attribute(prefix_ + "n" + std::to_string(item.index));
        out_ += '>';
        return "span";
      }
      case Kind::note_ref: return open_note_ref(document_.note_refs[item.index]);
      case Kind::link: {
        const sdk::Link& link = document_.links[item.index];
        auto status = link_status_.find({link.span.begin, link.span.end});
        std::string status_text = status == link_status_.end() ? "" : status->second;
        return open_link(link.target, "ln", status == link_status_.end() ? nullptr : &status_text, "link");
      }
      case Kind::url: {
        const sdk::Mark& mark = report_.marks[item.index].mark;
        std::string status = attribute(mark.attributes, "status");
        return open_link(attribute(mark.attributes, "target"), "u", &status, "URL");
      }
      case Kind::date: return open_mark("dt", date_tip(report_.marks[item.index].mark));
      case Kind::quote: return open_mark("qt", quote_tip(report_.marks[item.index].mark));
      case Kind::person: return open_mark("ps", "person: " + attribute(report_.marks[item.index].mark.attributes, "name"));
    }
    return "span";
  }

  const char* open_mark(const char* kind, const std::string& tip) {
    out_ += "<span class=\"m ";
    out_ += kind;
    out_ += '"';
    data_tip(tip);
    out_ += '>';
    return "span";
  }

  const char* open_link(const std::string& target, const char* kind, const std::string* status, const char* what) {
    bool web = is_web_url(target);
    bool anchor = web && anchors_ == 0;
    std::string tip = std::string(what) + ": " + target;
    if (!web) tip += " (not a link: only http and https addresses are)";
    if (status) tip += " \xC2\xB7 status: " + (status->empty() ? std::string("unchecked") : *status);
    out_ += anchor ? "<a class=\"" : "<span class=\"";
    out_ += kind;
    if (status) {
      out_ += ' ';
      out_ += status_class(*status);
    }
    if (!web) out_ += " x";
    out_ += '"';
    if (anchor) {
      out_ += " href=\"";
      append_escaped(out_, target);
      out_ += "\" target=\"_blank\" rel=\"noopener noreferrer\"";
      ++anchors_;
    }
    data_tip(tip);
    out_ += '>';
    return anchor ? "a" : "span";
  }

  const char* open_note_ref(const sdk::NoteRef& ref) {
    auto note = note_by_label_.find(ref.label);
    std::string tip = "footnote " + ref.label + ": ";
    if (note == note_by_label_.end()) {
      tip += "no note with this label";
    } else {
      std::string body(document_.slice(document_.notes[note->second].body));
      tip += body.empty() ? std::string("(empty note)") : excerpt(body, 200);
    }
    bool anchor = note != note_by_label_.end() && anchors_ == 0;
    out_ += anchor ? "<a class=\"nr\" href=\"#" + prefix_ + "n" + std::to_string(note->second) + "\"" : std::string("<span class=\"nr\"");
    if (anchor) ++anchors_;
    data_tip(tip);
    out_ += '>';
    return anchor ? "a" : "span";
  }

  static std::string date_tip(const sdk::Mark& mark) {
    std::string when = attribute(mark.attributes, "when"), from = attribute(mark.attributes, "from"), to = attribute(mark.attributes, "to");
    std::string not_before = attribute(mark.attributes, "notBefore"), not_after = attribute(mark.attributes, "notAfter");
    std::string tip = "date";
    if (!when.empty()) tip += ": " + when;
    if (!from.empty() || !to.empty()) tip += (when.empty() ? ": " : "; ") + std::string("from ") + (from.empty() ? "?" : from) + " to " + (to.empty() ? "?" : to);
    if (!not_before.empty() || !not_after.empty())
      tip += (tip.size() > 4 ? "; " : ": ") + std::string("between ") + (not_before.empty() ? "?" : not_before) + " and " +
             (not_after.empty() ? "?" : not_after);
    // times, weeks, durations, sets and references (plugins/dates/README.md, "TEI mapping")
    std::string week = attribute(mark.attributes, "when-iso"), duration = attribute(mark.attributes, "dur-iso");
    std::string type = attribute(mark.attributes, "type"), subtype = attribute(mark.attributes, "subtype");
    bool plain = tip.size() == 4;
    if (!week.empty()) tip += (plain ? ": " : "; ") + std::string("week ") + week;
    if (!duration.empty()) tip += (tip.size() > 4 ? "; " : ": ") + std::string(type == "set" ? "every " : "lasting ") + duration;
    if (!type.empty() && type != "set") tip += (tip.size() > 4 ? "; " : ": ") + type + (subtype.empty() ? "" : " (" + subtype + ")");
    if (tip.size() == 4) tip += " (no value resolved)";
    return tip;
  }

  std::string quote_tip(const sdk::Mark& mark) const {
    std::string kind = attribute(mark.attributes, "kind");
    std::string tip = kind == "scare" ? "scare quotes" : kind == "title" ? "title in quotation marks" : "quotation";
    std::string speaker = attribute(mark.attributes, "speaker"), type = attribute(mark.attributes, "speaker-type");
    std::string cite = attribute(mark.attributes, "cite");
    if (kind.empty() || kind == "direct") {
      if (speaker.empty()) tip += " \xC2\xB7 speaker: not identified";
      else tip += " \xC2\xB7 speaker: " + speaker + (type.empty() || type == "person" ? "" : " (" + type + ")");
    } else if (!speaker.empty()) {
      tip += " \xC2\xB7 speaker: " + speaker;
    }
    if (!cite.empty()) tip += " \xC2\xB7 source: " + (note_by_label_.count(cite) ? "note " + cite : cite);
    return tip;
  }
};

}  // namespace

std::string finding_anchor(const std::string& prefix, const merge::ReportedFinding& finding) { return prefix + safe_id(finding.id); }

std::string related_anchor(const std::string& prefix, const merge::ReportedFinding& finding, std::size_t index) {
  return finding_anchor(prefix, finding) + "-r" + std::to_string(index);
}

void render_document_view(std::string& out, const merge::DocumentReport& report, const std::string& prefix) {
  DocumentView(out, report, prefix).render();
}

}  // namespace marginalia::reporters::html
