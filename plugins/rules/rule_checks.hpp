// SPDX-License-Identifier: MIT
// Runs one loaded rule over a document: one function per rule kind, each reporting findings with
// the rule's code, severity and expanded message (and, for substitutions, the replacement).
#pragma once

#include <vector>

#include <marginalia/sdk/document.hpp>
#include <marginalia/sdk/finding.hpp>

#include "rule.hpp"

namespace marginalia::plugins::rules {

/// The findings of `rule` in `document`, sorted by position, at most one per span.
std::vector<sdk::Finding> run_rule(const Rule& rule, const sdk::Document& document);

/// `message` with each `{name}` replaced by its value in `values` (name/value pairs).
std::string expand_message(const std::string& message, const std::vector<std::pair<std::string, std::string>>& values);

}  // namespace marginalia::plugins::rules
