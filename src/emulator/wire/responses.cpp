#include "wire/responses.hpp"

#include <string>

namespace roster::emulator {

HttpResponse json_response(const nlohmann::json& body, int status) {
  HttpResponse response;
  response.status = status;
  response.content_type = k_json_type;
  response.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return response;
}

HttpResponse bad_request(std::string_view route, std::string_view detail) {
  HttpResponse response;
  response.status = 400;
  response.content_type = k_text_type;
  response.body =
      "Error in call to API function \"" + std::string(route) + "\": " + std::string(detail);
  return response;
}

nlohmann::json tag_only(std::string_view tag) {
  return {{".tag", tag}};
}

nlohmann::json error_json(const ApiError& error) {
  auto body = tag_only(error.tag);
  if (error.list) body[error.tag] = *error.list;
  return body;
}

HttpResponse route_error(const ApiError& error) {
  return json_response({{"error_summary", error.tag + "/.."}, {"error", error_json(error)}}, 409);
}

HttpResponse auth_error(std::string_view tag) {
  return json_response({{"error_summary", std::string(tag) + "/.."}, {"error", tag_only(tag)}},
                       401);
}

HttpResponse missing_scope(std::string_view scope) {
  auto error = tag_only("missing_scope");
  error["required_scope"] = scope;
  return json_response({{"error_summary", "missing_scope/.."}, {"error", std::move(error)}}, 401);
}

HttpResponse too_many_requests(std::uint32_t retry_after_seconds) {
  auto response = json_response(
      {{"error_summary", "too_many_requests/.."},
       {"error",
        {{"reason", tag_only("too_many_requests")}, {"retry_after", retry_after_seconds}}}},
      429);
  response.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  return response;
}

}  // namespace roster::emulator
