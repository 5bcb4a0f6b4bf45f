#include "scope_text.hpp"
#include "roster/render/render_plan.hpp"

#include <fmt/format.h>

namespace roster::render {

namespace {

std::string count(std::size_t n, const char* one, const char* many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

}  // namespace

std::vector<std::string> license_lines(const plan::LicenseForecast& l) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format("Licenses: {} licensed; {} in use now, {} after this plan, {} free.",
                              l.licensed, l.before, l.after, l.free));
  if (l.removals_first) {
    lines.emplace_back(
        "Removals run before invitations and recoveries: these fit only in the licenses the "
        "removals free.");
  }
  return lines;
}

std::string targets_text(const plan::TargetScope& t) {
  std::string text = fmt::format("Targeted plan (--target {}): ", fmt::join(t.emails, ", "));
  if (t.left_out == 0) {
    text += "no other changes exist.";
  } else {
    text += fmt::format("{} exist{} and {} left out.",
                        count(t.left_out, "other change", "other changes"),
                        t.left_out == 1 ? "s" : "", t.left_out == 1 ? "was" : "were");
  }
  if (t.left_out_drift + t.left_out_warnings + t.left_out_scheduled > 0) {
    text += fmt::format(" Not shown: {}, {} and {} about other members.",
                        count(t.left_out_drift, "drift item", "drift items"),
                        count(t.left_out_warnings, "warning", "warnings"),
                        count(t.left_out_scheduled, "scheduled removal", "scheduled removals"));
  }
  return text;
}

}  // namespace roster::render
