// SPDX-License-Identifier: MIT
// The ZIP container of a DOCX file, opened in memory with libzip and read under hard limits:
// at most 10,000 entries, each part inflated to at most 100 times its compressed size (1 MiB
// at least, so tiny parts are not refused) and 256 MiB in all; entry names that climb out of
// the archive (`../`, absolute, drive letters) or encrypted entries refuse the whole file.
// Inflated bytes are counted as they come, never taken from the headers, and nothing is ever
// written to disk.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace marginalia::readers::docx {

/// Limits on what an archive may make the reader inflate.
struct ArchiveLimits {
  std::uint64_t max_entries = 10000;
  std::uint64_t max_ratio = 100;
  std::uint64_t min_part_allowance = 1 << 20;
  std::uint64_t max_total_bytes = 256ull << 20;
};

/// Why the archive or one of its parts cannot be read.
struct ArchiveError {
  /// "reader/docx-bad-archive" or "reader/docx-too-large".
  std::string code;
  std::string message;
  std::optional<std::uint64_t> byte_offset;
};

/// A DOCX archive held in memory.
class DocxArchive {
 public:
  ~DocxArchive();
  DocxArchive(DocxArchive&&) noexcept;
  DocxArchive& operator=(DocxArchive&&) noexcept;

  /// Opens `bytes` (which must outlive the archive); on failure returns nothing and fills `error`.
  static std::optional<DocxArchive> open(std::string_view bytes, const ArchiveLimits& limits, ArchiveError& error);

  /// True when the archive holds a part named `name`.
  bool has(std::string_view name) const;
  /// The inflated bytes of part `name`, or nothing (with `error` filled when the part exists
  /// but cannot be read within the limits; left empty when the part is simply absent).
  std::optional<std::string> read(std::string_view name, ArchiveError& error);

 private:
  struct State;
  explicit DocxArchive(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

}  // namespace marginalia::readers::docx
