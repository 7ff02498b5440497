// SPDX-License-Identifier: MIT
#include "readers/docx_archive.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace marginalia::readers::docx {
namespace {

ArchiveError bad(std::string message) { return {"reader/docx-bad-archive", std::move(message), std::nullopt}; }
ArchiveError too_large(std::string message) { return {"reader/docx-too-large", std::move(message), std::nullopt}; }

// Why a name is unsafe, or nullptr. Nothing is extracted, but a name like this only exists to
// attack tools that do, so the file is refused rather than trusted.
const char* unsafe_name(std::string_view name) {
  if (name.empty()) return "an empty name";
  if (name[0] == '/' || name[0] == '\\') return "an absolute path";
  if (name.size() >= 2 && name[1] == ':' && std::isalpha(static_cast<unsigned char>(name[0]))) return "a drive letter";
  if (name.find('\0') != std::string_view::npos) return "a NUL byte";
  std::size_t start = 0;
  while (start <= name.size()) {
    std::size_t end = name.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(start, end - start) == "..") return "a '..' component that climbs out of the archive";
    start = end + 1;
  }
  return nullptr;
}

std::string printable(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 120)) out.push_back(static_cast<unsigned char>(c) < 0x20 || c == 0x7F ? '?' : c);
  return out;
}

}  // namespace

struct DocxArchive::State {
  zip_t* archive = nullptr;
  ArchiveLimits limits;
  std::uint64_t inflated_total = 0;
  ~State() {
    if (archive) zip_discard(archive);
  }
};

DocxArchive::DocxArchive(std::unique_ptr<State> state) : state_(std::move(state)) {}
DocxArchive::~DocxArchive() = default;
DocxArchive::DocxArchive(DocxArchive&&) noexcept = default;
DocxArchive& DocxArchive::operator=(DocxArchive&&) noexcept = default;

std::optional<DocxArchive> DocxArchive::open(std::string_view bytes, const ArchiveLimits& limits, ArchiveError& error) {
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "\xD0\xCF\x11\xE0", 4) == 0) {
    error = bad("not a ZIP archive but an OLE compound file: a password-protected (encrypted) Word document or a legacy .doc; "
                "save it as an unprotected .docx");
    error.byte_offset = 0;
    return std::nullopt;
  }
  if (bytes.size() < 4 || std::memcmp(bytes.data(), "PK", 2) != 0) {
    error = bad("not a ZIP archive (a DOCX file starts with \"PK\"): the file is damaged or not a Word document");
    error.byte_offset = 0;
    return std::nullopt;
  }
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zip_error);
  if (!source) {
    error = bad(std::string("cannot open the archive: ") + zip_error_strerror(&zip_error));
    zip_error_fini(&zip_error);
    return std::nullopt;
  }
  auto state = std::make_unique<State>();
  state->limits = limits;
  state->archive = zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
  if (!state->archive) {
    zip_source_free(source);
    int code = zip_error_code_zip(&zip_error);
    std::string why = zip_error_strerror(&zip_error);
    for (char& c : why) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    error = bad(code == ZIP_ER_NOZIP ? "the ZIP central directory is missing or cut off (a truncated download?): " + why
                                     : "the ZIP archive is damaged: " + why);
    zip_error_fini(&zip_error);
    return std::nullopt;
  }
  zip_error_fini(&zip_error);
  zip_int64_t entries = zip_get_num_entries(state->archive, 0);
  if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries) {
    error = too_large("the archive holds " + std::to_string(entries) + " entries, more than the limit of " +
                      std::to_string(limits.max_entries));
    return std::nullopt;
  }
  for (zip_int64_t i = 0; i < entries; ++i) {
    const char* name = zip_get_name(state->archive, static_cast<zip_uint64_t>(i), ZIP_FL_ENC_RAW);
    if (!name) continue;
    if (const char* why = unsafe_name(name)) {
      error = bad("entry '" + printable(name) + "' has " + why + "; such names only serve path-traversal attacks");
      return std::nullopt;
    }
  }
  return DocxArchive(std::move(state));
}

bool DocxArchive::has(std::string_view name) const {
  return zip_name_locate(state_->archive, std::string(name).c_str(), 0) >= 0;
}

std::optional<std::string> DocxArchive::read(std::string_view name, ArchiveError& error) {
  std::string key(name);
  zip_int64_t index = zip_name_locate(state_->archive, key.c_str(), 0);
  if (index < 0) return std::nullopt;
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat_index(state_->archive, static_cast<zip_uint64_t>(index), 0, &stat) != 0) {
    error = bad("cannot read the header of " + key);
    return std::nullopt;
  }
  if ((stat.valid & ZIP_STAT_ENCRYPTION_METHOD) && stat.encryption_method != ZIP_EM_NONE) {
    error = bad(key + " is encrypted; save the document without a password");
    return std::nullopt;
  }
  const ArchiveLimits& limits = state_->limits;
  std::uint64_t compressed = (stat.valid & ZIP_STAT_COMP_SIZE) ? stat.comp_size : 0;
  std::uint64_t allowance = std::max<std::uint64_t>(compressed * limits.max_ratio, limits.min_part_allowance);
  std::uint64_t left_in_total = limits.max_total_bytes - std::min(limits.max_total_bytes, state_->inflated_total);
  zip_file_t* file = zip_fopen_index(state_->archive, static_cast<zip_uint64_t>(index), 0);
  if (!file) {
    error = bad("cannot open " + key + ": " + zip_error_strerror(zip_get_error(state_->archive)));
    return std::nullopt;
  }
  std::string out;
  std::vector<char> buffer(1 << 16);
  for (;;) {
    zip_int64_t n = zip_fread(file, buffer.data(), buffer.size());
    if (n < 0) {
      std::string why = zip_error_strerror(zip_file_get_error(file));
      zip_fclose(file);
      error = bad("cannot inflate " + key + " (the archive is damaged): " + why);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buffer.data(), static_cast<std::size_t>(n));
    if (out.size() > allowance) {
      zip_fclose(file);
      error = too_large(key + " inflates past " + std::to_string(allowance) + " bytes (" + std::to_string(limits.max_ratio) +
                        " times its " + std::to_string(compressed) + " compressed bytes): a ZIP bomb; reading stopped there");
      return std::nullopt;
    }
    if (out.size() > left_in_total) {
      zip_fclose(file);
      error = too_large("the parts read so far inflate past " + std::to_string(limits.max_total_bytes) + " bytes; reading stopped at " + key);
      return std::nullopt;
    }
  }
  zip_fclose(file);
  state_->inflated_total += out.size();
  return out;
}

}  // namespace marginalia::readers::docx
