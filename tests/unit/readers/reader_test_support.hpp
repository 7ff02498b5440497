// SPDX-License-Identifier: MIT
// Reading a document from a string in reader tests.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "readers/reader_registry.hpp"

namespace marginalia::testing {

inline model::LoadedDocument read_string(const std::string& name, const std::string& contents) {
  readers::ReadResult result = readers::read_bytes(name, contents, {});
  if (!result.document) {
    ADD_FAILURE() << name << ": " << (result.error ? result.error->message : "no document");
    return {};
  }
  return std::move(*result.document);
}

inline std::string text_of(const model::LoadedDocument& loaded, const sdk::Span& span) {
  return std::string(loaded.document.slice(span));
}

}  // namespace marginalia::testing
