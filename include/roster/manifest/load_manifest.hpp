#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "roster/core/diagnostic.hpp"
#include "roster/model/desired.hpp"

namespace roster::manifest {

/// The outcome of reading a manifest. When `diagnostics.has_errors()`, `team` is
/// incomplete and must not be planned from.
struct LoadedManifest {
  model::DesiredTeam team;
  core::Diagnostics diagnostics;
  std::vector<std::string> files;  // files read, in merge order
  /// "sha256:..." over every file's name (without its directory) and content, so that a
  /// saved plan records exactly which manifest it came from, wherever it was checked out.
  std::string digest;
};

/// One manifest file's name (used in messages) and text.
struct ManifestSource {
  std::string name;
  std::string text;
};

/// Reads a manifest file, or every `*.yaml` file of a directory (sorted by name,
/// merged: members concatenate; team, defaults and policy may appear in one file only).
/// Validates everything in docs/manifest-format.md and reports every problem found.
[[nodiscard]] LoadedManifest load_manifest(const std::string& path);

/// Same as load_manifest, over texts already in memory (tests, stdin).
[[nodiscard]] LoadedManifest load_manifest_sources(const std::vector<ManifestSource>& sources);

}  // namespace roster::manifest
