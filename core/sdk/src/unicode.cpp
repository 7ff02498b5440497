// SPDX-License-Identifier: MIT
#include "marginalia/sdk/unicode.hpp"

#include <utf8proc.h>

namespace marginalia::sdk {
inline namespace MARGINALIA_SDK_NAMESPACE {
namespace unicode {
namespace {

utf8proc_category_t category(char32_t c) { return utf8proc_category(static_cast<utf8proc_int32_t>(c)); }

struct Block {
  char32_t first, last;
  Script script;
};

// utf8proc has no script property; these blocks cover the scripts a report mixes in names and
// quotations. Letters elsewhere are `other`; everything that is not a letter is `common`.
constexpr Block kBlocks[] = {
    {0x0041, 0x024F, Script::latin},      {0x0250, 0x02AF, Script::latin},    {0x0370, 0x03FF, Script::greek},
    {0x0400, 0x052F, Script::cyrillic},   {0x0530, 0x058F, Script::armenian}, {0x0590, 0x05FF, Script::hebrew},
    {0x0600, 0x06FF, Script::arabic},     {0x0750, 0x077F, Script::arabic},   {0x0900, 0x097F, Script::devanagari},
    {0x0E00, 0x0E7F, Script::thai},       {0x10A0, 0x10FF, Script::georgian}, {0x1100, 0x11FF, Script::hangul},
    {0x1C80, 0x1C8F, Script::cyrillic},   {0x1E00, 0x1EFF, Script::latin},    {0x1F00, 0x1FFF, Script::greek},
    {0x2C60, 0x2C7F, Script::latin},      {0x2DE0, 0x2DFF, Script::cyrillic}, {0x3040, 0x30FF, Script::kana},
    {0x3130, 0x318F, Script::hangul},     {0x3400, 0x4DBF, Script::han},      {0x4E00, 0x9FFF, Script::han},
    {0xA640, 0xA69F, Script::cyrillic},   {0xA720, 0xA7FF, Script::latin},    {0xAB30, 0xAB6F, Script::latin},
    {0xAC00, 0xD7AF, Script::hangul},     {0xF900, 0xFAFF, Script::han},      {0xFB00, 0xFB06, Script::latin},
    {0xFB1D, 0xFB4F, Script::hebrew},     {0xFB50, 0xFDFF, Script::arabic},   {0xFE70, 0xFEFF, Script::arabic},
    {0xFF21, 0xFF5A, Script::latin},      {0xFF66, 0xFF9F, Script::kana},     {0x20000, 0x2FA1F, Script::han},
};

}  // namespace

bool is_letter(char32_t c) {
  // ASCII is most of every document: answer it without the table look-up.
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  utf8proc_category_t k = category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LL || k == UTF8PROC_CATEGORY_LT || k == UTF8PROC_CATEGORY_LM ||
         k == UTF8PROC_CATEGORY_LO;
}

bool is_upper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_category_t k = category(c);
  return k == UTF8PROC_CATEGORY_LU || k == UTF8PROC_CATEGORY_LT;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return category(c) == UTF8PROC_CATEGORY_LL;
}

bool is_digit(char32_t c) {
  if (c < 0x80) return c >= '0' && c <= '9';
  return category(c) == UTF8PROC_CATEGORY_ND;
}

char32_t to_lower(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
  return static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(c)));
}

char32_t to_upper(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
  return static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(c)));
}

Script script(char32_t c) {
  if (!is_letter(c)) return Script::common;
  for (const Block& block : kBlocks)
    if (c >= block.first && c <= block.last) return block.script;
  return Script::other;
}

const char* to_string(Script script) {
  switch (script) {
    case Script::common: return "common";
    case Script::latin: return "latin";
    case Script::greek: return "greek";
    case Script::cyrillic: return "cyrillic";
    case Script::armenian: return "armenian";
    case Script::hebrew: return "hebrew";
    case Script::arabic: return "arabic";
    case Script::devanagari: return "devanagari";
    case Script::thai: return "thai";
    case Script::georgian: return "georgian";
    case Script::hangul: return "hangul";
    case Script::kana: return "kana";
    case Script::han: return "han";
    case Script::other: return "other";
  }
  return "other";
}

}  // namespace unicode
}  // namespace MARGINALIA_SDK_NAMESPACE
}  // namespace marginalia::sdk
