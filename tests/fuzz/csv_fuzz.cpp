// libFuzzer harness: the CSV importer (src/manifest/import_csv.cpp, `roster import-csv`).
// Properties: never crashes; every diagnostic is one located line; members it accepts
// come back unchanged from the manifest text `import-csv` writes for them.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.hpp"
#include "roster/manifest/import_csv.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/render/render_manifest.hpp"

namespace {

bool same_fields(const roster::model::DesiredMember& a, const roster::model::DesiredMember& b) {
  return a.email == b.email && a.given_name == b.given_name && a.surname == b.surname &&
         a.external_id == b.external_id && a.state == b.state;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace roster;
  using fuzz::check;
  const auto text = fuzz::as_text(data, size);
  auto imported = manifest::import_csv(text, "fuzz.csv");
  fuzz::check_diagnostics(imported.diagnostics, text, "fuzz.csv");
  if (imported.diagnostics.has_errors()) return 0;

  model::DesiredTeam team;
  team.members = imported.members;
  std::ostringstream out;
  render::render_manifest_yaml(team, "imported", out);
  auto loaded = manifest::load_manifest_sources({{"hr.yaml", out.str()}});
  check(!loaded.diagnostics.has_errors(), "the imported manifest does not load", out.str());
  check(loaded.team.members.size() == team.members.size(), "members lost", out.str());
  for (std::size_t i = 0; i < team.members.size(); ++i)
    check(same_fields(loaded.team.members[i], team.members[i]), "a member changed", out.str());
  return 0;
}
