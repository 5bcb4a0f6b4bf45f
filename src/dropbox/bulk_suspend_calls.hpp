#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dropbox/rpc.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// `members/bulk_suspend` (team.stone, new 2026-07-29): the launch, sent once; its async
/// job id. A BulkSuspendError arrives as a 409 conflict with the tag in api_tag.
[[nodiscard]] core::Result<std::string> launch_bulk_suspend(
    Rpc& rpc, const std::vector<BulkSuspendTarget>& targets);

/// Polls `members/bulk_suspend/job_status/check` until the job completes or fails.
[[nodiscard]] core::Result<BulkSuspendJob> wait_bulk_suspend(Rpc& rpc, const std::string& job_id);

/// `members/get_info_v2` by team_member_id, one answer per id in order; a reply that does
/// not answer each id in order is an error.
[[nodiscard]] core::Result<std::vector<std::optional<model::ObservedMember>>> get_members(
    Rpc& rpc, const std::vector<std::string>& team_member_ids);

}  // namespace roster::dropbox
