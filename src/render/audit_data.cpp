// The audit report's data: the member table as JSON for report.js, made safe to sit inside
// a <script type="application/json"> element, and the HTML escaping of everything else.
#include <string>

#include "roster/core/json.hpp"
#include "roster/render/audit_report.hpp"

namespace roster::render {

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
          out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
        } else {
          out += c;
        }
    }
  }
  return out;
}

std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    char c = json[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < json.size() && json[i + 1] == '\x80' &&
               (json[i + 2] == '\xA8' || json[i + 2] == '\xA9')) {
      out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";  // line and paragraph separators
      i += 2;
    } else {
      out += c;
    }
  }
  return out;
}

std::string audit_data_json(const planfile::SavedPlan& saved, const AuditReport& report) {
  std::string text;
  core::json::Writer w(text);
  w.begin_object();
  w.key("team").string(saved.team_name.value_or(""));
  w.key("whole_team").boolean(report.whole_team);
  w.key("columns").begin_array();
  for (const char* column : {"email", "name", "state", "role", "groups", "external_id", "plan"})
    w.string(column);
  w.end_array();
  // One array per member, in the columns' order: a third of the size of objects.
  w.key("members").begin_array();
  for (const auto& m : report.members) {
    w.begin_array();
    for (const auto* field :
         {&m.email, &m.name, &m.state, &m.role, &m.groups, &m.external_id, &m.plan})
      w.string(*field);
    w.end_array();
  }
  w.end_array();
  w.end_object();
  return script_safe_json(text);
}

}  // namespace roster::render
