// Writes one input of a given shape and about a given size, for bench/inputs/run:
// the worst shapes we could think of for each input roster reads (manifest, snapshot,
// CSV, saved plan). Usage: bench_generate_inputs SHAPE MEGABYTES FILE
//                          bench_generate_inputs --list
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "roster/planfile/saved_plan.hpp"

namespace {

// Buffers text and tells generators when the target size is reached.
class Sink {
 public:
  Sink(const std::string& path, std::size_t target)
      : m_out(path, std::ios::binary), m_target(target) {}
  ~Sink() { m_out << m_buffer; }
  Sink& operator<<(const std::string& text) {
    m_buffer += text;
    m_written += text.size();
    if (m_buffer.size() > (1 << 20)) {
      m_out << m_buffer;
      m_buffer.clear();
    }
    return *this;
  }
  [[nodiscard]] bool full() const { return m_written >= m_target; }
  [[nodiscard]] std::size_t target() const { return m_target; }

 private:
  std::ofstream m_out;
  std::string m_buffer;
  std::size_t m_target;
  std::size_t m_written = 0;
};

std::string n(long i) {
  return std::to_string(i);
}
std::string email(long i) {
  return "user" + n(i) + "@bigcorp.example.com";
}

// --- manifests (roster validate) --------------------------------------------------

void m_valid(Sink& s) {
  s << "version: 1\nmembers:\n";
  for (long i = 0; !s.full(); ++i) {
    s << "  - email: " + email(i) + "\n    given_name: Given" + n(i) + "\n    surname: Sur" + n(i) +
             "\n    external_id: \"E" + n(i) + "\"\n";
  }
}

void m_invalid(Sink& s) {  // two errors per member: a bad email and an unknown key
  s << "version: 1\nmembers:\n";
  for (long i = 0; !s.full(); ++i)
    s << "  - email: not-an-email-" + n(i) + "\n    stat: suspended\n";
}

void m_one_line(Sink& s) {  // every member in one flow list on one line
  s << "version: 1\nmembers: [";
  for (long i = 0; !s.full(); ++i)
    s << (i > 0 ? ", {email: " : "{email: ") + email(i) + ", given_name: G" + n(i) + "}";
  s << "]\n";
}

void m_short_lines(Sink& s) {  // a million comment lines, then a small manifest
  while (!s.full())
    s << "#\n#\n#\n#\n#\n#\n#\n#\n";
  s << "version: 1\nmembers: []\n";
}

void m_deep_at_limit(Sink& s) {  // elements nested to the limit, over and over
  std::string deep = std::string(61, '[') + "x" + std::string(61, ']');
  s << "version: 1\nmembers: [";
  for (long i = 0; !s.full(); ++i)
    s << (i > 0 ? ", " : "") + deep;
  s << "]\n";
}

void m_deep_beyond(Sink& s) {
  s << "version: 1\nmembers: ";
  while (!s.full())
    s << std::string(4096, '[');
}

void m_wide_mapping(Sink& s) {  // one member with millions of unknown keys
  s << "version: 1\nmembers:\n  - email: a@bigcorp.example.com\n";
  for (long i = 0; !s.full(); ++i)
    s << "    key" + n(i) + ": 1\n";
}

void m_long_strings(Sink& s) {  // names of 1 MB each (too long: an error each)
  s << "version: 1\nmembers:\n";
  std::string name(1 << 20, 'n');
  for (long i = 0; !s.full(); ++i)
    s << "  - email: " + email(i) + "\n    given_name: " + name + "\n";
}

void m_long_keys(Sink& s) {  // unknown keys of 1,000 characters (YAML allows up to 1,024)
  s << "version: 1\nmembers:\n  - email: a@bigcorp.example.com\n";
  for (long i = 0; !s.full(); ++i)
    s << "    " + std::string(990, 'k') + n(i) + ": 1\n";
}

void m_aliases_valid(Sink& s) {  // every member aliases one remove mapping
  s << "version: 1\ndefaults:\n  remove: &r {wipe_data: false, keep_account: true}\nmembers:\n";
  for (long i = 0; !s.full(); ++i)
    s << "  - {email: " + email(i) + ", state: removed, remove: *r}\n";
}

void m_aliases_bad(Sink& s) {  // one mapping with 100 bad keys, aliased as every member
  s << "version: 1\nmembers:\n  - &bad {";
  for (int k = 0; k < 100; ++k)
    s << (k > 0 ? ", bad" : "bad") + n(k) + ": 1";
  s << "}\n";
  while (!s.full())
    s << "  - *bad\n  - *bad\n  - *bad\n  - *bad\n";
}

// --- snapshots (roster plan --observed) ---------------------------------------------

std::string snapshot_member(long i, const std::string& status, const std::string& given) {
  return R"({"profile": {"team_member_id": "dbmid:AA)" + n(i) + R"(", "email": ")" + email(i) +
         R"(", "email_verified": true, "status": {".tag": ")" + status +
         R"("}, "name": {"given_name": ")" + given + R"(", "surname": "S", "familiar_name": "G",
 "display_name": "G S", "abbreviated_name": "GS"}, "membership_type": {".tag": "full"},
 "joined_on": "2015-05-12T15:50:38Z", "groups": [], "member_folder_id": "1"}, "roles": []})";
}

void snapshot(Sink& s, const std::string& status, const std::string& given, bool one_line) {
  s << R"({"members": [)";
  for (long i = 0; !s.full(); ++i) {
    std::string member = snapshot_member(i, status, given);
    if (one_line) std::erase(member, '\n');
    s << (i > 0 ? ",\n" : "") + member;
  }
  s << "], \"cursor\": \"x\", \"has_more\": false}";
}

void s_valid(Sink& s) {
  snapshot(s, "active", "G", false);
}
void s_invalid(Sink& s) {
  snapshot(s, "gone", "G", false);
}  // an unknown status each
void s_one_line(Sink& s) {
  snapshot(s, "active", "G", true);
}
void s_long_strings(Sink& s) {
  snapshot(s, "active", std::string(1 << 20, 'g'), false);
}

void s_deep_at_limit(Sink& s) {  // an ignored field nested to the limit in every member
  std::string deep = std::string(60, '[') + std::string(60, ']');
  s << R"({"members": [)";
  for (long i = 0; !s.full(); ++i) {
    std::string member = snapshot_member(i, "active", "G");
    member.insert(member.size() - 1, R"(, "future": )" + deep);
    s << (i > 0 ? ",\n" : "") + member;
  }
  s << "]}";
}

void s_deep_beyond(Sink& s) {
  s << R"({"members": )";
  while (!s.full())
    s << std::string(4096, '[');
}

void s_wide(Sink& s) {  // one member with millions of keys the decoder ignores
  std::string member = snapshot_member(0, "active", "G");
  member.pop_back();
  s << R"({"members": [)" + member;
  for (long i = 0; !s.full(); ++i)
    s << ", \"extra" + n(i) + "\": 1";
  s << "}]}";
}

// --- CSV (roster import-csv) ---------------------------------------------------------

void c_valid(Sink& s) {
  s << "email,given_name,surname,external_id,state\n";
  for (long i = 0; !s.full(); ++i)
    s << email(i) + ",Given" + n(i) + ",Sur" + n(i) + ",E" + n(i) + ",active\n";
}

void c_invalid(Sink& s) {
  s << "email,given_name,state\n";
  for (long i = 0; !s.full(); ++i)
    s << "not-an-email-" + n(i) + ",G,gone\n";
}

void c_wide_header(Sink& s) {  // millions of columns, most unnamed, emails repeated
  s << "email";
  while (!s.full())
    s << ",,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,email";
  s << "\n";
}

void c_long_cells(Sink& s) {  // quoted cells of 1 MB with line breaks inside
  std::string cell = "\"";
  for (int i = 0; i < (1 << 14); ++i)
    cell += "line of sixty-three characters in one quoted CSV cell ...\n";
  cell += "\"";
  s << "email,given_name\n";
  for (long i = 0; !s.full(); ++i)
    s << email(i) + "," + cell + "\n";
}

void c_short_lines(Sink& s) {
  s << "email\n";
  while (!s.full())
    s << "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n";
}

void c_long_line(Sink& s) {  // one data row with millions of fields
  s << "email\na@bigcorp.example.com";
  while (!s.full())
    s << ",x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x";
  s << "\n";
}

// --- saved plans (roster show) ---------------------------------------------------------

roster::planfile::SavedPlan invite_plan(std::size_t target, const std::string& note) {
  roster::planfile::SavedPlan saved;
  saved.roster_version = "bench";
  saved.created_at = "2026-11-30T00:00:00Z";
  saved.source = "observed";
  saved.manifest_digest = "sha256:00";
  const std::size_t per_step = 700 + note.size();  // about what to_json writes per invite
  for (std::size_t i = 0; i * per_step < target; ++i) {
    roster::plan::PlanStep step;
    step.action = roster::plan::Action::invite;
    step.reason = roster::plan::Reason::not_on_team;
    step.email = email(static_cast<long>(i));
    step.given_name = "Given" + n(static_cast<long>(i));
    step.note = note;
    saved.plan.steps.push_back(std::move(step));
  }
  saved.plan.summary.steps_by_action[1] = saved.plan.steps.size();
  saved.preconditions = roster::planfile::make_preconditions(saved.plan, {});
  return saved;
}

void p_valid(Sink& s) {
  s << roster::planfile::to_json(invite_plan(s.target(), ""));
}
void p_long_strings(Sink& s) {
  s << roster::planfile::to_json(invite_plan(s.target(), std::string(1 << 20, 'n')));
}
void p_invalid_last(Sink& s) {  // valid but for the last step's count: read, then refused
  auto text = roster::planfile::to_json(invite_plan(s.target(), ""));
  auto at = text.rfind("\"live_members\": 0");
  text.replace(at, 17, "\"live_members\": 1e300");
  s << text;
}
void p_deep_beyond(Sink& s) {
  s << "{\"format_version\": \"1.0\", \"steps\": ";
  while (!s.full())
    s << std::string(4096, '[');
}

struct Shape {
  const char* name;
  void (*write)(Sink&);
};

const std::vector<Shape> k_shapes = {
    {"manifest-valid", m_valid},
    {"manifest-invalid", m_invalid},
    {"manifest-one-line", m_one_line},
    {"manifest-short-lines", m_short_lines},
    {"manifest-deep-at-limit", m_deep_at_limit},
    {"manifest-deep-beyond", m_deep_beyond},
    {"manifest-wide-mapping", m_wide_mapping},
    {"manifest-long-strings", m_long_strings},
    {"manifest-long-keys", m_long_keys},
    {"manifest-aliases-valid", m_aliases_valid},
    {"manifest-aliases-bad", m_aliases_bad},
    {"snapshot-valid", s_valid},
    {"snapshot-invalid", s_invalid},
    {"snapshot-one-line", s_one_line},
    {"snapshot-long-strings", s_long_strings},
    {"snapshot-deep-at-limit", s_deep_at_limit},
    {"snapshot-deep-beyond", s_deep_beyond},
    {"snapshot-wide", s_wide},
    {"csv-valid", c_valid},
    {"csv-invalid", c_invalid},
    {"csv-wide-header", c_wide_header},
    {"csv-long-cells", c_long_cells},
    {"csv-short-lines", c_short_lines},
    {"csv-long-line", c_long_line},
    {"plan-valid", p_valid},
    {"plan-long-strings", p_long_strings},
    {"plan-invalid-last", p_invalid_last},
    {"plan-deep-beyond", p_deep_beyond},
};

}  // namespace

int main(int argc, char** argv) {
  if (argc == 2 && std::string(argv[1]) == "--list") {
    for (const auto& shape : k_shapes)
      std::printf("%s\n", shape.name);
    return 0;
  }
  if (argc != 4) {
    std::fprintf(stderr, "usage: bench_generate_inputs SHAPE MEGABYTES FILE | --list\n");
    return 2;
  }
  for (const auto& shape : k_shapes) {
    if (shape.name != std::string(argv[1])) continue;
    Sink sink(argv[3], static_cast<std::size_t>(std::atof(argv[2]) * 1024 * 1024));
    shape.write(sink);
    return 0;
  }
  std::fprintf(stderr, "unknown shape %s\n", argv[1]);
  return 2;
}
