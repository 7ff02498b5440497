// SPDX-License-Identifier: MIT
#include "net/result_cache.hpp"

#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <filesystem>

#include "util/lines.hpp"

namespace marginalia::net {
namespace {

namespace fs = std::filesystem;

constexpr int schema_version = 1;

const char* const schema_sql =
    "CREATE TABLE IF NOT EXISTS results ("
    " key TEXT PRIMARY KEY, outcome TEXT NOT NULL, http_status INTEGER NOT NULL, final_url TEXT NOT NULL,"
    " redirects TEXT NOT NULL, permanent INTEGER NOT NULL, body_text TEXT NOT NULL, detail TEXT NOT NULL,"
    " addresses TEXT NOT NULL, expires_at INTEGER NOT NULL)";

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : "\n") + item;
  return out;
}

std::optional<sdk::FetchOutcome> outcome_named(const std::string& name) {
  for (int i = 0; i <= static_cast<int>(sdk::FetchOutcome::bad_response); ++i) {
    auto outcome = static_cast<sdk::FetchOutcome>(i);
    if (name == sdk::to_string(outcome)) return outcome;
  }
  return std::nullopt;
}

std::string column_text(sqlite3_stmt* statement, int column) {
  const unsigned char* text = sqlite3_column_text(statement, column);
  int size = sqlite3_column_bytes(statement, column);
  return text ? std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)) : std::string();
}

// Moves `path` to the first free name of PATH.corrupt, PATH.corrupt.1, …; renameat2 with
// RENAME_NOREPLACE refuses to replace a name that exists, even one created meanwhile.
std::string set_aside(const std::string& path) {
  for (int n = 0; n < 100; ++n) {
    std::string target = path + ".corrupt" + (n ? "." + std::to_string(n) : "");
    if (::renameat2(AT_FDCWD, path.c_str(), AT_FDCWD, target.c_str(), RENAME_NOREPLACE) == 0) return target;
    if (errno == EINVAL && ::link(path.c_str(), target.c_str()) == 0) {  // a file system without NOREPLACE
      ::unlink(path.c_str());
      return target;
    }
    if (errno != EEXIST) return {};
  }
  return {};
}

// Creates the file owner-only before SQLite opens it: the cache holds what was fetched. SQLite
// gives its -wal and -shm files the database file's permissions.
void create_private(const std::string& path) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd >= 0) ::close(fd);
}

bool corrupt(int code) {
  int primary = code & 0xFF;
  return primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB;
}

struct Statement {
  sqlite3_stmt* handle = nullptr;
  ~Statement() { sqlite3_finalize(handle); }
};

}  // namespace

std::unique_ptr<ResultCache> ResultCache::open(const std::string& path, Warn warn, std::time_t now) {
  std::unique_ptr<ResultCache> cache(new ResultCache(path, std::move(warn)));
  std::error_code ignored;
  fs::path parent = fs::path(path).parent_path();
  if (!parent.empty() && !fs::exists(parent, ignored)) {
    fs::create_directories(parent, ignored);
    fs::permissions(parent, fs::perms::owner_all, ignored);  // a new cache folder is private too
  }
  std::string error;
  Opened opened = Opened::unusable;
  // Several processes may create or open the file at once; a lock held a moment too long is
  // worth another try, never a rebuild.
  for (int attempt = 0; attempt < 5; ++attempt) {
    error.clear();
    opened = cache->connect(now, error);
    if (opened != Opened::unusable) break;
    ::usleep(20000 * (attempt + 1));
  }
  if (opened == Opened::ok) return cache;
  if (opened == Opened::corrupt && cache->rebuild(error, now)) return cache;
  if (opened == Opened::unusable && cache->warn_) cache->warn_("the URL cache " + path + " cannot be used (" + error + "); continuing without it");
  return nullptr;
}

ResultCache::~ResultCache() { close(); }

bool same_file(const std::string& a, const std::string& b) {
  struct stat first {}, second {};
  return ::stat(a.c_str(), &first) == 0 && ::stat(b.c_str(), &second) == 0 && first.st_dev == second.st_dev &&
         first.st_ino == second.st_ino;
}

void ResultCache::close() {
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

ResultCache::Opened ResultCache::connect(std::time_t now, std::string& error) {
  close();
  create_private(path_);
  int rc = sqlite3_open_v2(path_.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    error = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    close();
    return corrupt(rc) ? Opened::corrupt : Opened::unusable;
  }
  int last = SQLITE_OK;
  sqlite3_busy_timeout(db_, 5000);
  auto exec = [&](const char* sql) {
    char* message = nullptr;
    int code = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (code != SQLITE_OK) error = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    last = code;
    return code;
  };
  // quick_check reads every page once: cheap at cache sizes, and it finds damage a lookup
  // might only stumble on later.
  Statement check;
  rc = sqlite3_prepare_v2(db_, "PRAGMA quick_check(1)", -1, &check.handle, nullptr);
  if (rc == SQLITE_OK) rc = sqlite3_step(check.handle);
  if (rc != SQLITE_ROW) {
    if (error.empty()) error = sqlite3_errmsg(db_);
    return corrupt(rc) ? Opened::corrupt : Opened::unusable;
  }
  std::string verdict = column_text(check.handle, 0);
  sqlite3_finalize(check.handle);  // an unfinished statement holds a read transaction open
  check.handle = nullptr;
  if (verdict != "ok") {
    error = "integrity check: " + verdict;
    return Opened::corrupt;
  }
  auto failed = [&] { return corrupt(last) ? Opened::corrupt : Opened::unusable; };
  if (exec("PRAGMA journal_mode=WAL") != SQLITE_OK || exec("PRAGMA synchronous=NORMAL") != SQLITE_OK) return failed();
  // The layout check and any reset happen inside one write transaction, so two processes
  // creating the file at once cannot drop each other's rows.
  if (exec("BEGIN IMMEDIATE") != SQLITE_OK) return failed();
  int stored_version = -1;
  {
    Statement version;
    if (sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &version.handle, nullptr) == SQLITE_OK &&
        sqlite3_step(version.handle) == SQLITE_ROW)
      stored_version = sqlite3_column_int(version.handle, 0);
  }
  bool ready = true;
  if (stored_version != schema_version) {
    // A new file, or another layout (an older marginalia): start afresh rather than misread it.
    std::string sql = std::string("DROP TABLE IF EXISTS results; ") + schema_sql + "; PRAGMA user_version=" + std::to_string(schema_version);
    ready = exec(sql.c_str()) == SQLITE_OK;
  }
  if (!ready || exec("COMMIT") != SQLITE_OK) {
    Opened result = failed();
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return result;
  }
  Statement expire;
  if (sqlite3_prepare_v2(db_, "DELETE FROM results WHERE expires_at <= ?", -1, &expire.handle, nullptr) == SQLITE_OK) {
    sqlite3_bind_int64(expire.handle, 1, static_cast<sqlite3_int64>(now));
    sqlite3_step(expire.handle);  // best effort: another process may hold the write lock
  }
  return Opened::ok;
}

bool ResultCache::rebuild(const std::string& why, std::time_t now) {
  close();
  rebuilt_ = true;
  // Set aside, never destroyed: the file may be something the user meant to keep (a wrong
  // --cache-file), and an earlier FILE.corrupt is never overwritten.
  std::string aside;
  struct stat info {};
  if (::lstat(path_.c_str(), &info) == 0) {
    aside = set_aside(path_);
    if (aside.empty()) {
      if (warn_) warn_("the URL cache " + path_ + " is unusable (" + why + ") and could not be moved aside; continuing without it");
      return false;
    }
  }
  std::error_code ignored;
  fs::remove(path_ + "-wal", ignored);
  fs::remove(path_ + "-shm", ignored);
  std::string error;
  if (connect(now, error) == Opened::ok) {
    if (warn_) warn_("the URL cache " + path_ + " was unusable (" + why + "); moved to " + aside + " and rebuilt");
    return true;
  }
  if (warn_) warn_("the URL cache " + path_ + " cannot be used (" + error + "); continuing without it");
  close();
  return false;
}

std::optional<CacheEntry> ResultCache::find(const std::string& key, std::time_t now) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!db_) return std::nullopt;
  Statement select;
  int rc = sqlite3_prepare_v2(db_,
                              "SELECT outcome, http_status, final_url, redirects, permanent, body_text, detail, addresses, expires_at "
                              "FROM results WHERE key = ? AND expires_at > ?",
                              -1, &select.handle, nullptr);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(select.handle, 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(select.handle, 2, static_cast<sqlite3_int64>(now));
    rc = sqlite3_step(select.handle);
  }
  if (rc != SQLITE_ROW) {
    if (corrupt(rc) && !rebuilt_) {
      sqlite3_finalize(select.handle);
      select.handle = nullptr;
      rebuild(sqlite3_errstr(rc), now);
    }
    return std::nullopt;
  }
  std::optional<sdk::FetchOutcome> outcome = outcome_named(column_text(select.handle, 0));
  if (!outcome) return std::nullopt;
  CacheEntry entry;
  entry.result.outcome = *outcome;
  entry.result.http_status = sqlite3_column_int(select.handle, 1);
  entry.result.final_url = column_text(select.handle, 2);
  entry.result.redirects = util::split_lines(column_text(select.handle, 3));
  entry.result.permanent_redirect = sqlite3_column_int(select.handle, 4) != 0;
  entry.result.text = column_text(select.handle, 5);
  entry.result.detail = column_text(select.handle, 6);
  entry.result.from_cache = true;
  entry.addresses = util::split_lines(column_text(select.handle, 7));
  entry.expires_at = static_cast<std::time_t>(sqlite3_column_int64(select.handle, 8));
  return entry;
}

void ResultCache::store(const std::vector<std::pair<std::string, CacheEntry>>& entries) {
  if (entries.empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!db_) return;
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return;  // busy: skip
  Statement insert;
  int rc = sqlite3_prepare_v2(db_,
                              "INSERT OR REPLACE INTO results (key, outcome, http_status, final_url, redirects, permanent, body_text,"
                              " detail, addresses, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                              -1, &insert.handle, nullptr);
  for (std::size_t i = 0; rc == SQLITE_OK && i < entries.size(); ++i) {
    const auto& [key, entry] = entries[i];
    std::string redirects = join(entry.result.redirects), addresses = join(entry.addresses);
    sqlite3_reset(insert.handle);
    sqlite3_bind_text(insert.handle, 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.handle, 2, sdk::to_string(entry.result.outcome), -1, SQLITE_STATIC);
    sqlite3_bind_int(insert.handle, 3, entry.result.http_status);
    sqlite3_bind_text(insert.handle, 4, entry.result.final_url.data(), static_cast<int>(entry.result.final_url.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.handle, 5, redirects.data(), static_cast<int>(redirects.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int(insert.handle, 6, entry.result.permanent_redirect ? 1 : 0);
    sqlite3_bind_text(insert.handle, 7, entry.result.text.data(), static_cast<int>(entry.result.text.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.handle, 8, entry.result.detail.data(), static_cast<int>(entry.result.detail.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(insert.handle, 9, addresses.data(), static_cast<int>(addresses.size()), SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert.handle, 10, static_cast<sqlite3_int64>(entry.expires_at));
    rc = sqlite3_step(insert.handle);
    rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
  }
  sqlite3_exec(db_, rc == SQLITE_OK ? "COMMIT" : "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace marginalia::net
