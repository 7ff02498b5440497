// SPDX-License-Identifier: MIT
// What the TEI reader makes of each TEI element name: a structural container, a block of text,
// something to leave out, or inline markup whose text runs on (the default, so unknown
// elements never lose text). Shared by the walker (tei_reader.cpp) and the note labeller.
#pragma once

#include <string_view>

#include <pugixml.hpp>

#include "marginalia/sdk/document.hpp"

namespace marginalia::readers::tei {

/// The element's name without a namespace prefix ("tei:p" → "p").
std::string_view local_name(const pugi::xml_node& node);

/// Elements that only group others (div, list, table, body…); text directly inside them is
/// wrapped in an implicit paragraph.
bool is_container(std::string_view name);
/// Division elements (`div`, `div1`…`div7`); sets `level` to the numbered level or 0.
bool is_division(std::string_view name, int& level);
/// Elements whose content is not part of the report's text (forme work, deletions, apparatus
/// readings, facsimiles, index entries…).
bool is_skipped(std::string_view name);
/// Elements the reader keeps in `Document::elements` for plugins.
bool is_kept_element(std::string_view name);
/// Elements of inline code, kept under the one name "code": `code`, `ident` (an identifier in a
/// formal language) and the documentation elements naming markup, `gi`, `att`, `tag`, `val`.
bool is_code_element(std::string_view name);
/// Letter, drama, verse and title-page structure (opener, closer, salute, sp, speaker, stage,
/// lg, l, titlePage…), also kept in `Document::elements` so the TEI writer can rebuild it; the
/// blocks inside stay paragraphs, so plugins read them as before.
bool is_structure_element(std::string_view name);
/// Block elements that open a block of this kind wherever they appear (p, item, head…).
bool block_kind(std::string_view name, sdk::BlockKind& kind);

/// True when `node` has a text or CDATA child holding more than white space.
bool has_direct_text(const pugi::xml_node& node);

/// True for an http(s) URI.
bool is_web_uri(std::string_view uri);

}  // namespace marginalia::readers::tei
