#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "node_reader.hpp"
#include "roster/model/desired.hpp"

namespace roster::manifest {

/// A plain scalar of decimal digits only, as an unsigned number no larger than `max`.
[[nodiscard]] std::optional<std::uint64_t> whole_number(const YamlNode& n, std::uint64_t max);
/// A whole number of days from `min` to model::k_max_policy_days (decisions 0031, 0033).
[[nodiscard]] std::optional<std::uint32_t> read_days(NodeReader& reader, std::uint32_t node,
                                                     std::string_view what, std::uint32_t min);
/// A role by its wire tag; `other_admin` and anything else is reported.
[[nodiscard]] std::optional<model::Role> read_role(NodeReader& reader, std::uint32_t node,
                                                   std::string_view what);
/// A whole number of GB (at least 2, UserQuota) or `team_default`.
[[nodiscard]] std::optional<model::SpaceLimit> read_space_limit(NodeReader& reader,
                                                                std::uint32_t node,
                                                                std::string_view what);
/// A whole number, 0 or more (a plain scalar of digits).
[[nodiscard]] std::optional<std::size_t> read_count(NodeReader& reader, std::uint32_t node,
                                                    std::string_view what);
/// `member` or `owner`.
[[nodiscard]] std::optional<model::GroupAccess> read_access(NodeReader& reader, std::uint32_t node);

}  // namespace roster::manifest
