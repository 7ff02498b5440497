// SPDX-License-Identifier: MIT
#include "net/progress_bar.hpp"

#include <string>

namespace marginalia::net {

void ProgressBar::update(std::size_t done, std::size_t total) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (total < threshold_ || !stream_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && done < total && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  constexpr std::size_t width = 30;
  std::size_t filled = total ? done * width / total : width;
  std::string bar(filled, '#');
  bar.append(width - filled, '-');
  std::fprintf(stream_, "\rchecking URLs [%s] %zu/%zu", bar.c_str(), done, total);
  std::fflush(stream_);
  shown_ = true;
}

void ProgressBar::clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!shown_) return;
  std::fputs("\r\033[K", stream_);
  std::fflush(stream_);
  shown_ = false;
}

}  // namespace marginalia::net
