#pragma once

#include <string>

#include "roster/core/json.hpp"

namespace roster::dropbox {

/// The tag of a Stone union value: servers send `{".tag": "x", ...}`; the compact form "x"
/// of a void member is accepted too. nullptr when the value is neither.
inline const std::string* union_tag(const core::json::Value& v) {
  if (v.is_string()) return &v.as_string();
  if (const core::json::Value* tag = v.find(".tag"); tag != nullptr && tag->is_string()) {
    return &tag->as_string();
  }
  return nullptr;
}

}  // namespace roster::dropbox
