// Top level, `team`, `defaults` and `policy` of a manifest file.
#include <algorithm>

#include <fmt/format.h>

#include "access_values.hpp"
#include "manifest_builder.hpp"
#include "roster/model/email.hpp"

namespace roster::manifest {

namespace {

void read_unmanaged_groups(NodeReader& reader, std::uint32_t value, model::Policy& policy) {
  auto text = reader.read_string(value, "policy.unmanaged_groups");
  if (!text) return;
  if (auto named = model::unmanaged_groups_policy_from_string(*text)) {
    policy.unmanaged_groups = *named;
  } else {
    reader.error(value,
                 fmt::format("unknown policy.unmanaged_groups value \"{}\" (expected {})",
                             core::excerpt(*text), model::unmanaged_groups_policy_choices()));
  }
}

}  // namespace

Mark ManifestBuilder::mark(const NodeReader& reader, std::uint32_t node,
                           std::uint32_t file_index) const {
  auto where = reader.where(node);
  return {file_index, where.line, where.column};
}

core::SourceLocation ManifestBuilder::location(Mark m) const {
  return {m_files[m.file].name, m.line, m.column};
}

void ManifestBuilder::add_file(std::string name, std::string_view text) {
  File& file = m_files.emplace_back();
  file.name = std::move(name);
  auto errors_before = m_diagnostics.error_count();
  file.doc = YamlDocument::parse(text, file.name, m_diagnostics);
  if (m_diagnostics.error_count() != errors_before) return;
  if (file.doc.empty() || is_null_scalar(file.doc.node(file.doc.root()))) {
    m_diagnostics.error({file.name, 1, 1},
                        "empty manifest (expected a mapping with \"version\" and \"members\")");
    file.doc = YamlDocument{};
    return;
  }
  read_top_level(file, static_cast<std::uint32_t>(m_files.size() - 1));
}

void ManifestBuilder::read_top_level(File& file, std::uint32_t) {
  NodeReader reader = reader_for(file);
  std::uint32_t root = file.doc.root();
  std::uint32_t version = YamlNode::k_none;
  bool is_mapping = reader.for_each_entry(
      root, "manifest", {"version", "team", "defaults", "policy", "groups", "members"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        if (key == "version") version = value;
        if (key == "team") file.team = value;
        if (key == "defaults") file.defaults = value;
        if (key == "policy") file.policy = value;
        if (key == "groups") file.groups = value;
        if (key == "members") file.members = value;
      });
  if (!is_mapping) return;
  if (version == YamlNode::k_none) {
    reader.error(root, "missing required key \"version\" (this roster reads version: 1)");
    return;
  }
  const auto& v = reader.node(version);
  if (v.kind != YamlNode::Kind::scalar || is_null_scalar(v)) {
    reader.error(version, "\"version\" must be a number, found " + describe(v));
  } else if (v.value != "1") {
    reader.error(version, "unsupported manifest version " + core::excerpt(v.value) +
                              " (this roster reads 1)");
  }
}

void ManifestBuilder::check_single_section(const Section& section) {
  File* first = nullptr;
  for (auto& file : m_files) {
    std::uint32_t node = file.*section.slot;
    if (node == YamlNode::k_none) continue;
    if (first == nullptr) {
      first = &file;
      continue;
    }
    NodeReader reader = reader_for(file);
    NodeReader first_reader = reader_for(*first);
    auto there = first_reader.where(first->*section.slot);
    reader.error(node, std::string("\"") + section.name + "\" is already declared in " +
                           there.file + ":" + std::to_string(there.line) + ":" +
                           std::to_string(there.column) +
                           " (team, defaults and policy may appear in one file only)");
    file.*section.slot = YamlNode::k_none;
  }
}

std::optional<std::string> ManifestBuilder::read_email(NodeReader& reader, std::uint32_t node,
                                                       std::string_view what) {
  auto text = reader.read_string(node, what);
  if (!text) return std::nullopt;
  if (text->size() > model::k_max_email_length) {
    reader.error(node, std::string(what) + " is " + std::to_string(text->size()) +
                           " characters long; Dropbox allows at most 255");
    return std::nullopt;
  }
  if (!model::is_valid_email(*text)) {
    reader.error(node, "invalid email \"" + *text + "\" in " + std::string(what) +
                           " (Dropbox expects name@domain.tld)");
    return std::nullopt;
  }
  return model::normalise_email(*text);
}

void ManifestBuilder::read_remove(NodeReader& reader, std::uint32_t node, std::string_view what,
                                  std::uint32_t file_index, model::RemoveOptions& options,
                                  RemoveMarks& marks) {
  std::string prefix(what);
  reader.for_each_entry(node, what,
                        {"wipe_data", "keep_account", "retain_team_shares", "transfer_to",
                         "transfer_admin", "after_suspended_days"},
                        [&](std::string_view key, std::uint32_t, std::uint32_t value) {
                          std::string name = prefix + "." + std::string(key);
                          if (key == "after_suspended_days") {
                            if (auto days = read_days(reader, value, name, 0))
                              options.after_suspended_days = *days;
                            return;
                          }
                          if (key == "transfer_to" || key == "transfer_admin") {
                            bool to = key == "transfer_to";
                            if (reader.is_null(value)) {
                              (to ? options.transfer_to : options.transfer_admin).clear();
                              return;
                            }
                            if (auto email = read_email(reader, value, name)) {
                              (to ? options.transfer_to : options.transfer_admin) = *email;
                              (to ? marks.transfer_to : marks.transfer_admin) =
                                  mark(reader, value, file_index);
                            }
                            return;
                          }
                          auto flag = reader.read_bool(value, name);
                          if (!flag) return;
                          if (key == "wipe_data") options.wipe_data = *flag;
                          if (key == "keep_account") options.keep_account = *flag;
                          if (key == "retain_team_shares") options.retain_team_shares = *flag;
                        });
}

// The argument rules of members/remove (REFERENCE §6.7) that a manifest can break.
void ManifestBuilder::check_remove_options(const model::RemoveOptions& options,
                                           core::SourceLocation where, std::string_view what) {
  std::string w(what);
  if (options.keep_account && options.wipe_data) {
    m_diagnostics.error(where, w + ": keep_account: true cannot be combined with wipe_data: true "
                                   "(Dropbox cannot keep an account whose data is wiped)");
  }
  if (options.retain_team_shares && !options.keep_account) {
    m_diagnostics.error(where, w + ": retain_team_shares: true requires keep_account: true");
  }
  if (options.keep_account && !options.transfer_to.empty()) {
    m_diagnostics.error(where, w + ": keep_account: true cannot be combined with transfer_to "
                                   "(a kept account keeps its files)");
  }
  if (!options.transfer_to.empty() && options.transfer_admin.empty()) {
    m_diagnostics.error(where, w + ": transfer_to requires transfer_admin (the admin who is told "
                                   "if the transfer fails)");
  }
}

void ManifestBuilder::read_defaults(File& file, std::uint32_t file_index,
                                    model::DesiredTeam& team) {
  if (file.defaults == YamlNode::k_none) return;
  NodeReader reader = reader_for(file);
  reader.for_each_entry(
      file.defaults, "defaults",
      {"send_welcome_email", "suspend", "remove", "role", "groups", "space_limit"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        if (key == "role" || key == "groups" || key == "space_limit") {
          read_default_access(reader, key, value, file_index);
        } else if (key == "send_welcome_email") {
          if (auto flag = reader.read_bool(value, "defaults.send_welcome_email")) {
            team.default_send_welcome_email = *flag;
          }
        } else if (key == "suspend") {
          reader.for_each_entry(value, "defaults.suspend", {"wipe_data"},
                                [&](std::string_view, std::uint32_t, std::uint32_t v) {
                                  if (auto flag = reader.read_bool(v, "defaults.suspend.wipe_data"))
                                    team.default_suspend.wipe_data = *flag;
                                });
        } else {
          auto errors = m_diagnostics.error_count();
          read_remove(reader, value, "defaults.remove", file_index, team.default_remove,
                      m_default_remove_marks);
          if (m_diagnostics.error_count() == errors) {
            check_remove_options(team.default_remove, reader.where(value), "defaults.remove");
          }
        }
      });
}

void ManifestBuilder::read_policy(File& file, std::uint32_t, model::DesiredTeam& team) {
  if (file.policy == YamlNode::k_none) return;
  NodeReader reader = reader_for(file);
  auto& policy = team.policy;
  reader.for_each_entry(
      file.policy, "policy",
      {"unmanaged", "max_removal_fraction", "protected", "unmanaged_groups", "max_demotions",
       "invitations"},
      [&](std::string_view key, std::uint32_t, std::uint32_t value) {
        if (key == "invitations") {
          read_invitations(reader, value, policy.invitations);
        } else if (key == "unmanaged_groups") {
          read_unmanaged_groups(reader, value, policy);
        } else if (key == "max_demotions") {
          if (auto count = read_count(reader, value, "policy.max_demotions")) {
            policy.max_demotions = *count;
          }
        } else if (key == "unmanaged") {
          auto text = reader.read_string(value, "policy.unmanaged");
          if (!text) return;
          if (auto named = model::unmanaged_policy_from_string(*text)) {
            policy.unmanaged = *named;
          } else {
            reader.error(value, "unknown policy.unmanaged value \"" + core::excerpt(*text) +
                                    "\" (expected " + model::unmanaged_policy_choices() + ")");
          }
        } else if (key == "max_removal_fraction") {
          auto number = reader.read_number(value, "policy.max_removal_fraction");
          if (!number) return;
          if (*number < 0.0 || *number > 1.0) {
            reader.error(value, "policy.max_removal_fraction must be between 0 and 1, found " +
                                    core::excerpt(reader.node(value).value));
            return;
          }
          policy.max_removal_fraction = *number;
        } else {
          reader.for_each_element(value, "policy.protected", [&](std::uint32_t element) {
            if (auto email = read_email(reader, element, "policy.protected")) {
              policy.protected_emails.push_back(*email);
            }
          });
        }
      });
  std::sort(policy.protected_emails.begin(), policy.protected_emails.end());
  policy.protected_emails.erase(
      std::unique(policy.protected_emails.begin(), policy.protected_emails.end()),
      policy.protected_emails.end());
}

void ManifestBuilder::read_team(File& file, model::DesiredTeam& team) {
  if (file.team == YamlNode::k_none) return;
  NodeReader reader = reader_for(file);
  bool has_name = false;
  bool is_mapping = reader.for_each_entry(
      file.team, "team", {"name"}, [&](std::string_view, std::uint32_t, std::uint32_t value) {
        has_name = true;
        auto name = reader.read_string(value, "team.name");
        if (!name) return;
        if (name->empty()) {
          reader.error(value, "\"team.name\" must not be empty");
          return;
        }
        team.team_name = *name;
      });
  if (is_mapping && !has_name) {
    reader.error(file.team, "missing required key \"name\" in team");
  }
}

model::DesiredTeam ManifestBuilder::finish() {
  model::DesiredTeam team;
  check_single_section({"team", &File::team});
  check_single_section({"defaults", &File::defaults});
  check_single_section({"policy", &File::policy});
  for (std::uint32_t i = 0; i < m_files.size(); ++i) {
    read_team(m_files[i], team);
    read_defaults(m_files[i], i, team);
    read_policy(m_files[i], i, team);
  }
  for (std::uint32_t i = 0; i < m_files.size(); ++i)
    read_groups(m_files[i], i, team);
  for (std::uint32_t i = 0; i < m_files.size(); ++i)
    read_members(m_files[i], i, team);
  check_references(team);
  return team;
}

}  // namespace roster::manifest
