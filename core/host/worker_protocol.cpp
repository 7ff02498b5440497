// SPDX-License-Identifier: MIT
#include "host/worker_protocol.hpp"

#include <cstring>
#include <type_traits>

namespace marginalia::host::worker {
namespace {

class Encoder {
 public:
  void u8(std::uint8_t value) { out_.push_back(static_cast<char>(value)); }
  void u32(std::uint32_t value) {
    for (int shift = 0; shift < 32; shift += 8) out_.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
  void u64(std::uint64_t value) {
    for (int shift = 0; shift < 64; shift += 8) out_.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
  void str(std::string_view value) {
    u32(static_cast<std::uint32_t>(value.size()));
    out_.append(value);
  }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
};

// Every read checks the remaining length first; after the first failure every read fails, so
// callers check `ok()` once at the end.
class Decoder {
 public:
  explicit Decoder(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool finished() const { return ok_ && at_ == in_.size(); }
  const std::string& error() const { return error_; }
  void fail(std::string why) {
    if (ok_) error_ = std::move(why) + " at byte " + std::to_string(at_);
    ok_ = false;
  }
  std::uint8_t u8() {
    if (!need(1, "a byte")) return 0;
    return static_cast<std::uint8_t>(in_[at_++]);
  }
  std::uint32_t u32() {
    if (!need(4, "a 32-bit integer")) return 0;
    std::uint32_t value = 0;
    for (int i = 0; i < 4; ++i) value |= std::uint32_t{static_cast<unsigned char>(in_[at_++])} << (8 * i);
    return value;
  }
  std::uint64_t u64() {
    if (!need(8, "a 64-bit integer")) return 0;
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i) value |= std::uint64_t{static_cast<unsigned char>(in_[at_++])} << (8 * i);
    return value;
  }
  std::string str() {
    std::uint32_t size = u32();
    if (!need(size, "a string")) return {};
    std::string value(in_.substr(at_, size));
    at_ += size;
    return value;
  }
  // A list length: each item takes at least one byte, so a count beyond what is left is a lie
  // and must not reach reserve().
  std::uint32_t count() {
    std::uint32_t n = u32();
    if (ok_ && n > in_.size() - at_) fail("a list of " + std::to_string(n) + " items in " + std::to_string(in_.size() - at_) + " bytes");
    return ok_ ? n : 0;
  }

 private:
  bool need(std::size_t bytes, const char* what) {
    if (!ok_) return false;
    if (in_.size() - at_ < bytes) {
      fail(std::string("truncated input: expected ") + what);
      return false;
    }
    return true;
  }
  std::string_view in_;
  std::size_t at_ = 0;
  bool ok_ = true;
  std::string error_;
};

// An enum read from the wire, refused when out of range.
template <class Enum>
Enum get_enum(Decoder& in, Enum last, const char* what) {
  std::uint8_t raw = in.u8();
  if (raw > static_cast<std::uint8_t>(last)) {
    in.fail(std::string("unknown ") + what + " " + std::to_string(raw));
    return Enum{};
  }
  return static_cast<Enum>(raw);
}

template <class Enum>
void put_enum(Encoder& out, Enum value) {
  out.u8(static_cast<std::uint8_t>(value));
}

void put(Encoder& out, const std::string& value) { out.str(value); }
void get(Decoder& in, std::string& value) { value = in.str(); }

void put(Encoder& out, sdk::Span span) {
  out.u32(span.begin);
  out.u32(span.end);
}
void get(Decoder& in, sdk::Span& span) {
  span.begin = in.u32();
  span.end = in.u32();
}

template <class T>
void put(Encoder& out, const std::vector<T>& items) {
  out.u32(static_cast<std::uint32_t>(items.size()));
  for (const T& item : items) put(out, item);
}
template <class T>
void get(Decoder& in, std::vector<T>& items) {
  std::uint32_t n = in.count();
  items.clear();
  items.reserve(n);
  for (std::uint32_t i = 0; i < n && in.ok(); ++i) {
    items.emplace_back();
    get(in, items.back());
  }
}

void put(Encoder& out, const sdk::Attribute& attribute) {
  out.str(attribute.name);
  out.str(attribute.value);
}
void get(Decoder& in, sdk::Attribute& attribute) {
  attribute.name = in.str();
  attribute.value = in.str();
}

void put(Encoder& out, const sdk::Block& block) {
  put_enum(out, block.kind);
  put(out, block.span);
  out.u32(static_cast<std::uint32_t>(block.level));
  out.str(block.number);
}
void get(Decoder& in, sdk::Block& block) {
  block.kind = get_enum(in, sdk::BlockKind::metadata, "block kind");
  get(in, block.span);
  block.level = static_cast<int>(in.u32());
  block.number = in.str();
}

void put(Encoder& out, const sdk::Link& link) {
  put(out, link.span);
  out.str(link.target);
}
void get(Decoder& in, sdk::Link& link) {
  get(in, link.span);
  link.target = in.str();
}

void put(Encoder& out, const sdk::NoteRef& ref) {
  put(out, ref.span);
  out.str(ref.label);
}
void get(Decoder& in, sdk::NoteRef& ref) {
  get(in, ref.span);
  ref.label = in.str();
}

void put(Encoder& out, const sdk::Note& note) {
  out.str(note.label);
  put(out, note.span);
  put(out, note.body);
}
void get(Decoder& in, sdk::Note& note) {
  note.label = in.str();
  get(in, note.span);
  get(in, note.body);
}

void put(Encoder& out, const sdk::Element& element) {
  put(out, element.span);
  out.str(element.name);
  put(out, element.attributes);
}
void get(Decoder& in, sdk::Element& element) {
  get(in, element.span);
  element.name = in.str();
  get(in, element.attributes);
}

void put(Encoder& out, const sdk::Document& document) {
  out.str(document.path);
  out.str(document.format);
  out.str(document.text);
  put(out, document.blocks);
  put(out, document.links);
  put(out, document.note_refs);
  put(out, document.notes);
  put(out, document.elements);
  put(out, document.metadata);
}
void get(Decoder& in, sdk::Document& document) {
  document.path = in.str();
  document.format = in.str();
  document.text = in.str();
  get(in, document.blocks);
  get(in, document.links);
  get(in, document.note_refs);
  get(in, document.notes);
  get(in, document.elements);
  get(in, document.metadata);
}

void put(Encoder& out, const sdk::CodeInfo& code) {
  out.str(code.code);
  put_enum(out, code.default_severity);
  out.str(code.summary);
}
void get(Decoder& in, sdk::CodeInfo& code) {
  code.code = in.str();
  code.default_severity = get_enum(in, sdk::Severity::error, "severity");
  code.summary = in.str();
}

void put(Encoder& out, const sdk::PluginInfo& info) {
  out.str(info.id);
  out.str(info.version);
  out.str(info.summary);
  out.str(info.help_url);
  put(out, info.codes);
  out.str(info.options_schema);
  out.str(info.documentation);
}
void get(Decoder& in, sdk::PluginInfo& info) {
  info.id = in.str();
  info.version = in.str();
  info.summary = in.str();
  info.help_url = in.str();
  get(in, info.codes);
  info.options_schema = in.str();
  info.documentation = in.str();
}

void put(Encoder& out, const sdk::Related& related) {
  put(out, related.span);
  out.str(related.message);
}
void get(Decoder& in, sdk::Related& related) {
  get(in, related.span);
  related.message = in.str();
}

void put(Encoder& out, const sdk::Finding& finding) {
  out.str(finding.code);
  put_enum(out, finding.severity);
  put(out, finding.span);
  out.str(finding.message);
  put(out, finding.related);
  out.u8(finding.replacement ? 1 : 0);
  if (finding.replacement) out.str(*finding.replacement);
}
void get(Decoder& in, sdk::Finding& finding) {
  finding.code = in.str();
  finding.severity = get_enum(in, sdk::Severity::error, "severity");
  get(in, finding.span);
  finding.message = in.str();
  get(in, finding.related);
  std::uint8_t has_replacement = in.u8();
  if (has_replacement > 1) in.fail("a bad replacement flag");
  if (has_replacement == 1) finding.replacement = in.str();
}

void put(Encoder& out, const sdk::Mark& mark) {
  put_enum(out, mark.kind);
  put(out, mark.span);
  put(out, mark.attributes);
}
void get(Decoder& in, sdk::Mark& mark) {
  mark.kind = get_enum(in, sdk::MarkKind::person, "mark kind");
  get(in, mark.span);
  get(in, mark.attributes);
}

void put(Encoder& out, const sdk::FetchRequest& request) {
  out.str(request.url);
  put_enum(out, request.mode);
}
void get(Decoder& in, sdk::FetchRequest& request) {
  request.url = in.str();
  request.mode = get_enum(in, sdk::FetchMode::text, "fetch mode");
}

void put(Encoder& out, const sdk::FetchResult& result) {
  out.str(result.url);
  put_enum(out, result.outcome);
  out.u32(static_cast<std::uint32_t>(result.http_status));
  out.str(result.final_url);
  put(out, result.redirects);
  out.u8(result.permanent_redirect ? 1 : 0);
  out.str(result.text);
  out.str(result.detail);
  out.u8(result.from_cache ? 1 : 0);
}
void get(Decoder& in, sdk::FetchResult& result) {
  result.url = in.str();
  result.outcome = get_enum(in, sdk::FetchOutcome::bad_response, "fetch outcome");
  result.http_status = static_cast<int>(in.u32());
  result.final_url = in.str();
  get(in, result.redirects);
  result.permanent_redirect = in.u8() != 0;
  result.text = in.str();
  result.detail = in.str();
  result.from_cache = in.u8() != 0;
}

template <class Fill>
bool decode(std::string_view body, std::string& error, Fill fill) {
  Decoder in(body);
  fill(in);
  if (in.ok() && !in.finished()) in.fail("trailing bytes");
  if (!in.ok()) error = in.error();
  return in.ok();
}

}  // namespace

std::string make_frame(MessageType type, std::string_view body) {
  std::string frame;
  frame.reserve(frame_header_size + 1 + body.size());
  std::uint32_t length = static_cast<std::uint32_t>(body.size() + 1);
  for (int shift = 0; shift < 32; shift += 8) frame.push_back(static_cast<char>((length >> shift) & 0xFF));
  frame.push_back(static_cast<char>(type));
  frame.append(body);
  return frame;
}

FrameScan take_frame(std::string& buffer, std::size_t max_frame_bytes, Frame& frame) {
  if (buffer.size() < frame_header_size) return FrameScan::incomplete;
  std::uint32_t length = 0;
  for (int i = 0; i < 4; ++i) length |= std::uint32_t{static_cast<unsigned char>(buffer[i])} << (8 * i);
  if (length == 0) return FrameScan::malformed;
  if (length > max_frame_bytes) return FrameScan::too_large;
  if (buffer.size() - frame_header_size < length) return FrameScan::incomplete;
  auto type = static_cast<std::uint8_t>(buffer[frame_header_size]);
  bool known = (type >= 1 && type <= 3) || (type >= 16 && type <= 20);
  if (!known) return FrameScan::malformed;
  frame.type = static_cast<MessageType>(type);
  std::size_t end = frame_header_size + length;
  if (end == buffer.size()) {
    frame.bytes = std::move(buffer);
    frame.offset = frame_header_size + 1;
    buffer = std::string();
  } else {
    frame.bytes.assign(buffer, frame_header_size + 1, length - 1);
    frame.offset = 0;
    buffer.erase(0, end);
  }
  return FrameScan::complete;
}

std::string encode_hello(const Hello& hello) {
  Encoder out;
  out.u8(hello.problem ? 1 : 0);
  if (hello.problem) {
    out.str(hello.problem->path);
    out.str(hello.problem->code);
    out.str(hello.problem->message);
  } else {
    out.u32(hello.api_version);
    put(out, hello.info);
  }
  return out.take();
}

bool decode_hello(std::string_view body, Hello& hello, std::string& error) {
  return decode(body, error, [&](Decoder& in) {
    std::uint8_t refused = in.u8();
    if (refused > 1) in.fail("a bad hello flag");
    if (refused == 1) {
      LoadProblem problem;
      problem.path = in.str();
      problem.code = in.str();
      problem.message = in.str();
      hello.problem = std::move(problem);
    } else {
      hello.api_version = in.u32();
      get(in, hello.info);
    }
  });
}

namespace {

void put_check_request(Encoder& out, const sdk::Document& document, const CheckOptions& options) {
  put(out, document);
  out.u32(static_cast<std::uint32_t>(options.host_settings.size()));
  for (const auto& [name, value] : options.host_settings) {
    out.str(name);
    out.str(value);
  }
  out.u64(options.memory_limit_bytes);
  out.u64(options.max_findings);
  out.u64(options.max_output_bytes);
}

}  // namespace

std::string encode_check_request(const sdk::Document& document, const CheckOptions& options) {
  Encoder out;
  put_check_request(out, document, options);
  return out.take();
}

std::string encode_check_frame(const sdk::Document& document, const CheckOptions& options) {
  Encoder out;
  out.reserve(frame_header_size + 1 + document.text.size() * 2 + 4096);
  out.u32(0);  // the length, known at the end
  out.u8(static_cast<std::uint8_t>(MessageType::check));
  put_check_request(out, document, options);
  std::string frame = out.take();
  auto length = static_cast<std::uint32_t>(frame.size() - frame_header_size);
  for (int i = 0; i < 4; ++i) frame[static_cast<std::size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xFF);
  return frame;
}

bool decode_check_request(std::string_view body, CheckRequest& request, std::string& error) {
  return decode(body, error, [&](Decoder& in) {
    get(in, request.document);
    std::uint32_t settings = in.count();
    for (std::uint32_t i = 0; i < settings && in.ok(); ++i) {
      std::string name = in.str();
      request.options.host_settings[name] = in.str();
    }
    request.options.memory_limit_bytes = in.u64();
    request.options.max_findings = in.u64();
    request.options.max_output_bytes = in.u64();
  });
}

std::string encode_check_reply(const PluginRunResult& result) {
  Encoder out;
  put_enum(out, result.status);
  out.str(result.detail);
  put(out, result.findings);
  put(out, result.marks);
  return out.take();
}

bool decode_check_reply(std::string_view body, PluginRunResult& result, std::string& error) {
  return decode(body, error, [&](Decoder& in) {
    result.status = get_enum(in, RunStatus::not_a_plugin, "run status");
    result.detail = in.str();
    get(in, result.findings);
    get(in, result.marks);
  });
}

std::string encode_configure_reply(const ConfigureReply& reply) {
  Encoder out;
  out.u8(reply.threw ? 1 : 0);
  out.str(reply.exception);
  put(out, reply.problems);
  return out.take();
}

bool decode_configure_reply(std::string_view body, ConfigureReply& reply, std::string& error) {
  return decode(body, error, [&](Decoder& in) {
    reply.threw = in.u8() != 0;
    reply.exception = in.str();
    get(in, reply.problems);
  });
}

std::string encode_fetch_requests(const std::vector<sdk::FetchRequest>& requests) {
  Encoder out;
  put(out, requests);
  return out.take();
}

bool decode_fetch_requests(std::string_view body, std::vector<sdk::FetchRequest>& requests, std::string& error) {
  return decode(body, error, [&](Decoder& in) { get(in, requests); });
}

std::string encode_fetch_results(const std::vector<sdk::FetchResult>& results) {
  Encoder out;
  put(out, results);
  return out.take();
}

bool decode_fetch_results(std::string_view body, std::vector<sdk::FetchResult>& results, std::string& error) {
  return decode(body, error, [&](Decoder& in) { get(in, results); });
}

}  // namespace marginalia::host::worker
