#include "wire/arg_reader.hpp"

#include <algorithm>

namespace roster::emulator {

namespace {

std::string type_name(const nlohmann::json& value) {
  if (value.is_null()) return "null";
  if (value.is_boolean()) return "boolean";
  if (value.is_number()) return "number";
  if (value.is_string()) return "string";
  if (value.is_array()) return "list";
  return "object";
}

bool is_letter(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}
bool is_alnum(char c) {
  return is_letter(c) || (c >= '0' && c <= '9');
}

// common.EmailAddress: ^['#&A-Za-z0-9._%+-]+@[A-Za-z0-9-][A-Za-z0-9.-]*\.[A-Za-z]{2,15}$
bool is_email(std::string_view text) {
  const auto at = text.find('@');
  if (at == std::string_view::npos || at == 0) return false;
  const auto local = text.substr(0, at);
  const auto domain = text.substr(at + 1);
  constexpr std::string_view local_extra = "'#&._%+-";
  if (!std::all_of(local.begin(), local.end(), [&](char c) {
        return is_alnum(c) || local_extra.find(c) != std::string_view::npos;
      })) {
    return false;
  }
  const auto dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  const auto host = domain.substr(0, dot);
  const auto tld = domain.substr(dot + 1);
  if (tld.size() < 2 || tld.size() > 15 || !std::all_of(tld.begin(), tld.end(), is_letter)) {
    return false;
  }
  if (!(is_alnum(host[0]) || host[0] == '-')) return false;
  return std::all_of(host.begin(), host.end(),
                     [](char c) { return is_alnum(c) || c == '.' || c == '-'; });
}

std::size_t code_points(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

}  // namespace

void DecodeStatus::fail(const std::string& path, const std::string& detail) {
  if (!m_message.empty()) return;
  m_message = "request body: " + (path.empty() ? detail : path + ": " + detail);
}

std::string check_string(std::string_view text, StringRule rule) {
  switch (rule) {
    case StringRule::any:
      return {};
    case StringRule::email:
      if (text.size() > 255) return "string is longer than 255 characters";
      if (!is_email(text)) return "'" + std::string(text) + "' is not a valid email address";
      return {};
    case StringRule::optional_name:
      if (code_points(text) > 50) return "string is longer than 50 characters";
      if (text.find_first_of("/:?*<>\"|") != std::string_view::npos) {
        return "'" + std::string(text) + "' contains a character that is not allowed";
      }
      return {};
    case StringRule::member_external_id:
      if (code_points(text) > 64) return "string is longer than 64 characters";
      return {};
    case StringRule::role_id:
      if (code_points(text) > 128) return "string is longer than 128 characters";
      if (!text.starts_with("pid_dbtmr:")) {
        return "'" + std::string(text) + "' did not match pattern 'pid_dbtmr:.*'";
      }
      return {};
    case StringRule::async_job_id:
      if (text.empty()) return "string is shorter than 1 character";
      return {};
  }
  return {};
}

StructReader::StructReader(DecodeStatus& status, const nlohmann::json& value, std::string path)
    : m_status(status), m_value(&value), m_path(std::move(path)) {
  if (!value.is_object()) {
    m_status.fail(m_path, "expected object, got " + type_name(value));
  }
}

std::string StructReader::path_of(std::string_view key) const {
  return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

const nlohmann::json* StructReader::lookup(std::string_view key, bool required) {
  if (!m_status.ok()) return nullptr;
  m_read.emplace_back(key);
  const auto it = m_value->find(key);
  if (it == m_value->end()) {
    if (required) m_status.fail(m_path, "missing required field \"" + std::string(key) + "\"");
    return nullptr;
  }
  return &*it;
}

std::string StructReader::string(std::string_view key, StringRule rule) {
  const auto* value = lookup(key, true);
  if (value == nullptr) return {};
  if (!value->is_string()) {
    m_status.fail(path_of(key), "expected string, got " + type_name(*value));
    return {};
  }
  const auto& text = value->get_ref<const std::string&>();
  if (auto problem = check_string(text, rule); !problem.empty()) {
    m_status.fail(path_of(key), problem);
    return {};
  }
  return text;
}

std::optional<std::string> StructReader::optional_string(std::string_view key, StringRule rule) {
  const auto* value = lookup(key, false);
  if (value == nullptr || value->is_null()) return std::nullopt;
  m_read.pop_back();  // string() records the key again
  auto text = string(key, rule);
  if (!m_status.ok()) return std::nullopt;
  return text;
}

bool StructReader::boolean(std::string_view key, bool fallback) {
  const auto* value = lookup(key, false);
  if (value == nullptr) return fallback;
  if (!value->is_boolean()) {
    m_status.fail(path_of(key), "expected boolean, got " + type_name(*value));
    return fallback;
  }
  return value->get<bool>();
}

std::optional<bool> StructReader::optional_boolean(std::string_view key) {
  const auto* value = lookup(key, false);
  if (value == nullptr || value->is_null()) return std::nullopt;
  if (!value->is_boolean()) {
    m_status.fail(path_of(key), "expected boolean, got " + type_name(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

std::uint32_t StructReader::uint32(std::string_view key, std::uint32_t fallback, std::uint32_t min,
                                   std::uint32_t max) {
  const auto* value = lookup(key, false);
  if (value == nullptr) return fallback;
  return checked_uint32(*value, key, fallback, min, max);
}

std::uint32_t StructReader::required_uint32(std::string_view key, std::uint32_t min,
                                            std::uint32_t max) {
  const auto* value = lookup(key, true);
  if (value == nullptr) return min;
  return checked_uint32(*value, key, min, min, max);
}

std::uint32_t StructReader::checked_uint32(const nlohmann::json& value, std::string_view key,
                                           std::uint32_t fallback, std::uint32_t min,
                                           std::uint32_t max) {
  if (!value.is_number_integer()) {
    m_status.fail(path_of(key), "expected integer, got " + type_name(value));
    return fallback;
  }
  const bool negative = !value.is_number_unsigned() && value.get<std::int64_t>() < 0;
  const auto number = negative ? 0 : value.get<std::uint64_t>();
  if (negative || number < min || number > max) {
    m_status.fail(path_of(key), value.dump() + " is not within range [" + std::to_string(min) +
                                    ", " + std::to_string(max) + "]");
    return fallback;
  }
  return static_cast<std::uint32_t>(number);
}

const nlohmann::json* StructReader::list(std::string_view key) {
  const auto* value = lookup(key, true);
  if (value != nullptr && !value->is_array()) {
    m_status.fail(path_of(key), "expected list, got " + type_name(*value));
    return nullptr;
  }
  return value;
}

const nlohmann::json* StructReader::optional_list(std::string_view key) {
  const auto* value = lookup(key, false);
  if (value == nullptr || value->is_null()) return nullptr;
  if (!value->is_array()) {
    m_status.fail(path_of(key), "expected list, got " + type_name(*value));
    return nullptr;
  }
  return value;
}

const nlohmann::json* StructReader::field(std::string_view key) {
  return lookup(key, true);
}

const nlohmann::json* StructReader::optional_field(std::string_view key) {
  const auto* value = lookup(key, false);
  return value == nullptr || value->is_null() ? nullptr : value;
}

void StructReader::finish() {
  if (!m_status.ok()) return;
  for (const auto& item : m_value->items()) {
    if (std::find(m_read.begin(), m_read.end(), item.key()) == m_read.end()) {
      m_status.fail(m_path, "unknown field \"" + item.key() + "\"");
      return;
    }
  }
}

std::string read_void_union(DecodeStatus& status, const nlohmann::json& value,
                            const std::string& path, std::initializer_list<std::string_view> tags) {
  if (!status.ok()) return {};
  std::string tag;
  if (value.is_string()) {
    tag = value.get<std::string>();
  } else if (value.is_object() && value.contains(".tag") && value.at(".tag").is_string()) {
    if (value.size() != 1) {
      status.fail(path, "unexpected fields beside \".tag\"");
      return {};
    }
    tag = value.at(".tag").get<std::string>();
  } else {
    status.fail(path, "expected union, got " + type_name(value));
    return {};
  }
  if (std::find(tags.begin(), tags.end(), tag) == tags.end()) {
    status.fail(path, "unknown tag '" + tag + "'");
    return {};
  }
  return tag;
}

namespace {

// A closed union whose members all carry a string value under a key named like the tag.
std::pair<std::size_t, std::string> read_string_union(
    DecodeStatus& status, const nlohmann::json& value, const std::string& path,
    std::initializer_list<std::pair<std::string_view, StringRule>> members) {
  if (!status.ok()) return {0, {}};
  if (!value.is_object() || !value.contains(".tag") || !value.at(".tag").is_string()) {
    status.fail(path, value.is_string()
                          ? "union member '" + value.get<std::string>() + "' needs a value"
                          : "expected union, got " + type_name(value));
    return {0, {}};
  }
  const auto tag = value.at(".tag").get<std::string>();
  std::size_t index = 0;
  for (const auto& [name, rule] : members) {
    if (name == tag) {
      StructReader reader(status, value, path);
      reader.field(".tag");
      auto text = reader.string(name, rule);
      reader.finish();
      return {index, text};
    }
    ++index;
  }
  status.fail(path, "unknown tag '" + tag + "'");
  return {0, {}};
}

}  // namespace

UserSelector read_user_selector(DecodeStatus& status, const nlohmann::json& value,
                                const std::string& path) {
  auto [index, text] = read_string_union(status, value, path,
                                         {{"team_member_id", StringRule::any},
                                          {"external_id", StringRule::member_external_id},
                                          {"email", StringRule::email}});
  return {static_cast<UserSelector::Kind>(index), std::move(text)};
}

GroupSelector read_group_selector(DecodeStatus& status, const nlohmann::json& value,
                                  const std::string& path) {
  auto [index, text] = read_string_union(
      status, value, path, {{"group_id", StringRule::any}, {"group_external_id", StringRule::any}});
  return {static_cast<GroupSelector::Kind>(index), std::move(text)};
}

std::vector<std::string> read_string_list(DecodeStatus& status, const nlohmann::json& list,
                                          const std::string& path, StringRule rule) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < list.size() && status.ok(); ++i) {
    const auto item_path = path + "[" + std::to_string(i) + "]";
    if (!list[i].is_string()) {
      status.fail(item_path, "expected string, got " + type_name(list[i]));
    } else if (auto problem = check_string(list[i].get<std::string>(), rule); !problem.empty()) {
      status.fail(item_path, problem);
    } else {
      out.push_back(list[i].get<std::string>());
    }
  }
  return out;
}

std::pair<std::size_t, std::vector<std::string>> read_string_list_union(
    DecodeStatus& status, const nlohmann::json& value, const std::string& path,
    std::initializer_list<std::string_view> tags) {
  if (!status.ok()) return {0, {}};
  if (!value.is_object() || !value.contains(".tag") || !value.at(".tag").is_string()) {
    status.fail(path, value.is_string()
                          ? "union member '" + value.get<std::string>() + "' needs a value"
                          : "expected union, got " + type_name(value));
    return {0, {}};
  }
  const auto tag = value.at(".tag").get<std::string>();
  const auto it = std::find(tags.begin(), tags.end(), tag);
  if (it == tags.end()) {
    status.fail(path, "unknown tag '" + tag + "'");
    return {0, {}};
  }
  StructReader reader(status, value, path);
  reader.field(".tag");
  const auto* list = reader.list(tag);
  auto strings = list == nullptr
                     ? std::vector<std::string>{}
                     : read_string_list(status, *list, reader.path_of(tag), StringRule::any);
  reader.finish();
  return {static_cast<std::size_t>(it - tags.begin()), std::move(strings)};
}

std::optional<std::string> read_cursor_arg(DecodeStatus& status, const nlohmann::json& arg) {
  StructReader reader(status, arg, "");
  auto text = reader.string("cursor");
  reader.finish();
  if (!status.ok()) return std::nullopt;
  return text;
}

std::vector<UserSelector> read_user_selector_list(DecodeStatus& status, const nlohmann::json* list,
                                                  const std::string& path) {
  std::vector<UserSelector> users;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    users.push_back(read_user_selector(status, (*list)[i], path + "[" + std::to_string(i) + "]"));
  }
  return users;
}

}  // namespace roster::emulator
