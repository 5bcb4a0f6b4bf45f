#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "roster/core/diagnostic.hpp"

namespace roster::manifest {

/// One node of a parsed YAML document, kept compact (a 100,000-member manifest has
/// over a million; `[[[...]]]` makes one per byte): 40 bytes, children as a singly
/// linked list of indices, scalar text in the document's own storage.
struct YamlNode {
  enum class Kind : std::uint8_t { scalar, sequence, mapping, alias };
  static constexpr std::uint32_t k_none = 0xFFFFFFFF;

  std::string_view value;    // scalar text, owned by the YamlDocument
  std::uint32_t line = 0;    // from 1
  std::uint32_t column = 0;  // from 1
  std::uint32_t first_child = k_none;
  std::uint32_t next_sibling = k_none;
  std::uint32_t target = k_none;  // alias: the anchored node
  Kind kind = Kind::scalar;
  bool plain = false;     // scalar written without quotes and without an explicit tag
  bool anchored = false;  // has an &anchor: aliases may reach it many times
};

/// Mappings and lists may nest at most this deep; a manifest needs 5 levels (groups, a
/// group, its members, one member mapping).
inline constexpr std::size_t k_max_yaml_depth = 64;

/// A whole YAML document built from libyaml's event stream. Mapping children
/// alternate key, value. Aliases stay alias nodes; `resolve()` follows them. What
/// aliases repeat is bounded: at most 8 times the text (at least 1 MiB), so a walk
/// that follows every alias stays linear in the file's size.
class YamlDocument {
 public:
  [[nodiscard]] const YamlNode& node(std::uint32_t index) const { return m_nodes[index]; }
  [[nodiscard]] std::uint32_t resolve(std::uint32_t index) const;
  [[nodiscard]] std::uint32_t root() const noexcept { return m_root; }
  [[nodiscard]] bool empty() const noexcept { return m_root == YamlNode::k_none; }

  /// Parses `text`; syntax problems go to `diagnostics` as errors located in `file`
  /// and leave the document empty. Never throws on bad input.
  static YamlDocument parse(std::string_view text, const std::string& file,
                            core::Diagnostics& diagnostics);

 private:
  friend class YamlBuilder;
  /// Copies scalar text into chunks that never move, so that values can be views.
  [[nodiscard]] std::string_view store(std::string_view text);

  std::vector<YamlNode> m_nodes;
  std::vector<std::unique_ptr<char[]>> m_chunks;
  char* m_chunk = nullptr;       // the chunk short scalars go to
  std::size_t m_chunk_free = 0;  // bytes left in it
  std::uint32_t m_root = YamlNode::k_none;
};

/// True for a plain scalar YAML reads as null: empty, `~`, `null`, `Null`, `NULL`.
[[nodiscard]] bool is_null_scalar(const YamlNode& node);

}  // namespace roster::manifest
