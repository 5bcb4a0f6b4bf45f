#include "roster/manifest/load_manifest.hpp"

#include <algorithm>
#include <filesystem>

#include "manifest_builder.hpp"
#include "roster/core/file.hpp"
#include "roster/core/sha256.hpp"

namespace roster::manifest {

namespace fs = std::filesystem;

namespace {

// The files a path names: itself, or a directory's *.yaml files sorted by name.
std::vector<std::string> manifest_files(const std::string& path, core::Diagnostics& diagnostics) {
  std::error_code ec;
  if (!fs::is_directory(path, ec)) return {path};
  std::vector<std::string> files;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    if (entry.path().extension() == ".yaml" && !entry.is_directory()) {
      files.push_back(entry.path().string());
    }
  }
  if (ec) {
    diagnostics.error({path, 0, 0}, "cannot list manifest directory: " + ec.message());
    return {};
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) diagnostics.error({path, 0, 0}, "no *.yaml files in manifest directory");
  return files;
}

// Accumulates the manifest digest: name and content hash of each file, in merge order.
class Digest {
 public:
  void add(const std::string& path, std::string_view content) {
    m_text += fs::path(path).filename().string() + '\n' + core::sha256_hex(content) + '\n';
  }
  std::string value() const { return "sha256:" + core::sha256_hex(m_text); }

 private:
  std::string m_text;
};

}  // namespace

LoadedManifest load_manifest(const std::string& path) {
  LoadedManifest result;
  ManifestBuilder builder(result.diagnostics);
  result.files = manifest_files(path, result.diagnostics);
  if (result.files.empty()) return result;
  bool all_read = true;
  Digest digest;
  for (const auto& file : result.files) {
    auto text = core::read_file(file);
    if (!text) {
      result.diagnostics.error({file, 0, 0}, "cannot read manifest: " + text.error().message);
      all_read = false;
      continue;
    }
    builder.add_file(file, *text);
    digest.add(file, *text);
  }
  result.digest = digest.value();
  if (all_read) result.team = builder.finish();
  return result;
}

LoadedManifest load_manifest_sources(const std::vector<ManifestSource>& sources) {
  LoadedManifest result;
  ManifestBuilder builder(result.diagnostics);
  Digest digest;
  for (const auto& source : sources) {
    result.files.push_back(source.name);
    builder.add_file(source.name, source.text);
    digest.add(source.name, source.text);
  }
  result.digest = digest.value();
  result.team = builder.finish();
  return result;
}

}  // namespace roster::manifest
