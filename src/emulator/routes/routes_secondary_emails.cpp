// members/secondary_emails/add, delete, resend_verification_emails: per-user and
// per-email results (team.stone; docs/decisions/0108-emulator-secondary-emails.md).
#include "routes/routes.hpp"
#include "wire/member_json.hpp"
#include "wire/responses.hpp"

namespace roster::emulator {

namespace {

// AddSecondaryEmailsError.too_many_emails: "A maximum of 20 secondary emails can be added
// in a single call", counted over all users of the call.
constexpr std::size_t k_max_emails_per_call = 20;

struct UserEmails {
  UserSelector user;
  std::vector<std::string> emails;
};

// A list of UserSecondaryEmailsArg under `key`.
std::vector<UserEmails> read_user_emails(DecodeStatus& status, const nlohmann::json& arg,
                                         std::string_view key) {
  StructReader reader(status, arg, "");
  const auto* list = reader.list(key);
  std::vector<UserEmails> out;
  for (std::size_t i = 0; list != nullptr && i < list->size() && status.ok(); ++i) {
    const auto path = reader.path_of(key) + "[" + std::to_string(i) + "]";
    StructReader item(status, (*list)[i], path);
    UserEmails entry;
    if (const auto* user = item.field("user")) {
      entry.user = read_user_selector(status, *user, path + ".user");
    }
    if (const auto* emails = item.list("secondary_emails")) {
      entry.emails =
          read_string_list(status, *emails, path + ".secondary_emails", StringRule::email);
    }
    item.finish();
    out.push_back(std::move(entry));
  }
  reader.finish();
  return out;
}

// One email's result: `success` of add is a flattened SecondaryEmail, every other member
// (including `success` of delete and resend) carries the address under the tag.
nlohmann::json email_result(const EmailOutcome& outcome, bool flattened_success) {
  if (outcome.tag == "success" && flattened_success) {
    return {{".tag", "success"}, {"email", outcome.email}, {"is_verified", outcome.verified}};
  }
  return {{".tag", outcome.tag}, {outcome.tag, outcome.email}};
}

nlohmann::json user_result(const UserSelector& user, const UserEmailsOutcome& outcome,
                           bool flattened_success) {
  if (outcome.tag != "success")
    return {{".tag", outcome.tag}, {outcome.tag, user_selector_json(user)}};
  auto results = nlohmann::json::array();
  for (const auto& email : outcome.emails)
    results.push_back(email_result(email, flattened_success));
  return {{".tag", "success"}, {"user", user_selector_json(user)}, {"results", std::move(results)}};
}

}  // namespace

HttpResponse route_secondary_emails_add(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto requests = read_user_emails(status, arg, "new_secondary_emails");
  if (!status.ok()) return decode_failure(context, status);
  if (!context.store.state().info.secondary_emails_enabled) {
    return route_error({"secondary_emails_disabled", std::nullopt});
  }
  std::size_t total = 0;
  for (const auto& request : requests)
    total += request.emails.size();
  if (total > k_max_emails_per_call) return route_error({"too_many_emails", std::nullopt});
  auto results = nlohmann::json::array();
  for (const auto& request : requests) {
    const auto outcome =
        context.store.add_secondary_emails(request.user, request.emails, context.now);
    results.push_back(user_result(request.user, outcome, true));
  }
  return json_response({{"results", std::move(results)}});
}

HttpResponse route_secondary_emails_delete(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto requests = read_user_emails(status, arg, "emails_to_delete");
  if (!status.ok()) return decode_failure(context, status);
  auto results = nlohmann::json::array();
  for (const auto& request : requests) {
    const auto outcome = context.store.delete_secondary_emails(request.user, request.emails);
    results.push_back(user_result(request.user, outcome, false));
  }
  return json_response({{"results", std::move(results)}});
}

HttpResponse route_secondary_emails_resend(RouteContext& context, const nlohmann::json& arg) {
  DecodeStatus status;
  const auto requests = read_user_emails(status, arg, "emails_to_resend");
  if (!status.ok()) return decode_failure(context, status);
  auto results = nlohmann::json::array();
  for (const auto& request : requests) {
    const auto outcome = context.store.resend_verification_emails(request.user, request.emails);
    results.push_back(user_result(request.user, outcome, false));
  }
  return json_response({{"results", std::move(results)}});
}

}  // namespace roster::emulator
