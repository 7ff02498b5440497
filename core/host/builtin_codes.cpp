// SPDX-License-Identifier: MIT
#include "host/builtin_codes.hpp"

namespace marginalia::host {

const std::vector<BuiltinCode>& builtin_codes() {
  using sdk::Severity;
  // Brace-initialised rows: the code's info, its documentation, and for a failed plugin's
  // code the run status it reports.
  static const std::vector<BuiltinCode> codes = {
      {{"reader/not-found", Severity::error, "The input file does not exist."},
       "Check the path. Example: `report.txt: error: no such file [reader/not-found]`."},
      {{"reader/is-directory", Severity::error, "The input is a folder, not a file."},
       "Give the files inside it, e.g. `marginalia check drafts/*.md`."},
      {{"reader/unreadable", Severity::error, "The input cannot be opened."},
       "The message gives the system's reason (permissions, a device). Fix access and run again."},
      {{"reader/empty-file", Severity::error, "The input is empty or holds only white space."},
       "An empty draft has nothing to check; this is reported so CI does not pass a truncated file silently."},
      {{"reader/binary-file", Severity::error, "The input is a binary file (PDF, image, archive…), not a report."},
       "Example: `scan.pdf: error: the file is binary (PDF), not a text report [reader/binary-file]`. Convert it to text, "
       "Markdown, HTML or DOCX first."},
      {{"reader/invalid-utf8", Severity::error, "The input is not valid UTF-8."},
       "The message gives the line, column and byte offset of the first bad byte, e.g. `notes.txt:3:14: error: invalid UTF-8 at "
       "byte 97 (bytes E9 20 6C 61) [reader/invalid-utf8]`. Most often the file is Latin-1 or Windows-1252: re-save it as UTF-8 "
       "(`iconv -f windows-1252 -t utf-8`)."},
      {{"reader/unsupported-encoding", Severity::error, "The input is UTF-16 or UTF-32."},
       "Re-save the file as UTF-8."},
      {{"reader/unsupported-format", Severity::error, "No reader for this format in this build."},
       "Use --input-format to read the file as another format, or convert it."},
      {{"reader/too-large", Severity::error, "The input is larger than --max-input-size."},
       "Raise the limit (`--max-input-size 1G`) or split the file."},
      {{"reader/malformed-markup", Severity::error, "The input's markup (XML, HTML, DOCX) could not be parsed."},
       "The message names the position and what the parser expected. Fix the markup and run again."},
      {{"reader/unexpanded-entity", Severity::warning, "An XML entity reference was kept as text because nothing defines it."},
       "marginalia never reads DTDs or external entities (no XXE, no billion laughs), so `&xxe;` or `&nbsp;` stays literal text. "
       "Example: `r.xml:12:8: warning: entity reference &nbsp; is kept as text: marginalia never reads DTDs or external entities "
       "[reader/unexpanded-entity]`. Write the character itself or a numeric reference (`&#160;`)."},
      {{"reader/docx-bad-archive", Severity::error, "The DOCX file is not a readable Word archive."},
       "The ZIP container is damaged (truncated central directory), encrypted, holds unsafe entry names (`../`, absolute paths) "
       "or lacks `word/document.xml`. The message names the problem and the entry. Re-save the file from Word or LibreOffice."},
      {{"reader/docx-too-large", Severity::error, "A DOCX part inflates beyond the reader's limits (a ZIP bomb guard)."},
       "Each part may inflate to at most 100 times its compressed size, all parts together to at most 256 MiB, and the archive "
       "may hold at most 10,000 entries. Reading stops at the limit; nothing is written to disk."},
      {{"reader/control-character", Severity::warning, "A control character (NUL, ESC…) was replaced with U+FFFD."},
       "Control characters are invisible and break XML output; the reader replaces each with U+FFFD and reports the first, "
       "with a count. Remove them from the source."},
      {{"reader/assumed-text", Severity::note, "The input's extension names no known format, so it was read as plain text."},
       "Example: `notes.rst:1:1: note: the extension of 'notes.rst' names no known format, so it was read as plain text "
       "(--input-format chooses another) [reader/assumed-text]`. Rename the file (`.txt`, `.md`, `.html`, `.xml`, `.docx`) or "
       "give `--input-format markdown` to read it as another format; folder walks skip such files."},
      {{"reader/unknown-markup", Severity::note, "The input uses markup the reader does not interpret; its text is kept."},
       "Nothing is lost: the text inside is read as plain text."},
      {{"host/plugin-failed", Severity::error, "A plugin threw an exception or exited without a result."},
       "The plugin's findings for this document are missing and the run exits 2 with `complete: false`. Other plugins' "
       "findings are unaffected. Report the message to the plugin's author; `--disable ID` skips it.", RunStatus::failed},
      {{"host/plugin-crashed", Severity::error, "A plugin crashed (segmentation fault, abort) while checking a document."},
       "Only that plugin's findings are lost; the message names the signal. `--isolation none` reproduces it in-process under a debugger.", RunStatus::crashed},
      {{"host/plugin-timeout", Severity::error, "A plugin did not finish within its time limit."},
       "The worker is killed (with its process group). Raise `--timeout` for very large documents, or report the hang.", RunStatus::timeout},
      {{"host/plugin-out-of-memory", Severity::error, "A plugin exceeded its memory limit."},
       "Raise `--memory-limit` or report the plugin.", RunStatus::out_of_memory},
      {{"host/plugin-output-too-large", Severity::error, "A plugin produced more findings or output than the host accepts."},
       "The cap protects the run (100,000 findings or 64 MiB per document). The plugin's output is dropped whole.", RunStatus::output_too_large},
      {{"host/plugin-bad-output", Severity::error, "A plugin's output broke the contract (undeclared code, span outside the text, invalid UTF-8)."},
       "Its findings are dropped whole, never half-merged. The message says what was wrong.", RunStatus::bad_output},
      {{"host/plugin-load-failed", Severity::error, "A plugin library could not be loaded."},
       "The message gives dlopen's reason (an unresolved symbol, a crash in a static constructor).", RunStatus::load_failed},
      {{"host/plugin-incompatible", Severity::error, "A plugin was built for another plugin API version."},
       "Example: `dates.so: built for plugin API 2.0, but this marginalia provides API 1.0`. Rebuild the plugin against this "
       "marginalia's SDK.", RunStatus::incompatible},
      {{"host/not-a-plugin", Severity::warning, "A file in a plugin folder is not a marginalia plugin."},
       "Remove it from the plugin folder.", RunStatus::not_a_plugin},
      {{"host/plugin-refused", Severity::error, "A plugin file was refused because others could replace it."},
       "A library writable by group or others, or owned by another user, is never loaded. `chmod go-w` it.", RunStatus::refused},
      {{"host/unused-suppression", Severity::warning, "A suppression comment matched no finding."},
       "Remove the stale comment, or fix its code."},
      {{"host/invalid-suppression", Severity::error, "A suppression comment is malformed or gives no reason."},
       "Write `marginalia-disable-next-line CODE -- reason`; the reason is required."},
  };
  return codes;
}

const std::string& code_for(RunStatus status) {
  static const std::string none;
  for (const BuiltinCode& code : builtin_codes())
    if (code.status == status) return code.info.code;
  return none;
}

const char* to_string(RunStatus status) {
  // The name is the code without "host/" and "plugin-": host/plugin-out-of-memory → out-of-memory.
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (int s = 0; s <= static_cast<int>(RunStatus::not_a_plugin); ++s) {
      std::string name = code_for(static_cast<RunStatus>(s));
      name = name.empty() ? "ok" : name.substr(name.find('/') + 1);
      if (name.rfind("plugin-", 0) == 0) name.erase(0, 7);
      out.push_back(name);
    }
    return out;
  }();
  return names.at(static_cast<std::size_t>(status)).c_str();
}

RunStatus status_for_code(const std::string& code) {
  for (const BuiltinCode& builtin : builtin_codes())
    if (builtin.status && builtin.info.code == code) return *builtin.status;
  return RunStatus::load_failed;
}

}  // namespace marginalia::host
