#pragma once

#include <memory>

#include "dropbox/transport/http_transport.hpp"
#include "roster/dropbox/http_team_api.hpp"

namespace roster::dropbox {

/// HttpTeamApi over a given transport: the real one (make_http_team_api), or a scripted
/// one in unit tests of paging, job polling and the request bound.
[[nodiscard]] std::unique_ptr<TeamApi> make_http_team_api(const HttpTeamApiConfig& config,
                                                          std::unique_ptr<HttpTransport> transport,
                                                          Credentials credentials,
                                                          core::RunStop& stop,
                                                          core::RateGate& gate);

}  // namespace roster::dropbox
