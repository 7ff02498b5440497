// SPDX-License-Identifier: MIT
// The SDK's semantic versioning as the host applies it: same major, equal or older minor; and
// the versioned namespace that makes builds against another major fail to link.
#include <gtest/gtest.h>

#include <string>
#include <typeinfo>

#include "host/plugin_loader.hpp"
#include "marginalia/sdk/sdk.hpp"

namespace marginalia {
namespace {

constexpr std::uint32_t version(std::uint32_t major, std::uint32_t minor) { return major << 16 | minor; }

TEST(ApiVersion, LoadsTheSameMajorWithAnEqualOrOlderMinor) {
  EXPECT_TRUE(sdk::api_compatible(version(1, 3), version(1, 3)));
  EXPECT_TRUE(sdk::api_compatible(version(1, 3), version(1, 0)));
  EXPECT_FALSE(sdk::api_compatible(version(1, 3), version(1, 4))) << "a newer minor may use what this host lacks";
  EXPECT_FALSE(sdk::api_compatible(version(1, 3), version(2, 0)));
  EXPECT_FALSE(sdk::api_compatible(version(2, 0), version(1, 9)));
}

TEST(ApiVersion, PackedVersionMatchesTheMacros) {
  EXPECT_EQ(sdk::api_major(sdk::api_version), static_cast<std::uint32_t>(MARGINALIA_SDK_VERSION_MAJOR));
  EXPECT_EQ(sdk::api_minor(sdk::api_version), static_cast<std::uint32_t>(MARGINALIA_SDK_VERSION_MINOR));
  EXPECT_EQ(host::format_api_version(version(2, 7)), "2.7");
}

TEST(ApiVersion, ThePublicNamespaceCarriesTheMajorVersion) {
  // Mangled names include "v1": a plugin compiled against v2 headers references other symbols.
  std::string mangled = typeid(sdk::Document).name();
  EXPECT_NE(mangled.find("2v" + std::to_string(MARGINALIA_SDK_VERSION_MAJOR)), std::string::npos) << mangled;
  EXPECT_EQ(typeid(sdk::Plugin), typeid(sdk::v1::Plugin));
}

}  // namespace
}  // namespace marginalia
