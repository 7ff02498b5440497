// SPDX-License-Identifier: MIT
// The rules plugin: checks written as YAML rule files instead of C++ (Vale's styles). Its codes
// come from its options: each rule file of each configured style is one code, declared by
// `info()` once `configure` has loaded the styles, with the rule's description as its
// documentation for `marginalia explain`.
#include <marginalia/sdk/sdk.hpp>

#include "marginalia_embedded.hpp"
#include "rule_checks.hpp"
#include "rule_loader.hpp"

namespace marginalia::plugins::rules {
namespace {

const char* kind_name(RuleKind kind) {
  static const char* names[] = {"existence", "substitution", "occurrence", "repetition", "consistency", "capitalisation", "conditional"};
  return names[static_cast<int>(kind)];
}

const char* scope_name(Scope scope) {
  static const char* names[] = {"text", "paragraph", "sentence", "heading", "quotation", "note", "list-item"};
  return names[static_cast<int>(scope)];
}

// The first sentence of a description, as the one-line summary every code declares.
std::string summary_of(const Rule& rule) {
  std::string text = rule.description;
  for (char& c : text)
    if (c == '\n') c = ' ';
  std::size_t stop = text.find(". ");
  if (stop != std::string::npos) text = text.substr(0, stop + 1);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  if (text.empty()) text = std::string("A ") + kind_name(rule.kind) + " rule of style '" + rule.style + "'.";
  return text;
}

}  // namespace

class RulesPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    std::vector<sdk::CodeInfo> codes;
    for (const Rule& rule : rules_) codes.push_back({rule.code, rule.severity, summary_of(rule)});
    sdk::PluginInfo info = marginalia_embedded::plugin_info(std::move(codes));
    if (!rules_.empty()) info.documentation += "\n## Rules loaded from the configuration\n" + rule_documentation();
    return info;
  }

  std::vector<std::string> configure(const sdk::Options& options) override {
    LoadedRules loaded = load_styles(options.get_strings("styles", {}));
    if (!loaded.errors.empty()) return loaded.errors;
    rules_ = std::move(loaded.rules);
    return {};
  }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    // Inline code is literal, as Vale has it: a match in code (or cutting into it) is not
    // reported; a sentence or paragraph that merely holds code still is.
    const sdk::CodeSpans code(document);
    for (const Rule& rule : rules_) {
      if (reporter.stop_requested()) return;
      for (sdk::Finding& finding : run_rule(rule, document))
        if (!code.cuts(finding.span)) reporter.report(std::move(finding));
    }
  }

 private:
  // One `### <code>` section per rule, the shape `marginalia explain` prints.
  std::string rule_documentation() const {
    std::string out;
    for (const Rule& rule : rules_) {
      out += "\n### " + rule.code + "\n\n";
      out += rule.description.empty() ? summary_of(rule) : rule.description;
      while (!out.empty() && out.back() == '\n') out.pop_back();
      out += "\n\nA " + std::string(kind_name(rule.kind)) + " rule (scope: " + scope_name(rule.scope) + "), from " + rule.file + ".\n";
      out += "Message: `" + rule.message + "`.\n";
      if (!rule.link.empty()) out += "\nSee " + rule.link + "\n";
    }
    return out;
  }

  std::vector<Rule> rules_;
};

}  // namespace marginalia::plugins::rules

MARGINALIA_PLUGIN(marginalia::plugins::rules::RulesPlugin)
