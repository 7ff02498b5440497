// SPDX-License-Identifier: MIT
// Reads a style: a folder whose YAML files each hold one rule (`<style>/<name>.yml` becomes the
// code `rules/<style>.<name>`). Every file is validated completely before any check runs, and
// each problem names the file with line:column, the rule's code and the key at fault.
#pragma once

#include <string>
#include <vector>

#include "rule.hpp"

namespace marginalia::plugins::rules {

/// The rules of one or more styles, or why they cannot be used.
struct LoadedRules {
  std::vector<Rule> rules;          ///< in style order, then file-name order
  std::vector<std::string> errors;  ///< "file:line:column: rule 'rules/s.n', key 'k': problem"
};

/// Loads every style folder in `folders`, in order; a code defined twice is an error.
LoadedRules load_styles(const std::vector<std::string>& folders);

/// Loads one rule file as rule `name` of style `style`; problems go to `errors`.
bool load_rule_file(const std::string& path, const std::string& style, const std::string& name, Rule& rule,
                    std::vector<std::string>& errors);

}  // namespace marginalia::plugins::rules
