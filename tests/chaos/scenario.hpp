#pragma once

#include <map>
#include <string>

namespace roster::chaos {

/// A team and the manifest a chaos run drives it to. The first plan is a mix of every
/// action (recover, invite, unsuspend, update_profile, suspend, remove with and without a
/// file transfer), and the team also holds bystanders: members the plan must never touch
/// (unmanaged ones in every status, and declared ones that already match).
struct Scenario {
  std::string seed_json;                      // roster-emulator --seed document
  std::string manifest_yaml;                  // the desired team
  std::string admin_email;                    // owns the token; the transfer admin
  std::map<std::string, int> expected_steps;  // action → steps in the first plan
  int bystanders = 0;                         // seeded records no step may touch

  [[nodiscard]] int total_steps() const;
};

/// About 2,380 plan steps and 460 bystanders per unit of `scale` (1 or more).
[[nodiscard]] Scenario make_scenario(int scale);

}  // namespace roster::chaos
