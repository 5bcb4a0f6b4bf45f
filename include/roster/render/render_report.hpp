#pragma once

#include <memory>
#include <ostream>

#include "roster/apply/apply_report.hpp"
#include "roster/apply/progress.hpp"
#include "roster/plan/plan.hpp"
#include "roster/render/format.hpp"

namespace roster::render {

/// The final summary of an apply: counts, then every failed and skipped step with the
/// API's error tag or the reason it was skipped.
void render_report_human(const plan::Plan& plan, const apply::ApplyReport& report,
                         const Style& style, std::ostream& out);

/// `roster apply --format json`: {"format_version", "summary", "outcomes": [...]} with one
/// outcome per plan step (docs/json-output.md).
void render_report_json(const plan::Plan& plan, const apply::ApplyReport& report,
                        std::ostream& out);

/// A ProgressSink that prints one line per finished step (`[ 3/40] ok  + invite ...`),
/// safe to call from the executor's threads.
[[nodiscard]] std::unique_ptr<apply::ProgressSink> make_progress_printer(std::size_t total,
                                                                         const Style& style,
                                                                         std::ostream& out);

}  // namespace roster::render
