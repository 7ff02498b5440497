// SPDX-License-Identifier: MIT
// Bytes from a worker (or a host) → the frame scanner and every body decoder. A body that
// decodes must re-encode to bytes that decode to the same encoding again (nothing half-read),
// and the frame scanner must never hand out a frame longer than the buffer or its cap.
#include "fuzz_target.hpp"
#include "host/worker_protocol.hpp"

namespace worker = marginalia::host::worker;

namespace {

template <typename T, typename Decode, typename Encode>
void round_trip(std::string_view body, Decode decode, Encode encode) {
  T value{};
  std::string error;
  if (!decode(body, value, error)) {
    MARGINALIA_FUZZ_ASSERT(!error.empty(), "a refused body says why");
    return;
  }
  std::string again = encode(value);
  T second{};
  MARGINALIA_FUZZ_ASSERT(decode(again, second, error), "a decoded body re-encodes to a decodable one");
  MARGINALIA_FUZZ_ASSERT(encode(second) == again, "decoding is stable");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 7) {
    case 0:
      round_trip<worker::Hello>(body, worker::decode_hello, worker::encode_hello);
      break;
    case 1:
      round_trip<worker::CheckRequest>(body, worker::decode_check_request,
                                       [](const worker::CheckRequest& r) { return worker::encode_check_request(r.document, r.options); });
      break;
    case 2:
      round_trip<marginalia::host::PluginRunResult>(body, worker::decode_check_reply, worker::encode_check_reply);
      break;
    case 3:
      round_trip<worker::ConfigureReply>(body, worker::decode_configure_reply, worker::encode_configure_reply);
      break;
    case 4:
      round_trip<std::vector<marginalia::sdk::FetchRequest>>(body, worker::decode_fetch_requests, worker::encode_fetch_requests);
      break;
    case 5:
      round_trip<std::vector<marginalia::sdk::FetchResult>>(body, worker::decode_fetch_results, worker::encode_fetch_results);
      break;
    default: {
      std::string buffer(body);
      const std::size_t cap = 1 << 16;
      while (true) {
        std::size_t before = buffer.size();
        worker::Frame frame;
        worker::FrameScan scan = worker::take_frame(buffer, cap, frame);
        if (scan != worker::FrameScan::complete) break;
        MARGINALIA_FUZZ_ASSERT(buffer.size() < before, "a complete frame consumes bytes");
        MARGINALIA_FUZZ_ASSERT(frame.body().size() <= cap, "no frame above the cap");
      }
      break;
    }
  }
  return 0;
}
