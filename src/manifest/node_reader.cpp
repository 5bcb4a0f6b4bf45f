#include "node_reader.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_map>
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

// The keys of one mapping seen so far. Small mappings (every valid one) use a short
// vector; a mapping with thousands of keys switches to a hash map so that checking
// for duplicates stays linear.
class SeenKeys {
 public:
  // The key node of an earlier `name`, or k_none after recording this one.
  std::uint32_t find_or_add(std::string_view name, std::uint32_t key) {
    if (m_many.empty()) {
      for (const auto& [seen, node] : m_few) {
        if (seen == name) return node;
      }
      if (m_few.size() < k_few) {
        m_few.emplace_back(name, key);
        return YamlNode::k_none;
      }
      m_many.insert(m_few.begin(), m_few.end());
    }
    auto [it, inserted] = m_many.emplace(name, key);
    return inserted ? YamlNode::k_none : it->second;
  }

 private:
  static constexpr std::size_t k_few = 16;
  std::vector<std::pair<std::string_view, std::uint32_t>> m_few;
  std::unordered_map<std::string_view, std::uint32_t> m_many;
};

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
      return "\"" + core::excerpt(node.value) + "\"";
  }
  return "a value";
}

std::string_view closest_match(std::string_view word,
                               std::initializer_list<std::string_view> candidates) {
  std::string_view best;
  std::size_t best_distance = 3;
  std::size_t longest = 0;
  for (auto candidate : candidates)
    longest = std::max(longest, candidate.size());
  if (word.size() > longest + best_distance) return best;  // too long to be a typo of one
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

bool AnchorChecks::has_failed(std::uint32_t node, std::string_view what) const {
  return m_failed.count({node, std::string(what)}) > 0;
}

void AnchorChecks::record_failure(std::uint32_t node, std::string_view what) {
  m_failed.emplace(node, std::string(what));
}

bool NodeReader::for_each_entry(std::uint32_t index, std::string_view what,
                                std::initializer_list<std::string_view> allowed,
                                const EntryFn& visit) {
  auto target = m_doc.resolve(index);
  bool anchored = m_doc.node(target).anchored;
  if (anchored && m_checks.has_failed(target, what)) return false;
  if (!expect(index, YamlNode::Kind::mapping, what)) return false;
  auto errors_before = m_diagnostics.error_count();
  SeenKeys seen;
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
    if (auto previous = seen.find_or_add(name, key_index); previous != YamlNode::k_none) {
      error(key_index, "duplicate key \"" + core::excerpt(name) + "\" in " + std::string(what) +
                           " (first at line " + std::to_string(node(previous).line) + ")");
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      std::string message = "unknown key \"" + core::excerpt(name) + "\" in " + std::string(what);
      auto hint = closest_match(name, allowed);
      message += hint.empty() ? " (expected one of: " + join(allowed) + ")"
                              : " (did you mean \"" + std::string(hint) + "\"?)";
      error(key_index, message);
      continue;
    }
    visit(name, key_index, value);
  }
  if (anchored && m_diagnostics.error_count() != errors_before) {
    m_checks.record_failure(target, what);
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
  return std::string(n.value);
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
