// SPDX-License-Identifier: MIT
/// @file codes.hpp
/// The finding codes a plugin declares, and findings made from them with their declared severity.
///
/// Header-only: compiled into the plugin, it adds nothing the host must provide, so a plugin that
/// uses it loads in every host of API 1.0 or later (it arrived with SDK 1.0.1).
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "marginalia/sdk/finding.hpp"
#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/version.hpp"

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {

/// Every code a plugin can report, each with its default severity and summary, written once:
/// `info()` publishes `codes()` and every report site calls `finding(code, span, message)`, so
/// a severity is never repeated where a finding is made. Immutable after construction, so one
/// table may serve concurrent `check` calls.
class CodeTable {
 public:
  /// A table of `codes`, in the order `info()` lists them; each code appears once.
  CodeTable(std::initializer_list<CodeInfo> codes) : codes_(codes) {}

  /// The declared codes, for `PluginInfo::codes`.
  const std::vector<CodeInfo>& codes() const noexcept { return codes_; }

  /// The declaration of `code`, or null when the table does not declare it.
  const CodeInfo* find(std::string_view code) const noexcept {
    for (const CodeInfo& info : codes_)
      if (info.code == code) return &info;
    return nullptr;
  }

  /// A finding of `code` over `span` saying `message`, with the code's declared default severity.
  /// An undeclared code gets `Severity::warning`, and the host then refuses the plugin's output
  /// for that document (`host/plugin-bad-output`), so a fixture catches the mistake.
  Finding finding(std::string_view code, Span span, std::string message) const {
    Finding made;
    made.code = std::string(code);
    const CodeInfo* info = find(code);
    made.severity = info ? info->default_severity : Severity::warning;
    made.span = span;
    made.message = std::move(message);
    return made;
  }

 private:
  std::vector<CodeInfo> codes_;
};

}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
