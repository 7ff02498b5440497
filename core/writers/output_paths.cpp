// SPDX-License-Identifier: MIT
#include "writers/output_paths.hpp"

#include <sys/stat.h>

#include <filesystem>

namespace marginalia::writers {
namespace {

namespace fs = std::filesystem;

fs::path absolute_folder_of(const std::string& input) {
  std::error_code error;
  fs::path path = fs::absolute(fs::path(input), error).lexically_normal();
  return error ? fs::path(input).parent_path() : path.parent_path();
}

// The longest common leading run of path components.
fs::path common_folder(const std::vector<fs::path>& folders) {
  if (folders.empty()) return {};
  fs::path common;
  auto first = folders.front().begin();
  for (std::size_t depth = 0; first != folders.front().end(); ++first, ++depth) {
    for (const fs::path& other : folders) {
      auto it = other.begin();
      for (std::size_t d = 0; d < depth && it != other.end(); ++d) ++it;
      if (it == other.end() || *it != *first) return common;
    }
    common /= *first;
  }
  return common;
}

}  // namespace

std::vector<std::string> output_paths_under(const std::string& folder, const std::vector<std::string>& inputs,
                                            const std::string& extension) {
  std::vector<fs::path> folders;
  for (const std::string& input : inputs) folders.push_back(absolute_folder_of(input));
  fs::path common = common_folder(folders);
  std::vector<std::string> paths;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    fs::path relative = folders[i].lexically_relative(common);
    if (relative == ".") relative.clear();
    fs::path name = fs::path(inputs[i]).filename();
    paths.push_back((fs::path(folder) / relative / (name.string() + extension)).string());
  }
  return paths;
}

std::string output_overwriting_input(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs) {
  for (const std::string& output : outputs) {
    struct stat out {};
    if (output.empty() || output == "-" || ::stat(output.c_str(), &out) != 0 || !S_ISREG(out.st_mode)) continue;
    for (const std::string& input : inputs) {
      struct stat in {};
      if (::stat(input.c_str(), &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
        return "the output " + output + " is the input " + input + " (the same file): writing it would destroy the input";
    }
  }
  return {};
}

}  // namespace marginalia::writers
