// SPDX-License-Identifier: MIT
// A plugin that fails on purpose, one way per build: CMakeLists.txt compiles this file once per
// fault with BROKEN_ID (the plugin id) and one FAULT_* macro. Before failing, `check` reports
// one honest finding, so each case also shows that a failed plugin's partial findings are
// discarded, never half-merged.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <marginalia/sdk/sdk.hpp>
#include <memory>
#include <stdexcept>
#include <vector>

namespace {

namespace sdk = marginalia::sdk;

#if defined(FAULT_STATIC_CONSTRUCTOR_CRASH)
// Runs at dlopen, before the host could call anything: the worker dies while loading.
struct CrashWhileLoading {
  CrashWhileLoading() {
    volatile int* volatile nowhere = nullptr;  // volatile both ways: the store cannot be dropped or proved null
    *nowhere = 1;
  }
} crash_while_loading;
#endif

#if defined(FAULT_NOEXCEPT_THROW)
// Out of line, so the compiler cannot see that the noexcept caller always terminates.
[[gnu::noinline]] void throw_runtime_error() { throw std::runtime_error("thrown through noexcept"); }
[[gnu::noinline]] void call_noexcept() noexcept { throw_runtime_error(); }
#endif

sdk::Finding finding(std::string code, sdk::Span span, std::string message) {
  sdk::Finding f;
  f.code = std::move(code);
  f.severity = sdk::Severity::warning;
  f.span = span;
  f.message = std::move(message);
  return f;
}

class BrokenPlugin final : public sdk::Plugin {
 public:
  sdk::PluginInfo info() const override {
    sdk::PluginInfo info;
    info.id = BROKEN_ID;
    info.version = "0.0.1";
    info.summary = "Fails on purpose (a test fixture for plugin isolation).";
    info.codes = {{std::string(BROKEN_ID) + "/finding", sdk::Severity::warning, "A finding reported before the fault."}};
    return info;
  }

  std::vector<std::string> configure(const sdk::Options&) override { return {}; }

  void check(const sdk::Document& document, sdk::Reporter& reporter) const override {
    const std::string code = std::string(BROKEN_ID) + "/finding";
    const sdk::Span first{0, document.text.empty() ? 0u : 1u};
    reporter.report(finding(code, first, "a finding reported before the fault"));
#if defined(FAULT_SEGFAULT)
    volatile int* volatile nowhere = nullptr;  // volatile both ways: the store cannot be dropped or proved null
    *nowhere = 42;
#elif defined(FAULT_ABORT)
    std::abort();
#elif defined(FAULT_NOEXCEPT_THROW)
    call_noexcept();
#elif defined(FAULT_EXCEPTION)
    throw std::runtime_error("broken on purpose");
#elif defined(FAULT_THROW_INT)
    throw 42;
#elif defined(FAULT_BUSY_LOOP)
    for (volatile unsigned long spins = 0;; spins = spins + 1) {
    }
#elif defined(FAULT_BLOCKED_READ)
    // Nobody will ever write to this pipe: the plugin holds both ends.
    int ends[2];
    if (::pipe(ends) == 0) {
      char byte;
      while (::read(ends[0], &byte, 1) != 0) {
      }
    }
#elif defined(FAULT_IGNORES_SIGTERM)
    ::signal(SIGTERM, SIG_IGN);
    for (;;) ::pause();
#elif defined(FAULT_GRANDCHILD_EXIT)
    // The grandchild inherits every descriptor, the reply pipe included, and outlives the
    // worker: a host waiting for end of file would wait for ever.
    if (::fork() == 0)
      for (;;) ::pause();
    ::_exit(0);
#elif defined(FAULT_SETSID_GRANDCHILD)
    // A grandchild in a session of its own, orphaned at once: killing the worker's process
    // group misses it, and its parent is gone. It closes the channels so nothing waits for it.
    pid_t child = ::fork();
    if (child == 0) {
      ::setsid();
      if (::fork() == 0) {
        for (int fd = 3; fd < 64; ++fd) ::close(fd);
        for (;;) ::pause();
      }
      ::_exit(0);
    }
    if (child > 0) ::waitpid(child, nullptr, 0);
    throw std::runtime_error("left a grandchild in a session of its own");
#elif defined(FAULT_RUNAWAY_MEMORY)
    std::vector<std::unique_ptr<char[]>> blocks;
    for (int i = 0; i < 128; ++i) {  // 8 GiB in 64 MiB steps
      blocks.emplace_back(new char[64u << 20]);
      std::memset(blocks.back().get(), i, 64u << 20);
    }
#elif defined(FAULT_FLOOD)
    for (int i = 0; i < 200000; ++i) reporter.report(finding(code, first, "one of a flood of findings"));
#elif defined(FAULT_HUGE_MESSAGE)
    reporter.report(finding(code, first, std::string(65u << 20, 'x')));
#elif defined(FAULT_SPAN_OUTSIDE)
    auto size = static_cast<std::uint32_t>(document.text.size());
    reporter.report(finding(code, {size + 10, size + 20}, "a span past the end of the text"));
#elif defined(FAULT_SPAN_REVERSED)
    reporter.report(finding(code, {5, 2}, "a span that ends before it begins"));
#elif defined(FAULT_INVALID_UTF8)
    reporter.report(finding(code, first, "a message with a stray \xff byte"));
#elif defined(FAULT_UNDECLARED_CODE)
    reporter.report(finding(std::string(BROKEN_ID) + "/not-declared", first, "a code the plugin never declared"));
#elif defined(FAULT_GARBAGE_REPLY)
    // Writes over the worker's reply channel (fd 4), as a plugin scribbling on random
    // descriptors might. Never run this one in-process.
    const char garbage[] = "\x10\x00\x00\x00garbage, not a frame";
    ssize_t ignored = ::write(4, garbage, sizeof garbage - 1);
    (void)ignored;
#elif defined(FAULT_PRINTF_STDOUT)
    // Harmless when isolated: the worker's stdout is /dev/null and replies use fd 4.
    for (int i = 0; i < 1000; ++i) std::printf("{\"not\": \"marginalia output\"} %d\n", i);
    std::fflush(stdout);
#elif defined(FAULT_EXIT_ZERO)
    std::exit(0);
#endif
  }
};

}  // namespace

MARGINALIA_PLUGIN(BrokenPlugin)
