// SPDX-License-Identifier: MIT
#include "host/plugin_registry.hpp"

#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace marginalia::host {

namespace fs = std::filesystem;

std::string default_plugin_directory() {
  std::error_code error;
  fs::path binary = fs::path(boost::dll::program_location().string());
  return (binary.parent_path().parent_path() / "lib" / "marginalia" / "plugins").lexically_normal().string();
}

std::vector<std::string> plugin_directories(const PluginSearch& search) {
  std::vector<std::string> dirs = search.extra_dirs;
  if (search.use_environment) {
    if (const char* env = std::getenv("MARGINALIA_PLUGIN_PATH")) {
      std::string value = env;
      std::size_t start = 0;
      while (start <= value.size()) {
        std::size_t colon = value.find(':', start);
        std::string dir = value.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
        if (!dir.empty()) dirs.push_back(dir);
        if (colon == std::string::npos) break;
        start = colon + 1;
      }
    }
  }
  if (search.use_default_dir) dirs.push_back(default_plugin_directory());
  return dirs;
}

PluginRegistry PluginRegistry::discover(const PluginSearch& search) {
  PluginRegistry registry;
  registry.host_ = search.host;
  std::vector<std::string> seen_dirs, libraries;
  for (const std::string& dir : plugin_directories(search)) {
    std::error_code error;
    fs::path canonical = fs::weakly_canonical(dir, error);
    std::string key = error ? dir : canonical.string();
    if (std::find(seen_dirs.begin(), seen_dirs.end(), key) != seen_dirs.end()) continue;
    seen_dirs.push_back(key);
    if (!fs::is_directory(dir, error)) continue;
    std::vector<std::string> files;
    for (const fs::directory_entry& entry : fs::directory_iterator(dir, error))
      if (entry.path().extension() == ".so") files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    libraries.insert(libraries.end(), files.begin(), files.end());
  }
  if (registry.host_) registry.host_->expect(libraries);
  for (const std::string& file : libraries) registry.load(file);
  return registry;
}

void PluginRegistry::load(const std::string& path) {
  std::string stem = fs::path(path).stem().string();
  if (find(stem)) return;  // an earlier folder already provided this id
  if (!host_) host_ = std::make_shared<InProcessHost>();
  LoadResult result = host_->load(path);
  if (!result) {
    problems_.push_back(*result.problem());
    return;
  }
  plugins_.push_back(std::move(*result));
  std::sort(plugins_.begin(), plugins_.end(), [](const LoadedPlugin& a, const LoadedPlugin& b) { return a.info.id < b.info.id; });
}

std::string PluginRegistry::file_stem(const std::string& path) { return fs::path(path).stem().string(); }

const LoadedPlugin* PluginRegistry::find(const std::string& id) const {
  for (const LoadedPlugin& plugin : plugins_)
    if (plugin.info.id == id) return &plugin;
  return nullptr;
}

}  // namespace marginalia::host
