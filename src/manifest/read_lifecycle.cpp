// The manifest keys that make time part of the plan: `remove.after_suspended_days`
// (decision 0031) and `policy.invitations` (decision 0033).
#include <fmt/format.h>

#include "access_values.hpp"
#include "manifest_builder.hpp"

namespace roster::manifest {

std::optional<std::uint32_t> read_days(NodeReader& reader, std::uint32_t node,
                                       std::string_view what, std::uint32_t min) {
  const auto& n = reader.node(node);
  auto days = whole_number(n, model::k_max_policy_days);
  if (days && *days >= min) return static_cast<std::uint32_t>(*days);
  reader.error(node, fmt::format("\"{}\" must be a whole number of days from {} to {}, found {}",
                                 what, min, model::k_max_policy_days, describe(n)));
  return std::nullopt;
}

void ManifestBuilder::read_invitations(NodeReader& reader, std::uint32_t node,
                                       model::InvitationPolicy& policy) {
  std::uint32_t cancel_node = YamlNode::k_none;
  bool is_mapping = reader.for_each_entry(
      node, "policy.invitations", {"resend_after_days", "cancel_after_days"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        bool resend = key == "resend_after_days";
        auto days = read_days(reader, value, fmt::format("policy.invitations.{}", key), 1);
        if (!days) return;
        (resend ? policy.resend_after_days : policy.cancel_after_days) = *days;
        if (!resend) cancel_node = value;
      });
  if (!is_mapping || !policy.resend_after_days || !policy.cancel_after_days) return;
  if (*policy.cancel_after_days <= *policy.resend_after_days) {
    reader.error(cancel_node,
                 fmt::format("policy.invitations.cancel_after_days ({}) must be greater than "
                             "resend_after_days ({}): an invitation is resent before it is "
                             "cancelled",
                             *policy.cancel_after_days, *policy.resend_after_days));
    policy.cancel_after_days.reset();
  }
}

}  // namespace roster::manifest
