// SPDX-License-Identifier: MIT
// JSON-RPC 2.0 over a byte stream with the Language Server Protocol's framing: a header block
// ("Content-Length: N", optionally "Content-Type: …", each line ended by CRLF, then an empty
// line) followed by N bytes of JSON. The reader turns whatever arrives into a value — a
// message, a framing error to answer, or the end of the stream — so a bad frame never ends the
// server (core/lsp/language_server answers it and reads on). Writing is serialised: diagnostics
// come from background threads while the main thread answers requests.
#pragma once

#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>

namespace marginalia::lsp {

/// JSON-RPC error codes the server answers with.
namespace error_code {
constexpr int parse_error = -32700;
constexpr int invalid_request = -32600;
constexpr int method_not_found = -32601;
constexpr int invalid_params = -32602;
constexpr int internal_error = -32603;
constexpr int server_not_initialized = -32002;
constexpr int request_failed = -32803;
}  // namespace error_code

/// What one read from the stream gave.
struct Incoming {
  enum class Kind {
    message,      ///< `message` holds a parsed JSON value
    bad_frame,    ///< the header block was unusable; `error` says why; the stream was resynchronised
    bad_json,     ///< the body was not JSON; `error` says why
    end,          ///< the stream ended (or failed) before another message began
  };
  Kind kind = Kind::end;
  nlohmann::json message;
  std::string error;
};

/// Reads framed messages from a file descriptor (unbuffered beyond its own buffer).
class MessageReader {
 public:
  /// Reads from `fd`; `max_body_bytes` refuses larger bodies (read and dropped) as bad frames.
  explicit MessageReader(int fd, std::size_t max_body_bytes = 512u << 20) : fd_(fd), max_body_(max_body_bytes) {}
  /// Blocks until the next message, error or end of stream.
  Incoming next();

 private:
  // Fills the buffer with at least one more byte; false at end of stream.
  bool fill();
  int fd_;
  std::size_t max_body_;
  std::string buffer_;
  std::size_t start_ = 0;
};

/// Writes framed messages to a file descriptor; thread-safe.
class MessageWriter {
 public:
  explicit MessageWriter(int fd) : fd_(fd) {}
  /// Sends one message; false when the stream is closed.
  bool send(const nlohmann::json& message);

 private:
  int fd_;
  std::mutex mutex_;
};

}  // namespace marginalia::lsp
