// SPDX-License-Identifier: MIT
// The on-disk URL result cache: one SQLite file, keyed by request (mode and URL), each entry
// with its own expiry (time-to-live per outcome, chosen by the caller). SQLite gives what the
// cache needs: several processes may read and write at once (WAL journal, busy timeout), and
// a crash at any moment leaves either the old or the new entry (atomic commits). A file that
// is not a database or fails its integrity check is moved aside to FILE.corrupt (or
// FILE.corrupt.1, … — an existing file is never replaced) and rebuilt, with a warning; a cache
// that cannot be used never stops a run, it is just not used. A new cache file is created
// owner-only (0600), and URLs are stored without their user:password part.
#pragma once

#include <ctime>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "marginalia/sdk/fetch.hpp"

struct sqlite3;

namespace marginalia::net {

/// One cached answer, with the addresses connected to on the way (policy re-check on reuse).
struct CacheEntry {
  sdk::FetchResult result;
  std::vector<std::string> addresses;
  std::time_t expires_at = 0;
};

/// Thread-safe; one SQLite connection guarded by a mutex.
class ResultCache {
 public:
  using Warn = std::function<void(const std::string&)>;

  /// Opens or creates the cache at `path` (creating its folder). Returns nullptr when the file
  /// cannot be used even after a rebuild; `warn` has then been told why.
  static std::unique_ptr<ResultCache> open(const std::string& path, Warn warn, std::time_t now);
  ~ResultCache();
  ResultCache(const ResultCache&) = delete;
  ResultCache& operator=(const ResultCache&) = delete;

  /// The unexpired entry for `key`, if any.
  std::optional<CacheEntry> find(const std::string& key, std::time_t now);
  /// Stores entries in one transaction (all or none).
  void store(const std::vector<std::pair<std::string, CacheEntry>>& entries);
  /// The file's path.
  const std::string& path() const { return path_; }

 private:
  ResultCache(std::string path, Warn warn) : path_(std::move(path)), warn_(std::move(warn)) {}
  enum class Opened { ok, corrupt, unusable };
  Opened connect(std::time_t now, std::string& error);
  bool rebuild(const std::string& why, std::time_t now);
  void close();

  std::string path_;
  Warn warn_;
  sqlite3* db_ = nullptr;
  bool rebuilt_ = false;
  std::mutex mutex_;
};

/// True when both paths name one existing file (device and inode, links followed): a cache
/// path that is also an input must be refused before anything is opened.
bool same_file(const std::string& a, const std::string& b);

}  // namespace marginalia::net
