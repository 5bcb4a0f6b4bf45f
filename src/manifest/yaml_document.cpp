#include "yaml_document.hpp"

#include <yaml.h>

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_map>

#include "roster/core/text_position.hpp"

namespace roster::manifest {

namespace {

std::uint32_t from_zero(std::size_t n) {
  return static_cast<std::uint32_t>(n + 1);
}

constexpr std::uint64_t k_alias_expansion_factor = 8;
constexpr std::uint64_t k_min_alias_budget = 1 << 20;

struct ParserDeleter {
  void operator()(yaml_parser_t* p) const {
    yaml_parser_delete(p);
    delete p;
  }
};

}  // namespace

class YamlBuilder {
 public:
  YamlBuilder(YamlDocument& doc, const std::string& file, std::size_t text_size,
              core::Diagnostics& diagnostics)
      : m_doc(doc),
        m_file(file),
        m_diagnostics(diagnostics),
        m_alias_budget(
            std::max<std::uint64_t>(k_alias_expansion_factor * text_size, k_min_alias_budget)) {}

  // Returns false after reporting an error; the document is then cleared by the caller.
  bool on_event(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++m_documents > 1) {
          return error(event.start_mark,
                       "a manifest file holds one YAML document; found a second '---'");
        }
        return true;
      case YAML_SCALAR_EVENT:
        return on_scalar(event);
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT:
        return on_open(event);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        close(event);
        return true;
      case YAML_ALIAS_EVENT:
        return on_alias(event);
      default:
        return true;
    }
  }

  bool error(const yaml_mark_t& mark, std::string message) {
    m_diagnostics.error({m_file, from_zero(mark.line), from_zero(mark.column)}, std::move(message));
    return false;
  }

 private:
  bool on_scalar(const yaml_event_t& event) {
    auto index = add(YamlNode::Kind::scalar, event);
    auto& node = m_doc.m_nodes[index];
    const auto& scalar = event.data.scalar;
    node.value = m_doc.store({reinterpret_cast<const char*>(scalar.value), scalar.length});
    node.plain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nullptr;
    if (scalar.anchor != nullptr) m_expanded_size[index] = node.value.size() + 1;
    return anchor(scalar.anchor, index);
  }

  bool on_open(const yaml_event_t& event) {
    // Stop before libyaml's cost grows: its scanner rechecks every open flow level for
    // each token, so deep `[[[[` is quadratic (docs/decisions/0020).
    if (m_open.size() >= k_max_yaml_depth) {
      return error(event.start_mark, "nesting deeper than " + std::to_string(k_max_yaml_depth) +
                                         " levels (a manifest needs 5)");
    }
    bool mapping = event.type == YAML_MAPPING_START_EVENT;
    auto index = add(mapping ? YamlNode::Kind::mapping : YamlNode::Kind::sequence, event);
    m_open.push_back(index);
    m_last_child.push_back(YamlNode::k_none);
    m_open_extent.push_back({event.start_mark.index, 0});
    return anchor(mapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor,
                  index);
  }

  bool on_alias(const yaml_event_t& event) {
    std::string name(reinterpret_cast<const char*>(event.data.alias.anchor));
    auto found = m_anchors.find(name);
    if (found == m_anchors.end()) {
      return error(event.start_mark, "alias *" + core::excerpt(name) + " names no anchor");
    }
    for (auto open : m_open) {
      if (open == found->second) {
        return error(event.start_mark,
                     "alias *" + core::excerpt(name) + " refers to its own container");
      }
    }
    auto index = add(YamlNode::Kind::alias, event);
    m_doc.m_nodes[index].target = found->second;
    return expand(found->second, event);
  }

  std::uint32_t add(YamlNode::Kind kind, const yaml_event_t& event) {
    auto& nodes = m_doc.m_nodes;
    auto index = static_cast<std::uint32_t>(nodes.size());
    nodes.emplace_back();
    nodes.back().kind = kind;
    nodes.back().line = from_zero(event.start_mark.line);
    nodes.back().column = from_zero(event.start_mark.column);
    if (m_open.empty()) {
      m_doc.m_root = index;
    } else {
      auto& last = m_last_child.back();
      if (last == YamlNode::k_none) {
        nodes[m_open.back()].first_child = index;
      } else {
        nodes[last].next_sibling = index;
      }
      last = index;
    }
    return index;
  }

  bool anchor(const yaml_char_t* name, std::uint32_t index) {
    if (name != nullptr) {
      m_anchors[reinterpret_cast<const char*>(name)] = index;
      m_doc.m_nodes[index].anchored = true;
    }
    return true;
  }

  // A container's expanded size is its own text plus what the aliases inside it repeat.
  void close(const yaml_event_t& event) {
    auto index = m_open.back();
    auto extent = m_open_extent.back();
    m_open.pop_back();
    m_last_child.pop_back();
    m_open_extent.pop_back();
    if (!m_open_extent.empty()) m_open_extent.back().aliased += extent.aliased;
    if (m_doc.m_nodes[index].anchored) {
      m_expanded_size[index] = event.end_mark.index - extent.start + extent.aliased;
    }
  }

  // Every walk of the tree follows aliases, so what they repeat is bounded like the
  // text itself; otherwise a few kilobytes of nested aliases ("billion laughs") or one
  // bad mapping aliased a million times would cost gigabytes of checks and messages.
  bool expand(std::uint32_t target, const yaml_event_t& event) {
    auto size = m_expanded_size[target];
    if (!m_open_extent.empty()) m_open_extent.back().aliased += size;
    m_alias_total += size;
    if (m_alias_total <= m_alias_budget) return true;
    return error(event.start_mark,
                 "aliases repeat more than " + std::to_string(m_alias_budget) + " characters (" +
                     std::to_string(k_alias_expansion_factor) +
                     " times the file, at least 1 MiB); write the repeated parts out");
  }

  struct Extent {
    std::size_t start = 0;      // character index of the container's first mark
    std::uint64_t aliased = 0;  // characters its aliases repeat
  };

  YamlDocument& m_doc;
  const std::string& m_file;
  core::Diagnostics& m_diagnostics;
  std::vector<std::uint32_t> m_open;
  std::vector<std::uint32_t> m_last_child;  // parallel to m_open: where the next child links
  std::vector<Extent> m_open_extent;        // parallel to m_open
  std::map<std::string, std::uint32_t> m_anchors;
  std::unordered_map<std::uint32_t, std::uint64_t> m_expanded_size;  // anchored nodes only
  std::uint64_t m_alias_budget;
  std::uint64_t m_alias_total = 0;
  int m_documents = 0;
};

std::string_view YamlDocument::store(std::string_view text) {
  constexpr std::size_t k_chunk = 64 * 1024;
  if (text.empty()) return {};
  char* at = nullptr;
  if (text.size() > k_chunk / 4) {
    // A long scalar gets a chunk of its own; the current one stays open for short ones.
    m_chunks.push_back(std::make_unique_for_overwrite<char[]>(text.size()));
    at = m_chunks.back().get();
  } else {
    if (text.size() > m_chunk_free) {
      m_chunks.push_back(std::make_unique_for_overwrite<char[]>(k_chunk));
      m_chunk = m_chunks.back().get();
      m_chunk_free = k_chunk;
    }
    at = m_chunk + (k_chunk - m_chunk_free);
    m_chunk_free -= text.size();
  }
  std::copy(text.begin(), text.end(), at);
  return {at, text.size()};
}

std::uint32_t YamlDocument::resolve(std::uint32_t index) const {
  // Aliases point to earlier, completed nodes, so this chain is finite.
  while (index != YamlNode::k_none && m_nodes[index].kind == YamlNode::Kind::alias) {
    index = m_nodes[index].target;
  }
  return index;
}

YamlDocument YamlDocument::parse(std::string_view text, const std::string& file,
                                 core::Diagnostics& diagnostics) {
  YamlDocument doc;
  std::unique_ptr<yaml_parser_t, ParserDeleter> parser(new yaml_parser_t);
  if (yaml_parser_initialize(parser.get()) == 0) {
    diagnostics.error({file, 0, 0}, "out of memory while reading YAML");
    return doc;
  }
  yaml_parser_set_input_string(parser.get(), reinterpret_cast<const unsigned char*>(text.data()),
                               text.size());
  YamlBuilder builder(doc, file, text.size(), diagnostics);
  while (true) {
    yaml_event_t event;
    if (yaml_parser_parse(parser.get(), &event) == 0) {
      const yaml_parser_t& p = *parser;
      std::string message = "malformed YAML: ";
      message += p.problem != nullptr ? p.problem : "syntax error";
      if (p.context != nullptr) {
        message += std::string(" (") + p.context + " at line " +
                   std::to_string(from_zero(p.context_mark.line)) + ")";
      }
      if (p.error == YAML_READER_ERROR) {
        auto where = core::position_of(text, p.problem_offset);
        diagnostics.error({file, where.line, where.column}, message);
      } else {
        builder.error(p.problem_mark, message);
      }
      return YamlDocument{};
    }
    bool ok = builder.on_event(event);
    bool done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
    if (!ok) return YamlDocument{};
    if (done) break;
  }
  return doc;
}

bool is_null_scalar(const YamlNode& node) {
  if (node.kind != YamlNode::Kind::scalar || !node.plain) return false;
  const auto& v = node.value;
  return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

}  // namespace roster::manifest
