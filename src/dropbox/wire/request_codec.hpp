#pragma once

#include <string>
#include <vector>

#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// JSON argument bodies of the routes roster calls (REFERENCE §6), exactly as the
/// Stone spec encodes them. wipe_data is always sent: the API's default is true.
[[nodiscard]] std::string encode_list_members();
[[nodiscard]] std::string encode_list_continue(const std::string& cursor);
[[nodiscard]] std::string encode_add_members(const std::vector<NewMember>& members);
[[nodiscard]] std::string encode_suspend(const std::string& team_member_id, bool wipe_data);
[[nodiscard]] std::string encode_user(const std::string& team_member_id);
/// A bare UserSelectorArg (members/send_welcome_email takes the union itself).
[[nodiscard]] std::string encode_selector(const std::string& team_member_id);
[[nodiscard]] std::string encode_remove(const std::string& team_member_id, const RemoveArgs& args);
[[nodiscard]] std::string encode_set_profile(const std::string& team_member_id,
                                             const ProfileUpdate& update);
[[nodiscard]] std::string encode_poll(const std::string& async_job_id);

}  // namespace roster::dropbox
