// The time-related parts of a saved plan (format 1.3, docs/json-output.md).
#include "time_json.hpp"

#include <string>

#include "roster/core/diagnostic.hpp"
#include "roster/model/desired.hpp"

namespace roster::planfile {

namespace json = core::json;

namespace {

bool read_time(json::FieldReader& f, std::string_view key, std::optional<model::Timestamp>& out) {
  std::optional<std::string> text;
  if (!f.optional_string(key, text)) return false;
  if (!text) return true;
  out = model::parse_timestamp(*text);
  if (out) return true;
  return f.fail(*f.get(key, true), std::string(key) + " \"" + core::excerpt(*text) +
                                       "\" is not a date-time (YYYY-MM-DDTHH:MM:SSZ)");
}

}  // namespace

void write_recoverable(json::Writer& w, std::optional<model::Timestamp> until, const char* bound) {
  w.key("recoverable_until");
  until ? w.string(model::format_timestamp(*until)) : w.null();
  w.key("recoverable_until_bound");
  until ? w.string(bound) : w.null();
}

bool read_recoverable(json::FieldReader& f, std::optional<model::Timestamp>& until) {
  return read_time(f, "recoverable_until", until);
}

void write_scheduled(json::Writer& w, const std::vector<plan::ScheduledRemoval>& items) {
  w.key("scheduled").begin_array();
  for (const auto& s : items) {
    w.begin_object().key("action").string("remove").key("email").string(s.email);
    w.key("team_member_id").string(s.team_member_id).key("due");
    s.due ? w.string(model::format_timestamp(*s.due)) : w.null();
    w.key("days_left");
    s.due ? w.integer(s.days_left) : w.null();
    w.key("after_suspended_days").integer(s.after_suspended_days);
    w.key("reason").string(plan::to_string(s.reason)).end_object();
  }
  w.end_array();
}

bool read_scheduled(json::FieldReader& root, std::vector<plan::ScheduledRemoval>& items) {
  const json::Value* list = root.array("scheduled", false);
  if (list == nullptr) return !root.failed();
  for (const auto& value : list->as_array()) {
    json::FieldReader f(value, "scheduled", root.failure());
    plan::ScheduledRemoval item;
    std::int64_t days_left = 0, after = 0;
    std::string reason;
    if (!f.string("email", item.email) || !f.string("team_member_id", item.team_member_id) ||
        !read_time(f, "due", item.due) || !f.integer("days_left", days_left, 0, 1'000'000, false) ||
        !f.integer("after_suspended_days", after, 0, model::k_max_policy_days) ||
        !f.string("reason", reason)) {
      return false;
    }
    auto parsed = plan::reason_from_string(reason);
    if (!parsed)
      return f.fail(*f.get("reason", true), "unknown reason \"" + core::excerpt(reason) + "\"");
    item.reason = *parsed;
    item.days_left = days_left;
    item.after_suspended_days = static_cast<std::uint32_t>(after);
    items.push_back(std::move(item));
  }
  return true;
}

}  // namespace roster::planfile
