#pragma once

#include <string>
#include <vector>

#include "roster/dropbox/team_api.hpp"

namespace roster::dropbox {

/// One OAuth scope a set of writes needs, the routes that need it ("team/members/remove
/// and team/members/recover"), and a read-only route with the same scope: polling a job
/// that does not exist answers 401 missing_scope without the scope and 409
/// invalid_async_job_id with it, and changes nothing (docs/decisions/0012).
struct ScopeNeed {
  std::string scope;
  std::string routes;
  std::string probe;
  std::vector<Write> writes;  // those of the writes asked about that need this scope
};

/// The scopes `writes` need (team.stone's `scope` attributes), each once, in a stable order.
[[nodiscard]] std::vector<ScopeNeed> scope_needs(const std::vector<Write>& writes);

}  // namespace roster::dropbox
