#include "dropbox/wire/error_mapping.hpp"

#include "roster/core/json.hpp"

namespace roster::dropbox {

namespace json = core::json;

namespace {

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > 300) line = line.substr(0, 300) + "...";
  return line;
}

// The values a 409 error carries under its tag when they are a list of strings
// (`users_not_found`, `members_not_in_team`, `user_cannot_be_manager_of_company_managed_group`
// of the groups routes): " (a@x.com, b@x.com)", at most 5 named.
std::string tag_values(const std::string& body, const std::string& tag) {
  json::Value value;
  std::string ignored;
  if (tag.empty() || !json::parse(body, value, ignored)) return "";
  const json::Value* error = value.find("error");
  const json::Value* list = error != nullptr ? error->find(tag) : nullptr;
  if (list == nullptr || !list->is_array() || list->as_array().empty()) return "";
  std::string out;
  std::size_t shown = 0;
  for (const auto& item : list->as_array()) {
    if (!item.is_string()) return "";
    if (shown++ == 5) {
      out += ", ... (" + std::to_string(list->as_array().size()) + " in all)";
      break;
    }
    out += (out.empty() ? "" : ", ") + first_line(item.as_string());
  }
  return " (" + out + ")";
}

}  // namespace

std::string error_tag(const std::string& body) {
  json::Value value;
  std::string parse_error;
  if (!json::parse(body, value, parse_error)) return "";
  const json::Value* error = value.find("error");
  if (error == nullptr) return "";
  if (error->is_string()) return error->as_string();  // OAuth2 style {"error": "invalid_grant"}
  const json::Value* tag = error->find(".tag");
  if (tag != nullptr && tag->is_string()) return tag->as_string();
  const json::Value* reason = error->find("reason");  // RateLimitError
  if (reason != nullptr) {
    const json::Value* reason_tag = reason->find(".tag");
    if (reason_tag != nullptr && reason_tag->is_string()) return reason_tag->as_string();
  }
  return "";
}

core::Error classify_response(const std::string& route, const HttpResponse& response) {
  core::Error error;
  error.http_status = response.status;
  const std::string where = "team/" + route;
  const int status = response.status;
  if (status == 400) {
    error.kind = core::ErrorKind::invalid_input;
    error.message =
        "Dropbox rejected the call to " + where + " (400): " + first_line(response.body);
    return error;
  }
  error.api_tag = error_tag(response.body);
  const std::string tag = error.api_tag.empty() ? "no error tag" : error.api_tag;
  if (status == 401) {
    error.kind = core::ErrorKind::unauthorized;
    if (error.api_tag == "invalid_access_token") {
      error.message = "the Dropbox token is invalid or revoked (401 invalid_access_token)";
    } else if (error.api_tag == "expired_access_token") {
      error.message = "the Dropbox token has expired (401 expired_access_token)";
    } else if (error.api_tag == "missing_scope") {
      json::Value body;
      std::string ignored;
      std::string scope;
      if (json::parse(response.body, body, ignored)) {
        const json::Value* e = body.find("error");
        const json::Value* s = e != nullptr ? e->find("required_scope") : nullptr;
        if (s != nullptr && s->is_string()) scope = s->as_string();
      }
      error.message = "the Dropbox token lacks the scope " + (scope.empty() ? "?" : scope) +
                      " needed by " + where + " (401 missing_scope)";
    } else {
      error.message = "Dropbox refused the token for " + where + " (401 " + tag + ")";
    }
  } else if (status == 403) {
    error.kind = core::ErrorKind::forbidden;
    error.message = "the app may not use " + where + " (403 " + tag + ")";
  } else if (status == 409) {
    error.kind = core::ErrorKind::conflict;
    error.message = where + " failed: " + tag + tag_values(response.body, error.api_tag);
  } else if (status == 429) {
    error.kind = core::ErrorKind::rate_limited;
    error.retry_after = response.retry_after.value_or(std::chrono::seconds(1));
    error.message = "rate limited by Dropbox on " + where + " (429), retry after " +
                    std::to_string(error.retry_after->count()) + " s";
  } else if (status >= 500) {
    error.kind = core::ErrorKind::unavailable;
    error.message = "Dropbox server error " + std::to_string(status) + " on " + where;
    error.retry_after = response.retry_after;
  } else {
    error.kind = core::ErrorKind::internal;
    error.message = "unexpected HTTP " + std::to_string(status) + " from " + where;
  }
  return error;
}

}  // namespace roster::dropbox
