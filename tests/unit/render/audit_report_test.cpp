// The HTML audit report (issue 12): escaping of team data on the C++ side, the report
// model's counts, and the page's CSP. Its behaviour in a browser: tests/browser/.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "render_support.hpp"
#include "roster/core/sha256.hpp"
#include "roster/render/audit_report.hpp"
#include "support/builders.hpp"

using namespace roster;
using model::MemberStatus;

namespace {

constexpr model::Timestamp k_now = 1'798'416'000;  // 2026-12-28T00:00:00Z
constexpr model::Timestamp k_day = model::k_seconds_per_day;

struct Team {
  model::DesiredTeam desired;
  model::ObservedTeam observed;
};

Team audit_team() {
  Team t;
  t.desired.policy.max_removal_fraction = 1.0;
  t.desired.members = {test::desired("admin@acme.com"), test::desired("ann@acme.com"),
                       test::desired("new@acme.com"), test::desired("ian@acme.com"),
                       test::desired("joy@acme.com")};
  t.observed.team_name = "Acme <Corp>";
  t.observed.members = {test::team_admin("admin@acme.com"), test::observed("ann@acme.com"),
                        test::observed("ray@acme.com"),
                        test::observed("sus@acme.com", MemberStatus::suspended),
                        test::removed("oops@acme.com", true)};
  for (auto [email, age] : {std::pair{"ian@acme.com", 3}, {"joy@acme.com", 40}}) {
    auto m = test::observed(email, MemberStatus::invited);
    m.invited_on = k_now - age * k_day;
    t.observed.members.push_back(m);
  }
  t.observed.members[1].given_name = "<img src=x onerror=alert(1)>";
  t.observed.members[1].group_ids = {"g:1"};
  t.observed.groups = {{"g:1", "</script><script>alert(1)</script>", {}, {}, {}, {}}};
  return t;
}

planfile::SavedPlan audit_plan(const Team& t) {
  return test::saved_plan(t.desired, t.observed, plan::PlanOptions{k_now, {}, {}, {}},
                          "2026-12-28T00:00:00Z");
}

std::size_t count_of(const std::vector<render::AuditCount>& counts, const std::string& label) {
  for (const auto& c : counts) {
    if (c.label == label) return c.count;
  }
  FAIL("no count labelled " << label);
  return 0;
}

const render::AuditMember& member(const render::AuditReport& report, const std::string& email) {
  for (const auto& m : report.members) {
    if (m.email == email) return m;
  }
  throw std::runtime_error("no member " + email);
}

std::string page_of(const planfile::SavedPlan& saved, const render::AuditReport& report) {
  std::ostringstream out;
  render::render_audit_html(saved, report, out);
  return out.str();
}

}  // namespace

TEST_CASE("html_escape writes markup characters as references and control characters as U+FFFD",
          "[render][audit]") {
  CHECK(render::html_escape("<img src=x onerror=alert(1)>") ==
        "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(render::html_escape("Tom & \"Jerry\" 'T'") == "Tom &amp; &quot;Jerry&quot; &#39;T&#39;");
  CHECK(render::html_escape("a\x01"
                            "b\x1f"
                            "c") ==
        "a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD"
        "c");
  CHECK(render::html_escape("tab\tline\ncr\r") == "tab\tline\ncr\r");
  CHECK(render::html_escape("Zoë \xE2\x80\xA8") == "Zoë \xE2\x80\xA8");  // UTF-8 passes
}

TEST_CASE("script_safe_json escapes what could end the script element or a JS line",
          "[render][audit]") {
  CHECK(render::script_safe_json(R"({"n":"</script><!--&"})") ==
        R"({"n":"\u003c/script\u003e\u003c!--\u0026"})");
  CHECK(render::script_safe_json("\"a\xE2\x80\xA8"
                                 "b\xE2\x80\xA9\"") == R"("a\u2028b\u2029")");
  CHECK(render::script_safe_json("\"\xE2\x80\xA2\"") == "\"\xE2\x80\xA2\"");  // a bullet stays
}

TEST_CASE("the report model counts the team by state and live members by role", "[render][audit]") {
  auto team = audit_team();
  auto saved = audit_plan(team);
  auto report = render::make_audit_report(saved, team.observed);
  CHECK(report.whole_team);
  CHECK(count_of(report.by_state, "active") == 3);
  CHECK(count_of(report.by_state, "invited") == 2);
  CHECK(count_of(report.by_state, "suspended") == 1);
  CHECK(count_of(report.by_state, "removed") == 1);
  CHECK(count_of(report.by_role, "team_admin") == 1);
  CHECK(count_of(report.by_role, "member_only") == 5);
  CHECK(count_of(report.invitation_ages, "0-6 days") == 1);
  CHECK(count_of(report.invitation_ages, "30-59 days") == 1);
  // Live members in the chart equal the plan's count.
  CHECK(saved.plan.summary.live_members == 6);
  // Every record, and the member the plan invites, once, by email.
  REQUIRE(report.members.size() == 8);
  CHECK(member(report, "new@acme.com").state == "not on team");
  CHECK(member(report, "new@acme.com").plan == "invite");
  CHECK(member(report, "ann@acme.com").groups == "</script><script>alert(1)</script>");
  CHECK(member(report, "ann@acme.com").plan.empty());
  CHECK(std::is_sorted(report.members.begin(), report.members.end(),
                       [](const auto& a, const auto& b) { return a.email < b.email; }));
}

TEST_CASE("a saved plan's report lists only the members the plan names, and says so",
          "[render][audit]") {
  auto team = audit_team();
  auto saved = audit_plan(team);
  auto report = render::make_audit_report(saved);
  CHECK_FALSE(report.whole_team);
  CHECK(count_of(report.by_state, "live") == 6);
  CHECK(count_of(report.by_state, "removed") == 1);
  CHECK(report.by_role.empty());
  CHECK(member(report, "new@acme.com").plan == "invite");
  CHECK(member(report, "ray@acme.com").state == "active");  // unmanaged: drift
  CHECK(page_of(saved, report).find("Made from a saved plan") != std::string::npos);
}

TEST_CASE("the report page escapes team data and admits only its own inline blocks",
          "[render][audit]") {
  auto team = audit_team();
  auto saved = audit_plan(team);
  auto page = page_of(saved, render::make_audit_report(saved, team.observed));
  CHECK(page.find("<img src=x") == std::string::npos);
  CHECK(page.find("alert(1)</script>") == std::string::npos);
  CHECK(page.find("Acme &lt;Corp&gt;") != std::string::npos);
  CHECK(page.find(R"(\u003cimg src=x onerror=alert(1)\u003e)") != std::string::npos);
  CHECK(page.find("http://") == std::string::npos);
  CHECK(page.find("https://") == std::string::npos);
  // The CSP comes first in <head> and names the hashes of exactly the blocks on the page.
  std::smatch m;
  REQUIRE(std::regex_search(page, m,
                            std::regex("<head>\n<meta http-equiv=\"Content-Security-"
                                       "Policy\" content=\"([^\"]*)\">")));
  std::string csp = m[1];
  CHECK(csp.find("default-src 'none';") == 0);
  auto block = [&](const std::string& open, const std::string& close) {
    auto start = page.find(open) + open.size();
    return page.substr(start, page.find(close, start) - start);
  };
  CHECK(csp.find("script-src 'sha256-" + core::sha256_base64(block("<script>", "</script>")) +
                 "'") != std::string::npos);
  CHECK(csp.find("style-src 'sha256-" + core::sha256_base64(block("<style>", "</style>")) + "'") !=
        std::string::npos);
  for (const char* rule :
       {"img-src data:", "connect-src 'none'", "form-action 'none'", "base-uri 'none'"})
    CHECK(csp.find(rule) != std::string::npos);
}

TEST_CASE("the report states the team's licenses now and once the plan is applied",
          "[render][audit]") {
  auto team = audit_team();
  team.observed.licenses = model::LicenseCounts{10, 6, 6};
  auto saved = audit_plan(team);
  auto page = page_of(saved, render::make_audit_report(saved, team.observed));
  // 6 live members hold licenses; the plan invites new@acme.com (one more).
  CHECK(page.find("<th>Licenses</th><td>10 licensed, 6 used, 4 free now, 3 free once the plan "
                  "is applied</td>") != std::string::npos);
  team.observed.licenses.reset();
  auto unknown = audit_plan(team);
  CHECK(page_of(unknown, render::make_audit_report(unknown, team.observed))
            .find("<th>Licenses</th><td>unknown (the listing does not record them)</td>") !=
        std::string::npos);
}

TEST_CASE("sha256_base64 is the CSP form of the digest", "[core][audit]") {
  CHECK(core::sha256_base64("") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  CHECK(core::sha256_base64("abc") == "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0=");
}
