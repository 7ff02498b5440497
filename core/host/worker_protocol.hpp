// SPDX-License-Identifier: MIT
// The wire format between the host and a plugin worker (`marginalia __worker`, see
// worker_plugin.hpp). Requests reach the worker on fd 3 and replies leave it on fd 4; the
// worker's stdin and stdout are /dev/null, so a plugin that prints cannot corrupt a reply.
//
// A frame is a 4-byte little-endian length, then a type byte, then the body; the length counts
// the type byte and the body. Bodies are a compact binary encoding of SDK structs (integers
// little-endian, strings and lists length-prefixed): nothing to escape, nothing nested beyond
// the structs themselves, and every read is bounds-checked, so a reply from a broken plugin is
// rejected whole (`host/plugin-bad-output`) and never half-decoded. When the SDK appends a
// field to a struct, it is appended here too (the round-trip test covers every field).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "host/plugin_loader.hpp"
#include "host/plugin_handle.hpp"
#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/fetch.hpp"
#include "marginalia/sdk/plugin.hpp"

namespace marginalia::host::worker {

/// Bumped whenever a frame changes: host and worker must come from the same build.
inline constexpr int protocol_version = 1;

/// The worker reads requests from this descriptor.
inline constexpr int request_fd = 3;
/// The worker writes replies to this descriptor.
inline constexpr int reply_fd = 4;
/// Bytes before a frame's type byte.
inline constexpr std::size_t frame_header_size = 4;

/// What a frame carries.
enum class MessageType : std::uint8_t {
  // host → worker
  configure = 1,      ///< body: the options object as JSON text
  check = 2,          ///< body: CheckRequest
  fetch_results = 3,  ///< body: the answers to the worker's last `fetch`
  // worker → host
  hello = 16,          ///< body: Hello; sent once, after loading the plugin
  configured = 17,     ///< body: ConfigureReply
  result = 18,         ///< body: CheckReply
  fetch = 19,          ///< body: FetchRequests the plugin asked the host to run
  out_of_memory = 20,  ///< empty body: an allocation failed at the memory limit
};

/// What the worker says once its plugin is loaded, or why it could not load it.
struct Hello {
  std::uint32_t api_version = 0;
  sdk::PluginInfo info;
  /// Set when the library was refused or failed to load; `info` is then empty.
  std::optional<LoadProblem> problem;
};

/// What comes with each document: settings the plugin may read and the limits of the call.
struct CheckOptions {
  std::map<std::string, std::string> host_settings;
  std::uint64_t memory_limit_bytes = 0;
  std::uint64_t max_findings = 0;
  std::uint64_t max_output_bytes = 0;
};

/// One document to check, as the worker receives it.
struct CheckRequest {
  sdk::Document document;
  CheckOptions options;
};

/// The worker's answer to `configure`.
struct ConfigureReply {
  /// Set when `configure` threw; `exception` then says what.
  bool threw = false;
  std::string exception;
  /// The problems `configure` (or the schema check before it) returned.
  std::vector<std::string> problems;
};

/// A frame's type and body. The body is a view into `bytes`, which may still hold the frame's
/// header: a large reply is moved, not copied, out of the read buffer.
struct Frame {
  MessageType type = MessageType::hello;
  std::string bytes;
  std::size_t offset = 0;
  std::string_view body() const { return std::string_view(bytes).substr(offset); }
};

/// A whole frame (header, type, body) ready to write.
std::string make_frame(MessageType type, std::string_view body);

/// Outcome of looking for a frame at the start of a buffer.
enum class FrameScan { incomplete, complete, too_large, malformed };

/// Takes the frame at the start of `buffer` out of it; on `complete`, `frame` holds it. Frames
/// longer than `max_frame_bytes` are `too_large` (the sender must be stopped).
FrameScan take_frame(std::string& buffer, std::size_t max_frame_bytes, Frame& frame);

std::string encode_hello(const Hello& hello);
std::string encode_check_request(const sdk::Document& document, const CheckOptions& options);
/// The whole `check` frame, built in one buffer: the document is encoded once and copied no more.
std::string encode_check_frame(const sdk::Document& document, const CheckOptions& options);
/// The reply to a check: status, detail, findings and marks (plugin_id is not sent).
std::string encode_check_reply(const PluginRunResult& result);
std::string encode_configure_reply(const ConfigureReply& reply);
std::string encode_fetch_requests(const std::vector<sdk::FetchRequest>& requests);
std::string encode_fetch_results(const std::vector<sdk::FetchResult>& results);

// Decoders return false on any malformed body and then say why in `error`.
bool decode_hello(std::string_view body, Hello& hello, std::string& error);
bool decode_check_request(std::string_view body, CheckRequest& request, std::string& error);
bool decode_check_reply(std::string_view body, PluginRunResult& result, std::string& error);
bool decode_configure_reply(std::string_view body, ConfigureReply& reply, std::string& error);
bool decode_fetch_requests(std::string_view body, std::vector<sdk::FetchRequest>& requests, std::string& error);
bool decode_fetch_results(std::string_view body, std::vector<sdk::FetchResult>& results, std::string& error);

}  // namespace marginalia::host::worker
