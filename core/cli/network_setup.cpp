// SPDX-License-Identifier: MIT
#include "cli/network_setup.hpp"

namespace marginalia::cli {

std::unique_ptr<net::FetchService> make_fetch_service(const CommandLine&, std::string&) {
  return std::make_unique<net::OfflineFetchService>();
}

}  // namespace marginalia::cli
