// members/add_v2's result items, matched to the members asked for.
#include "dropbox/wire/add_results.hpp"

#include <algorithm>

#include "dropbox/wire/union_tag.hpp"
#include "roster/model/email.hpp"

namespace roster::dropbox {

namespace json = core::json;

namespace {

core::Error bad_answer(const std::string& what) {
  return core::make_error(core::ErrorKind::internal,
                          "unexpected answer from team/members/add_v2: " + what);
}

const std::string* string_field(const json::Value& v, std::string_view key) {
  const json::Value* field = v.find(key);
  return field != nullptr && field->is_string() ? &field->as_string() : nullptr;
}

}  // namespace

core::Result<std::vector<AddOutcome>> match_add_outcomes(const std::vector<NewMember>& requested,
                                                         const json::Array& items) {
  std::vector<AddOutcome> decoded;
  for (const auto& item : items) {
    const std::string* tag = union_tag(item);
    if (tag == nullptr) return bad_answer("result item without .tag");
    AddOutcome outcome;
    if (*tag == "success") {
      const json::Value* profile = item.find("profile");
      const std::string* email = profile != nullptr ? string_field(*profile, "email") : nullptr;
      if (email != nullptr) outcome.email = model::normalise_email(*email);
    } else {
      outcome.error_tag = *tag;
      if (const std::string* email = string_field(item, *tag)) {
        outcome.email = model::normalise_email(*email);
      }
    }
    decoded.push_back(std::move(outcome));
  }
  std::vector<AddOutcome> result;
  for (std::size_t i = 0; i < requested.size(); ++i) {
    std::string email = model::normalise_email(requested[i].email);
    auto found = std::find_if(decoded.begin(), decoded.end(),
                              [&](const AddOutcome& o) { return o.email == email; });
    if (found == decoded.end() && i < decoded.size() && decoded[i].email.empty()) {
      found = decoded.begin() + static_cast<std::ptrdiff_t>(i);
    }
    if (found == decoded.end()) {
      return bad_answer("no result for " + email);
    }
    result.push_back({email, found->error_tag});
  }
  return result;
}

}  // namespace roster::dropbox
