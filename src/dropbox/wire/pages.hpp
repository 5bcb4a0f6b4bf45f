#pragma once
// Dropbox's paged listings: `…/list` with its argument, then `…/list/continue` with each
// cursor until has_more is false. One pager for every listing the client reads.
#include <string>

#include "dropbox/wire/request_codec.hpp"
#include "roster/core/error.hpp"
#include "roster/core/json.hpp"
#include "roster/core/json_fields.hpp"
#include "roster/core/result.hpp"

namespace roster::dropbox {

/// "unexpected answer from team/ROUTE: WHAT", an internal error: Dropbox answered 200 with
/// something that is not the route's result type.
[[nodiscard]] core::Error bad_answer(const std::string& route, const std::string& what);

/// Every page of a listing: `first` with `body`, then `next` with each cursor. `reads.read(
/// route, body)` answers a page (core::Result<json::Value>); `take(route, items)` receives
/// each page's `key` array (json::Array&, its items may be moved out) and returns
/// Result<void>. A page without `key` or `has_more`, has_more without a cursor, or a cursor
/// that does not move fails the whole read.
template <typename Reads, typename Take>
core::Result<void> for_each_page(Reads& reads, std::string route, std::string body,
                                 const std::string& next, const char* key, Take take) {
  std::string previous_cursor;
  while (true) {
    auto page = reads.read(route, body);
    if (!page) return page.error();
    core::json::FieldReader::Failure error;
    core::json::FieldReader fields(*page, "answer", error);
    bool has_more = false;
    if (fields.array(key) == nullptr || !fields.boolean("has_more", has_more)) {
      return bad_answer(route, error.message);
    }
    for (auto& [name, value] : page->as_object()) {  // the `key` array, mutable
      if (name != key) continue;
      if (auto taken = take(route, value.as_array()); !taken) return taken.error();
      break;
    }
    if (!has_more) return {};
    std::string cursor;
    if (!fields.string("cursor", cursor, false) || cursor.empty()) {
      return bad_answer(route, "has_more without a cursor");
    }
    if (cursor == previous_cursor) return bad_answer(route, "the cursor did not move");
    previous_cursor = cursor;
    route = next;
    body = encode_list_continue(cursor);
  }
}

}  // namespace roster::dropbox
