// SPDX-License-Identifier: MIT
#include "cli/config_setup.hpp"

#include <filesystem>
#include <map>

namespace marginalia::cli {

config::ConfigResult resolve_config(const CommandLine& line) {
  if (!line.config_file.empty()) return config::load_config(line.config_file);
  namespace fs = std::filesystem;
  // path of the config → the first input that uses it; folders are looked up once each.
  std::map<std::string, std::string> found;
  std::map<std::string, std::string> by_folder;
  std::vector<std::string> inputs = line.inputs.empty() ? std::vector<std::string>{"-"} : line.inputs;
  for (const std::string& input : inputs) {
    std::string folder = input == "-" ? "." : fs::path(input).parent_path().string();
    if (folder.empty()) folder = ".";
    auto cached = by_folder.find(folder);
    std::string path = cached != by_folder.end() ? cached->second : (by_folder[folder] = config::find_config(folder));
    found.emplace(path, input);
  }
  if (found.size() > 1) {
    std::string list;
    for (const auto& [path, input] : found)
      list += (list.empty() ? "" : ", ") + (path.empty() ? std::string("no configuration") : path) + " for " + input;
    config::ConfigResult result;
    result.errors.push_back({"", "", 0, 0,
                             "the inputs have different configuration files (" + list +
                                 "); check them in separate runs or choose one with --config"});
    return result;
  }
  const std::string& path = found.begin()->first;
  if (path.empty()) {
    config::ConfigResult defaults;
    defaults.config = config::Config{};
    return defaults;
  }
  return config::load_config(path);
}

}  // namespace marginalia::cli
