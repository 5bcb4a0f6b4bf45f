#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "node_reader.hpp"
#include "roster/core/diagnostic.hpp"
#include "roster/model/desired.hpp"
#include "yaml_document.hpp"

namespace roster::manifest {

/// A compact source position: index into the builder's file list, line, column.
struct Mark {
  std::uint32_t file = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
  [[nodiscard]] bool is_set() const noexcept { return line != 0; }
};

/// Where the transfer keys of one `remove:` mapping were written.
struct RemoveMarks {
  Mark transfer_to;
  Mark transfer_admin;
};

/// Builds a DesiredTeam from one or more manifest files. add_file() parses each and
/// checks its top level; finish() reads sections, applies defaults to members and runs
/// the cross-member checks. All problems go to the Diagnostics passed in.
class ManifestBuilder {
 public:
  explicit ManifestBuilder(core::Diagnostics& diagnostics) : m_diagnostics(diagnostics) {}

  void add_file(std::string name, std::string_view text);
  [[nodiscard]] model::DesiredTeam finish();

 private:
  struct File {
    std::string name;
    YamlDocument doc;
    std::uint32_t team = YamlNode::k_none;
    std::uint32_t defaults = YamlNode::k_none;
    std::uint32_t policy = YamlNode::k_none;
    std::uint32_t members = YamlNode::k_none;
    AnchorChecks checks;
  };
  struct MemberMarks {
    Mark email;
    Mark external_id;
    Mark state;
    RemoveMarks remove;  // set only where the member overrides transfer keys
  };
  struct Section {
    const char* name;
    std::uint32_t File::*slot;
  };

  void read_top_level(File& file, std::uint32_t file_index);
  void check_single_section(const Section& section);
  void read_defaults(File& file, std::uint32_t file_index, model::DesiredTeam& team);
  void read_policy(File& file, std::uint32_t file_index, model::DesiredTeam& team);
  void read_team(File& file, model::DesiredTeam& team);
  void read_members(File& file, std::uint32_t file_index, model::DesiredTeam& team);
  void read_member(NodeReader& reader, std::uint32_t node, std::uint32_t file_index,
                   model::DesiredTeam& team);
  void read_remove(NodeReader& reader, std::uint32_t node, std::string_view what,
                   std::uint32_t file_index, model::RemoveOptions& options, RemoveMarks& marks);
  void check_remove_options(const model::RemoveOptions& options, core::SourceLocation where,
                            std::string_view what);
  std::optional<std::string> read_email(NodeReader& reader, std::uint32_t node,
                                        std::string_view what);
  void check_references(const model::DesiredTeam& team);
  /// Each email to the index of its first member.
  using EmailIndex = std::unordered_map<std::string_view, std::size_t>;
  void check_transfer_target(const model::DesiredTeam& team, const EmailIndex& index,
                             const std::string& target, Mark where, std::string_view key);

  NodeReader reader_for(File& file) {
    return NodeReader(file.doc, file.name, m_diagnostics, file.checks);
  }
  Mark mark(const NodeReader& reader, std::uint32_t node, std::uint32_t file_index) const;
  core::SourceLocation location(Mark m) const;

  core::Diagnostics& m_diagnostics;
  std::deque<File> m_files;  // deque: NodeReader keeps references to names
  RemoveMarks m_default_remove_marks;
  std::vector<MemberMarks> m_member_marks;  // parallel to DesiredTeam::members
};

}  // namespace roster::manifest
