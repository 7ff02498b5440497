// SPDX-License-Identifier: MIT
#include "input/sources_folder.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "input/beneath_file.hpp"
#include "input/json_depth.hpp"

namespace marginalia::input {
namespace {

namespace fs = std::filesystem;

constexpr std::uint64_t max_index_bytes = 4ull << 20;

std::string quoted(const std::string& text) { return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace

SourcesIndex read_sources_index(const std::string& folder) {
  SourcesIndex index;
  BeneathFile file = read_beneath(folder, "sources.json", max_index_bytes);
  if (file.status == BeneathStatus::missing) return index;
  if (file.status != BeneathStatus::ok) {
    index.problems.push_back("sources.json " + std::string(describe(file.status)));
    return index;
  }
  if (DepthProblem deep = json_depth_problem(file.bytes); deep.too_deep) {
    index.problems.push_back("sources.json is nested deeper than " + std::to_string(max_json_depth) + " levels (at byte " +
                             std::to_string(deep.offset) + ")");
    return index;
  }
  nlohmann::json parsed = nlohmann::json::parse(file.bytes, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    index.problems.push_back("sources.json is not a JSON object of \"label or URL\": \"file\" pairs");
    return index;
  }
  for (auto it = parsed.begin(); it != parsed.end(); ++it) {
    const nlohmann::json& value = it.value();
    SourceEntry entry;
    if (value.is_string()) {
      entry.file = value.get<std::string>();
    } else if (value.is_object() && value.contains("file") && value["file"].is_string() &&
               (!value.contains("charset") || value["charset"].is_string())) {
      entry.file = value["file"].get<std::string>();
      if (value.contains("charset")) entry.charset = value["charset"].get<std::string>();
    } else {
      index.problems.push_back("sources.json entry " + quoted(it.key()) + ": expected a file name or {\"file\": …, \"charset\": …}");
      continue;
    }
    index.entries[it.key()] = std::move(entry);
  }
  return index;
}

std::vector<std::string> check_sources_folder(const std::string& folder) {
  std::vector<std::string> problems;
  std::error_code error;
  if (!fs::is_directory(folder, error)) return {"--sources " + folder + ": not a folder"};
  SourcesIndex index = read_sources_index(folder);
  for (const std::string& problem : index.problems) problems.push_back(folder + "/" + problem);
  for (const auto& [key, entry] : index.entries) {
    BeneathFile file = read_beneath(folder, entry.file, max_source_file_bytes, false);
    if (file.status != BeneathStatus::ok)
      problems.push_back(folder + "/sources.json entry " + quoted(key) + ": " + quoted(entry.file) + " " + describe(file.status) +
                         (file.status == BeneathStatus::outside ? " (a source must be a file inside " + folder + ")" : ""));
  }
  // Links in the folder itself: a note's copy is found by name ("2.txt"), so one that leads
  // outside would be read for any report that cites note 2.
  for (fs::directory_iterator it(folder, error), end; !error && it != end; it.increment(error)) {
    if (!it->is_symlink(error)) continue;
    std::string name = it->path().filename().string();
    if (read_beneath(folder, name, max_source_file_bytes, false).status == BeneathStatus::outside)
      problems.push_back(folder + "/" + name + " is a link that resolves outside the sources folder");
  }
  return problems;
}

}  // namespace marginalia::input
