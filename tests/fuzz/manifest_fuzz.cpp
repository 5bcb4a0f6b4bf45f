// libFuzzer harness: the manifest loader (src/manifest), one file read from text.
// Properties: never crashes; every diagnostic is one located line; what `roster export`
// would write for a manifest it accepts (team name, policy.unmanaged, unmanaged_groups,
// max_demotions, protected members, each member's email, names, external_id, state,
// role, secondary emails and space limit, and the groups with their members), in YAML
// and in JSON, loads again without errors and the same: the loader and the renderers
// agree.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "fuzz_checks.hpp"
#include "roster/manifest/load_manifest.hpp"
#include "roster/render/render_manifest.hpp"

namespace {

using namespace roster;
using fuzz::check;

// The part of a manifest that the export renderers write; defaults, remove and suspend
// options and the removal fraction are not theirs to carry.
model::DesiredTeam exported_part(const model::DesiredTeam& team) {
  model::DesiredTeam part;
  part.team_name = team.team_name;
  part.policy.unmanaged = team.policy.unmanaged;
  part.policy.protected_emails = team.policy.protected_emails;
  part.policy.unmanaged_groups = team.policy.unmanaged_groups;
  part.policy.max_demotions = team.policy.max_demotions;
  for (const auto& m : team.members) {
    auto& copy = part.members.emplace_back();
    copy.email = m.email;
    copy.given_name = m.given_name;
    copy.surname = m.surname;
    copy.external_id = m.external_id;
    copy.state = m.state;
    copy.role = m.role;
    copy.secondary_emails = m.secondary_emails;
    copy.space_limit = m.space_limit;
  }
  part.manages_groups = team.manages_groups;
  part.groups = team.groups;
  return part;
}

bool same_groups(const model::DesiredTeam& a, const model::DesiredTeam& b) {
  if (a.manages_groups != b.manages_groups || a.groups.size() != b.groups.size()) return false;
  for (std::size_t i = 0; i < a.groups.size(); ++i) {
    const auto &x = a.groups[i], &y = b.groups[i];
    if (x.name != y.name || x.external_id != y.external_id || x.management != y.management ||
        x.members.size() != y.members.size()) {
      return false;
    }
    for (std::size_t m = 0; m < x.members.size(); ++m) {
      if (x.members[m].email != y.members[m].email || x.members[m].access != y.members[m].access)
        return false;
    }
  }
  return true;
}

bool same_members(const model::DesiredTeam& a, const model::DesiredTeam& b) {
  if (a.members.size() != b.members.size()) return false;
  for (std::size_t i = 0; i < a.members.size(); ++i) {
    const auto &x = a.members[i], &y = b.members[i];
    if (x.email != y.email || x.given_name != y.given_name || x.surname != y.surname ||
        x.external_id != y.external_id || x.state != y.state || x.role != y.role ||
        x.secondary_emails != y.secondary_emails || x.space_limit != y.space_limit) {
      return false;
    }
  }
  return a.team_name == b.team_name && a.policy.unmanaged == b.policy.unmanaged &&
         a.policy.protected_emails == b.policy.protected_emails &&
         a.policy.unmanaged_groups == b.policy.unmanaged_groups &&
         a.policy.max_demotions == b.policy.max_demotions && same_groups(a, b);
}

void check_reloads(const model::DesiredTeam& part, const std::string& text, const char* format) {
  auto again = manifest::load_manifest_sources({{"export.yaml", text}});
  check(!again.diagnostics.has_errors(), format, text);
  check(same_members(exported_part(again.team), part), format, text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(fuzz::as_text(data, size));
  auto loaded = manifest::load_manifest_sources({{"fuzz.yaml", text}});
  fuzz::check_diagnostics(loaded.diagnostics, text, "fuzz.yaml");
  if (loaded.diagnostics.has_errors()) return 0;

  const auto part = exported_part(loaded.team);
  std::ostringstream yaml, json;
  render::render_manifest_yaml(part, "exported", yaml);
  render::render_manifest_json(part, json);
  check_reloads(part, yaml.str(), "the exported YAML does not load back the same");
  check_reloads(part, json.str(), "the exported JSON does not load back the same");
  return 0;
}
