// Writes a manifest and a members/list_v2 snapshot of N members that differ in a few
// thousand places, deterministically: every lifecycle transition and profile drift
// appears. Usage: bench_generate_team N OUT_DIR
#include <cstdio>

#include <fmt/format.h>
#include <cstdlib>
#include <fstream>
#include <string>

namespace {

std::string email_of(long i) {
  return "user" + std::to_string(i) + "@bigcorp.example.com";
}

// What member i is, by its index: most are unchanged, a few per thousand differ.
enum class Kind { same, invite, suspend, remove, unsuspend, recover, rename, profile, unmanaged };

Kind kind_of(long i) {
  if (i == 0) return Kind::same;  // the team admin
  switch (i % 100) {
    case 1:
      return Kind::invite;  // 1%
    case 2:
      return i % 200 == 2 ? Kind::suspend : Kind::same;
    case 3:
      return i % 200 == 3 ? Kind::remove : Kind::same;
    case 4:
      return i % 300 == 4 ? Kind::unsuspend : Kind::same;
    case 5:
      return i % 500 == 5 ? Kind::recover : Kind::same;
    case 6:
      return i % 500 == 6 ? Kind::rename : Kind::same;
    case 7:
      return i % 200 == 7 ? Kind::profile : Kind::same;
    case 8:
      return i % 1000 == 8 ? Kind::unmanaged : Kind::same;
    default:
      return Kind::same;
  }
}

void write_manifest_member(std::ofstream& out, long i, Kind kind) {
  if (kind == Kind::unmanaged) return;
  std::string email =
      kind == Kind::rename ? "renamed" + std::to_string(i) + "@bigcorp.example.com" : email_of(i);
  out << "  - email: " << email << "\n    given_name: Given" << i
      << "\n    surname: " << (kind == Kind::profile ? "Changed" : "Surname") << i
      << "\n    external_id: \"E" << i << "\"\n";
  if (kind == Kind::suspend) out << "    state: suspended\n";
  if (kind == Kind::remove) out << "    state: removed\n";
}

void write_snapshot_member(std::ofstream& out, long i, Kind kind, bool& first) {
  if (kind == Kind::invite) return;
  const char* status = "{\".tag\": \"active\"}";
  if (kind == Kind::unsuspend) status = "{\".tag\": \"suspended\"}";
  if (kind == Kind::recover) {
    status = "{\".tag\": \"removed\", \"is_recoverable\": true, \"is_disconnected\": false}";
  }
  const std::string account = fmt::format("dbid:AAH{:032}", i);
  out << (first ? "\n" : ",\n");
  first = false;
  out << "{\"profile\": {\"team_member_id\": \"dbmid:AAD" << i << "\", \"account_id\": \""
      << account << "\", \"external_id\": \"E" << i << "\", \"email\": \"" << email_of(i)
      << "\", \"email_verified\": true, \"secondary_emails\": [], \"status\": " << status
      << ", \"name\": {\"given_name\": \"Given" << i << "\", \"surname\": \"Surname" << i
      << "\", \"familiar_name\": \"Given" << i << "\", \"display_name\": \"Given" << i << " Surname"
      << i
      << "\", \"abbreviated_name\": \"GS\"}, \"membership_type\": "
         "{\".tag\": \"full\"}, \"joined_on\": \"2024-01-15T09:30:00Z\", \"groups\": "
         "[\"g:1a2b3c4d5e6f70000000000000000001\"], \"member_folder_id\": \""
      << 1000000 + i << "\", \"root_folder_id\": \"" << 2000000 + i << "\"}, \"roles\": "
      << (i == 0 ? "[{\"role_id\": \"pid_dbtmr:1\", \"name\": \"Team admin\", \"description\": "
                   "\"Full access\"}]"
                 : "[]")
      << "}";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s MEMBERS OUT_DIR\n", argv[0]);
    return 1;
  }
  long n = std::atol(argv[1]);
  std::string dir = argv[2];
  std::ofstream manifest(dir + "/manifest.yaml");
  std::ofstream snapshot(dir + "/snapshot.json");
  manifest << "version: 1\nteam:\n  name: Big Corp\npolicy:\n  unmanaged: report\nmembers:\n";
  snapshot << "{\"members\": [";
  bool first = true;
  for (long i = 0; i < n; ++i) {
    Kind kind = kind_of(i);
    write_manifest_member(manifest, i, kind);
    write_snapshot_member(snapshot, i, kind, first);
  }
  snapshot << "\n], \"cursor\": \"end\", \"has_more\": false}\n";
  return manifest && snapshot ? 0 : 1;
}
