// SPDX-License-Identifier: MIT
#include "lsp/json_rpc.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>

namespace marginalia::lsp {
namespace {

bool equals_ignoring_case(const std::string& a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i]; ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return i == a.size() && !b[i];
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

}  // namespace

bool MessageReader::fill() {
  if (start_ > 0 && start_ >= buffer_.size() / 2) {
    buffer_.erase(0, start_);
    start_ = 0;
  }
  char chunk[65536];
  for (;;) {
    ssize_t got = ::read(fd_, chunk, sizeof chunk);
    if (got > 0) {
      buffer_.append(chunk, static_cast<std::size_t>(got));
      return true;
    }
    if (got < 0 && errno == EINTR) continue;
    return false;
  }
}

Incoming MessageReader::next() {
  Incoming out;
  // The header block ends at the first empty line. Clients send CRLF; a bare LF is accepted too.
  std::size_t header_end = std::string::npos, body_start = 0;
  for (;;) {
    // Blank lines between messages are skipped rather than read as an empty header block.
    while (start_ < buffer_.size() && (buffer_[start_] == '\r' || buffer_[start_] == '\n')) ++start_;
    std::size_t crlf = buffer_.find("\r\n\r\n", start_), lf = buffer_.find("\n\n", start_);
    if (crlf != std::string::npos && (lf == std::string::npos || crlf < lf)) header_end = crlf, body_start = crlf + 4;
    else if (lf != std::string::npos) header_end = lf, body_start = lf + 2;
    if (header_end != std::string::npos) break;
    if (buffer_.size() - start_ > 64 * 1024) {  // no header is this long: drop it and resynchronise
      out.kind = Incoming::Kind::bad_frame;
      out.error = "header block longer than 64 KiB without an empty line";
      buffer_.clear();
      start_ = 0;
      return out;
    }
    if (!fill()) return out;
  }

  std::string headers = buffer_.substr(start_, header_end - start_);
  start_ = body_start;
  long long length = -1;
  std::string problem;
  for (std::size_t at = 0; at <= headers.size();) {
    std::size_t eol = headers.find('\n', at);
    std::string line = trim(headers.substr(at, eol == std::string::npos ? std::string::npos : eol - at));
    at = eol == std::string::npos ? headers.size() + 1 : eol + 1;
    if (line.empty()) continue;
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) {
      problem = "header line without a colon: \"" + line.substr(0, 80) + "\"";
      continue;
    }
    std::string name = trim(line.substr(0, colon)), value = trim(line.substr(colon + 1));
    if (!equals_ignoring_case(name, "content-length")) continue;
    char* end = nullptr;
    errno = 0;
    long long parsed = value.empty() ? -1 : std::strtoll(value.c_str(), &end, 10);
    if (value.empty() || errno || *end || parsed < 0) problem = "Content-Length is not a number: \"" + value.substr(0, 40) + "\"";
    else length = parsed;
  }
  if (length < 0) {
    out.kind = Incoming::Kind::bad_frame;
    out.error = problem.empty() ? "no Content-Length header" : problem;
    return out;
  }
  auto size = static_cast<std::size_t>(length);
  bool too_large = size > max_body_;
  // The body is consumed even when refused, so the next message is read from its start.
  while (buffer_.size() - start_ < size) {
    if (too_large && buffer_.size() > start_) {
      size -= buffer_.size() - start_;
      buffer_.clear();
      start_ = 0;
    }
    if (!fill()) return out;
  }
  if (too_large) {
    start_ += size;
    out.kind = Incoming::Kind::bad_frame;
    out.error = "message of " + std::to_string(length) + " bytes is larger than the limit";
    return out;
  }
  std::string body = buffer_.substr(start_, size);
  start_ += size;
  try {
    out.message = nlohmann::json::parse(body);
    out.kind = Incoming::Kind::message;
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    out.kind = Incoming::Kind::bad_json;
    out.error = e.what();
  }
  return out;
}

bool MessageWriter::send(const nlohmann::json& message) {
  std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::string frame = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t done = 0;
  while (done < frame.size()) {
    ssize_t wrote = ::write(fd_, frame.data() + done, frame.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}

}  // namespace marginalia::lsp
