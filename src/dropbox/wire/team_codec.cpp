#include "roster/dropbox/team_codec.hpp"

#include <limits>

#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

bool license_count(FieldReader& fields, std::string_view key, std::uint32_t& out) {
  std::int64_t n = 0;
  if (!fields.integer(key, n, 0, std::numeric_limits<std::uint32_t>::max(), false)) return false;
  out = static_cast<std::uint32_t>(n);
  return true;
}

}  // namespace

std::optional<model::LicenseCounts> license_counts(const TeamInfo& info) {
  if (!info.has_license_counts) return std::nullopt;
  return model::LicenseCounts{info.num_licensed_users, info.num_provisioned_users,
                              info.num_used_licenses};
}

std::optional<TeamInfo> decode_team_info(const json::Value& value, const std::string& path,
                                         DecodeError& error) {
  FieldReader fields(value, path, error);
  TeamInfo info;
  if (!fields.string("name", info.name) || !fields.string("team_id", info.team_id) ||
      !license_count(fields, "num_licensed_users", info.num_licensed_users) ||
      !license_count(fields, "num_provisioned_users", info.num_provisioned_users) ||
      !license_count(fields, "num_used_licenses", info.num_used_licenses)) {
    return std::nullopt;
  }
  info.has_license_counts = fields.get("num_licensed_users", false) != nullptr;
  return info;
}

std::optional<AdminIdentity> decode_authenticated_admin(const json::Value& value,
                                                        const std::string& path,
                                                        DecodeError& error) {
  FieldReader fields(value, path, error);
  const json::Value* profile = fields.object("admin_profile");
  if (profile == nullptr) return std::nullopt;
  FieldReader admin(*profile, path + ".admin_profile", error);
  AdminIdentity identity;
  if (!admin.string("team_member_id", identity.team_member_id) ||
      !admin.string("email", identity.email)) {
    return std::nullopt;
  }
  identity.email = model::normalise_email(identity.email);
  return identity;
}

std::optional<std::vector<model::TeamRole>> decode_available_roles(const json::Value& value,
                                                                   const std::string& path,
                                                                   DecodeError& error) {
  FieldReader fields(value, path, error);
  const json::Value* roles = fields.array("roles");
  if (roles == nullptr) return std::nullopt;
  std::vector<model::TeamRole> out;
  for (std::size_t i = 0; i < roles->as_array().size(); ++i) {
    FieldReader role(roles->as_array()[i], path + ".roles[" + std::to_string(i) + "]", error);
    model::TeamRole r;
    if (!role.string("role_id", r.role_id) || !role.string("name", r.name)) return std::nullopt;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace roster::dropbox
