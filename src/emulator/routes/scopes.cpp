#include "routes/scopes.hpp"

#include <algorithm>
#include <array>

namespace roster::emulator {

namespace {

constexpr std::array<std::string_view, 6> k_scopes = {"groups.read",    "groups.write",
                                                      "members.delete", "members.read",
                                                      "members.write",  "team_info.read"};

}  // namespace

std::span<const std::string_view> known_scopes() {
  return k_scopes;
}

ScopeGrant::ScopeGrant() : m_granted(k_scopes.begin(), k_scopes.end()) {}

Result<ScopeGrant> ScopeGrant::only(const std::vector<std::string>& scopes) {
  ScopeGrant grant;
  grant.m_granted.clear();
  for (const auto& scope : scopes) {
    if (scope.empty()) continue;  // "--scopes ''" grants nothing
    const auto known = std::find(k_scopes.begin(), k_scopes.end(), scope);
    if (known == k_scopes.end()) {
      std::string list;
      for (const auto name : k_scopes)
        list += (list.empty() ? "" : ", ") + std::string(name);
      return make_error(ErrorKind::invalid_input,
                              "unknown scope \"" + scope + "\" (known: " + list + ")");
    }
    grant.m_granted.push_back(*known);
  }
  return grant;
}

bool ScopeGrant::allows(std::string_view scope) const {
  return std::find(m_granted.begin(), m_granted.end(), scope) != m_granted.end();
}

}  // namespace roster::emulator
