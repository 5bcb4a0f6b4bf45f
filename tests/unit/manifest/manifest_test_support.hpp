#pragma once

#include <string>
#include <vector>

#include "roster/manifest/load_manifest.hpp"
#include "support/diagnostics.hpp"

namespace roster::test {

inline manifest::LoadedManifest load_text(const std::string& text,
                                          const std::string& name = "team.yaml") {
  return manifest::load_manifest_sources({{name, text}});
}

/// Every diagnostic as it is printed: `file:line:col: error: message`.
inline std::vector<std::string> messages(const manifest::LoadedManifest& loaded) {
  return printed(loaded.diagnostics);
}

}  // namespace roster::test
