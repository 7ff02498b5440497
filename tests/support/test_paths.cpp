// SPDX-License-Identifier: MIT
#include "support/test_paths.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace marginalia::testing {

namespace fs = std::filesystem;

std::string source_dir() { return MARGINALIA_SOURCE_DIR; }
std::string binary_dir() { return MARGINALIA_BINARY_DIR; }
std::string marginalia_binary() { return binary_dir() + "/bin/marginalia"; }
std::string plugin_dir() { return binary_dir() + "/lib/marginalia/plugins"; }

std::string shared_dir() {
  std::error_code error;
  return fs::is_directory(MARGINALIA_SHARED_DIR, error) ? std::string(MARGINALIA_SHARED_DIR) : std::string();
}

std::string seed_report() {
  std::string path = shared_dir() + "/seeds/000_a6c07b14fbcfaecc.txt";
  std::error_code error;
  return !shared_dir().empty() && fs::exists(path, error) ? path : std::string();
}

std::string tei_schema() {
  std::string path = shared_dir() + "/tei/tei_all.rng";
  std::error_code error;
  return !shared_dir().empty() && fs::exists(path, error) ? path : std::string();
}

std::string jing() { return MARGINALIA_JING[0] && std::string(MARGINALIA_JING).find("NOTFOUND") == std::string::npos ? MARGINALIA_JING : ""; }
std::string python() { return MARGINALIA_PYTHON[0] && std::string(MARGINALIA_PYTHON).find("NOTFOUND") == std::string::npos ? MARGINALIA_PYTHON : ""; }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace marginalia::testing
