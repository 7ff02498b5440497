// SPDX-License-Identifier: MIT
// The hello plugin: the smallest complete marginalia plugin. It reports placeholders an author
// left in a draft ("TODO", "TK", "XXX"). docs/writing-a-plugin.md walks through this file.
#include <marginalia/sdk/sdk.hpp>

#include "marginalia_embedded.hpp"

namespace hello {

namespace sdk = marginalia::sdk;

// A letter or digit of any script (the SDK's Unicode classes) or an underscore: what may not
// touch a placeholder for it to be a whole word.
bool is_word_character(char32_t c) { return sdk::is_word_character(c) || c == '_'; }

// Every code the plugin reports, with its default severity and summary, declared once: info()
// publishes the table and each finding takes its severity from it.
const sdk::CodeTable code_table{{"hello/placeholder", sdk::Severity::warning, "A placeholder marks unfinished text."}};

class HelloPlugin final : public sdk::Plugin {
 public:
  // The id, version and help URL come from marginalia_add_plugin, the summary from the README.
  sdk::PluginInfo info() const override { return marginalia_embedded::plugin_info(code_table.codes()); }

  // Called once, with options the host has already validated against options.schema.json.
  std::vector<std::string> configure(const sdk::Options& options) override {
    placeholders_ = options.get_strings("placeholders", {"TODO", "TK", "XXX"});
    return {};
  }

  // Called once per document, possibly from several threads: keep per-document state local.
  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    const std::string& text = document.text;
    for (const std::string& word : placeholders_) {
      for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
        std::size_t before = at, after = at + word.size();
        bool starts_word = at == 0 || !is_word_character(sdk::previous_code_point(text, before));
        bool ends_word = after == text.size() || !is_word_character(sdk::next_code_point(text, after));
        if (!starts_word || !ends_word) continue;
        sdk::Span span{static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(at + word.size())};
        reporter.report(code_table.finding("hello/placeholder", span, "placeholder '" + word + "' left in the text"));
      }
    }
  }

 private:
  std::vector<std::string> placeholders_;
};

}  // namespace hello

MARGINALIA_PLUGIN(hello::HelloPlugin)
