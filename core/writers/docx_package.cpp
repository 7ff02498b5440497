// SPDX-License-Identifier: MIT
#include "writers/docx_package.hpp"

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <memory>

namespace marginalia::writers::docx {
namespace {

std::string lowered(const char* message) {
  std::string out(message ? message : "unknown error");
  if (!out.empty()) out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
  return out;
}

struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};

}  // namespace

std::optional<std::string> rewrite_package(std::string_view package, const std::vector<PackagePart>& parts,
                                           const std::string& timestamp_from, std::string& error) {
  zip_error_t zip_error;
  zip_error_init(&zip_error);
  // libzip writes the new archive into the same buffer source, so it gets a malloc'd copy it owns.
  // Never the caller's bytes with freep = 0: when the first entries are unchanged (a draft that
  // already has comments keeps its [Content_Types].xml), libzip 1.7 rewrites the buffer in place
  // by cloning its first fragment, and then frees that fragment although it does not own it —
  // the caller's string, freed twice (issue 15, D04).
  void* copy = std::malloc(package.empty() ? 1 : package.size());
  if (!copy) {
    error = "cannot open the archive for writing: out of memory";
    return std::nullopt;
  }
  if (!package.empty()) std::memcpy(copy, package.data(), package.size());
  std::unique_ptr<zip_source_t, SourceDeleter> source(zip_source_buffer_create(copy, package.size(), 1, &zip_error));
  if (!source) {
    std::free(copy);
    error = "cannot open the archive for writing: " + lowered(zip_error_strerror(&zip_error));
    zip_error_fini(&zip_error);
    return std::nullopt;
  }
  zip_source_keep(source.get());
  zip_t* archive = zip_open_from_source(source.get(), 0, &zip_error);
  if (!archive) {
    error = "cannot open the archive for writing: " + lowered(zip_error_strerror(&zip_error));
    zip_error_fini(&zip_error);
    return std::nullopt;
  }
  zip_error_fini(&zip_error);

  auto mtime_of = [&](const std::string& name) -> std::optional<time_t> {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_stat(archive, name.c_str(), 0, &stat) != 0 || !(stat.valid & ZIP_STAT_MTIME)) return std::nullopt;
    return stat.mtime;
  };
  std::optional<time_t> fallback_time = mtime_of(timestamp_from);
  for (const auto& [name, contents] : parts) {
    std::optional<time_t> mtime = mtime_of(name);
    if (!mtime) mtime = fallback_time;
    // The data must outlive zip_close; `parts` does.
    zip_source_t* data = zip_source_buffer(archive, contents.data(), contents.size(), 0);
    zip_int64_t index = data ? zip_file_add(archive, name.c_str(), data, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (data) zip_source_free(data);
      error = "cannot write " + name + " into the archive: " + lowered(zip_strerror(archive));
      zip_discard(archive);
      return std::nullopt;
    }
    zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_DEFLATE, 9);
    if (mtime) zip_file_set_mtime(archive, static_cast<zip_uint64_t>(index), *mtime, 0);
  }
  if (zip_close(archive) != 0) {
    error = "cannot write the archive: " + lowered(zip_strerror(archive));
    zip_discard(archive);
    return std::nullopt;
  }

  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(source.get(), &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE) || zip_source_open(source.get()) != 0) {
    error = "cannot read back the written archive";
    return std::nullopt;
  }
  std::string out(static_cast<std::size_t>(stat.size), '\0');
  zip_int64_t read = zip_source_read(source.get(), out.data(), out.size());
  zip_source_close(source.get());
  if (read != static_cast<zip_int64_t>(out.size())) {
    error = "cannot read back the written archive";
    return std::nullopt;
  }
  return out;
}

}  // namespace marginalia::writers::docx
