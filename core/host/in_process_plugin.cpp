// SPDX-License-Identifier: MIT
#include <exception>
#include <string_view>

#include "host/builtin_codes.hpp"
#include "host/plugin_host.hpp"
#include "model/text_normalizer.hpp"

namespace marginalia::host {
namespace {

// The sink a plugin reports into; everything is plain data the host owns.
class CollectingReporter final : public sdk::Reporter {
 public:
  CollectingReporter(PluginRunResult& result, const RunContext& context) : result_(result), context_(context) {}
  void report(sdk::Finding finding) override {
    if (result_.findings.size() <= context_.max_findings) result_.findings.push_back(std::move(finding));
    else overflow_ = true;
  }
  void mark(sdk::Mark mark) override {
    if (result_.marks.size() <= context_.max_findings * 4) result_.marks.push_back(std::move(mark));
    else overflow_ = true;
  }
  bool stop_requested() const override { return overflow_; }
  std::vector<sdk::FetchResult> fetch_all(const std::vector<sdk::FetchRequest>& requests) override {
    return context_.fetch->fetch_all(requests);
  }
  std::string host_setting(std::string_view name) const override {
    auto found = context_.host_settings.find(std::string(name));
    return found == context_.host_settings.end() ? std::string() : found->second;
  }
  bool overflowed() const { return overflow_; }

 private:
  PluginRunResult& result_;
  const RunContext& context_;
  bool overflow_ = false;
};

bool on_boundary(std::string_view text, std::uint32_t offset) {
  return offset == text.size() || (offset < text.size() && (static_cast<unsigned char>(text[offset]) & 0xC0) != 0x80);
}

std::string check_span(const sdk::Document& document, sdk::Span span) {
  if (span.begin > span.end) return "a span ends before it begins (" + std::to_string(span.begin) + ">" + std::to_string(span.end) + ")";
  if (span.end > document.text.size())
    return "a span ends at " + std::to_string(span.end) + ", past the text's " + std::to_string(document.text.size()) + " bytes";
  if (!on_boundary(document.text, span.begin) || !on_boundary(document.text, span.end)) return "a span cuts a UTF-8 character";
  return {};
}

}  // namespace

PluginRunResult load_problem_result(const LoadProblem& problem) {
  PluginRunResult result;
  std::string name = problem.path.substr(problem.path.find_last_of('/') + 1);
  result.plugin_id = name.substr(0, name.rfind('.'));
  result.status = status_for_code(problem.code);
  result.detail = problem.path + ": " + problem.message;
  return result;
}

std::string validate_plugin_output(const sdk::PluginInfo& info, const sdk::Document& document, const PluginRunResult& result,
                                   const RunContext& context) {
  if (result.findings.size() > context.max_findings)
    return "more than " + std::to_string(context.max_findings) + " findings";
  for (const sdk::Finding& finding : result.findings) {
    bool declared = false;
    for (const sdk::CodeInfo& code : info.codes) declared = declared || code.code == finding.code;
    if (!declared) return "reported undeclared code '" + finding.code + "'";
    if (std::string problem = check_span(document, finding.span); !problem.empty()) return problem + " (" + finding.code + ")";
    for (const sdk::Related& related : finding.related)
      if (std::string problem = check_span(document, related.span); !problem.empty()) return problem + " (related, " + finding.code + ")";
    if (finding.message.empty()) return "an empty message (" + finding.code + ")";
    if (model::find_invalid_utf8(finding.message) != std::string_view::npos) return "a message that is not valid UTF-8 (" + finding.code + ")";
    if (finding.replacement && model::find_invalid_utf8(*finding.replacement) != std::string_view::npos)
      return "a replacement that is not valid UTF-8 (" + finding.code + ")";
  }
  for (const sdk::Mark& mark : result.marks) {
    if (std::string problem = check_span(document, mark.span); !problem.empty()) return problem + " (mark)";
    for (const sdk::Attribute& attribute : mark.attributes)
      if (model::find_invalid_utf8(attribute.value) != std::string_view::npos) return "a mark attribute that is not valid UTF-8";
  }
  return {};
}

namespace {

// A check that already ran: in this process `begin` does the work.
class FinishedCheck final : public PendingCheck {
 public:
  explicit FinishedCheck(PluginRunResult result) : result_(std::move(result)) {}
  PluginRunResult finish() override { return std::move(result_); }

 private:
  PluginRunResult result_;
};

// A library loaded in this process: `check` is called directly, its exceptions contained.
class InProcessPlugin final : public PluginHandle {
 public:
  explicit InProcessPlugin(OpenedPlugin opened) : opened_(std::move(opened)) {}
  std::vector<std::string> configure(const sdk::Options& options) override { return opened_.plugin->configure(options); }
  std::unique_ptr<PendingCheck> begin(const CheckRequest& request) override {
    return std::make_unique<FinishedCheck>(check(request.document, request.context));
  }

 private:
  PluginRunResult check(const sdk::Document& document, const RunContext& context) const;
  OpenedPlugin opened_;
};

PluginRunResult InProcessPlugin::check(const sdk::Document& document, const RunContext& context) const {
  const std::string& id = opened_.info.id;
  PluginRunResult result;
  result.plugin_id = id;
  CollectingReporter reporter(result, context);
  try {
    opened_.plugin->check(document, reporter);
  } catch (const std::exception& e) {
    return PluginRunResult{id, RunStatus::failed, std::string("exception: ") + e.what(), {}, {}};
  } catch (...) {
    return PluginRunResult{id, RunStatus::failed, "a non-standard exception", {}, {}};
  }
  if (reporter.overflowed())
    return PluginRunResult{id, RunStatus::output_too_large, "more than " + std::to_string(context.max_findings) + " findings", {}, {}};
  if (std::string problem = validate_plugin_output(opened_.info, document, result, context); !problem.empty())
    return PluginRunResult{id, RunStatus::bad_output, problem, {}, {}};
  return result;
}

}  // namespace

LoadResult load_plugin(const std::string& path) {
  util::Result<OpenedPlugin> opened = open_plugin(path);
  if (!opened) return opened.problems();
  LoadedPlugin plugin;
  plugin.path = opened->path;
  plugin.api_version = opened->api_version;
  plugin.info = opened->info;
  plugin.instance = std::make_shared<InProcessPlugin>(std::move(*opened));
  return plugin;
}

std::vector<PluginRunResult> run_plugins(const std::vector<LoadedPlugin>& plugins, const sdk::Document& document,
                                         const RunContext& context) {
  CheckRequest request{document, context, std::nullopt};
  std::vector<std::unique_ptr<PendingCheck>> pending;
  pending.reserve(plugins.size());
  for (const LoadedPlugin& plugin : plugins) pending.push_back(plugin.instance->begin(request));
  std::vector<PluginRunResult> results;
  results.reserve(plugins.size());
  for (std::unique_ptr<PendingCheck>& check : pending) {
    results.push_back(check->finish());
    check.reset();  // a worker goes back to its pool now, not after the last plugin
  }
  return results;
}

}  // namespace marginalia::host
