#include "node_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

namespace roster::manifest {

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string join(std::initializer_list<std::string_view> words) {
  std::string out;
  for (auto w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

}  // namespace

std::string describe(const YamlNode& node) {
  switch (node.kind) {
    case YamlNode::Kind::mapping:
      return "a mapping";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::alias:
      return "an alias";
    case YamlNode::Kind::scalar:
      if (is_null_scalar(node)) return "null";
      return "\"" + node.value + "\"";
  }
  return "a value";
}

std::string_view closest_match(std::string_view word,
                               std::initializer_list<std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = 3;
  for (auto candidate : candidates) {
    // "wipe" for "wipe_data": a clear prefix is as good a hint as a near miss.
    if (word.size() >= 3 && candidate.substr(0, word.size()) == word) return candidate;
  }
  for (auto candidate : candidates) {
    auto d = edit_distance(word, candidate);
    if (d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  return best;
}

core::SourceLocation NodeReader::where(std::uint32_t node) const {
  const auto& n = m_doc.node(node);  // the alias itself: that is where the user wrote it
  return {m_file, n.line, n.column};
}

void NodeReader::error(std::uint32_t node, std::string message) {
  m_diagnostics.error(where(node), std::move(message));
}

bool NodeReader::is_null(std::uint32_t node) const {
  return is_null_scalar(this->node(node));
}

bool NodeReader::expect(std::uint32_t index, YamlNode::Kind kind, std::string_view what) {
  const auto& n = node(index);
  if (n.kind == kind) return true;
  const char* wanted = kind == YamlNode::Kind::mapping    ? "a mapping"
                       : kind == YamlNode::Kind::sequence ? "a list"
                                                          : "a single value";
  error(index, "\"" + std::string(what) + "\" must be " + wanted + ", found " + describe(n));
  return false;
}

bool NodeReader::for_each_entry(std::uint32_t index, std::string_view what,
                                std::initializer_list<std::string_view> allowed,
                                const EntryFn& visit) {
  if (!expect(index, YamlNode::Kind::mapping, what)) return false;
  std::vector<std::pair<std::string_view, std::uint32_t>> seen;
  for (auto key = node(index).first_child; key != YamlNode::k_none;) {
    auto value = m_doc.node(key).next_sibling;
    if (value == YamlNode::k_none) break;  // libyaml always pairs keys with values
    auto key_index = key;
    const auto& key_node = node(key);
    key = m_doc.node(value).next_sibling;
    if (key_node.kind != YamlNode::Kind::scalar) {
      error(key_index, "keys in \"" + std::string(what) + "\" must be plain words, found " +
                           describe(key_node));
      continue;
    }
    std::string_view name = key_node.value;
    auto previous =
        std::find_if(seen.begin(), seen.end(), [&](const auto& s) { return s.first == name; });
    if (previous != seen.end()) {
      error(key_index, "duplicate key \"" + std::string(name) + "\" in " + std::string(what) +
                           " (first at line " + std::to_string(node(previous->second).line) + ")");
      continue;
    }
    seen.emplace_back(name, key_index);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string message = "unknown key \"" + std::string(name) + "\" in " + std::string(what);
      auto hint = closest_match(name, allowed);
      message += hint.empty() ? " (expected one of: " + join(allowed) + ")"
                              : " (did you mean \"" + std::string(hint) + "\"?)";
      error(key_index, message);
      continue;
    }
    visit(name, key_index, value);
  }
  return true;
}

bool NodeReader::for_each_element(std::uint32_t index, std::string_view what,
                                  const std::function<void(std::uint32_t element)>& visit) {
  if (!expect(index, YamlNode::Kind::sequence, what)) return false;
  for (auto e = node(index).first_child; e != YamlNode::k_none; e = m_doc.node(e).next_sibling) {
    visit(e);
  }
  return true;
}

std::optional<std::string> NodeReader::read_string(std::uint32_t index, std::string_view what) {
  const auto& n = node(index);
  if (n.kind != YamlNode::Kind::scalar || is_null_scalar(n)) {
    error(index, "\"" + std::string(what) + "\" must be a string, found " + describe(n));
    return std::nullopt;
  }
  return n.value;
}

std::optional<bool> NodeReader::read_bool(std::uint32_t index, std::string_view what) {
  const auto& n = node(index);
  if (n.kind == YamlNode::Kind::scalar && n.plain) {
    const auto& v = n.value;
    if (v == "true" || v == "True" || v == "TRUE") return true;
    if (v == "false" || v == "False" || v == "FALSE") return false;
  }
  error(index, "\"" + std::string(what) + "\" must be true or false, found " + describe(n));
  return std::nullopt;
}

std::optional<double> NodeReader::read_number(std::uint32_t index, std::string_view what) {
  const auto& n = node(index);
  if (n.kind == YamlNode::Kind::scalar && n.plain && !n.value.empty()) {
    double value = 0;
    const char* first = n.value.data();
    const char* last = first + n.value.size();
    if (*first == '+') ++first;
    auto [ptr, ec] = std::from_chars(first, last, value);
    if (ec == std::errc() && ptr == last && std::isfinite(value)) return value;
  }
  error(index, "\"" + std::string(what) + "\" must be a number, found " + describe(n));
  return std::nullopt;
}

}  // namespace roster::manifest
