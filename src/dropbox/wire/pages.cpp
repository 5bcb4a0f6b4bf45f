#include "dropbox/wire/pages.hpp"

namespace roster::dropbox {

core::Error bad_answer(const std::string& route, const std::string& what) {
  return core::make_error(core::ErrorKind::internal,
                          "unexpected answer from team/" + route + ": " + what);
}

}  // namespace roster::dropbox
