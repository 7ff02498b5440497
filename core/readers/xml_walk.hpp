// SPDX-License-Identifier: MIT
// Depth-first walk of a pugixml tree as a loop with an explicit stack of per-element frames, so
// a document nested a million levels deep cannot exhaust the call stack (TEI and DOCX readers).
#pragma once

#include <pugixml.hpp>
#include <vector>

namespace marginalia::readers {

/// Visits `start` and its descendants in document order. `enter(node, frame)` is called on the
/// way down and returns whether to visit the node's children; `leave(node, frame)` on the way up
/// with the same frame.
template <class Frame, class Enter, class Leave>
void walk_xml(const pugi::xml_node& start, Enter&& enter, Leave&& leave) {
  std::vector<Frame> stack;
  pugi::xml_node node = start;
  for (;;) {
    stack.emplace_back();
    bool descend = enter(node, stack.back());
    pugi::xml_node child = descend ? node.first_child() : pugi::xml_node();
    if (child) {
      node = child;
      continue;
    }
    for (;;) {
      leave(node, stack.back());
      stack.pop_back();
      if (node == start) return;
      if (pugi::xml_node next = node.next_sibling()) {
        node = next;
        break;
      }
      node = node.parent();
    }
  }
}

}  // namespace marginalia::readers
