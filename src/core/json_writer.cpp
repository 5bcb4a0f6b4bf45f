#include <charconv>
#include <cmath>

#include "roster/core/json.hpp"

namespace roster::core::json {

namespace {

void append_quoted(std::string& out, std::string_view text) {
  static const char k_hex[] = "0123456789abcdef";
  out += '"';
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out += k_hex[u >> 4];
          out += k_hex[u & 0xF];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

}  // namespace

std::string quote(std::string_view text) {
  std::string out;
  append_quoted(out, text);
  return out;
}

void Writer::newline() {
  if (m_indent <= 0) return;
  m_out += '\n';
  m_out.append(m_has_items.size() * static_cast<std::size_t>(m_indent), ' ');
}

void Writer::before_value() {
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (!m_has_items.empty()) {
    if (m_has_items.back()) m_out += ',';
    m_has_items.back() = true;
    newline();
  }
}

Writer& Writer::begin_object() {
  before_value();
  m_out += '{';
  m_has_items.push_back(false);
  return *this;
}

Writer& Writer::end_object() {
  bool had = m_has_items.back();
  m_has_items.pop_back();
  if (had) newline();
  m_out += '}';
  return *this;
}

Writer& Writer::begin_array() {
  before_value();
  m_out += '[';
  m_has_items.push_back(false);
  return *this;
}

Writer& Writer::end_array() {
  bool had = m_has_items.back();
  m_has_items.pop_back();
  if (had) newline();
  m_out += ']';
  return *this;
}

Writer& Writer::key(std::string_view name) {
  before_value();
  append_quoted(m_out, name);
  m_out += m_indent > 0 ? ": " : ":";
  m_after_key = true;
  return *this;
}

Writer& Writer::string(std::string_view text) {
  before_value();
  append_quoted(m_out, text);
  return *this;
}

Writer& Writer::boolean(bool b) {
  before_value();
  m_out += b ? "true" : "false";
  return *this;
}

Writer& Writer::integer(std::int64_t n) {
  before_value();
  m_out += std::to_string(n);
  return *this;
}

Writer& Writer::number(double n) {
  before_value();
  if (!std::isfinite(n)) {
    m_out += "null";
    return *this;
  }
  if (n == std::floor(n) && std::fabs(n) < 9e15) {
    m_out += std::to_string(static_cast<std::int64_t>(n));
    return *this;
  }
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
  m_out.append(buf, end);
  return *this;
}

Writer& Writer::null() {
  before_value();
  m_out += "null";
  return *this;
}

Writer& Writer::value(const Value& v) {
  if (v.is_null()) return null();
  if (v.is_bool()) return boolean(v.as_bool());
  if (v.is_number()) return number(v.as_number());
  if (v.is_string()) return string(v.as_string());
  if (v.is_array()) {
    begin_array();
    for (const auto& e : v.as_array())
      value(e);
    return end_array();
  }
  begin_object();
  for (const auto& [k, e] : v.as_object()) {
    key(k);
    value(e);
  }
  return end_object();
}

}  // namespace roster::core::json
