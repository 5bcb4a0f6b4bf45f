// Decodes a `{"members": [...]}` snapshot with one JSON parser and prints a digest of the
// members, or the first problem as `file:line:col: error: message` (exit 1), so that
// bench/json/run can compare the parsers' time, peak memory and diagnostics.
// Usage: bench_json roster|nlohmann|rapidjson|rapidjson-stream|read SNAPSHOT
#include <fmt/format.h>
#include <sys/resource.h>

#include <cstdio>
#include <string>

#include "parsers.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/core/file.hpp"
#include "roster/core/text_position.hpp"
#include "roster/dropbox/snapshot.hpp"

namespace {

using roster::model::ObservedMember;

// FNV-1a over the decoded fields, so that the parsers can be shown to agree.
struct Digest {
  std::uint64_t value = 14695981039346656037ULL;
  void add(std::string_view text) {
    for (char c : text)
      value = (value ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    value = (value ^ 0xffU) * 1099511628211ULL;
  }
  void add(const ObservedMember& m) {
    for (const auto* s : {&m.team_member_id, &m.email, &m.given_name, &m.surname})
      add(*s);
    add(m.external_id.value_or("-"));
    add(fmt::format("{}{}{}", static_cast<int>(m.status), m.is_recoverable, m.is_disconnected));
    for (const auto& t : {m.invited_on, m.joined_on, m.suspended_on}) {
      add(t ? fmt::format("{}", *t) : "-");
    }
    for (const auto& g : m.group_ids)
      add(g);
    for (const auto& e : m.secondary_emails)
      add(e.email + (e.is_verified ? "+" : "-"));
    for (const auto& r : m.roles)
      add(r.role_id + "/" + r.name);
  }
};

// User plus system time of this process: steadier than wall time on a shared machine.
double cpu_seconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) {
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
  };
  return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

int report(const std::vector<ObservedMember>& members) {
  Digest digest;
  for (const auto& m : members)
    digest.add(m);
  std::printf("%zu members, digest %016llx, cpu %.3f s\n", members.size(),
              static_cast<unsigned long long>(digest.value), cpu_seconds());
  return 0;
}

// roster: dropbox::read_snapshot as shipped (RapidJSON through core/json, decision 0047).
int run_roster(const std::string& path) {
  auto loaded = roster::dropbox::read_snapshot(path);
  if (loaded.diagnostics.has_errors()) {
    const auto& first = loaded.diagnostics.items().front();
    std::fprintf(stderr, "%s\n", roster::core::format_diagnostic(first).c_str());
    return 1;
  }
  return report(loaded.team.members);
}

// Prints the problem at its line and column; the text is read again only for this.
int report(const std::string& path, const bench_json::Problem& problem) {
  auto text = roster::core::read_file(path);
  std::string_view view = text ? std::string_view(*text) : std::string_view();
  std::size_t offset = problem.offset;
  if (problem.after_key) {
    offset = view.find_first_not_of(" \t\r\n:", offset + 1);
    if (offset == std::string_view::npos) offset = view.size();
  }
  auto at = roster::core::position_of(view, offset);
  roster::core::Diagnostic d{
      roster::core::Severity::error, {path, at.line, at.column}, problem.message};
  std::fprintf(stderr, "%s\n", roster::core::format_diagnostic(d).c_str());
  return 1;
}

int run_candidate(const std::string& parser, const std::string& path) {
  bench_json::Parsed parsed;
  if (parser == "rapidjson-stream") {
    parsed = bench_json::parse_rapidjson_file(path);
  } else {
    auto text = roster::core::read_file(path);
    if (!text) {
      std::fprintf(stderr, "%s: cannot read: %s\n", path.c_str(), text.error().message.c_str());
      return 2;
    }
    if (parser == "read") {  // the floor: reading the file, no parsing
      std::printf("%zu bytes, cpu %.3f s\n", text->size(), cpu_seconds());
      return 0;
    }
    parsed = parser == "nlohmann" ? bench_json::parse_nlohmann(*text)
                                  : bench_json::parse_rapidjson(*text);
  }
  return parsed.failed ? report(path, parsed.problem) : report(parsed.members);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s roster|nlohmann|rapidjson|rapidjson-stream|read SNAPSHOT\n",
                 argv[0]);
    return 2;
  }
  std::string parser = argv[1];
  if (parser == "roster") return run_roster(argv[2]);
  if (parser == "nlohmann" || parser == "rapidjson" || parser == "rapidjson-stream" ||
      parser == "read") {
    return run_candidate(parser, argv[2]);
  }
  std::fprintf(stderr, "unknown parser \"%s\"\n", argv[1]);
  return 2;
}
