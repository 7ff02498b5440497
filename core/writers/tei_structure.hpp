// SPDX-License-Identifier: MIT
// Where each block goes in the TEI text: inside which letter, drama, verse and title-page
// structures (opener, closer, sp, lg, titlePage, docTitle, byline, front) and as which element
// (l, speaker, stage, salute, signed, titlePart…). The structures come from the source's markup,
// which the TEI reader keeps in `Document::elements` beside the inline markup; blocks stay
// paragraphs, so plugins check them exactly as before. The plan only keeps a structure where
// tei_all allows it, so the writer can follow it without checking the schema again.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "marginalia/sdk/document.hpp"

namespace marginalia::writers {

/// One structure to open around a block: which source element (its index in
/// `Document::elements`, so two neighbouring stanzas stay two) and its TEI name.
struct StructureLevel {
  std::size_t element = 0;
  std::string name;
};

/// Where one block is written.
struct BlockPlacement {
  /// Structures around the block, outermost first; empty at the division level.
  std::vector<StructureLevel> path;
  /// The element to write the block as ("l", "speaker", "seg"…); empty: the writer's default
  /// for the block's kind.
  std::string element;
  /// The block belongs to the text's `<front>` (the source's front and what precedes it).
  bool front = false;
};

/// The placement of every block of `document`, by block index (notes get an empty placement).
std::vector<BlockPlacement> place_blocks(const sdk::Document& document);

}  // namespace marginalia::writers
