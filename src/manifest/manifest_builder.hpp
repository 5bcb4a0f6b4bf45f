#pragma once

#include <cstdint>
#include <deque>
#include <optional>
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

/// `file:line:col`, for messages that point at a second place.
inline std::string at(const core::SourceLocation& where) {
  return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column);
}

/// One (group, access) or (email, access) pair as the manifest wrote it: an entry of a
/// member's `groups`, of `defaults.groups`, or of a group's `members`.
struct AccessRef {
  std::string key;  // group name, or normalised email
  model::GroupAccess access = model::GroupAccess::member;
  Mark mark;
};

/// The access keys of `defaults`, applied to members without their own (decision 0024).
struct AccessDefaults {
  std::optional<model::Role> role;               // active members
  std::optional<model::SpaceLimit> space_limit;  // active and suspended members
  std::vector<AccessRef> groups;                 // active and suspended members
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
    std::uint32_t groups = YamlNode::k_none;
    AnchorChecks checks;
  };
  struct MemberMarks {
    Mark email;
    Mark external_id;
    Mark state;
    RemoveMarks remove;  // set only where the member overrides transfer keys
    Mark role;
    bool has_groups = false;  // the member has its own `groups` key: defaults.groups skipped
    std::vector<AccessRef> groups;
    std::vector<AccessRef> secondary_emails;  // as written, for cross-member messages
  };
  struct GroupMarks {
    Mark name;
    Mark external_id;
    std::vector<AccessRef> members;  // the group's `members`, as written
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
  void read_invitations(NodeReader& reader, std::uint32_t node, model::InvitationPolicy& policy);
  void read_members(File& file, std::uint32_t file_index, model::DesiredTeam& team);
  void read_member(NodeReader& reader, std::uint32_t node, std::uint32_t file_index,
                   model::DesiredTeam& team);
  void read_remove(NodeReader& reader, std::uint32_t node, std::string_view what,
                   std::uint32_t file_index, model::RemoveOptions& options, RemoveMarks& marks);
  void check_remove_options(const model::RemoveOptions& options, core::SourceLocation where,
                            std::string_view what);
  std::optional<std::string> read_email(NodeReader& reader, std::uint32_t node,
                                        std::string_view what);
  // Access keys (read_access.cpp).
  bool read_member_access(NodeReader& reader, std::string_view key, std::uint32_t value,
                          std::uint32_t file_index, model::DesiredMember& member,
                          MemberMarks& marks);
  void finish_member_access(model::DesiredMember& member, const MemberMarks& marks);
  void read_default_access(NodeReader& reader, std::string_view key, std::uint32_t value,
                           std::uint32_t file_index);
  void read_group_refs(NodeReader& reader, std::uint32_t node, std::string_view what,
                       std::uint32_t file_index, std::vector<AccessRef>& refs);
  // The `groups:` section (read_groups.cpp) and the memberships (resolve_groups.cpp).
  void read_groups(File& file, std::uint32_t file_index, model::DesiredTeam& team);
  void read_group(NodeReader& reader, std::uint32_t node, std::uint32_t file_index,
                  model::DesiredTeam& team);
  void check_references(model::DesiredTeam& team);
  /// Each email to the index of its first member.
  using EmailIndex = std::unordered_map<std::string_view, std::size_t>;
  void check_transfer_target(const model::DesiredTeam& team, const EmailIndex& index,
                             const std::string& target, Mark where, std::string_view key);
  void check_secondary_emails(const model::DesiredTeam& team, const EmailIndex& index);
  void resolve_groups(model::DesiredTeam& team, const EmailIndex& index);
  /// Lower-case group name → index in DesiredTeam::groups; reports duplicates.
  std::unordered_map<std::string, std::size_t> index_groups(const model::DesiredTeam& team);

  NodeReader reader_for(File& file) {
    return NodeReader(file.doc, file.name, m_diagnostics, file.checks);
  }
  Mark mark(const NodeReader& reader, std::uint32_t node, std::uint32_t file_index) const;
  core::SourceLocation location(Mark m) const;

  core::Diagnostics& m_diagnostics;
  std::deque<File> m_files;  // deque: NodeReader keeps references to names
  RemoveMarks m_default_remove_marks;
  AccessDefaults m_defaults;
  std::vector<MemberMarks> m_member_marks;  // parallel to DesiredTeam::members
  std::vector<GroupMarks> m_group_marks;    // parallel to DesiredTeam::groups
};

}  // namespace roster::manifest
