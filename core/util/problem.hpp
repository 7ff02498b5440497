// SPDX-License-Identifier: MIT
// Expected failures as values (pugixml's xml_parse_result): one `Problem` shape for everything
// that can go wrong with an input, a plugin library or a setting, and one `Result<T>` that holds
// a value or the problems that prevent it. Exceptions stay for bugs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace marginalia::util {

/// What went wrong, where: a stable code and a message naming the particulars.
struct Problem {
  /// The file concerned; empty when the problem is not about a file (a bad flag).
  std::string path;
  /// 1-based position of the problem; 0:0 when it is about the whole file.
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  /// Byte offset of the problem when known.
  std::optional<std::uint64_t> byte_offset;
  /// Stable code (`reader/not-found`, `host/plugin-refused`, `config/invalid`…).
  std::string code;
  /// What is wrong, lower-case, no trailing period.
  std::string message;

  /// A problem with a whole file (no position).
  static Problem about(std::string path, std::string code, std::string message) {
    Problem problem;
    problem.path = std::move(path);
    problem.code = std::move(code);
    problem.message = std::move(message);
    return problem;
  }
  /// "message", "path: message" or "path:line:column: message".
  std::string to_string() const {
    if (path.empty()) return message;
    if (line) return path + ":" + std::to_string(line) + ":" + std::to_string(column) + ": " + message;
    return path + ": " + message;
  }
};

/// A value, or the problems that prevent it (at least one).
template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}
  Result(Problem problem) { problems_.push_back(std::move(problem)); }
  Result(std::vector<Problem> problems) : problems_(std::move(problems)) {}

  /// True when there is a value.
  explicit operator bool() const { return value_.has_value(); }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  /// Why there is no value; empty when there is one.
  const std::vector<Problem>& problems() const { return problems_; }
  /// The first problem, or nullptr when there is a value.
  const Problem* problem() const { return problems_.empty() ? nullptr : &problems_.front(); }

 private:
  std::optional<T> value_;
  std::vector<Problem> problems_;
};

}  // namespace marginalia::util
