// SPDX-License-Identifier: MIT
#include "session/session.hpp"

#include <unistd.h>

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "config/config.hpp"
#include "config/plugin_options.hpp"
#include "host/builtin_codes.hpp"
#include "host/worker_plugin.hpp"
#include "input/sources_folder.hpp"
#include "net/curl_fetch_service.hpp"
#include "net/result_cache.hpp"
#include "pipeline/pipeline.hpp"

namespace marginalia::session {
namespace {

namespace fs = std::filesystem;

util::Problem config_problem(const config::ConfigError& error) {
  util::Problem problem;
  problem.code = "config/invalid";
  problem.message = error.message;
  if (error.file.empty()) return problem;
  problem.path = error.file;
  problem.line = error.line;
  problem.column = error.column;
  if (!error.line && !error.pointer.empty()) problem.message = error.pointer + ": " + error.message;
  return problem;
}

std::vector<util::Problem> config_problems(const std::vector<config::ConfigError>& errors) {
  std::vector<util::Problem> problems;
  for (const config::ConfigError& error : errors) problems.push_back(config_problem(error));
  return problems;
}

std::string default_worker_executable() {
  // The lean marginalia-worker beside the plugin folder (it starts 6-7 times faster); failing
  // that, this very binary, which serves `__worker` too.
  fs::path self = boost::dll::program_location().string();
  fs::path lean = self.parent_path().parent_path() / "lib" / "marginalia" / "marginalia-worker";
  if (::access(lean.c_str(), X_OK) == 0) return lean.lexically_normal().string();
  return self.string();
}

std::shared_ptr<host::PluginHost> make_host(const RunSettings& settings) {
  if (settings.isolation == Isolation::none) return std::make_shared<host::InProcessHost>();
  host::WorkerSettings worker;
  worker.executable = settings.worker_executable.empty() ? default_worker_executable() : settings.worker_executable;
  if (settings.timeout_ms) worker.timeout_ms = settings.timeout_ms;
  if (settings.memory_limit_bytes) worker.memory_limit_bytes = settings.memory_limit_bytes;
  return std::make_shared<host::WorkerHost>(worker);
}

host::PluginRegistry discover_with(const RunSettings& settings, std::shared_ptr<host::PluginHost> plugin_host) {
  host::PluginSearch search;
  search.extra_dirs = settings.plugin_dirs;
  search.use_default_dir = settings.default_plugins;
  search.use_environment = true;
  search.host = std::move(plugin_host);
  return host::PluginRegistry::discover(search);
}

// Validates each plugin's options against its schema and calls `configure`; `origin` names
// where the options came from, `base_dir` anchors their relative paths.
std::vector<util::Problem> configure_plugins(host::PluginRegistry& registry, const std::map<std::string, nlohmann::json>& options,
                                             const std::string& origin, const std::string& base_dir) {
  std::vector<util::Problem> problems;
  auto refused = [&](const std::string& id, const std::string& where, const std::string& message) {
    problems.push_back(util::Problem::about(origin, "config/invalid-options", "/plugins/" + id + "/options" + where + ": " + message));
  };
  for (const host::LoadedPlugin& plugin : registry.plugins()) {
    auto found = options.find(plugin.info.id);
    nlohmann::json object = config::resolve_path_options(plugin.info.options_schema,
                                                         found == options.end() ? nlohmann::json::object() : found->second, base_dir);
    config::PluginOptionsResult result = config::make_plugin_options(plugin.info, object);
    for (const config::SchemaError& error : result.errors) refused(plugin.info.id, error.path, error.message);
    if (!result.errors.empty()) continue;
    std::optional<std::string> failure;
    try {
      for (const std::string& message : plugin.instance->configure(result.options)) refused(plugin.info.id, "", message);
    } catch (const std::exception& e) {
      failure = std::string(": ") + e.what();
    } catch (...) {
      failure = "";
    }
    if (failure)
      problems.push_back(util::Problem::about("", "host/plugin-failed", "plugin '" + plugin.info.id + "' failed in configure" + *failure));
  }
  return problems;
}

}  // namespace

const char* tool_version() { return "0.1.0"; }

host::PluginRegistry discover_plugins(const RunSettings& settings) { return discover_with(settings, make_host(settings)); }

void select_plugins(host::PluginRegistry& registry, const RunSettings& settings, const std::vector<std::string>& disabled_by_config) {
  auto listed = [](const std::vector<std::string>& list, const std::string& id) {
    return std::find(list.begin(), list.end(), id) != list.end();
  };
  registry.retain([&](const std::string& id) {
    if (listed(settings.enable, id)) return true;
    return !listed(settings.disable, id) && !listed(disabled_by_config, id);
  });
}

// One configuration file's share of the session: its settings and the plugins configured by it.
struct Session::Profile {
  config::Config config;
  /// Every plugin found, enabled or not.
  std::vector<sdk::PluginInfo> found;
  host::PluginRegistry registry;
  /// Suppressions and severities from the configuration; the rest is filled in per check.
  pipeline::RunOptions options;
};

Session::Session(RunSettings settings) : settings_(std::move(settings)), host_(make_host(settings_)) {}

Session::~Session() = default;

util::Result<std::vector<std::string>> Session::configuration_files(const std::vector<std::string>& inputs) const {
  if (!settings_.config_file.empty()) return std::vector<std::string>(inputs.size(), settings_.config_file);
  std::vector<std::string> files;
  std::map<std::string, std::string> by_folder, first_input;
  for (const std::string& input : inputs) {
    std::string folder = input == "-" ? "." : fs::path(input).parent_path().string();
    if (folder.empty()) folder = ".";
    auto cached = by_folder.find(folder);
    std::string path = cached != by_folder.end() ? cached->second : (by_folder[folder] = config::find_config(folder));
    files.push_back(path);
    first_input.emplace(path, input);
  }
  if (settings_.one_configuration && first_input.size() > 1) {
    std::string list;
    for (const auto& [path, input] : first_input)
      list += (list.empty() ? "" : ", ") + (path.empty() ? std::string("no configuration") : path) + " for " + input;
    return util::Problem::about("", "config/several",
                                "the inputs have different configuration files (" + list + "); check them in separate runs or choose one with --config");
  }
  return files;
}

util::Result<Session::Profile*> Session::profile(const std::string& config_path) {
  if (auto found = profiles_.find(config_path); found != profiles_.end()) return found->second.get();
  auto profile = std::make_unique<Profile>();
  if (!config_path.empty()) {
    config::ConfigResult loaded = config::load_config(config_path);
    if (!loaded.config) return config_problems(loaded.errors);
    profile->config = std::move(*loaded.config);
  }
  const config::Config& config = profile->config;

  profile->registry = discover_with(settings_, host_);
  std::vector<sdk::PluginInfo>& found = profile->found;
  for (const host::LoadedPlugin& plugin : profile->registry.plugins()) found.push_back(plugin.info);
  std::vector<sdk::CodeInfo> core_codes;
  for (const host::BuiltinCode& code : host::builtin_codes()) core_codes.push_back(code.info);
  std::vector<config::ConfigError> errors = config::check_against_plugin_options(config, found);
  if (!errors.empty()) return config_problems(errors);

  std::vector<std::string> disabled;
  std::map<std::string, nlohmann::json> plugin_options;
  for (const auto& [id, plugin] : config.plugins) {
    if (plugin.enabled && !*plugin.enabled) disabled.push_back(id);
    if (plugin.options) plugin_options[id] = *plugin.options;
  }
  select_plugins(profile->registry, settings_, disabled);
  std::vector<util::Problem> problems = configure_plugins(profile->registry, plugin_options, config.path.empty() ? "options" : config.path,
                                                         config.path.empty() ? "" : fs::path(config.path).parent_path().string());
  if (!problems.empty()) return problems;
  // A plugin may declare codes from its options (the rules plugin): severities and suppressions
  // are checked against what the configured plugins declare.
  profile->registry.refresh_configured_info();
  for (sdk::PluginInfo& info : found)
    if (const host::LoadedPlugin* configured = profile->registry.find(info.id)) info = configured->info;
  errors = config::check_severity_codes(config, found, core_codes);
  if (!errors.empty()) return config_problems(errors);

  // Suppressions may name any code a plugin declares, enabled or not.
  merge::SuppressionSettings& suppressions = profile->options.suppressions;
  for (const sdk::PluginInfo& plugin : found)
    for (const sdk::CodeInfo& code : plugin.codes) suppressions.declared_codes[plugin.id].insert(code.code);
  for (const sdk::CodeInfo& code : core_codes) suppressions.declared_codes[code.code.substr(0, code.code.find('/'))].insert(code.code);
  for (const auto& [code, setting] : config.severity) {
    if (setting.off) suppressions.disabled_codes.insert(code);
    else profile->options.severity_overrides[code] = setting.severity;
  }
  suppressions.severity_overrides = profile->options.severity_overrides;
  return (profiles_[config_path] = std::move(profile)).get();
}

util::Result<const host::PluginRegistry*> Session::configured_plugins(const std::string& input) {
  util::Result<std::vector<std::string>> configs = configuration_files({input});
  if (!configs) return configs.problems();
  util::Result<Profile*> found = profile(configs->front());
  if (!found) return found.problems();
  return static_cast<const host::PluginRegistry*>(&(*found)->registry);
}

util::Result<nlohmann::ordered_json> Session::resolved_configuration(const std::string& path) {
  util::Result<std::vector<std::string>> configs = configuration_files({path});
  if (!configs) return configs.problems();
  util::Result<Profile*> found = profile(configs->front());
  if (!found) return found.problems();
  const Profile& chosen = **found;
  const config::Config& config = chosen.config;
  nlohmann::ordered_json out;
  out["file"] = path;
  out["configuration"] = config.path.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(config.path);
  const config::GlobPattern* ignored = config.ignored_by(path);
  out["ignored_by"] = ignored ? nlohmann::ordered_json(ignored->text()) : nlohmann::ordered_json();
  out["fail_on"] = sdk::to_string(settings_.fail_on.value_or(config.fail_on.value_or(sdk::Severity::error)));
  out["profile"] = !settings_.profile.empty() ? settings_.profile : config.profile.value_or("default");
  out["ignore"] = nlohmann::ordered_json::array();
  for (const config::GlobPattern& pattern : config.ignore) out["ignore"].push_back(pattern.text());
  nlohmann::ordered_json plugins = nlohmann::ordered_json::object();
  std::vector<sdk::PluginInfo> sorted = chosen.found;
  std::sort(sorted.begin(), sorted.end(), [](const sdk::PluginInfo& a, const sdk::PluginInfo& b) { return a.id < b.id; });
  for (const sdk::PluginInfo& info : sorted) {
    nlohmann::ordered_json options = nlohmann::ordered_json::object();
    nlohmann::json defaults = config::schema_defaults(info.options_schema);
    for (auto it = defaults.begin(); it != defaults.end(); ++it) options[it.key()] = it.value();
    if (auto entry = config.plugins.find(info.id); entry != config.plugins.end() && entry->second.options)
      for (auto it = entry->second.options->begin(); it != entry->second.options->end(); ++it) options[it.key()] = it.value();
    plugins[info.id] = {{"enabled", chosen.registry.find(info.id) != nullptr}, {"version", info.version}, {"options", std::move(options)}};
  }
  out["plugins"] = std::move(plugins);
  nlohmann::ordered_json severity = nlohmann::ordered_json::object();
  for (const auto& [code, setting] : config.severity) severity[code] = setting.off ? "off" : sdk::to_string(setting.severity);
  out["severity"] = std::move(severity);
  return out;
}

util::Result<merge::RunReport> Session::check_paths(const std::vector<std::string>& paths) { return check(paths, nullptr, nullptr); }

util::Result<merge::RunReport> Session::check_text(const std::string& name, const std::string& format, std::string bytes) {
  return check({name}, &format, &bytes);
}

util::Result<merge::RunReport> Session::check(const std::vector<std::string>& paths, const std::string* format, std::string* bytes) {
  util::Result<std::vector<std::string>> configs = configuration_files(paths);
  if (!configs) return configs.problems();
  std::vector<Profile*> profiles;  // in order of first use
  std::vector<std::size_t> profile_of(paths.size());
  for (std::size_t i = 0; i < paths.size(); ++i) {
    util::Result<Profile*> found = profile((*configs)[i]);
    if (!found) return found.problems();
    auto at = std::find(profiles.begin(), profiles.end(), *found);
    profile_of[i] = static_cast<std::size_t>(at - profiles.begin());
    if (at == profiles.end()) profiles.push_back(*found);
  }

  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    const config::Config& config = profiles[profile_of[i]]->config;
    if (const config::GlobPattern* pattern = config.ignored_by(paths[i])) {
      if (settings_.notice)
        settings_.notice(util::Problem::about("", "config/ignored",
                                              "skipping " + paths[i] + " (ignored by \"" + pattern->text() + "\" in " + config.path + ")"));
      continue;
    }
    kept.push_back(i);
  }

  // Refused before anything is read: a sources folder that would let a plugin read outside it,
  // a cache file that would replace an input.
  std::vector<util::Problem> refused;
  if (!settings_.sources_dir.empty())
    for (std::string& message : input::check_sources_folder(settings_.sources_dir))
      refused.push_back(util::Problem::about("", "config/sources-folder", std::move(message)));
  for (const std::string& path : paths)
    if (!settings_.network.cache_file.empty() && net::same_file(settings_.network.cache_file, path))
      refused.push_back(util::Problem::about("", "config/cache-file",
                                             "the cache file " + settings_.network.cache_file + " is also an input (" + path +
                                                 "); give --cache-file another path"));
  if (!refused.empty()) return refused;

  if (!fetch_) {
    if (settings_.fetch_service) fetch_ = settings_.fetch_service;
    else if (settings_.offline) fetch_ = std::make_shared<net::OfflineFetchService>();
    else fetch_ = std::make_shared<net::CurlFetchService>(settings_.network);
  }

  merge::RunReport run;
  run.tool_version = tool_version();
  run.files.resize(kept.size());
  std::size_t done_before = 0;
  for (std::size_t p = 0; p < profiles.size(); ++p) {
    std::vector<std::size_t> slots;  // positions in run.files of this profile's inputs
    std::vector<std::string> group;
    for (std::size_t k = 0; k < kept.size(); ++k)
      if (profile_of[kept[k]] == p) {
        slots.push_back(k);
        group.push_back(paths[kept[k]]);
      }
    pipeline::RunOptions options = profiles[p]->options;
    options.read.format = format && !format->empty() ? *format : settings_.input_format;
    if (settings_.max_input_bytes) options.read.max_input_bytes = settings_.max_input_bytes;
    options.document_date = settings_.document_date;
    options.jobs = settings_.jobs ? settings_.jobs
                                  : std::max(1u, std::thread::hardware_concurrency()) * (settings_.isolation == Isolation::process ? 2 : 1);
    options.context.fetch = fetch_.get();
    if (settings_.timeout_ms) options.context.timeout_ms = settings_.timeout_ms;
    if (settings_.memory_limit_bytes) options.context.memory_limit_bytes = settings_.memory_limit_bytes;
    if (!settings_.sources_dir.empty()) options.context.host_settings["sources-dir"] = settings_.sources_dir;
    options.context.host_settings["profile"] = !settings_.profile.empty() ? settings_.profile : profiles[p]->config.profile.value_or("default");
    if (settings_.progress) {
      std::size_t total = kept.size();
      options.progress = [this, done_before, total](std::size_t done, std::size_t) { settings_.progress(done_before + done, total); };
    }
    pipeline::Pipeline pipeline(profiles[p]->registry, options);
    std::vector<merge::FileReport> reports;
    if (bytes && !group.empty()) reports.push_back(pipeline.check_read(group[0], readers::read_bytes(group[0], std::move(*bytes), options.read)));
    else reports = pipeline.check_files(group);
    sdk::Severity fail_level = settings_.fail_on.value_or(profiles[p]->config.fail_on.value_or(sdk::Severity::error));
    for (std::size_t g = 0; g < reports.size(); ++g) {
      reports[g].fail_level = fail_level;
      run.files[slots[g]] = std::move(reports[g]);
    }
    done_before += group.size();
  }

  for (const Profile* profile : profiles) {
    for (const host::LoadedPlugin& plugin : profile->registry.plugins())
      if (std::none_of(run.plugins.begin(), run.plugins.end(), [&](const sdk::PluginInfo& info) { return info.id == plugin.info.id; }))
        run.plugins.push_back(plugin.info);
    for (const util::Problem& problem : profile->registry.problems())
      if (std::none_of(run.plugin_problems.begin(), run.plugin_problems.end(), [&](const util::Problem& p) { return p.path == problem.path; }))
        run.plugin_problems.push_back(problem);
  }
  std::sort(run.plugins.begin(), run.plugins.end(), [](const sdk::PluginInfo& a, const sdk::PluginInfo& b) { return a.id < b.id; });
  run.fail_level = settings_.fail_on ? *settings_.fail_on
                                     : profiles.empty() ? sdk::Severity::error : profiles[0]->config.fail_on.value_or(sdk::Severity::error);
  for (const merge::FileReport& file : run.files) run.suppressed += file.report ? file.report->suppressed_count : 0;
  return run;
}

}  // namespace marginalia::session
