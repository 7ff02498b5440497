// SPDX-License-Identifier: MIT
#include "quotation.hpp"

namespace marginalia::plugins::quotes {

const char* to_string(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::direct: return "direct";
    case QuoteKind::scare: return "scare";
    case QuoteKind::title: return "title";
  }
  return "scare";
}

const char* to_string(SpeakerType type) {
  switch (type) {
    case SpeakerType::person: return "person";
    case SpeakerType::organisation: return "organisation";
    case SpeakerType::document: return "document";
    case SpeakerType::none: return "";
  }
  return "";
}

const char* describe(MarkFamily family) {
  switch (family) {
    case MarkFamily::curly: return "curly “…”";
    case MarkFamily::straight: return "straight \"…\"";
    case MarkFamily::guillemet: return "guillemets «…»";
    case MarkFamily::low: return "low-high „…“";
    case MarkFamily::none: return "no marks";
  }
  return "";
}

}  // namespace marginalia::plugins::quotes
