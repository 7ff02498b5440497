// SPDX-License-Identifier: MIT
// A temporary folder removed with everything in it when the object goes.
#pragma once

#include <string>

namespace marginalia::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::string& path() const { return path_; }
  /// path()/name
  std::string file(const std::string& name) const { return path_ + "/" + name; }
  /// Writes `contents` to path()/name and returns the full path.
  std::string write(const std::string& name, const std::string& contents) const;

 private:
  std::string path_;
};

}  // namespace marginalia::testing
