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

/// The texts of the document's inline code elements ("code"), in text order.
inline std::vector<std::string> code_of(const model::LoadedDocument& loaded) {
  std::vector<std::string> out;
  for (const sdk::Element& element : loaded.document.elements)
    if (element.name == "code") out.push_back(std::string(loaded.document.slice(element.span)));
  return out;
}

}  // namespace marginalia::testing
