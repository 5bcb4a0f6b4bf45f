#pragma once

#include <string>
#include <vector>

#include "roster/manifest/load_manifest.hpp"

namespace roster::test {

inline manifest::LoadedManifest load_text(const std::string& text,
                                          const std::string& name = "team.yaml") {
  return manifest::load_manifest_sources({{name, text}});
}

/// Every diagnostic as it is printed: `file:line:col: error: message`.
inline std::vector<std::string> messages(const manifest::LoadedManifest& loaded) {
  std::vector<std::string> out;
  for (const auto& d : loaded.diagnostics.items())
    out.push_back(core::format_diagnostic(d));
  return out;
}

}  // namespace roster::test
