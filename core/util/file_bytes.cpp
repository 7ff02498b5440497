// SPDX-License-Identifier: MIT
#include "util/file_bytes.hpp"

#include <fstream>
#include <sstream>

namespace marginalia::util {

bool read_file_bytes(const std::string& path, std::string& bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream out;
  out << in.rdbuf();
  bytes = out.str();
  return !in.bad();
}

}  // namespace marginalia::util
