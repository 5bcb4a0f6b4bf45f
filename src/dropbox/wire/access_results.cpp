#include "dropbox/wire/access_results.hpp"

#include <limits>

#include "roster/core/json_fields.hpp"

namespace roster::dropbox {

namespace json = core::json;
using json::FieldReader;

namespace {

// The list of `value` (an answer or a field), holding exactly `count` items.
const json::Array* items_of(const json::Value& value, const std::string& path, std::size_t count,
                            DecodeError& error) {
  FieldReader fields(value, path, error);
  if (!value.is_array()) {
    fields.fail(value, std::string("must be a list, found ") + value.type_name());
    return nullptr;
  }
  if (value.as_array().size() != count) {
    fields.fail(value, "holds " + std::to_string(value.as_array().size()) + " results for " +
                           std::to_string(count) + " requested");
    return nullptr;
  }
  return &value.as_array();
}

// The `.tag` of a union item.
const std::string* item_tag(const json::Value& item, const std::string& path, DecodeError& error) {
  FieldReader fields(item, path, error);
  const json::Value* tag = fields.get(".tag", true);
  if (tag == nullptr) return nullptr;
  if (!tag->is_string()) {
    fields.fail(*tag, std::string("\".tag\" must be a string, found ") + tag->type_name());
    return nullptr;
  }
  return &tag->as_string();
}

std::string at(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

// One member's per-email results (`success`'s flattened `results`).
bool member_email_outcomes(const json::Value& item, const std::string& path,
                           const MemberEmails& asked, std::vector<ItemOutcome>& out,
                           DecodeError& error) {
  FieldReader fields(item, path, error);
  const json::Value* results = fields.array("results");
  if (results == nullptr) return false;
  const json::Array* list = items_of(*results, path + ".results", asked.emails.size(), error);
  if (list == nullptr) return false;
  for (std::size_t j = 0; j < list->size(); ++j) {
    const std::string* tag = item_tag((*list)[j], at(path + ".results", j), error);
    if (tag == nullptr) return false;
    out.push_back({asked.user, asked.emails[j], *tag == "success" ? "" : *tag});
  }
  return true;
}

}  // namespace

std::optional<std::vector<ItemOutcome>> decode_secondary_email_results(
    const json::Value& value, const std::vector<MemberEmails>& batch, DecodeError& error) {
  FieldReader fields(value, "answer", error);
  const json::Value* results = fields.array("results");
  if (results == nullptr) return std::nullopt;
  const json::Array* users = items_of(*results, "answer.results", batch.size(), error);
  if (users == nullptr) return std::nullopt;
  std::vector<ItemOutcome> out;
  for (std::size_t i = 0; i < users->size(); ++i) {
    const std::string path = at("answer.results", i);
    const std::string* tag = item_tag((*users)[i], path, error);
    if (tag == nullptr) return std::nullopt;
    if (*tag == "success") {
      if (!member_email_outcomes((*users)[i], path, batch[i], out, error)) return std::nullopt;
      continue;
    }
    for (const auto& email : batch[i].emails)
      out.push_back({batch[i].user, email, *tag});
  }
  return out;
}

std::optional<std::vector<ItemOutcome>> decode_quota_outcomes(const json::Value& value,
                                                              const std::vector<UserRef>& users,
                                                              DecodeError& error) {
  const json::Array* items = items_of(value, "answer", users.size(), error);
  if (items == nullptr) return std::nullopt;
  std::vector<ItemOutcome> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string* tag = item_tag((*items)[i], at("answer", i), error);
    if (tag == nullptr) return std::nullopt;
    out.push_back({users[i], "", *tag == "success" ? "" : *tag});
  }
  return out;
}

std::optional<std::vector<std::optional<std::uint32_t>>> decode_custom_quotas(
    const json::Value& value, std::size_t count, DecodeError& error) {
  const json::Array* items = items_of(value, "answer", count, error);
  if (items == nullptr) return std::nullopt;
  std::vector<std::optional<std::uint32_t>> out;
  for (std::size_t i = 0; i < items->size(); ++i) {
    const std::string* tag = item_tag((*items)[i], at("answer", i), error);
    if (tag == nullptr) return std::nullopt;
    std::optional<std::uint32_t>& quota = out.emplace_back();
    if (*tag != "success") continue;
    FieldReader fields((*items)[i], at("answer", i), error);
    if (fields.get("quota_gb", false) == nullptr) {
      if (fields.failed()) return std::nullopt;
      continue;
    }
    std::int64_t gb = 0;
    if (!fields.integer("quota_gb", gb, 2, std::numeric_limits<std::uint32_t>::max())) {
      return std::nullopt;
    }
    quota = static_cast<std::uint32_t>(gb);
  }
  return out;
}

}  // namespace roster::dropbox
