// SPDX-License-Identifier: MIT
/// @file sdk.hpp
/// Everything a plugin needs, in one include.
#pragma once

#include "marginalia/sdk/code_spans.hpp"
#include "marginalia/sdk/codes.hpp"
#include "marginalia/sdk/document.hpp"
#include "marginalia/sdk/export.hpp"
#include "marginalia/sdk/fetch.hpp"
#include "marginalia/sdk/finding.hpp"
#include "marginalia/sdk/options.hpp"
#include "marginalia/sdk/plugin.hpp"
#include "marginalia/sdk/segment.hpp"
#include "marginalia/sdk/span.hpp"
#include "marginalia/sdk/text.hpp"
#include "marginalia/sdk/unicode.hpp"
#include "marginalia/sdk/version.hpp"
