// SPDX-License-Identifier: MIT
#include "net/result_cache.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "support/temp_dir.hpp"

namespace marginalia::net {
namespace {

using testing::TempDir;

CacheEntry entry(const std::string& url, sdk::FetchOutcome outcome, std::time_t expires) {
  CacheEntry e;
  e.result.url = url;
  e.result.final_url = url + "/final";
  e.result.outcome = outcome;
  e.result.http_status = 200;
  e.result.redirects = {url + "/1", url + "/final"};
  e.result.permanent_redirect = true;
  e.result.text = "text with\nnewline";
  e.addresses = {"127.0.0.1", "::1"};
  e.expires_at = expires;
  return e;
}

TEST(ResultCache, StoresAndFindsUntilExpiry) {
  TempDir dir;
  std::vector<std::string> warnings;
  auto cache = ResultCache::open(dir.file("sub/urls.sqlite"), [&](const std::string& w) { warnings.push_back(w); }, 1000);
  ASSERT_TRUE(cache);
  cache->store({{"probe http://a/", entry("http://a", sdk::FetchOutcome::redirected, 2000)}});
  std::optional<CacheEntry> found = cache->find("probe http://a/", 1500);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->result.outcome, sdk::FetchOutcome::redirected);
  EXPECT_EQ(found->result.redirects, (std::vector<std::string>{"http://a/1", "http://a/final"}));
  EXPECT_TRUE(found->result.permanent_redirect);
  EXPECT_EQ(found->result.text, "text with\nnewline");
  EXPECT_EQ(found->addresses, (std::vector<std::string>{"127.0.0.1", "::1"}));
  EXPECT_TRUE(found->result.from_cache);
  EXPECT_FALSE(cache->find("probe http://a/", 2000));  // expired
  EXPECT_FALSE(cache->find("text http://a/", 1500));   // another mode, another key
  EXPECT_TRUE(warnings.empty());
}

TEST(ResultCache, RebuildsACorruptFileWithAWarning) {
  TempDir dir;
  std::string path = dir.write("urls.sqlite", std::string(8192, 'x'));
  std::vector<std::string> warnings;
  auto cache = ResultCache::open(path, [&](const std::string& w) { warnings.push_back(w); }, 1000);
  ASSERT_TRUE(cache);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("rebuilt"), std::string::npos) << warnings[0];
  EXPECT_TRUE(std::ifstream(path + ".corrupt").good());
  cache->store({{"probe http://a/", entry("http://a", sdk::FetchOutcome::ok, 2000)}});
  EXPECT_TRUE(cache->find("probe http://a/", 1500));
}

TEST(ResultCache, RebuildsAFileDamagedInsideItsPages) {
  TempDir dir;
  std::string path = dir.file("urls.sqlite");
  {
    auto cache = ResultCache::open(path, {}, 1000);
    std::vector<std::pair<std::string, CacheEntry>> many;
    for (int i = 0; i < 500; ++i) many.emplace_back("probe http://h/" + std::to_string(i), entry("http://h/" + std::to_string(i), sdk::FetchOutcome::ok, 5000));
    cache->store(many);
  }
  {
    // Overwrite pages after the header with garbage, as a torn disk write might.
    std::fstream file(path, std::ios::in | std::ios::out | std::ios::binary);
    file.seekp(4096);
    std::string junk(16384, '\x5A');
    file.write(junk.data(), static_cast<std::streamsize>(junk.size()));
  }
  std::vector<std::string> warnings;
  auto cache = ResultCache::open(path, [&](const std::string& w) { warnings.push_back(w); }, 1000);
  ASSERT_TRUE(cache);
  EXPECT_EQ(warnings.size(), 1u);
  EXPECT_FALSE(cache->find("probe http://h/1", 1500));  // rebuilt empty, not misread
}

TEST(ResultCache, SeveralProcessesWriteAtOnceWithoutLosingEntries) {
  TempDir dir;
  std::string path = dir.file("shared.sqlite");
  constexpr int processes = 4, per_process = 50;
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    pid_t pid = ::fork();
    if (pid == 0) {
      auto cache = ResultCache::open(path, {}, 1000);
      if (!cache) ::_exit(3);
      for (int i = 0; i < per_process; ++i) {
        std::string url = "http://p" + std::to_string(p) + "/" + std::to_string(i);
        cache->store({{"probe " + url, entry(url, sdk::FetchOutcome::ok, 5000)}});
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ::waitpid(pid, &status, 0);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  std::vector<std::string> warnings;
  auto cache = ResultCache::open(path, [&](const std::string& w) { warnings.push_back(w); }, 1000);
  ASSERT_TRUE(cache);
  EXPECT_TRUE(warnings.empty());
  for (int p = 0; p < processes; ++p)
    for (int i = 0; i < per_process; ++i)
      EXPECT_TRUE(cache->find("probe http://p" + std::to_string(p) + "/" + std::to_string(i), 1500)) << p << "/" << i;
}

TEST(ResultCache, AProcessKilledMidWriteLeavesAUsableCache) {
  TempDir dir;
  std::string path = dir.file("killed.sqlite");
  for (int round = 0; round < 5; ++round) {
    // The child says when its first entry is committed, so the kill always lands mid-write
    // of later entries however slow a loaded machine makes the start-up.
    int ready[2];
    ASSERT_EQ(::pipe(ready), 0);
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(ready[0]);
      auto cache = ResultCache::open(path, {}, 1000);
      for (int i = 0;; ++i) {
        std::string url = "http://k/" + std::to_string(i);
        cache->store({{"probe " + url, entry(url, sdk::FetchOutcome::ok, 5000)}});
        if (i == 0) {
          char byte = 1;
          (void)!::write(ready[1], &byte, 1);
          ::close(ready[1]);
        }
      }
    }
    ::close(ready[1]);
    char byte = 0;
    ASSERT_EQ(::read(ready[0], &byte, 1), 1);
    ::close(ready[0]);
    ::usleep(5000 + round * 7000);
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
    std::vector<std::string> warnings;
    auto cache = ResultCache::open(path, [&](const std::string& w) { warnings.push_back(w); }, 1000);
    ASSERT_TRUE(cache);
    EXPECT_TRUE(warnings.empty()) << warnings.front();
    EXPECT_TRUE(cache->find("probe http://k/0", 1500));
  }
}

}  // namespace
}  // namespace marginalia::net
