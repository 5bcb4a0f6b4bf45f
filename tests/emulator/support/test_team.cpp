#include "support/test_team.hpp"

#include <chrono>
#include <fstream>
#include <stdexcept>

#include "persistence/state_codec.hpp"
#include "roster/emulator/emulator.hpp"
#include "routes/router.hpp"
#include "store/ids.hpp"
#include "store/timestamp.hpp"

namespace roster::emulator::test {

namespace {}  // namespace

std::string fill_times(std::string seed, UnixSeconds now) {
  const std::pair<std::string, UnixSeconds> marks[] = {{"{{RECENT}}", now - 3600},
                                                       {"{{OLD}}", now - 8 * 24 * 3600}};
  for (const auto& [mark, time] : marks) {
    for (auto at = seed.find(mark); at != std::string::npos; at = seed.find(mark)) {
      seed.replace(at, mark.size(), format_timestamp(time));
    }
  }
  return seed;
}

namespace {

UnixSeconds real_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

TestTeam::TestTeam(Mode mode, std::string seed, TeamOptions options)
    : m_mode(mode), m_options(options) {
  m_now = mode == Mode::routes ? *parse_timestamp("2026-06-01T00:00:00Z") : real_now();
  seed = fill_times(std::move(seed), m_now);
  if (mode == Mode::http) {
    if (!seed.empty()) std::ofstream(m_dir.file("seed.json")) << seed;
    start_http();
    return;
  }
  auto state = seed.empty() ? Result<TeamState>(default_state(m_now)) : decode_seed(seed, m_now);
  if (!state) throw std::runtime_error("bad test seed: " + state.error().message);
  RouterOptions router_options;
  router_options.token = k_token;
  router_options.rate_limit = options.rate_limit;
  router_options.oauth.token_lifetime_seconds = options.token_lifetime_seconds;
  if (options.scopes) {
    auto scopes = ScopeGrant::only(*options.scopes);
    if (!scopes) throw std::runtime_error("bad test scopes: " + scopes.error().message);
    router_options.scopes = std::move(*scopes);
  }
  router_options.wall_clock = [now = m_now] { return now; };
  router_options.monotonic_clock = [this] { return m_monotonic; };
  m_sink = std::make_unique<MemorySink>();
  m_router = std::make_unique<Router>(std::move(*state), router_options, *m_sink);
}

TestTeam::~TestTeam() = default;

void TestTeam::start_http() {
  EmulatorOptions options;
  options.state_path = state_path();
  if (std::ifstream(m_dir.file("seed.json"))) options.seed_path = m_dir.file("seed.json");
  options.token = k_token;
  options.rate_limit = m_options.rate_limit;
  options.token_lifetime_seconds = m_options.token_lifetime_seconds;
  options.scopes = m_options.scopes;
  auto emulator = Emulator::start(options);
  if (!emulator) throw std::runtime_error("emulator did not start: " + emulator.error().message);
  m_emulator = std::move(*emulator);
  m_client = std::make_unique<HttpClient>(m_emulator->port());
}

void TestTeam::restart() {
  m_client.reset();
  m_emulator.reset();
  start_http();
}

std::uint16_t TestTeam::port() const {
  return m_emulator ? m_emulator->port() : 0;
}

Reply TestTeam::send(const ClientRequest& request) {
  if (m_mode == Mode::http) return m_client->send(request);
  HttpRequest in;
  in.method = request.method;
  in.target = request.target;
  in.authorization = request.authorization;
  in.content_type = request.content_type;
  in.body = request.body;
  const auto out = m_router->handle(in);
  Reply reply;
  if (out.drop_connection) return reply;
  reply.status = out.status;
  reply.content_type = out.content_type;
  reply.body = out.body;
  for (const auto& [name, value] : out.headers) {
    std::string lower = name;
    for (auto& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[lower] = value;
  }
  if (!out.content_type.empty()) reply.headers["content-type"] = out.content_type;
  return reply;
}

Reply TestTeam::call(std::string_view route, const nlohmann::json& arg) {
  return send({"POST", "/2/" + std::string(route), arg.dump(), std::string("Bearer ") + k_token,
               "application/json"});
}

Reply TestTeam::call_void(std::string_view route) {
  return send(
      {"POST", "/2/" + std::string(route), "", std::string("Bearer ") + k_token, std::nullopt});
}

Reply TestTeam::admin_get(std::string_view path) {
  return send({"GET", "/_emulator/" + std::string(path), "", std::nullopt, std::nullopt});
}

Reply TestTeam::admin_post(std::string_view path, const nlohmann::json& body) {
  return send(
      {"POST", "/_emulator/" + std::string(path), body.dump(), std::nullopt, "application/json"});
}

void TestTeam::advance_clock(std::int64_t seconds) {
  const auto reply = admin_post("clock", {{"advance_seconds", seconds}});
  if (reply.status != 200) throw std::runtime_error("clock advance failed: " + reply.body);
}

std::string with_members(std::string seed, std::string_view members) {
  const std::string_view list = R"("members": [)";
  seed.insert(seed.find(list) + list.size(), std::string(members) + ",");
  return seed;
}

std::string acme_group_id(std::uint64_t n) {
  return make_group_id(n);
}

std::string acme_seed(std::uint32_t licenses, std::string_view extra_keys) {
  std::string extra(extra_keys);
  if (!extra.empty()) extra = ",\n  " + extra;
  return R"({"team_name": "Acme", "team_id": "dbtid:AAacme", "num_licensed_users": )" +
         std::to_string(licenses) + R"(, "member_space_limit_gb": 100,
  "verified_domains": ["acme.com"],
  "admin_email": "admin@acme.com", "other_team_emails": ["elsewhere@other.com"],
  "members": [
    {"email": "admin@acme.com", "given_name": "Ada", "surname": "Admin", "role": "team_admin", "external_id": "E0"},
    {"email": "amy@acme.com", "given_name": "Amy", "surname": "Smith", "external_id": "E1"},
    {"email": "ian@acme.com", "given_name": "Ian", "surname": "Invited", "status": "invited"},
    {"email": "sue@acme.com", "given_name": "Sue", "surname": "Suspended", "status": "suspended"},
    {"email": "uma@acme.com", "given_name": "Uma", "surname": "Manager", "role": "user_management_admin"},
    {"email": "rita@acme.com", "given_name": "Rita", "surname": "Removed", "status": "removed",
     "removed_on": "{{RECENT}}", "external_id": "E5"},
    {"email": "olga@acme.com", "given_name": "Olga", "surname": "Old", "status": "removed",
     "removed_on": "{{OLD}}"},
    {"email": "basil@acme.com", "given_name": "Basil", "surname": "Basic", "status": "removed",
     "removed_on": "{{RECENT}}", "is_disconnected": true}
  ],
  "groups": [
    {"group_name": "Sales", "group_external_id": "sales",
     "members": [{"email": "amy@acme.com", "access_type": "member"}]},
    {"group_name": "Everyone", "group_management_type": "system_managed"},
    {"group_name": "Projects", "group_management_type": "user_managed"}
  ])" + extra +
         "}";
}

nlohmann::json member_profile(TestTeam& team, const std::string& email) {
  const auto reply = team.call("team/members/get_info_v2",
                               {{"members", nlohmann::json::array({by_email(email)})}});
  if (reply.status != 200) throw std::runtime_error("get_info_v2 failed: " + reply.body);
  return reply.json().at("members_info")[0].at("profile");
}

nlohmann::json by_email(const std::string& address) {
  return {{".tag", "email"}, {"email", address}};
}

nlohmann::json error_body(const nlohmann::json& error) {
  return {{"error_summary", error.at(".tag").get<std::string>() + "/.."}, {"error", error}};
}

}  // namespace roster::emulator::test
