#include "roster/dropbox/http_team_api.hpp"

#include <algorithm>

#include "dropbox/access_calls.hpp"
#include "dropbox/bulk_suspend_calls.hpp"
#include "dropbox/http_team_api_parts.hpp"
#include "dropbox/read_only_routes.hpp"
#include "dropbox/transport/http_transport.hpp"
#include "dropbox/transport/request_slots.hpp"
#include "dropbox/transport/token_source.hpp"
#include "dropbox/wire/add_results.hpp"
#include "dropbox/wire/error_mapping.hpp"
#include "dropbox/wire/request_codec.hpp"
#include "dropbox/wire/union_tag.hpp"
#include "roster/core/json.hpp"
#include "roster/dropbox/member_codec.hpp"
#include "roster/dropbox/scope_needs.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "roster/dropbox/team_codec.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;
using core::Result;

namespace {

core::Error bad_answer(const std::string& route, const std::string& what) {
  return core::make_error(core::ErrorKind::internal,
                          "unexpected answer from team/" + route + ": " + what);
}

// A job roster stopped polling because the run stopped: its outcome is unknown.
core::Error stopped_polling(const std::string& route, const std::string& job_id) {
  core::Error error =
      core::make_error(core::ErrorKind::unavailable,
                       "team/" + route + ": stopped waiting for job " + job_id +
                           " (the run stopped); it may still finish: plan again to see");
  error.gave_up = true;
  return error;
}

const std::string* string_field(const json::Value& v, std::string_view key) {
  const json::Value* field = v.find(key);
  return field != nullptr && field->is_string() ? &field->as_string() : nullptr;
}

// The access calls come from AccessCalls (access_calls.cpp), over this object as its Rpc.
// Its read() is also the WireReads a snapshot is taken with (take_snapshot.cpp).
class HttpTeamApi final : public AccessCalls, public WireReads, private Rpc {
 public:
  HttpTeamApi(const HttpTeamApiConfig& config, std::unique_ptr<HttpTransport> transport,
              Credentials credentials, core::RunStop& stop, core::RateGate& gate)
      : m_config(config),
        m_transport(std::move(transport)),
        m_tokens(std::move(credentials), *m_transport, stop.clock()),
        m_stop(stop),
        m_gate(gate),
        m_slots(std::max(1, config.max_in_flight)) {}

  Result<TeamInfo> get_team_info() override { return read_decoded("get_info", decode_team_info); }

  Result<ApiPing> ping() override {
    auto token = m_tokens.current();
    if (!token) return token.error();
    const auto sent = m_stop.clock().now();
    auto response = post("get_info", "null", *token);
    if (!response) return response.error();
    const auto latency = m_stop.clock().now() - sent;
    return ApiPing{response->status, std::chrono::duration_cast<std::chrono::milliseconds>(latency),
                   response->date};
  }

  Result<AdminIdentity> get_authenticated_admin() override {
    return read_decoded("token/get_authenticated_admin", decode_authenticated_admin);
  }

  Result<std::vector<model::TeamRole>> get_available_roles() override {
    return read_decoded("members/get_available_team_member_roles", decode_available_roles);
  }

  Result<std::vector<model::ObservedMember>> list_members_page(const std::string& cursor,
                                                               std::string& next_cursor) override {
    const bool first = cursor.empty();
    const std::string route = first ? "members/list_v2" : "members/list/continue_v2";
    auto value = read(route, first ? encode_list_members() : encode_list_continue(cursor));
    if (!value) return value.error();
    const json::Value* members = value->find("members");
    const json::Value* has_more = value->find("has_more");
    if (members == nullptr || !members->is_array() || has_more == nullptr || !has_more->is_bool()) {
      return bad_answer(route, "no members list");
    }
    std::vector<model::ObservedMember> page;
    page.reserve(members->as_array().size());
    for (const auto& item : members->as_array()) {
      DecodeError error;
      auto member = decode_member_info(item, "member", error);
      if (!member) return bad_answer(route, error.message);
      page.push_back(std::move(*member));
    }
    next_cursor.clear();
    if (has_more->as_bool()) {
      const std::string* next = string_field(*value, "cursor");
      if (next == nullptr || next->empty()) return bad_answer(route, "has_more without a cursor");
      next_cursor = *next;
    }
    return page;
  }

  Result<AddBatch> add_members(const std::vector<NewMember>& members) override {
    const std::string route = "members/add_v2";
    auto launched = send(route, encode_add_members(members));
    if (!launched) return launched.error();
    json::Value done = std::move(*launched);
    const std::string* tag = union_tag(done);
    std::string job_id;
    if (tag != nullptr && *tag == "async_job_id") {
      if (const std::string* id = string_field(done, "async_job_id")) job_id = *id;
      auto job = poll("members/add/job_status/get_v2", done);
      if (!job) return job.error();
      done = std::move(*job);
      tag = union_tag(done);
    }
    if (tag != nullptr && *tag == "failed") {
      const std::string* why = string_field(done, "failed");
      return core::make_error(core::ErrorKind::internal,
                              "the add job failed: " + (why != nullptr ? *why : std::string()));
    }
    const json::Value* items = done.find("complete");
    if (tag == nullptr || *tag != "complete" || items == nullptr || !items->is_array()) {
      return bad_answer(route, "no complete list");
    }
    auto outcomes = match_add_outcomes(members, items->as_array());
    if (!outcomes) return outcomes.error();
    return AddBatch{std::move(*outcomes), job_id};
  }

  Result<void> suspend(const std::string& id, bool wipe_data) override {
    return void_call("members/suspend", encode_suspend(id, wipe_data));
  }

  Result<void> unsuspend(const std::string& id) override {
    return void_call("members/unsuspend", encode_user(id));
  }

  Result<void> send_welcome_email(const std::string& id) override {
    return void_call("members/send_welcome_email", encode_selector(id));
  }

  Result<std::string> launch_bulk_suspend(const std::vector<BulkSuspendTarget>& targets) override {
    return dropbox::launch_bulk_suspend(*this, targets);
  }

  Result<BulkSuspendJob> wait_bulk_suspend(const std::string& job_id) override {
    return dropbox::wait_bulk_suspend(*this, job_id);
  }

  Result<std::vector<std::optional<model::ObservedMember>>> get_members(
      const std::vector<std::string>& team_member_ids) override {
    return dropbox::get_members(*this, team_member_ids);
  }

  Result<void> recover(const std::string& id) override {
    return void_call("members/recover", encode_user(id));
  }

  Result<void> set_profile(const std::string& id, const ProfileUpdate& update) override {
    return void_call("members/set_profile_v2", encode_set_profile(id, update));
  }

  Result<void> check_scopes(const std::vector<Write>& writes) override {
    for (const auto& need : scope_needs(writes)) {
      auto answer = read(need.probe, encode_poll("roster-scope-check"));
      if (answer || answer.error().kind == core::ErrorKind::conflict) continue;  // granted
      core::Error error = answer.error();
      if (error.api_tag == "missing_scope") {
        error.message = "the Dropbox token lacks the scope " + need.scope + ", needed by " +
                        need.routes + " (401 missing_scope)";
      }
      return error;
    }
    return {};
  }

  Result<std::string> remove(const std::string& id, const RemoveArgs& args) override {
    auto launched = send("members/remove", encode_remove(id, args));
    if (!launched) return launched.error();
    const std::string* tag = union_tag(*launched);
    if (tag != nullptr && *tag == "complete") return std::string();
    if (tag == nullptr || *tag != "async_job_id") return bad_answer("members/remove", "no job");
    auto job = poll("members/remove/job_status/get", *launched);
    if (!job) return job.error();
    return *string_field(*launched, "async_job_id");
  }

 private:
  Rpc& rpc() override { return *this; }

  // A Void-argument read whose answer one of team_codec's decoders turns into T.
  template <typename Decoder>
  auto read_decoded(const std::string& route, Decoder decoder)
      -> Result<typename std::invoke_result_t<Decoder, const json::Value&, const std::string&,
                                              DecodeError&>::value_type> {
    auto value = read(route, "null");
    if (!value) return value.error();
    DecodeError error;
    auto decoded = decoder(*value, "answer", error);
    if (!decoded) return bad_answer(route, error.message);
    return std::move(*decoded);
  }

  // One request, plus one resend after refreshing an expired token.
  Result<json::Value> send(const std::string& route, const std::string& body) override {
    auto token = m_tokens.current();
    if (!token) return token.error();
    auto response = post(route, body, *token);
    if (!response) return response.error();
    if (response->status != 200) {
      core::Error error = classify_response(route, *response);
      if (error.api_tag == "expired_access_token") {
        auto refreshed = m_tokens.refresh_after_expiry(*token);
        if (!refreshed) return refreshed.error();
        if (*refreshed) {
          auto fresh = m_tokens.current();
          if (!fresh) return fresh.error();
          response = post(route, body, *fresh);
          if (!response) return response.error();
          if (response->status == 200) return decode(route, *response);
          error = classify_response(route, *response);
        }
      }
      error.message = m_tokens.redact(error.message);
      return error;
    }
    return decode(route, *response);
  }

  Result<HttpResponse> post(const std::string& route, const std::string& body,
                            const std::string& token) {
    auto response = [&]() -> Result<HttpResponse> {
      auto slot = m_slots.acquire(m_stop.token());  // given back however post() ends
      if (auto reason = m_stop.reason()) {
        core::Error error = core::make_error(core::ErrorKind::unavailable,
                                             std::string("not sent: ") + core::describe(*reason));
        error.gave_up = error.not_sent = true;
        return error;
      }
      const bool write = !is_read_only_route(route);
      if (m_config.log == nullptr) {
        return m_transport->post("/2/team/" + route, body, "application/json",
                                 {{"Authorization", "Bearer " + token}},
                                 write ? Connection::fresh : Connection::pooled);
      }
      const auto started = std::chrono::steady_clock::now();
      auto answer = m_transport->post("/2/team/" + route, body, "application/json",
                                      {{"Authorization", "Bearer " + token}},
                                      write ? Connection::fresh : Connection::pooled);
      log_request(route, write, started, answer);
      return answer;
    }();
    if (!response) {
      core::Error error = response.error();
      error.message = m_tokens.redact(error.message);
      return error;
    }
    // A server may echo what it was sent (the token) anywhere in its answer: in a tag, a
    // summary, a plain-text reason. Nothing read from the body may carry it further.
    response->body = m_tokens.redact(std::move(response->body));
    return response;
  }

  // One line in the request log; what it shows is redacted like every error.
  void log_request(const std::string& route, bool write,
                   std::chrono::steady_clock::time_point started,
                   const Result<HttpResponse>& answer) {
    core::RequestRecord record;
    record.time = std::chrono::system_clock::now();
    record.latency_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    record.route = "team/" + route;
    record.attempt = core::current_attempt();
    record.write = write;
    if (answer) {
      record.status = answer->status;
      record.request_id = m_tokens.redact(answer->request_id);
      if (answer->status != 200) {
        HttpResponse redacted = *answer;
        redacted.body = m_tokens.redact(std::move(redacted.body));
        record.api_tag = m_tokens.redact(classify_response(route, redacted).api_tag);
      }
    } else {
      record.failure = m_tokens.redact(answer.error().message);
    }
    m_config.log->request(record);
  }

  Result<json::Value> decode(const std::string& route, const HttpResponse& response) {
    json::Value value;
    std::string error;
    if (!json::parse(response.body, value, error)) {
      return bad_answer(route, "invalid JSON (" + error + ")");
    }
    return value;
  }

  // Reads and polls are idempotent: retried here on rate limits and unavailability.
  Result<json::Value> read(const std::string& route, const std::string& body) override {
    return core::with_retries<json::Value>(m_config.retry, m_stop, m_gate,
                                           [&] { return send(route, body); })
        .result;
  }

  Result<void> void_call(const std::string& route, const std::string& body) {
    auto value = send(route, body);
    if (!value) return value.error();
    return {};
  }

  // Polls an async job until it is no longer in progress; returns the final answer.
  Result<json::Value> poll(const std::string& route, const json::Value& launched) override {
    const std::string* job_id = string_field(launched, "async_job_id");
    if (job_id == nullptr) return bad_answer(route, "no async_job_id");
    const std::string body = encode_poll(*job_id);
    auto deadline = m_stop.clock().now() + m_config.max_job_wait;
    std::chrono::milliseconds interval{0};
    while (true) {
      if (!m_stop.sleep_for(interval)) return stopped_polling(route, *job_id);
      auto status = read(route, body);
      if (!status) return status.error();
      const std::string* tag = union_tag(*status);
      if (tag == nullptr || *tag != "in_progress") return status;
      if (m_stop.clock().now() > deadline) {
        core::Error error =
            core::make_error(core::ErrorKind::unavailable,
                             "team/" + route + ": job " + *job_id + " did not finish within " +
                                 std::to_string(m_config.max_job_wait.count()) +
                                 " s; it may still finish: plan again to see");
        error.gave_up = true;  // sending the change again would not make the job finish
        return error;
      }
      // 50 ms, then doubling: short jobs finish fast, long ones are not hammered.
      interval =
          std::clamp(interval * 2, std::chrono::milliseconds(50), m_config.max_poll_interval);
    }
  }

  HttpTeamApiConfig m_config;
  std::unique_ptr<HttpTransport> m_transport;
  TokenSource m_tokens;
  core::RunStop& m_stop;
  core::RateGate& m_gate;
  RequestSlots m_slots;  // bounds requests in flight
};

}  // namespace

std::unique_ptr<TeamApi> make_http_team_api(const HttpTeamApiConfig& config,
                                            std::unique_ptr<HttpTransport> transport,
                                            Credentials credentials, core::RunStop& stop,
                                            core::RateGate& gate) {
  return std::make_unique<HttpTeamApi>(config, std::move(transport), std::move(credentials), stop,
                                       gate);
}

Result<std::unique_ptr<TeamApi>> make_http_team_api(const HttpTeamApiConfig& config,
                                                    Credentials credentials, core::RunStop& stop,
                                                    core::RateGate& gate) {
  auto transport = make_http_transport(config, stop);
  if (!transport) return transport.error();
  return make_http_team_api(config, std::move(*transport), std::move(credentials), stop, gate);
}

Result<std::unique_ptr<WireReads>> make_http_wire_reads(const HttpTeamApiConfig& config,
                                                        Credentials credentials,
                                                        core::RunStop& stop, core::RateGate& gate) {
  auto transport = make_http_transport(config, stop);
  if (!transport) return transport.error();
  return std::unique_ptr<WireReads>(std::make_unique<HttpTeamApi>(
      config, std::move(*transport), std::move(credentials), stop, gate));
}

}  // namespace roster::dropbox
