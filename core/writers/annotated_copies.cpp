// SPDX-License-Identifier: MIT
#include "writers/annotated_copies.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "readers/reader_registry.hpp"
#include "util/file_bytes.hpp"
#include "writers/atomic_file.hpp"

namespace marginalia::writers {
namespace {

namespace fs = std::filesystem;

// Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so a test or a
// pipeline can ask for the same bytes twice.
std::string comment_date() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

}  // namespace

std::string annotation_usage_error(const std::vector<std::string>& inputs, const std::string& input_format) {
  for (const std::string& input : inputs) {
    std::string format = input == "-" ? "standard input" : !input_format.empty() ? input_format : readers::detect_format(input);
    if (format == "docx") continue;
    return "--annotate writes comments into Word files (DOCX) only, and " + input + " is read as " + format +
           "; for other formats use --format html for a report beside the draft, or an editor with the language server";
  }
  return {};
}

std::string annotated_copy_path(const std::string& target, const std::string& input, bool several) {
  std::error_code error;
  bool folder = several || fs::is_directory(target, error) || (!target.empty() && target.back() == '/');
  if (!folder) return target;
  fs::path relative = fs::path(input).lexically_normal();
  if (relative.is_absolute()) {
    fs::path current = fs::current_path(error);
    relative = error ? relative.filename() : relative.lexically_relative(current);
  }
  // A path that climbs out (../drafts/a.docx) would escape the folder: keep just its name.
  if (relative.empty() || *relative.begin() == "..") relative = fs::path(input).filename();
  return (fs::path(target) / relative).string();
}

std::vector<std::string> write_annotated_copies(const std::vector<merge::FileReport>& files, const std::string& target,
                                                const AnnotateOptions& options, std::vector<std::pair<std::string, std::string>>& written) {
  std::vector<std::string> problems;
  bool several = files.size() > 1;
  AnnotateOptions dated = options;
  if (dated.date.empty()) dated.date = comment_date();
  for (const merge::FileReport& file : files) {
    if (!file.report) {
      problems.push_back("no annotated copy of " + file.path + ": " + (file.error ? file.error->message : "it could not be read"));
      continue;
    }
    std::string path = annotated_copy_path(target, file.path, several);
    std::error_code error;
    if (fs::exists(path, error) && fs::equivalent(path, file.path, error)) {
      problems.push_back("no annotated copy of " + file.path + ": " + path + " is the draft itself; name another file");
      continue;
    }
    std::string bytes;
    if (!util::read_file_bytes(file.path, bytes)) {
      problems.push_back("no annotated copy of " + file.path + ": cannot read it again");
      continue;
    }
    AnnotateResult result = annotate_docx(bytes, *file.report, dated);
    if (!result.bytes) {
      problems.push_back("no annotated copy of " + file.path + ": " + result.message + " [" + result.code + "]");
      continue;
    }
    fs::path parent = fs::path(path).parent_path();
    if (!parent.empty()) fs::create_directories(parent, error);
    std::string failed = write_file_atomically(path, *result.bytes);
    if (!failed.empty()) {
      problems.push_back(failed);
      continue;
    }
    std::string what = "annotated copy (" + plural(result.summary.comments, "comment");
    if (result.summary.in_notes) what += ", " + std::to_string(result.summary.in_notes) + " in notes";
    if (options.tracked_fixes) what += ", " + plural(result.summary.tracked_changes, "tracked change");
    written.push_back({what + ")", path});
  }
  return problems;
}

}  // namespace marginalia::writers
