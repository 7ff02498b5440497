// SPDX-License-Identifier: MIT
#include "rule_loader.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace marginalia::plugins::rules {
namespace {

namespace fs = std::filesystem;

// Rule and style names become part of a finding code, so they keep to its alphabet.
bool is_code_name(const std::string& name) {
  if (name.empty() || name.front() == '-' || name.back() == '-') return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

const std::map<std::string, RuleKind> kKinds = {
    {"existence", RuleKind::existence},   {"substitution", RuleKind::substitution},     {"occurrence", RuleKind::occurrence},
    {"repetition", RuleKind::repetition}, {"consistency", RuleKind::consistency},       {"capitalisation", RuleKind::capitalisation},
    {"conditional", RuleKind::conditional}};

const std::map<std::string, Scope> kScopes = {{"text", Scope::text},         {"paragraph", Scope::paragraph}, {"sentence", Scope::sentence},
                                              {"heading", Scope::heading},   {"quotation", Scope::quotation}, {"note", Scope::note},
                                              {"list-item", Scope::list_item}};

// Keys every rule may have, then the keys of each kind (anything else is a typo to report).
const std::set<std::string> kCommonKeys = {"kind", "message", "severity", "scope", "description", "link", "ignorecase"};
const std::map<RuleKind, std::set<std::string>> kKindKeys = {
    {RuleKind::existence, {"tokens", "patterns"}},
    {RuleKind::substitution, {"swap", "regex"}},
    {RuleKind::occurrence, {"unit", "max"}},
    {RuleKind::repetition, {"exceptions"}},
    {RuleKind::consistency, {"either", "regex"}},
    {RuleKind::capitalisation, {"case", "exceptions"}},
    {RuleKind::conditional, {"term", "definition", "exceptions"}}};

// The placeholders each kind's messages may use, and the message when the rule gives none.
const std::map<RuleKind, std::set<std::string>> kPlaceholders = {
    {RuleKind::existence, {"match"}},      {RuleKind::substitution, {"match", "replacement"}}, {RuleKind::occurrence, {"count", "max"}},
    {RuleKind::repetition, {"match"}},     {RuleKind::consistency, {"match", "first"}},        {RuleKind::capitalisation, {"match", "case"}},
    {RuleKind::conditional, {"match", "term"}}};
const std::map<RuleKind, std::string> kDefaultMessages = {
    {RuleKind::existence, "'{match}' should not be used"},
    {RuleKind::substitution, "use '{replacement}' instead of '{match}'"},
    {RuleKind::occurrence, "{count} found where at most {max} are allowed"},
    {RuleKind::repetition, "'{match}' is repeated"},
    {RuleKind::consistency, "'{match}' here, but '{first}' earlier in the document"},
    {RuleKind::capitalisation, "'{match}' does not follow {case} case"},
    {RuleKind::conditional, "'{term}' is used without its definition"}};

// Where a rule's problems are reported from, with the prefix every message shares.
class Problems {
 public:
  Problems(std::string path, std::string code, std::vector<std::string>& errors) : path_(std::move(path)), code_(std::move(code)), errors_(errors) {}
  void at(const YAML::Node& node, const std::string& key, const std::string& problem) {
    std::string where = path_;
    if (node.IsDefined() && node.Mark().line >= 0) where += ":" + std::to_string(node.Mark().line + 1) + ":" + std::to_string(node.Mark().column + 1);
    errors_.push_back(where + ": rule '" + code_ + "'" + (key.empty() ? "" : ", key '" + key + "'") + ": " + problem);
    ++count_;
  }
  std::size_t count() const { return count_; }

 private:
  std::string path_, code_;
  std::vector<std::string>& errors_;
  std::size_t count_ = 0;
};

bool read_string(const YAML::Node& node, const std::string& key, std::string& out, Problems& problems) {
  if (!node.IsScalar()) {
    problems.at(node, key, "expected a string");
    return false;
  }
  out = node.Scalar();
  return true;
}

bool read_strings(const YAML::Node& node, const std::string& key, std::vector<std::string>& out, Problems& problems) {
  if (!node.IsSequence()) {
    problems.at(node, key, "expected a list of strings");
    return false;
  }
  for (const YAML::Node& item : node) {
    if (!item.IsScalar() || item.Scalar().empty()) {
      problems.at(item, key, "expected a non-empty string in the list");
      return false;
    }
    out.push_back(item.Scalar());
  }
  return true;
}

bool read_bool(const YAML::Node& node, const std::string& key, bool& out, Problems& problems) {
  std::string value = node.IsScalar() ? node.Scalar() : "";
  if (value == "true") out = true;
  else if (value == "false") out = false;
  else {
    problems.at(node, key, "expected true or false");
    return false;
  }
  return true;
}

re2::RE2::Options regex_options(bool ignore_case) {
  re2::RE2::Options options;
  options.set_log_errors(false);
  options.set_case_sensitive(!ignore_case);
  return options;
}

// A literal phrase as a pattern: metacharacters quoted, and any run of space (NBSP and line
// breaks included) wherever the phrase has a space.
std::string literal_pattern(const std::string& phrase) {
  std::string quoted = re2::RE2::QuoteMeta(phrase), pattern;
  for (std::size_t i = 0; i < quoted.size(); ++i) {
    if (quoted[i] == '\\' && i + 1 < quoted.size() && quoted[i + 1] == ' ') {
      while (i + 2 < quoted.size() && quoted[i + 2] == '\\' && i + 3 < quoted.size() && quoted[i + 3] == ' ') i += 2;
      pattern += "[\\s\\x{00A0}\\x{202F}]+";
      ++i;
    } else {
      pattern += quoted[i];
    }
  }
  return pattern;
}

bool compile(const std::string& source, bool literal, bool ignore_case, const YAML::Node& node, const std::string& key, Matcher& out,
             Problems& problems) {
  re2::RE2::Options options = regex_options(ignore_case);
  if (literal) options.set_longest_match(true);
  auto regex = std::make_shared<const re2::RE2>(literal ? literal_pattern(source) : source, options);
  if (!regex->ok()) {
    problems.at(node, key, "pattern '" + source + "' is not a valid RE2 expression: " + regex->error());
    return false;
  }
  out = {std::move(regex), literal, source};
  return true;
}

// A list of literal phrases as one alternation (leftmost-longest), so a long word list costs
// one pass over the text.
bool compile_phrases(const std::vector<std::string>& phrases, bool ignore_case, const YAML::Node& node, const std::string& key,
                     Matcher& out, Problems& problems) {
  std::string pattern, source;
  for (const std::string& phrase : phrases) {
    pattern += (pattern.empty() ? "" : "|") + literal_pattern(phrase);
    source += (source.empty() ? "" : ", ") + phrase;
  }
  re2::RE2::Options options = regex_options(ignore_case);
  options.set_longest_match(true);
  auto regex = std::make_shared<const re2::RE2>("(?:" + pattern + ")", options);
  if (!regex->ok()) {
    problems.at(node, key, "the phrases do not compile: " + regex->error());
    return false;
  }
  out = {std::move(regex), true, source};
  return true;
}

void check_message(const std::string& message, RuleKind kind, const YAML::Node& node, Problems& problems) {
  const std::set<std::string>& allowed = kPlaceholders.at(kind);
  for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
    std::size_t close = message.find('}', open);
    if (close == std::string::npos) {
      problems.at(node, "message", "'{' without a closing '}'");
      return;
    }
    std::string name = message.substr(open + 1, close - open - 1);
    if (!allowed.count(name)) {
      std::string list;
      for (const std::string& one : allowed) list += (list.empty() ? "{" : ", {") + one + "}";
      problems.at(node, "message", "unknown placeholder '{" + name + "}'; this kind of rule offers " + list);
    }
  }
}

void read_kind_keys(const YAML::Node& root, Rule& rule, Problems& problems) {
  auto key = [&](const char* name) { return root[name]; };
  switch (rule.kind) {
    case RuleKind::existence: {
      std::vector<std::string> tokens, patterns;
      if (key("tokens") && read_strings(key("tokens"), "tokens", tokens, problems) && !tokens.empty()) {
        Matcher matcher;
        if (compile_phrases(tokens, rule.ignore_case, key("tokens"), "tokens", matcher, problems)) rule.matchers.push_back(matcher);
      }
      if (key("patterns") && read_strings(key("patterns"), "patterns", patterns, problems))
        for (std::size_t i = 0; i < patterns.size(); ++i) {
          Matcher matcher;
          if (compile(patterns[i], false, rule.ignore_case, key("patterns")[i], "patterns", matcher, problems)) rule.matchers.push_back(matcher);
        }
      if (tokens.empty() && patterns.empty()) problems.at(root, "tokens", "an existence rule needs 'tokens' or 'patterns'");
      break;
    }
    case RuleKind::substitution: {
      bool regex = false;
      if (key("regex")) read_bool(key("regex"), "regex", regex, problems);
      YAML::Node swap = key("swap");
      if (!swap || !swap.IsMap() || swap.size() == 0) {
        problems.at(swap ? swap : root, "swap", "expected a map from each term to avoid to its replacement");
        break;
      }
      for (const auto& entry : swap) {
        std::string from, to;
        if (!read_string(entry.first, "swap", from, problems) || !read_string(entry.second, "swap", to, problems)) continue;
        Swap made;
        made.to = to;
        if (compile(from, !regex, rule.ignore_case, entry.first, "swap", made.from, problems)) rule.swaps.push_back(made);
      }
      break;
    }
    case RuleKind::occurrence: {
      std::string unit = "word";
      if (key("unit") && read_string(key("unit"), "unit", unit, problems)) {
        if (unit == "sentence") rule.unit = Unit::sentence;
        else if (unit != "word") problems.at(key("unit"), "unit", "expected 'word' or 'sentence', not '" + unit + "'");
      }
      YAML::Node max = key("max");
      long value = -1;
      if (max && max.IsScalar()) {
        try {
          std::size_t used = 0;
          value = std::stol(max.Scalar(), &used);
          if (used != max.Scalar().size()) value = -1;
        } catch (const std::exception&) {
          value = -1;
        }
      }
      if (value < 1) problems.at(max ? max : root, "max", max ? "expected a whole number of at least 1" : "an occurrence rule needs 'max'");
      rule.max = value;
      if (rule.unit == Unit::sentence && rule.scope == Scope::sentence)
        problems.at(key("scope"), "scope", "a rule counting sentences needs a scope larger than a sentence");
      break;
    }
    case RuleKind::repetition:
      if (key("exceptions")) read_strings(key("exceptions"), "exceptions", rule.exceptions, problems);
      break;
    case RuleKind::consistency: {
      bool regex = false;
      if (key("regex")) read_bool(key("regex"), "regex", regex, problems);
      std::vector<std::string> spellings;
      if (!key("either") || !read_strings(key("either"), "either", spellings, problems) || spellings.size() < 2) {
        if (!key("either") || spellings.size() < 2) problems.at(key("either") ? key("either") : root, "either", "expected a list of at least two spellings");
        break;
      }
      for (std::size_t i = 0; i < spellings.size(); ++i) {
        Matcher matcher;
        if (compile(spellings[i], !regex, rule.ignore_case, key("either")[i], "either", matcher, problems)) rule.matchers.push_back(matcher);
      }
      break;
    }
    case RuleKind::capitalisation: {
      std::string style = "sentence";
      if (key("case") && read_string(key("case"), "case", style, problems)) {
        if (style == "title") rule.case_style = CaseStyle::title;
        else if (style == "upper") rule.case_style = CaseStyle::upper;
        else if (style == "lower") rule.case_style = CaseStyle::lower;
        else if (style != "sentence") problems.at(key("case"), "case", "expected 'sentence', 'title', 'upper' or 'lower', not '" + style + "'");
      }
      if (key("exceptions")) read_strings(key("exceptions"), "exceptions", rule.exceptions, problems);
      break;
    }
    case RuleKind::conditional: {
      std::string term, definition;
      if (!key("term") || !read_string(key("term"), "term", term, problems)) {
        if (!key("term")) problems.at(root, "term", "a conditional rule needs 'term', the pattern of what must be defined");
      } else {
        compile(term, false, rule.ignore_case, key("term"), "term", rule.term, problems);
      }
      if (!key("definition") || !read_string(key("definition"), "definition", definition, problems)) {
        if (!key("definition")) problems.at(root, "definition", "a conditional rule needs 'definition', the pattern that defines a term");
      } else {
        compile(definition, false, rule.ignore_case, key("definition"), "definition", rule.definition, problems);
      }
      if (key("exceptions")) read_strings(key("exceptions"), "exceptions", rule.exceptions, problems);
      break;
    }
  }
}

Scope default_scope(const Rule& rule) {
  switch (rule.kind) {
    case RuleKind::occurrence: return rule.unit == Unit::sentence ? Scope::paragraph : Scope::sentence;
    case RuleKind::capitalisation: return Scope::heading;
    default: return Scope::text;
  }
}

}  // namespace

bool load_rule_file(const std::string& path, const std::string& style, const std::string& name, Rule& rule, std::vector<std::string>& errors) {
  rule = Rule{};
  rule.style = style;
  rule.name = name;
  rule.code = "rules/" + style + "." + name;
  rule.file = path;
  Problems problems(path, rule.code, errors);
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::ParserException& e) {
    errors.push_back(path + ":" + std::to_string(e.mark.line + 1) + ":" + std::to_string(e.mark.column + 1) + ": rule '" + rule.code +
                     "': not valid YAML: " + e.msg);
    return false;
  } catch (const YAML::Exception& e) {
    errors.push_back(path + ": rule '" + rule.code + "': cannot be read: " + e.what());
    return false;
  }
  if (!root.IsMap()) {
    problems.at(root, "", "expected a map of keys (kind, message, …)");
    return false;
  }
  std::string kind;
  if (!root["kind"]) problems.at(root, "kind", "missing; expected one of existence, substitution, occurrence, repetition, consistency, capitalisation, conditional");
  else if (read_string(root["kind"], "kind", kind, problems)) {
    auto found = kKinds.find(kind);
    if (found == kKinds.end()) problems.at(root["kind"], "kind", "unknown kind '" + kind + "'");
    else rule.kind = found->second;
  }
  if (problems.count()) return false;

  const std::set<std::string>& own = kKindKeys.at(rule.kind);
  for (const auto& entry : root) {
    std::string key = entry.first.IsScalar() ? entry.first.Scalar() : "";
    if (!kCommonKeys.count(key) && !own.count(key)) problems.at(entry.first, key, "unknown key for a " + kind + " rule");
  }
  if (root["ignorecase"]) read_bool(root["ignorecase"], "ignorecase", rule.ignore_case, problems);
  if (root["severity"]) {
    std::string severity;
    if (read_string(root["severity"], "severity", severity, problems)) {
      if (severity == "note") rule.severity = sdk::Severity::note;
      else if (severity == "warning") rule.severity = sdk::Severity::warning;
      else if (severity == "error") rule.severity = sdk::Severity::error;
      else problems.at(root["severity"], "severity", "expected 'note', 'warning' or 'error', not '" + severity + "'");
    }
  }
  if (root["description"]) read_string(root["description"], "description", rule.description, problems);
  if (root["link"]) read_string(root["link"], "link", rule.link, problems);
  bool scope_given = false;
  if (root["scope"]) {
    std::string scope;
    if (read_string(root["scope"], "scope", scope, problems)) {
      auto found = kScopes.find(scope);
      if (scope == "table-cell")
        problems.at(root["scope"], "scope", "'table-cell' is not available: the document model gives table cells as paragraphs");
      else if (found == kScopes.end())
        problems.at(root["scope"], "scope", "unknown scope '" + scope + "'; expected text, paragraph, sentence, heading, quotation, note or list-item");
      else {
        rule.scope = found->second;
        scope_given = true;
      }
    }
  }
  if (!scope_given && rule.kind == RuleKind::occurrence && root["unit"] && root["unit"].IsScalar() && root["unit"].Scalar() == "sentence")
    rule.unit = Unit::sentence;
  if (!scope_given) rule.scope = default_scope(rule);
  rule.message = kDefaultMessages.at(rule.kind);
  if (root["message"] && read_string(root["message"], "message", rule.message, problems)) check_message(rule.message, rule.kind, root["message"], problems);
  read_kind_keys(root, rule, problems);
  return problems.count() == 0;
}

LoadedRules load_styles(const std::vector<std::string>& folders) {
  LoadedRules loaded;
  std::map<std::string, std::string> defined;  // code → file
  for (const std::string& folder : folders) {
    std::error_code error;
    if (!fs::is_directory(folder, error)) {
      loaded.errors.push_back(folder + ": style folder not found (styles name folders of rule files)");
      continue;
    }
    std::string style = fs::path(folder).lexically_normal().filename().string();
    if (style.empty()) style = fs::path(folder).lexically_normal().parent_path().filename().string();
    if (!is_code_name(style)) {
      loaded.errors.push_back(folder + ": style name '" + style + "' must be lower-case letters, digits and hyphens (it is part of each rule's code)");
      continue;
    }
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(folder, error)) {
      std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".yml" || extension == ".yaml")) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) loaded.errors.push_back(folder + ": style '" + style + "' holds no rule file (*.yml)");
    for (const fs::path& file : files) {
      std::string name = file.stem().string();
      if (!is_code_name(name)) {
        loaded.errors.push_back(file.string() + ": rule name '" + name + "' must be lower-case letters, digits and hyphens (it is part of the rule's code)");
        continue;
      }
      Rule rule;
      if (!load_rule_file(file.string(), style, name, rule, loaded.errors)) continue;
      if (auto previous = defined.find(rule.code); previous != defined.end()) {
        loaded.errors.push_back(file.string() + ": rule '" + rule.code + "' is already defined by " + previous->second);
        continue;
      }
      defined[rule.code] = file.string();
      loaded.rules.push_back(std::move(rule));
    }
  }
  return loaded;
}

}  // namespace marginalia::plugins::rules
