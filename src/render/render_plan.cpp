#include "roster/render/render_plan.hpp"

#include "roster/render/audit_report.hpp"

namespace roster::render {

void render_plan(const planfile::SavedPlan& saved, Format format, const Style& style,
                 std::ostream& out) {
  switch (format) {
    case Format::human:
      render_plan_human(saved.plan, style, out);
      break;
    case Format::json:
      out << planfile::to_json(saved);
      break;
    case Format::markdown:
      render_plan_markdown(saved, out);
      break;
    case Format::html:  // the audit report of what the saved plan carries (decision 0050)
      render_audit_html(saved, make_audit_report(saved), out);
      break;
  }
}

}  // namespace roster::render
