#include "roster/dropbox/take_snapshot.hpp"

#include <algorithm>

#include "dropbox/wire/access_codec.hpp"
#include "dropbox/wire/request_codec.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/dropbox/group_codec.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/team_codec.hpp"

namespace roster::dropbox {

namespace json = core::json;
using core::Result;

namespace {

core::Error bad_answer(const std::string& route, const std::string& what) {
  return core::make_error(core::ErrorKind::internal,
                          "unexpected answer from team/" + route + ": " + what);
}

core::Error while_reading(const std::string& what, core::Error error) {
  error.message = "reading " + what + " failed, so no snapshot was taken: " + error.message;
  return error;
}

// Every page of a listing: `first` with `body`, then `next` with each cursor until has_more
// is false; `take` receives each page's `key` items, as sent. A cursor that does not move
// ends it.
template <typename Take>
Result<void> for_each_page(WireReads& reads, const std::string& first, std::string body,
                           const std::string& next, const char* key, Take take) {
  std::string route = first;
  std::string previous_cursor;
  while (true) {
    auto page = reads.read(route, body);
    if (!page) return page.error();
    DecodeError error;
    json::FieldReader fields(*page, "answer", error);
    const json::Value* list = fields.array(key);
    bool has_more = false;
    if (list == nullptr || !fields.boolean("has_more", has_more)) {
      return bad_answer(route, error.message);
    }
    for (auto& [name, value] : page->as_object()) {  // `list`, to move its items out
      if (name != key) continue;
      if (auto taken = take(route, value.as_array()); !taken) return taken.error();
      break;
    }
    if (!has_more) return {};
    std::string cursor;
    if (!fields.string("cursor", cursor, false) || cursor.empty()) {
      return bad_answer(route, "has_more without a cursor");
    }
    if (cursor == previous_cursor) return bad_answer(route, "the cursor did not move");
    previous_cursor = cursor;
    route = next;
    body = encode_list_continue(cursor);
  }
}

// Every item of `key` over all pages of a listing, as sent.
Result<json::Array> read_pages(WireReads& reads, const std::string& first, std::string body,
                               const std::string& next, const char* key) {
  json::Array items;
  auto read = for_each_page(reads, first, std::move(body), next, key,
                            [&](const std::string&, json::Array& page) -> Result<void> {
                              for (auto& item : page)
                                items.push_back(std::move(item));
                              return {};
                            });
  if (!read) return read.error();
  return items;
}

// A Void-argument read whose answer `decode` accepts, kept as sent.
template <typename Decoder>
Result<json::Value> read_fact(WireReads& reads, const std::string& route, Decoder decode) {
  auto value = reads.read(route, "null");
  if (!value) return while_reading("team/" + route, value.error());
  DecodeError error;
  if (!decode(*value, "answer", error)) return bad_answer(route, error.message);
  return std::move(*value);
}

// `"key": value` on a line of its own, after the members before it.
void put(std::string& out, const std::string& key, const json::Value& value) {
  out += ",\n" + json::quote(key) + ": ";
  json::Writer(out).value(value);
}

// One item of a list on its own line: `[` before the first, `,` between.
void put_item(std::string& out, const json::Value& item, bool first) {
  out += first ? "\n  " : ",\n  ";
  json::Writer(out).value(item);
}

// `"key": [` one item per line `]`.
void put_list(std::string& out, const std::string& key, const json::Array& items) {
  out += ",\n" + json::quote(key) + ": [";
  for (std::size_t i = 0; i < items.size(); ++i)
    put_item(out, items[i], i == 0);
  out += items.empty() ? "]" : "\n]";
}

// `"members": [...]`, written page by page as the pages arrive (a 100,000-member team is
// never held decoded), each record checked; returns how many, and the team_member_ids of
// the live ones.
Result<std::size_t> put_members(WireReads& reads, std::string& out,
                                std::vector<std::string>& live_ids) {
  out += ",\n\"members\": [";
  std::size_t count = 0;
  auto read = for_each_page(
      reads, "members/list_v2", encode_list_members(), "members/list/continue_v2", "members",
      [&](const std::string& route, json::Array& page) -> Result<void> {
        for (const auto& item : page) {
          DecodeError error;
          auto member = decode_member_info(item, "members[" + std::to_string(count) + "]", error);
          if (!member) return bad_answer(route, error.message);
          if (model::is_live(*member)) live_ids.push_back(member->team_member_id);
          put_item(out, item, count++ == 0);
        }
        return {};
      });
  if (!read) return while_reading("the team's members", read.error());
  out += count == 0 ? "]" : "\n]";
  return count;
}

// groups/list, then groups/members/list of every group roster may touch (as export reads:
// a system_managed group such as "Everyone" lists the whole team again).
Result<void> put_groups(WireReads& reads, std::string& out) {
  auto groups =
      read_pages(reads, "groups/list", encode_groups_list(), "groups/list/continue", "groups");
  if (!groups) return while_reading("the team's groups", groups.error());
  json::Object members_of;
  for (std::size_t i = 0; i < groups->size(); ++i) {
    DecodeError error;
    auto group = decode_group_summary((*groups)[i], "groups[" + std::to_string(i) + "]", error);
    if (!group) return bad_answer("groups/list", error.message);
    if (group->management == model::GroupManagement::system_managed) continue;
    auto members =
        read_pages(reads, "groups/members/list", encode_group_members_list(group->group_id),
                   "groups/members/list/continue", "members");
    if (!members) {
      return while_reading("the members of group \"" + group->name + "\"", members.error());
    }
    members_of.emplace_back(group->group_id, json::Value(std::move(*members)));
  }
  put_list(out, "groups", *groups);
  put(out, "group_members", json::Value(std::move(members_of)));
  return {};
}

// Every live member's CustomQuotaResult, k_max_quota_users_per_call a call, then the
// excluded users.
Result<void> put_quotas(WireReads& reads, const std::vector<std::string>& live_ids,
                        std::string& out) {
  const std::string route = "member_space_limits/get_custom_quota";
  json::Array quotas;
  for (std::size_t start = 0; start < live_ids.size(); start += k_max_quota_users_per_call) {
    const std::size_t end = std::min(live_ids.size(), start + k_max_quota_users_per_call);
    std::vector<UserRef> users;
    for (std::size_t i = start; i < end; ++i)
      users.push_back({live_ids[i], ""});
    auto answer = reads.read(route, encode_quota_users(users));
    if (!answer) return while_reading("custom quotas", answer.error());
    if (!answer->is_array() || answer->as_array().size() != users.size()) {
      return bad_answer(route, "not one result per member asked for");
    }
    for (auto& item : answer->as_array())
      quotas.push_back(std::move(item));
  }
  auto excluded =
      read_pages(reads, "member_space_limits/excluded_users/list", encode_excluded_list(),
                 "member_space_limits/excluded_users/list/continue", "users");
  if (!excluded) return while_reading("the space-limit excluded list", excluded.error());
  put_list(out, "custom_quotas", quotas);
  put_list(out, "quota_excluded", *excluded);
  return {};
}

}  // namespace

Result<TakenSnapshot> take_snapshot(WireReads& reads, const std::string& taken_at) {
  auto info = read_fact(reads, "get_info", decode_team_info);
  if (!info) return info.error();
  auto admin = read_fact(reads, "token/get_authenticated_admin", decode_authenticated_admin);
  if (!admin) return admin.error();
  auto roles = read_fact(reads, "members/get_available_team_member_roles", decode_available_roles);
  if (!roles) return roles.error();
  std::string out = "{\"snapshot_format\": " + std::to_string(k_snapshot_format);
  put(out, "taken_at", json::Value(taken_at));
  put(out, "team_info", *info);
  put(out, "authenticated_admin", *admin);
  put(out, "available_roles", *roles);
  std::vector<std::string> live_ids;
  auto members = put_members(reads, out, live_ids);
  if (!members) return members.error();
  if (auto groups = put_groups(reads, out); !groups) return groups.error();
  if (auto quotas = put_quotas(reads, live_ids, out); !quotas) return quotas.error();
  out += "\n}\n";
  return TakenSnapshot{std::move(out), *members};
}

}  // namespace roster::dropbox
