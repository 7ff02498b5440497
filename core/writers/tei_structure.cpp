// SPDX-License-Identifier: MIT
#include "writers/tei_structure.hpp"

#include <algorithm>
#include <string_view>

namespace marginalia::writers {
namespace {

using sdk::BlockKind;

bool one_of(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Structures that hold blocks and never text of their own.
bool container_only(std::string_view name) { return one_of(name, {"front", "titlePage", "docTitle", "sp", "lg"}); }
// Elements a block may be written as: each takes mixed content in TEI, so one block's text fits.
bool role_capable(std::string_view name) {
  return one_of(name, {"l", "speaker", "stage", "salute", "signed", "titlePart", "byline", "docAuthor", "docImprint", "docEdition",
                       "docDate", "opener", "closer", "dateline"});
}
// Mixed-content elements that may also hold several blocks (each then a <seg>).
bool container_too(std::string_view name) { return one_of(name, {"opener", "closer", "byline"}); }

// tei_all: which structure may open inside which ("" = a division; a titlePage only in front).
bool container_allowed(std::string_view parent, std::string_view child, bool front) {
  if (parent.empty()) return one_of(child, {"sp", "lg", "opener", "closer"}) || (front && child == "titlePage");
  if (parent == "titlePage") return one_of(child, {"docTitle", "byline"});
  if (parent == "sp" || parent == "lg") return child == "lg";
  return false;
}

// Which elements a block may be written as inside each structure.
bool role_allowed(std::string_view parent, std::string_view role) {
  if (parent.empty()) return one_of(role, {"l", "stage", "opener", "closer"});
  if (parent == "opener" || parent == "closer") return one_of(role, {"dateline", "salute", "signed"});
  if (parent == "sp") return one_of(role, {"speaker", "stage", "l"});
  if (parent == "lg") return one_of(role, {"l", "stage"});
  if (parent == "titlePage") return one_of(role, {"titlePart", "byline", "docAuthor", "docImprint", "docEdition", "docDate"});
  if (parent == "docTitle") return role == "titlePart";
  if (parent == "byline") return role == "docAuthor";
  return false;
}

// What a block without a role of its own is written as inside each structure; empty: it may
// not stand there, so it leaves the structure.
std::string_view plain_element(std::string_view parent) {
  if (parent == "opener" || parent == "closer" || parent == "byline") return "seg";
  if (parent == "sp") return "p";
  return {};
}

struct Candidate {
  std::size_t element;
  sdk::Span span;
};

// Shortens `placement.path` until the block fits, and picks the element it is written as.
void resolve(BlockPlacement& placement, std::string_view role, BlockKind kind) {
  if (kind == BlockKind::dateline && role.empty()) role = "dateline";
  for (;;) {
    std::string_view parent = placement.path.empty() ? std::string_view() : std::string_view(placement.path.back().name);
    bool title = kind == BlockKind::title, dateline = kind == BlockKind::dateline;
    if (!role.empty() && role_allowed(parent, role) && (!title || role == "titlePart") && (!parent.empty() || !title)) {
      // At the division level a dateline stays the writer's own dateline.
      placement.element = parent.empty() && dateline ? std::string() : std::string(role);
      if (parent.empty() && dateline) placement.element.clear();
      return;
    }
    if (!title && !dateline && !plain_element(parent).empty()) {
      placement.element = std::string(plain_element(parent));
      return;
    }
    if (placement.path.empty()) {
      placement.element.clear();
      return;
    }
    placement.path.pop_back();
  }
}

}  // namespace

std::vector<BlockPlacement> place_blocks(const sdk::Document& document) {
  const auto& blocks = document.blocks;
  std::vector<BlockPlacement> out(blocks.size());
  std::vector<std::string> roles(blocks.size());
  // Structural elements by start, an outer one before an inner one over the same span (the
  // reader adds an element when it closes, so inner ones come first in source order).
  std::vector<Candidate> candidates;
  for (std::size_t e = 0; e < document.elements.size(); ++e) {
    const sdk::Element& element = document.elements[e];
    if (!element.span.empty() && (container_only(element.name) || role_capable(element.name))) candidates.push_back({e, element.span});
  }
  std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.span.end != b.span.end) return a.span.end > b.span.end;
    return a.element > b.element;
  });
  std::size_t front_last = blocks.size();
  std::size_t front_element = document.elements.size();
  for (const Candidate& c : candidates)
    if (document.elements[c.element].name == "front") { front_element = c.element; break; }

  // One sweep: elements nest, so those around a block form a stack.
  std::vector<Candidate> stack;
  std::size_t next = 0;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    const sdk::Block& block = blocks[b];
    if (block.kind == BlockKind::note) continue;
    while (next < candidates.size() && candidates[next].span.begin <= block.span.begin) {
      while (!stack.empty() && !stack.back().span.contains(candidates[next].span)) stack.pop_back();
      stack.push_back(candidates[next++]);
    }
    while (!stack.empty() && !stack.back().span.contains(block.span)) stack.pop_back();
    // The innermost element over exactly the block's text is what the block is; the others
    // around it are structures.
    std::size_t role_at = stack.size();
    for (std::size_t s = stack.size(); s-- > 0 && stack[s].span == block.span;)
      if (role_capable(document.elements[stack[s].element].name)) { role_at = s; break; }
    if (role_at < stack.size()) roles[b] = document.elements[stack[role_at].element].name;
    if (front_element < document.elements.size() && document.elements[front_element].span.contains(block.span)) front_last = b;
    BlockPlacement& placement = out[b];
    bool structured = block.kind == BlockKind::paragraph || block.kind == BlockKind::title || block.kind == BlockKind::dateline;
    for (std::size_t s = 0; structured && s < stack.size(); ++s) {
      if (s == role_at) break;
      const std::string& name = document.elements[stack[s].element].name;
      if (name == "front") continue;
      if (!container_only(name) && !container_too(name)) continue;
      std::string_view parent = placement.path.empty() ? std::string_view() : std::string_view(placement.path.back().name);
      // An inner structure that may not stand here ends the path (front is decided below).
      if (!container_allowed(parent, name, true)) break;
      placement.path.push_back({stack[s].element, name});
    }
  }
  for (std::size_t b = 0; front_last < blocks.size() && b <= front_last; ++b) out[b].front = blocks[b].kind != BlockKind::note;
  for (std::size_t b = 0; b < blocks.size(); ++b) {
    BlockPlacement& placement = out[b];
    if (blocks[b].kind == BlockKind::note) continue;
    if (!placement.front && !placement.path.empty() && placement.path.front().name == "titlePage") placement.path.clear();
    if (blocks[b].kind == BlockKind::paragraph || blocks[b].kind == BlockKind::title || blocks[b].kind == BlockKind::dateline)
      resolve(placement, roles[b], blocks[b].kind);
  }

  // A speech needs something besides its speaker, and the speaker first: a run of blocks in one
  // <sp> that holds only speakers is written without the <sp>; a later speaker is a paragraph.
  for (std::size_t b = 0; b < blocks.size();) {
    auto sp_of = [&](std::size_t i) -> std::size_t {
      const auto& path = out[i].path;
      return !path.empty() && path.front().name == "sp" ? path.front().element : document.elements.size();
    };
    std::size_t sp = sp_of(b);
    std::size_t end = b + 1;
    if (sp == document.elements.size()) { b = end; continue; }
    while (end < blocks.size() && sp_of(end) == sp) ++end;
    bool content = false;
    for (std::size_t i = b; i < end; ++i) content = content || out[i].path.size() > 1 || out[i].element != "speaker";
    for (std::size_t i = b; i < end; ++i) {
      if (!content) {
        out[i].path.clear();
        resolve(out[i], {}, blocks[i].kind);
      } else if (i > b && out[i].path.size() == 1 && out[i].element == "speaker") {
        out[i].element = "p";
      }
    }
    b = end;
  }
  return out;
}

}  // namespace marginalia::writers
