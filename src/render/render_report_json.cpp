#include "roster/core/json.hpp"
#include "roster/planfile/saved_plan.hpp"
#include "roster/render/render_report.hpp"

namespace roster::render {

namespace {

const char* kind_name(core::ErrorKind kind) {
  switch (kind) {
    case core::ErrorKind::invalid_input:
      return "invalid_input";
    case core::ErrorKind::unauthorized:
      return "unauthorized";
    case core::ErrorKind::forbidden:
      return "forbidden";
    case core::ErrorKind::not_found:
      return "not_found";
    case core::ErrorKind::conflict:
      return "conflict";
    case core::ErrorKind::rate_limited:
      return "rate_limited";
    case core::ErrorKind::unavailable:
      return "unavailable";
    case core::ErrorKind::internal:
      return "internal";
  }
  return "internal";
}

}  // namespace

void render_report_json(const plan::Plan& plan, const apply::ApplyReport& report,
                        std::ostream& out) {
  using Status = apply::StepOutcome::Status;
  std::string text;
  core::json::Writer w(text, 2);
  w.begin_object().key("format_version").string(planfile::k_format_version);
  w.key("summary").begin_object().key("steps").integer(
      static_cast<std::int64_t>(report.outcomes.size()));
  for (auto status : apply::k_all_statuses) {
    w.key(apply::to_string(status)).integer(static_cast<std::int64_t>(report.count(status)));
  }
  w.end_object().key("outcomes").begin_array();
  for (std::size_t i = 0; i < report.outcomes.size(); ++i) {
    const auto& o = report.outcomes[i];
    const auto& s = plan.steps[i];
    w.begin_object().key("step").integer(static_cast<std::int64_t>(i));
    w.key("action").string(plan::to_string(s.action)).key("email").string(s.email);
    w.key("observed_email");
    s.observed_email.empty() ? w.null() : w.string(s.observed_email);
    if (!s.group_name.empty()) {
      // Format 1.2: the group of a group or membership step, with the id a created one got.
      const std::string& id = o.group_id.empty() ? s.group_id : o.group_id;
      w.key("group").begin_object().key("name").string(s.group_name).key("id");
      id.empty() ? w.null() : w.string(id);
      w.end_object();
    }
    w.key("status").string(apply::to_string(o.status)).key("attempts").integer(o.attempts);
    w.key("job_id");
    o.job_id.empty() ? w.null() : w.string(o.job_id);
    w.key("error");
    if (o.status != Status::failed) {
      w.null();
    } else {
      w.begin_object().key("kind").string(kind_name(o.error.kind)).key("http_status");
      o.error.http_status ? w.integer(*o.error.http_status) : w.null();
      w.key("api_tag");
      o.error.api_tag.empty() ? w.null() : w.string(o.error.api_tag);
      w.key("message").string(o.error.message).end_object();
    }
    w.key("note").string(o.note).end_object();
  }
  w.end_array().key("targets");  // format 1.3: a --target plan's scope (decision 0038)
  if (plan.targets) {
    w.begin_object().key("emails").begin_array();
    for (const auto& e : plan.targets->emails)
      w.string(e);
    w.end_array().key("left_out").integer(static_cast<std::int64_t>(plan.targets->left_out));
    w.end_object();
  } else {
    w.null();
  }
  w.end_object();
  out << text << '\n';
}

}  // namespace roster::render
