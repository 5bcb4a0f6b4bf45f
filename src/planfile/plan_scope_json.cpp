#include "plan_scope_json.hpp"

#include <limits>

#include "roster/model/email.hpp"

namespace roster::planfile {

namespace json = core::json;
using json::FieldReader;
using json::Writer;

namespace {

constexpr std::int64_t k_max_count = std::numeric_limits<std::int32_t>::max();

void write_emails(Writer& w, const char* key, const std::vector<std::string>& emails) {
  w.key(key).begin_array();
  for (const auto& e : emails)
    w.string(e);
  w.end_array();
}

void write_licenses(Writer& w, const plan::LicenseForecast& l) {
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  w.begin_object().key("licensed").integer(n(l.licensed));
  w.key("provisioned").integer(n(l.provisioned)).key("reported_used").integer(n(l.reported_used));
  w.key("before").integer(n(l.before)).key("after").integer(n(l.after));
  w.key("free").integer(n(l.free)).key("removals_first").boolean(l.removals_first);
  write_emails(w, "failing", l.failing);
  w.end_object();
}

void write_targets(Writer& w, const plan::TargetScope& t) {
  auto n = [](std::size_t v) { return static_cast<std::int64_t>(v); };
  w.begin_object();
  write_emails(w, "emails", t.emails);
  w.key("left_out").integer(n(t.left_out)).key("left_out_drift").integer(n(t.left_out_drift));
  w.key("left_out_warnings").integer(n(t.left_out_warnings));
  w.key("left_out_scheduled").integer(n(t.left_out_scheduled)).end_object();
}

bool read_emails(FieldReader& f, const char* key, std::vector<std::string>& out) {
  const json::Value* list = f.array(key);
  if (list == nullptr) return false;
  for (const auto& e : list->as_array()) {
    if (!e.is_string() || !model::is_valid_email(e.as_string())) {
      return f.fail(e, "\"" + std::string(key) + "\" must be a list of email addresses");
    }
    out.push_back(model::normalise_email(e.as_string()));
  }
  return true;
}

bool read_count(FieldReader& f, const char* key, std::size_t& out) {
  std::int64_t n = 0;
  if (!f.integer(key, n, 0, k_max_count)) return false;
  out = static_cast<std::size_t>(n);
  return true;
}

bool read_licenses(const json::Value& value, FieldReader::Failure& failure,
                   plan::LicenseForecast& l) {
  FieldReader f(value, "licenses", failure);
  return read_count(f, "licensed", l.licensed) && read_count(f, "provisioned", l.provisioned) &&
         read_count(f, "reported_used", l.reported_used) && read_count(f, "before", l.before) &&
         read_count(f, "after", l.after) && read_count(f, "free", l.free) &&
         f.boolean("removals_first", l.removals_first) && read_emails(f, "failing", l.failing);
}

bool read_targets(const json::Value& value, FieldReader::Failure& failure, plan::TargetScope& t) {
  FieldReader f(value, "targets", failure);
  if (!read_emails(f, "emails", t.emails) || !read_count(f, "left_out", t.left_out) ||
      !read_count(f, "left_out_drift", t.left_out_drift) ||
      !read_count(f, "left_out_warnings", t.left_out_warnings) ||
      !read_count(f, "left_out_scheduled", t.left_out_scheduled)) {
    return false;
  }
  if (t.emails.empty()) return f.fail(value, "\"targets\" must name at least one email");
  return true;
}

}  // namespace

void write_plan_scope(Writer& w, const plan::Plan& plan) {
  w.key("licenses");
  plan.licenses ? write_licenses(w, *plan.licenses) : void(w.null());
  w.key("targets");
  plan.targets ? write_targets(w, *plan.targets) : void(w.null());
}

bool read_plan_scope(FieldReader& root, plan::Plan& plan) {
  if (const json::Value* licenses = root.object("licenses", false)) {
    plan::LicenseForecast l;
    if (!read_licenses(*licenses, root.failure(), l)) return false;
    plan.licenses = std::move(l);
  }
  if (const json::Value* targets = root.object("targets", false)) {
    plan::TargetScope t;
    if (!read_targets(*targets, root.failure(), t)) return false;
    plan.targets = std::move(t);
  }
  return !root.failed();
}

}  // namespace roster::planfile
