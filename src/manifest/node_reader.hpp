#pragma once

#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "roster/core/diagnostic.hpp"
#include "yaml_document.hpp"

namespace roster::manifest {

/// Anchored mappings whose check reported errors, with the name they were checked as
/// ("member", "remove"): an alias to one of them is not checked, or reported, again.
class AnchorChecks {
 public:
  [[nodiscard]] bool has_failed(std::uint32_t node, std::string_view what) const;
  void record_failure(std::uint32_t node, std::string_view what);

 private:
  std::set<std::pair<std::uint32_t, std::string>> m_failed;
};

/// Typed, schema-checked access to one YamlDocument. Every failed check adds an
/// error diagnostic at the offending node and returns nullopt / false, so callers
/// carry on and report every problem in one run.
class NodeReader {
 public:
  NodeReader(const YamlDocument& doc, const std::string& file, core::Diagnostics& diagnostics,
             AnchorChecks& checks)
      : m_doc(doc), m_file(file), m_diagnostics(diagnostics), m_checks(checks) {}

  using EntryFn =
      std::function<void(std::string_view key, std::uint32_t key_node, std::uint32_t value_node)>;

  /// Visits each entry of the mapping at `node`. Reports non-string and duplicate keys,
  /// and keys not in `allowed` (with a did-you-mean hint); those are not visited.
  /// `what` names the mapping in messages ("member", "defaults.remove"). False when the
  /// node is not a mapping (reported), or is an alias of an anchored mapping whose
  /// problems were already reported as `what`: callers then check nothing further.
  bool for_each_entry(std::uint32_t node, std::string_view what,
                      std::initializer_list<std::string_view> allowed, const EntryFn& visit);

  /// Visits each element of the sequence at `node`.
  bool for_each_element(std::uint32_t node, std::string_view what,
                        const std::function<void(std::uint32_t element)>& visit);

  [[nodiscard]] std::optional<std::string> read_string(std::uint32_t node, std::string_view what);
  [[nodiscard]] std::optional<bool> read_bool(std::uint32_t node, std::string_view what);
  [[nodiscard]] std::optional<double> read_number(std::uint32_t node, std::string_view what);

  /// True for a plain null scalar (an optional key left empty).
  [[nodiscard]] bool is_null(std::uint32_t node) const;

  [[nodiscard]] core::SourceLocation where(std::uint32_t node) const;
  void error(std::uint32_t node, std::string message);

  [[nodiscard]] const YamlNode& node(std::uint32_t index) const {
    return m_doc.node(m_doc.resolve(index));
  }
  [[nodiscard]] const std::string& file() const noexcept { return m_file; }

 private:
  bool expect(std::uint32_t node, YamlNode::Kind kind, std::string_view what);

  const YamlDocument& m_doc;
  const std::string& m_file;
  core::Diagnostics& m_diagnostics;
  AnchorChecks& m_checks;
};

/// "a mapping", "a list", "null", "a string"… for type-mismatch messages.
[[nodiscard]] std::string describe(const YamlNode& node);

/// The closest of `candidates` to `word` within edit distance 2, or empty.
[[nodiscard]] std::string_view closest_match(std::string_view word,
                                             std::initializer_list<std::string_view> candidates);

}  // namespace roster::manifest
