// SPDX-License-Identifier: MIT
// A one-line progress bar for URL checks on stderr. The caller decides whether it is wanted
// (a terminal, not CI, not --quiet); the bar itself stays silent for a handful of URLs and
// redraws at most ten times a second.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <mutex>

namespace marginalia::net {

class ProgressBar {
 public:
  explicit ProgressBar(std::FILE* stream, std::size_t threshold = 10) : stream_(stream), threshold_(threshold) {}
  ~ProgressBar() { clear(); }
  /// `done` of `total` URLs checked so far.
  void update(std::size_t done, std::size_t total);
  /// Removes the bar (the line is left empty for what follows).
  void clear();

 private:
  std::FILE* stream_;
  std::size_t threshold_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_{};
  std::mutex mutex_;
};

}  // namespace marginalia::net
