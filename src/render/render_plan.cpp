#include "roster/render/render_plan.hpp"

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
  }
}

}  // namespace roster::render
