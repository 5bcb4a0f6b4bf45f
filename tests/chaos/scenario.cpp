#include "scenario.hpp"

#include <fmt/format.h>

#include <vector>

#include "support/seed.hpp"

namespace roster::chaos {

namespace {

using test::SeedMember;

std::string email(std::string_view prefix, int i) {
  return fmt::format("{}.{:04}@chaos.example.com", prefix, i);
}

SeedMember removed(std::string address, bool recoverable) {
  SeedMember m(std::move(address), "removed");
  m.recoverable = recoverable;
  return m;
}

// Collects the seed and the manifest side by side.
class Builder {
 public:
  explicit Builder(int scale) : m_scale(scale) {}

  [[nodiscard]] int n(int per_unit) const { return per_unit * m_scale; }
  void seed(SeedMember member) { m_seed.push_back(std::move(member)); }
  void declare(const std::string& fields) { m_members += "  - {" + fields + "}\n"; }
  void steps(const char* action, int count) { m_steps[action] += count; }
  void bystanders(int count) { m_bystanders += count; }

  Scenario finish(const std::string& admin) {
    Scenario s;
    s.admin_email = admin;
    s.seed_json = test::make_seed(m_seed, admin, "Chaos Corp", 5000 * m_scale);
    s.manifest_yaml = fmt::format(
        "version: 1\nteam: {{name: Chaos Corp}}\npolicy:\n  unmanaged: report\n"
        "  max_removal_fraction: 0.6\n  protected: [{0}]\nmembers:\n  - email: {0}\n{1}",
        admin, m_members);
    s.expected_steps = m_steps;
    s.bystanders = m_bystanders + 1;  // and the admin
    return s;
  }

 private:
  int m_scale;
  std::vector<SeedMember> m_seed;
  std::string m_members;
  std::map<std::string, int> m_steps;
  int m_bystanders = 0;
};

// Members the first plan names, one cohort per cell of the lifecycle table it exercises.
void add_changes(Builder& b) {
  for (int i = 0; i < b.n(600); ++i)
    b.declare(fmt::format("email: {}, given_name: New, surname: N{}", email("new", i), i));
  for (int i = 0; i < b.n(50); ++i) {  // removed for good: a new record, old one untouched
    b.seed(removed(email("gone", i), false));
    b.declare("email: " + email("gone", i));
  }
  b.steps("invite", b.n(650));
  b.bystanders(b.n(50));
  for (int i = 0; i < b.n(150); ++i) {
    b.seed(removed(email("rec", i), true));
    b.declare("email: " + email("rec", i));
  }
  for (int i = 0; i < b.n(50); ++i) {
    b.seed(removed(email("recsusp", i), true));
    b.declare("email: " + email("recsusp", i) + ", state: suspended");
  }
  for (int i = 0; i < b.n(50); ++i) {
    auto m = removed(email("recupd", i), true);
    m.given_name = "Old";
    b.seed(m);
    b.declare("email: " + email("recupd", i) + ", given_name: New");
  }
  b.steps("recover", b.n(250));
  for (int i = 0; i < b.n(300); ++i) {
    b.seed({email("unsusp", i), "suspended"});
    b.declare("email: " + email("unsusp", i));
  }
  b.steps("unsuspend", b.n(300));
  for (int i = 0; i < b.n(250); ++i) {
    b.seed({email("upd", i), "active", "Old", "Old", fmt::format("U{}", i)});
    const char* change[] = {"given_name: New", "surname: New", "external_id: V"};
    b.declare(fmt::format("email: {}, {}{}", email("upd", i), change[i % 3],
                          i % 3 == 2 ? std::to_string(i) : ""));
  }
  for (int i = 0; i < b.n(30); ++i) {  // matched by external_id: the email changes
    b.seed({email("mv.old", i), "active", "", "", fmt::format("MV{}", i)});
    b.declare(fmt::format("email: {}, external_id: MV{}", email("mv.new", i), i));
  }
  b.steps("update_profile", b.n(330));
}

void add_removals(Builder& b, const std::string& admin) {
  for (int i = 0; i < b.n(350); ++i) {
    b.seed({email("susp", i)});
    b.declare("email: " + email("susp", i) + ", state: suspended");
  }
  b.steps("suspend", b.n(400));  // and recsusp's, after their recovery
  for (int i = 0; i < b.n(200); ++i) {
    b.seed({email("rm", i)});
    b.declare("email: " + email("rm", i) + ", state: removed");
  }
  // Files go to an unchanged member, to one being unsuspended, or to one being recovered.
  for (int i = 0; i < b.n(150); ++i) {
    int third = b.n(50);
    std::string to = i < third       ? email("keep", i)
                     : i < 2 * third ? email("unsusp", i - third)
                                     : email("rec", i - 2 * third);
    b.seed({email("rmx", i)});
    b.declare(
        fmt::format("email: {}, state: removed, remove: {{transfer_to: {}, "
                    "transfer_admin: {}}}",
                    email("rmx", i), to, admin));
  }
  for (int i = 0; i < b.n(50); ++i) {
    b.seed({email("rmsusp", i), "suspended"});
    b.declare("email: " + email("rmsusp", i) + ", state: removed");
  }
  for (int i = 0; i < b.n(50); ++i) {  // removing an invitee cancels the invitation
    b.seed({email("cancel", i), "invited"});
    b.declare("email: " + email("cancel", i) + ", state: removed");
  }
  b.steps("remove", b.n(450));
}

// Seeded records no step may touch: declared and already right, or not declared at all
// (policy.unmanaged: report), in every status.
void add_bystanders(Builder& b) {
  struct Cohort {
    const char* prefix;
    int count;
    const char* status;
    const char* declared;  // nullptr: not in the manifest
    bool recoverable = true;
  };
  const Cohort cohorts[] = {
      {"keep", 200, "active", ""},
      {"keepsusp", 30, "suspended", ", state: suspended"},
      {"keeprm", 20, "removed", ", state: removed"},
      {"keepinv", 30, "invited", ""},
      {"by", 100, "active", nullptr},
      {"bysusp", 30, "suspended", nullptr},
      {"byinv", 30, "invited", nullptr},
      {"byrm", 20, "removed", nullptr},
      {"bygone", 20, "removed", nullptr, false},
  };
  for (const auto& c : cohorts) {
    for (int i = 0; i < b.n(c.count); ++i) {
      SeedMember m(email(c.prefix, i), c.status, "Steady", fmt::format("S{}", i),
                   fmt::format("{}{}", c.prefix, i));
      m.recoverable = c.recoverable;
      b.seed(m);
      if (c.declared != nullptr) {
        b.declare(fmt::format("email: {}, given_name: Steady, surname: S{}, external_id: {}{}{}",
                              m.email, i, c.prefix, i, c.declared));
      }
    }
    b.bystanders(b.n(c.count));
  }
}

}  // namespace

int Scenario::total_steps() const {
  int total = 0;
  for (const auto& [action, count] : expected_steps)
    total += count;
  return total;
}

Scenario make_scenario(int scale) {
  const std::string admin = "admin@chaos.example.com";
  Builder b(scale);
  add_changes(b);
  add_removals(b, admin);
  add_bystanders(b);
  return b.finish(admin);
}

}  // namespace roster::chaos
