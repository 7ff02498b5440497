// SPDX-License-Identifier: MIT
// Tells a line of program code set as a paragraph (a DOCX guide pastes `Process p =
// Runtime.getRuntime().exec("…" + x + "…");` into body text) from prose: its quotation marks
// delimit string literals, not anyone's words, so the scanner leaves it alone.
#pragma once

#include <string_view>

namespace marginalia::plugins::quotes {

/// True when `paragraph` is one line of code: it ends like a statement (`;`, `{`, `}`) and holds
/// at least two marks of code (a call `name(`, `);`, ` = `, `.name(`, `->`, `::`, `==`).
bool looks_like_code(std::string_view paragraph);

}  // namespace marginalia::plugins::quotes
