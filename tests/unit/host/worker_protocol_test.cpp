// SPDX-License-Identifier: MIT
// The host-worker frames: every field of the SDK structs survives the trip (so a plugin sees
// the same document isolated or in-process), and bytes from a broken worker are refused whole:
// every truncation, a list count larger than the body, an unknown enum value, a frame over the cap.
#include <gtest/gtest.h>

#include "host/worker_protocol.hpp"

namespace marginalia::host::worker {
namespace {

sdk::Document full_document() {
  sdk::Document document;
  document.path = "drafts/report.md";
  document.format = "markdown";
  document.text = "Title\n\nA paragraph with a note¹ and a link.\n\n1. The note.";
  document.blocks = {{sdk::BlockKind::title, {0, 5}, 0, ""}, {sdk::BlockKind::note, {45, 58}, 1, "1"}};
  document.links = {{{30, 34}, "https://example.org/"}};
  document.note_refs = {{{30, 32}, "1"}};
  document.notes = {{"1", {45, 58}, {48, 58}}};
  document.elements = {{{0, 5}, "title", {{"level", "1"}, {"type", "main"}}}};
  document.metadata = {{"date", "2024-07-23"}, {"language", "en"}};
  return document;
}

bool same(const sdk::Document& a, const sdk::Document& b) {
  auto attributes = [](const std::vector<sdk::Attribute>& x, const std::vector<sdk::Attribute>& y) {
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i)
      if (x[i].name != y[i].name || x[i].value != y[i].value) return false;
    return true;
  };
  if (a.path != b.path || a.format != b.format || a.text != b.text || !attributes(a.metadata, b.metadata)) return false;
  if (a.blocks.size() != b.blocks.size() || a.links.size() != b.links.size() || a.note_refs.size() != b.note_refs.size() ||
      a.notes.size() != b.notes.size() || a.elements.size() != b.elements.size())
    return false;
  for (std::size_t i = 0; i < a.blocks.size(); ++i)
    if (a.blocks[i].kind != b.blocks[i].kind || a.blocks[i].span != b.blocks[i].span || a.blocks[i].level != b.blocks[i].level ||
        a.blocks[i].number != b.blocks[i].number)
      return false;
  for (std::size_t i = 0; i < a.links.size(); ++i)
    if (a.links[i].span != b.links[i].span || a.links[i].target != b.links[i].target) return false;
  for (std::size_t i = 0; i < a.note_refs.size(); ++i)
    if (a.note_refs[i].span != b.note_refs[i].span || a.note_refs[i].label != b.note_refs[i].label) return false;
  for (std::size_t i = 0; i < a.notes.size(); ++i)
    if (a.notes[i].label != b.notes[i].label || a.notes[i].span != b.notes[i].span || a.notes[i].body != b.notes[i].body) return false;
  for (std::size_t i = 0; i < a.elements.size(); ++i)
    if (a.elements[i].span != b.elements[i].span || a.elements[i].name != b.elements[i].name ||
        !attributes(a.elements[i].attributes, b.elements[i].attributes))
      return false;
  return true;
}

PluginRunResult full_result() {
  PluginRunResult result;
  sdk::Finding finding;
  finding.code = "dates/weekday-mismatch";
  finding.severity = sdk::Severity::error;
  finding.span = {3, 17};
  finding.message = "Tuesday, 12 March 2024 was a Tuesday — “fine”";
  finding.related = {{{20, 24}, "first given here"}};
  finding.replacement = "Tuesday";
  result.findings.push_back(finding);
  sdk::Finding plain;
  plain.code = "dates/other";
  plain.message = "no replacement";
  result.findings.push_back(plain);
  result.marks.push_back({sdk::MarkKind::quote, {1, 9}, {{"kind", "direct"}, {"speaker", "Blinken"}}});
  return result;
}

TEST(WorkerProtocol, ACheckRequestCarriesEveryDocumentField) {
  CheckOptions options;
  options.host_settings = {{"sources-dir", "/srv/sources"}};
  options.memory_limit_bytes = 1ull << 30;
  options.max_findings = 100000;
  options.max_output_bytes = 64ull << 20;
  std::string body = encode_check_request(full_document(), options);
  CheckRequest decoded;
  std::string error;
  ASSERT_TRUE(decode_check_request(body, decoded, error)) << error;
  EXPECT_TRUE(same(decoded.document, full_document()));
  EXPECT_EQ(decoded.options.host_settings, options.host_settings);
  EXPECT_EQ(decoded.options.memory_limit_bytes, options.memory_limit_bytes);
  EXPECT_EQ(decoded.options.max_findings, options.max_findings);
  EXPECT_EQ(decoded.options.max_output_bytes, options.max_output_bytes);
}

TEST(WorkerProtocol, ACheckReplyCarriesFindingsAndMarks) {
  PluginRunResult original = full_result();
  PluginRunResult decoded;
  std::string error;
  ASSERT_TRUE(decode_check_reply(encode_check_reply(original), decoded, error)) << error;
  ASSERT_EQ(decoded.findings.size(), 2u);
  const sdk::Finding& f = decoded.findings[0];
  EXPECT_EQ(f.code, "dates/weekday-mismatch");
  EXPECT_EQ(f.severity, sdk::Severity::error);
  EXPECT_EQ(f.span, (sdk::Span{3, 17}));
  EXPECT_EQ(f.message, original.findings[0].message);
  ASSERT_EQ(f.related.size(), 1u);
  EXPECT_EQ(f.related[0].message, "first given here");
  EXPECT_EQ(f.replacement, std::optional<std::string>("Tuesday"));
  EXPECT_FALSE(decoded.findings[1].replacement);
  ASSERT_EQ(decoded.marks.size(), 1u);
  EXPECT_EQ(decoded.marks[0].kind, sdk::MarkKind::quote);
  EXPECT_EQ(decoded.marks[0].attributes[1].value, "Blinken");
}

TEST(WorkerProtocol, HelloCarriesInfoOrTheLoadProblem) {
  Hello hello;
  hello.api_version = sdk::api_version;
  hello.info.id = "dates";
  hello.info.version = "1.2.0";
  hello.info.codes = {{"dates/x", sdk::Severity::note, "x"}};
  hello.info.options_schema = R"({"type":"object"})";
  hello.info.documentation = "# dates";
  Hello decoded;
  std::string error;
  ASSERT_TRUE(decode_hello(encode_hello(hello), decoded, error)) << error;
  EXPECT_FALSE(decoded.problem);
  EXPECT_EQ(decoded.api_version, sdk::api_version);
  EXPECT_EQ(decoded.info.codes[0].default_severity, sdk::Severity::note);
  EXPECT_EQ(decoded.info.documentation, "# dates");

  Hello refused;
  refused.problem = LoadProblem::about("/p/x.so", "host/plugin-incompatible", "built for plugin API 2.0");
  ASSERT_TRUE(decode_hello(encode_hello(refused), decoded, error)) << error;
  ASSERT_TRUE(decoded.problem);
  EXPECT_EQ(decoded.problem->code, "host/plugin-incompatible");
}

TEST(WorkerProtocol, FetchRequestsAndResultsRoundTrip) {
  std::vector<sdk::FetchRequest> requests = {{"https://example.org/", sdk::FetchMode::text}};
  std::vector<sdk::FetchRequest> decoded_requests;
  std::string error;
  ASSERT_TRUE(decode_fetch_requests(encode_fetch_requests(requests), decoded_requests, error)) << error;
  EXPECT_EQ(decoded_requests[0].mode, sdk::FetchMode::text);
  sdk::FetchResult result;
  result.url = "https://example.org/";
  result.outcome = sdk::FetchOutcome::redirected;
  result.http_status = 200;
  result.final_url = "https://example.org/new";
  result.redirects = {"https://example.org/new"};
  result.permanent_redirect = true;
  result.text = "body";
  result.detail = "moved";
  result.from_cache = true;
  std::vector<sdk::FetchResult> decoded;
  ASSERT_TRUE(decode_fetch_results(encode_fetch_results({result}), decoded, error)) << error;
  EXPECT_EQ(decoded[0].outcome, sdk::FetchOutcome::redirected);
  EXPECT_EQ(decoded[0].redirects, result.redirects);
  EXPECT_TRUE(decoded[0].permanent_redirect && decoded[0].from_cache);
  EXPECT_EQ(decoded[0].final_url, result.final_url);
}

TEST(WorkerProtocol, EveryTruncatedReplyIsRefused) {
  std::string body = encode_check_reply(full_result());
  for (std::size_t cut = 0; cut < body.size(); ++cut) {
    PluginRunResult decoded;
    std::string error;
    EXPECT_FALSE(decode_check_reply(std::string_view(body).substr(0, cut), decoded, error)) << "cut at " << cut;
    EXPECT_FALSE(error.empty());
  }
  PluginRunResult decoded;
  std::string error;
  EXPECT_FALSE(decode_check_reply(body + "x", decoded, error));
  EXPECT_NE(error.find("trailing"), std::string::npos) << error;
}

TEST(WorkerProtocol, ACountLargerThanTheBodyIsRefusedBeforeAllocating) {
  // status ok, empty detail, then 4 billion findings announced in a few bytes.
  std::string body("\x00\x00\x00\x00\x00\xff\xff\xff\xff", 9);
  PluginRunResult decoded;
  std::string error;
  EXPECT_FALSE(decode_check_reply(body, decoded, error));
  EXPECT_NE(error.find("items"), std::string::npos) << error;
}

TEST(WorkerProtocol, AnUnknownSeverityIsRefused) {
  std::string body = encode_check_reply(full_result());
  // The first finding's severity byte follows its code: status(1) detail(4) count(4) code(4+22).
  std::size_t severity_at = 1 + 4 + 4 + 4 + std::string("dates/weekday-mismatch").size();
  ASSERT_EQ(body[severity_at], static_cast<char>(sdk::Severity::error));
  body[severity_at] = 7;
  PluginRunResult decoded;
  std::string error;
  EXPECT_FALSE(decode_check_reply(body, decoded, error));
  EXPECT_NE(error.find("severity"), std::string::npos) << error;
}

TEST(WorkerProtocol, FramesAreTakenWithACap) {
  std::string frame = make_frame(MessageType::result, "abc");
  Frame taken;
  std::string partial = frame.substr(0, 6);
  EXPECT_EQ(take_frame(partial, 100, taken), FrameScan::incomplete);
  std::string two = frame + make_frame(MessageType::fetch, "de");
  ASSERT_EQ(take_frame(two, 100, taken), FrameScan::complete);
  EXPECT_EQ(taken.type, MessageType::result);
  EXPECT_EQ(taken.body(), "abc");
  ASSERT_EQ(take_frame(two, 100, taken), FrameScan::complete) << "the second frame stays in the buffer";
  EXPECT_EQ(taken.body(), "de");
  EXPECT_TRUE(two.empty());
  std::string big = frame;
  EXPECT_EQ(take_frame(big, 3, taken), FrameScan::too_large);
  std::string unknown("\x05\x00\x00\x00\x63xxxx", 9), empty("\x00\x00\x00\x00", 4);
  EXPECT_EQ(take_frame(unknown, 100, taken), FrameScan::malformed);
  EXPECT_EQ(take_frame(empty, 100, taken), FrameScan::malformed);
}

TEST(WorkerProtocol, ACheckFrameIsTheRequestWithItsHeader) {
  CheckOptions options;
  options.max_findings = 7;
  std::string frame = encode_check_frame(full_document(), options);
  Frame taken;
  ASSERT_EQ(take_frame(frame, 1u << 20, taken), FrameScan::complete);
  EXPECT_EQ(taken.type, MessageType::check);
  EXPECT_EQ(taken.body(), encode_check_request(full_document(), options));
}

}  // namespace
}  // namespace marginalia::host::worker
