#include "roster/dropbox/credentials.hpp"

#include "roster/core/file.hpp"

namespace roster::dropbox {

namespace {

std::string trim(std::string s) {
  const char* space = " \t\r\n";
  s.erase(0, s.find_first_not_of(space));
  s.erase(s.find_last_not_of(space) + 1);
  return s;
}

core::Error missing(std::string message) {
  return core::make_error(core::ErrorKind::unauthorized, std::move(message));
}

}  // namespace

core::Result<Credentials> load_credentials(const std::function<std::string(const char*)>& getenv,
                                           const std::optional<std::string>& token_file) {
  Credentials credentials;
  if (token_file) {
    auto text = core::read_file(*token_file);
    if (!text)
      return missing("cannot read --token-file " + *token_file + ": " + text.error().message);
    credentials.access_token = trim(*text);
    if (credentials.access_token.empty())
      return missing("--token-file " + *token_file + " is empty");
    if (credentials.access_token.find_first_of(" \t\r\n") != std::string::npos) {
      return missing("--token-file " + *token_file + " must hold one token and nothing else");
    }
    credentials.source = "--token-file " + *token_file;
    return credentials;
  }
  credentials.access_token = trim(getenv("DROPBOX_TOKEN"));
  if (!credentials.access_token.empty()) {
    credentials.source = "DROPBOX_TOKEN";
    return credentials;
  }
  credentials.refresh_token = trim(getenv("DROPBOX_REFRESH_TOKEN"));
  credentials.app_key = trim(getenv("DROPBOX_APP_KEY"));
  credentials.app_secret = trim(getenv("DROPBOX_APP_SECRET"));
  if (credentials.refresh_token.empty()) {
    return missing(
        "no Dropbox token: set DROPBOX_TOKEN, pass --token-file FILE, or set "
        "DROPBOX_REFRESH_TOKEN with DROPBOX_APP_KEY and DROPBOX_APP_SECRET");
  }
  if (credentials.app_key.empty() || credentials.app_secret.empty()) {
    return missing("DROPBOX_REFRESH_TOKEN needs DROPBOX_APP_KEY and DROPBOX_APP_SECRET as well");
  }
  credentials.source = "DROPBOX_REFRESH_TOKEN";
  return credentials;
}

}  // namespace roster::dropbox
