#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "roster/model/observed.hpp"
#include "roster/planfile/saved_plan.hpp"

namespace roster::render {

/// One row of the audit report's member table.
struct AuditMember {
  std::string email;
  std::string name;
  std::string state;        // "active", "invited", "suspended", "removed", or "not on team"
  std::string role;         // "member_only", "team_admin", ...; "" when the report does not know
  std::string groups;       // group names (ids when the team's groups were not read), ", "
  std::string external_id;  // "" when none
  std::string plan;         // the actions the plan takes on the member, ", "; "" for none
};

/// A labelled count of a chart or table.
struct AuditCount {
  std::string label;
  std::size_t count = 0;
};

/// What the HTML audit report shows beyond the saved plan itself (issue 12): the team's
/// counts by state and admin role, the age histogram of pending invitations and the
/// member table. Made from the plan and the team it was planned from, or from a saved plan
/// alone, which carries only the members its steps and drift name (decision 0050).
struct AuditReport {
  /// True when the member table lists the whole team (a plan made now); false for a saved
  /// plan, which says so on the page.
  bool whole_team = false;
  std::vector<AuditCount> by_state;         // active, invited, suspended, removed (whole team)
  std::vector<AuditCount> by_role;          // live members per role, member_only first
  std::vector<AuditCount> invitation_ages;  // pending invitations per age bin
  std::vector<AuditMember> members;         // by email
};

/// The report of a plan made from `observed` (the whole team is known).
[[nodiscard]] AuditReport make_audit_report(const planfile::SavedPlan& saved,
                                            const model::ObservedTeam& observed);
/// The report of a saved plan: only the members its steps, drift and scheduled removals
/// name, with what their preconditions recorded.
[[nodiscard]] AuditReport make_audit_report(const planfile::SavedPlan& saved);

/// Writes the report as one self-contained HTML page: inline CSS, JS and SVG, a strict
/// Content-Security-Policy with the inline blocks' hashes, no URL to load anything from.
void render_audit_html(const planfile::SavedPlan& saved, const AuditReport& report,
                       std::ostream& out);

/// `text` for HTML text or a quoted attribute: & < > " ' as character references, and C0
/// control characters other than tab, LF and CR as U+FFFD (HTML forbids them).
[[nodiscard]] std::string html_escape(std::string_view text);

/// The report's member data as JSON that is safe inside a <script> element: besides JSON's
/// own escapes, < > & and U+2028, U+2029 are written as \u003c, \u003e, \u0026, \u2028,
/// \u2029, so no member name can close the element or start a comment.
[[nodiscard]] std::string audit_data_json(const planfile::SavedPlan& saved,
                                          const AuditReport& report);
/// The escaping above, applied to JSON text (outside strings these characters never occur).
[[nodiscard]] std::string script_safe_json(std::string_view json);

}  // namespace roster::render
