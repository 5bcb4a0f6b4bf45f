#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "roster/core/clock.hpp"
#include "roster/core/request_log.hpp"
#include "roster/core/retry.hpp"
#include "roster/core/stop.hpp"
#include "roster/dropbox/credentials.hpp"
#include "roster/dropbox/take_snapshot.hpp"
#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

inline constexpr const char* k_default_api_url = "https://api.dropboxapi.com";

struct HttpTeamApiConfig {
  std::string api_url = k_default_api_url;  // https://, or http:// on loopback only
  /// A PEM bundle of the only CAs to trust (--ca-file, else SSL_CERT_FILE); empty: the
  /// system's. `ca_file_source` names it in errors ("--ca-file", "SSL_CERT_FILE").
  std::string ca_file;
  std::string ca_file_source = "--ca-file";
  std::chrono::seconds timeout{60};
  core::RetryPolicy retry;  // for reads and job polls
  std::chrono::milliseconds max_poll_interval{2000};
  /// An async job still in progress after this fails its call (it may still finish).
  std::chrono::seconds max_job_wait{15 * 60};
  /// Requests in flight at most, across every thread using this client (--parallelism).
  /// Waiting between job polls does not hold a slot.
  int max_in_flight = 8;
  /// Where each request attempt is logged (route, status, latency, request id; never a
  /// header or a body); null: no log, and no cost.
  core::RequestLog* log = nullptr;
};

/// TeamApi over HTTPS to the Dropbox API (or roster-emulator on loopback). With a
/// refresh grant it fetches access tokens from /oauth2/token, refreshes them before
/// they expire and once on 401 expired_access_token. The token never appears in an
/// Error it returns. Every wait (Retry-After, backoff, job polls, requests in flight)
/// ends when `stop` says the run must stop. `stop` and `gate` must outlive the result.
[[nodiscard]] core::Result<std::unique_ptr<TeamApi>> make_http_team_api(
    const HttpTeamApiConfig& config, Credentials credentials, core::RunStop& stop,
    core::RateGate& gate);

/// The same client's reads, answers kept as sent (for take_snapshot): no method of it writes.
[[nodiscard]] core::Result<std::unique_ptr<WireReads>> make_http_wire_reads(
    const HttpTeamApiConfig& config, Credentials credentials, core::RunStop& stop,
    core::RateGate& gate);

}  // namespace roster::dropbox
