// SPDX-License-Identifier: MIT
#include "lsp/json_rpc.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <string>
#include <thread>

namespace marginalia::lsp {
namespace {

// A reader over `input` written into a pipe by another thread (the pipe buffer is small).
struct PipeReader {
  int fds[2];
  std::thread writer;
  explicit PipeReader(std::string input) {
    EXPECT_EQ(::pipe(fds), 0);
    writer = std::thread([this, input] {
      std::size_t done = 0;
      while (done < input.size()) {
        ssize_t n = ::write(fds[1], input.data() + done, std::min<std::size_t>(input.size() - done, 7000));
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
      }
      ::close(fds[1]);
    });
  }
  ~PipeReader() {
    writer.join();
    ::close(fds[0]);
  }
};

std::string framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

TEST(MessageReader, ReadsConsecutiveMessagesWithHeadersInAnyCase) {
  PipeReader pipe(framed("{\"id\":1}") + "content-length: 8\r\nContent-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{\"id\":2}");
  MessageReader reader(pipe.fds[0]);
  Incoming first = reader.next(), second = reader.next(), end = reader.next();
  ASSERT_EQ(first.kind, Incoming::Kind::message);
  EXPECT_EQ(first.message["id"], 1);
  ASSERT_EQ(second.kind, Incoming::Kind::message);
  EXPECT_EQ(second.message["id"], 2);
  EXPECT_EQ(end.kind, Incoming::Kind::end);
}

TEST(MessageReader, CountsTheBodyInBytesNotCharacters) {
  std::string body = "{\"text\":\"\xF0\x9D\x94\xB8 \xF0\x9F\x98\x80\"}";  // 𝔸 and 😀: 4 bytes each
  PipeReader pipe(framed(body) + framed("{\"id\":3}"));
  MessageReader reader(pipe.fds[0]);
  EXPECT_EQ(reader.next().message["text"], "\xF0\x9D\x94\xB8 \xF0\x9F\x98\x80");
  EXPECT_EQ(reader.next().message["id"], 3);
}

TEST(MessageReader, ABadFrameIsReportedAndTheNextMessageStillRead) {
  PipeReader pipe("Content-Type: x\r\n\r\n" + std::string("Content-Length: -4\r\n\r\n") + framed("{oops") + framed("{\"id\":4}"));
  MessageReader reader(pipe.fds[0]);
  Incoming missing = reader.next();
  EXPECT_EQ(missing.kind, Incoming::Kind::bad_frame);
  EXPECT_EQ(missing.error, "no Content-Length header");
  Incoming negative = reader.next();
  EXPECT_EQ(negative.kind, Incoming::Kind::bad_frame);
  EXPECT_NE(negative.error.find("not a number"), std::string::npos);
  EXPECT_EQ(reader.next().kind, Incoming::Kind::bad_json);
  Incoming good = reader.next();
  ASSERT_EQ(good.kind, Incoming::Kind::message);
  EXPECT_EQ(good.message["id"], 4);
}

TEST(MessageReader, ANumberTooLargeForADoubleIsBadJsonNotACrash) {
  PipeReader pipe(framed("{\"id\":1e99999}") + framed("{\"id\":6}"));
  MessageReader reader(pipe.fds[0]);
  EXPECT_EQ(reader.next().kind, Incoming::Kind::bad_json);
  Incoming good = reader.next();
  ASSERT_EQ(good.kind, Incoming::Kind::message);
  EXPECT_EQ(good.message["id"], 6);
}

TEST(MessageReader, ATooLargeBodyIsSkippedWhole) {
  std::string big(100000, 'x');
  PipeReader pipe(framed(big) + framed("{\"id\":5}"));
  MessageReader reader(pipe.fds[0], 1000);
  Incoming refused = reader.next();
  EXPECT_EQ(refused.kind, Incoming::Kind::bad_frame);
  EXPECT_NE(refused.error.find("larger than the limit"), std::string::npos);
  EXPECT_EQ(reader.next().message["id"], 5);
}

TEST(MessageReader, ABodyCutShortByTheEndOfInputIsTheEnd) {
  PipeReader pipe("Content-Length: 50\r\n\r\n{\"id\":");
  MessageReader reader(pipe.fds[0]);
  EXPECT_EQ(reader.next().kind, Incoming::Kind::end);
}

TEST(MessageWriter, FramesWithTheBodyLengthInBytes) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  MessageWriter writer(fds[1]);
  ASSERT_TRUE(writer.send({{"text", "\xF0\x9F\x98\x80"}}));
  ::close(fds[1]);
  char buffer[256];
  ssize_t n = ::read(fds[0], buffer, sizeof buffer);
  ::close(fds[0]);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(n)), "Content-Length: 15\r\n\r\n{\"text\":\"\xF0\x9F\x98\x80\"}");
}

}  // namespace
}  // namespace marginalia::lsp
