// SPDX-License-Identifier: MIT
// Reading a document from a string in reader tests.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

/// The labels of notes or note markers, in document order.
template <typename Items>
std::vector<std::string> labels_of(const Items& items) {
  std::vector<std::string> labels;
  for (const auto& item : items) labels.push_back(item.label);
  return labels;
}

inline std::string text_of(const model::LoadedDocument& loaded, const sdk::Span& span) {
  return std::string(loaded.document.slice(span));
}

}  // namespace marginalia::testing
