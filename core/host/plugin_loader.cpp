// SPDX-License-Identifier: MIT
#include "host/plugin_loader.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <mutex>

#include "marginalia/sdk/version.hpp"

namespace marginalia::host {
namespace {

using CreateFunction = sdk::Plugin*();
using DestroyFunction = void(sdk::Plugin*);
using AbiFunction = std::uint32_t();

// Libraries are never unloaded: objects, vtables and static data of a plugin stay valid for
// the life of the process whatever order things are destroyed in (PITFALLS P1, P3).
void keep_loaded(const boost::dll::shared_library& library) {
  static std::mutex mutex;
  static auto* libraries = new std::vector<boost::dll::shared_library>();
  std::lock_guard<std::mutex> lock(mutex);
  libraries->push_back(library);
}

util::Problem problem(const std::string& path, std::string code, std::string message) {
  return util::Problem::about(path, std::move(code), std::move(message));
}

// A library anyone else can write to could be swapped for hostile code (the sudo rule).
std::optional<std::string> unsafe_file(const std::string& path) {
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) return "cannot stat the file";
  if (info.st_mode & (S_IWGRP | S_IWOTH)) return "the file is writable by group or others";
  if (info.st_uid != 0 && info.st_uid != ::getuid()) return "the file is owned by another user";
  std::string directory = std::filesystem::path(path).parent_path().string();
  if (directory.empty()) directory = ".";
  if (::stat(directory.c_str(), &info) == 0 && (info.st_mode & S_IWOTH) && !(info.st_mode & S_ISVTX))
    return "its folder is writable by everyone";
  return std::nullopt;
}

std::optional<boost::dll::shared_library> open_library(const std::string& path, std::string& error) {
  try {
    // RTLD_NOW: an unresolved symbol fails here, not on first call in the middle of a check.
    return boost::dll::shared_library(path, boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

}  // namespace

std::string format_api_version(std::uint32_t packed) {
  return std::to_string(sdk::api_major(packed)) + "." + std::to_string(sdk::api_minor(packed));
}

std::optional<std::uint32_t> read_plugin_api_version(const std::string& path) {
  std::string error;
  auto library = open_library(path, error);
  if (!library || !library->has("marginalia_plugin_abi")) return std::nullopt;
  keep_loaded(*library);
  return library->get<AbiFunction>("marginalia_plugin_abi")();
}

util::Result<OpenedPlugin> open_plugin(const std::string& path) {
  if (auto reason = unsafe_file(path)) return problem(path, "host/plugin-refused", "refused to load: " + *reason);
  std::string error;
  auto library = open_library(path, error);
  if (!library) {
    std::string reason = error;
    if (reason.find("invalid ELF header") != std::string::npos || reason.find("file too short") != std::string::npos)
      return problem(path, "host/not-a-plugin", "not a plugin: not a shared library");
    return problem(path, "host/plugin-load-failed", "cannot load: " + reason);
  }
  keep_loaded(*library);
  if (!library->has("marginalia_plugin_abi"))
    return problem(path, "host/not-a-plugin", "not a marginalia plugin: it exports no marginalia_plugin_abi()");
  std::uint32_t version = library->get<AbiFunction>("marginalia_plugin_abi")();
  if (!sdk::api_compatible(sdk::api_version, version))
    return problem(path, "host/plugin-incompatible",
                   "built for plugin API " + format_api_version(version) + ", but this marginalia provides API " +
                       format_api_version(sdk::api_version) + " (it loads plugins of API " +
                       std::to_string(sdk::api_major(sdk::api_version)) + ".0 to " + format_api_version(sdk::api_version) + ")");
  if (!library->has("marginalia_plugin_create") || !library->has("marginalia_plugin_destroy"))
    return problem(path, "host/not-a-plugin", "not a marginalia plugin: marginalia_plugin_create/destroy missing (use MARGINALIA_PLUGIN)");
  CreateFunction* create = &library->get<CreateFunction>("marginalia_plugin_create");
  DestroyFunction* destroy = &library->get<DestroyFunction>("marginalia_plugin_destroy");
  sdk::Plugin* raw = nullptr;
  try {
    raw = create();
  } catch (...) {
    raw = nullptr;
  }
  if (!raw) return problem(path, "host/plugin-load-failed", "the plugin's constructor failed");
  std::shared_ptr<sdk::Plugin> instance(raw, [destroy](sdk::Plugin* p) { destroy(p); });
  OpenedPlugin plugin;
  plugin.path = path;
  plugin.api_version = version;
  try {
    plugin.info = instance->info();
  } catch (const std::exception& e) {
    return problem(path, "host/plugin-load-failed", std::string("info() threw: ") + e.what());
  } catch (...) {
    return problem(path, "host/plugin-load-failed", "info() threw a non-standard exception");
  }
  std::string stem = std::filesystem::path(path).stem().string();
  if (plugin.info.id != stem)
    return problem(path, "host/plugin-load-failed", "the plugin's id '" + plugin.info.id + "' differs from its file name '" + stem + "'");
  for (const sdk::CodeInfo& code : plugin.info.codes)
    if (code.code.rfind(plugin.info.id + "/", 0) != 0)
      return problem(path, "host/plugin-load-failed", "code '" + code.code + "' does not start with '" + plugin.info.id + "/'");
  plugin.plugin = std::move(instance);
  return plugin;
}

}  // namespace marginalia::host
