#include "observe_options.hpp"

#include <algorithm>

namespace roster::cli {

dropbox::ObserveOptions observe_options_for(const model::DesiredTeam& desired) {
  dropbox::ObserveOptions options;
  options.groups = desired.manages_groups;
  if (options.groups) {
    for (const auto& group : desired.groups) {
      options.members_of.push_back({group.name, group.external_id, ""});
    }
  }
  options.quotas = std::any_of(desired.members.begin(), desired.members.end(),
                               [](const model::DesiredMember& m) { return m.space_limit; });
  return options;
}

dropbox::ObserveOptions observe_options_for(const plan::Plan& saved) {
  dropbox::ObserveOptions options;
  for (const auto& step : saved.steps) {
    switch (step.action) {
      case plan::Action::create_group:
      case plan::Action::update_group:
      case plan::Action::delete_group:
      case plan::Action::add_to_group:
      case plan::Action::set_group_access:
      case plan::Action::remove_from_group:
        options.groups = true;
        options.members_of.push_back({step.group_name, step.group_external_id, step.group_id});
        break;
      case plan::Action::set_space_limit:
      case plan::Action::remove_space_limit:
        options.quotas = true;
        break;
      default:
        break;
    }
  }
  return options;
}

}  // namespace roster::cli
