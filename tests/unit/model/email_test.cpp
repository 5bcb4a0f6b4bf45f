#include <catch2/catch.hpp>

#include "roster/model/email.hpp"

using namespace roster::model;

TEST_CASE("emails are normalised to ASCII lower case", "[model]") {
  CHECK(normalise_email("Amy.Smith@ACME.com") == "amy.smith@acme.com");
}

TEST_CASE("email validation follows Dropbox's EmailAddress pattern", "[model]") {
  CHECK(is_valid_email("amy@acme.com"));
  CHECK(is_valid_email("o'neil+tag#1&x%y@mail-1.acme.co.uk"));
  CHECK(is_valid_email("a@-x.museum"));
  CHECK_FALSE(is_valid_email("amy"));
  CHECK_FALSE(is_valid_email("@acme.com"));
  CHECK_FALSE(is_valid_email("amy@acme"));
  CHECK_FALSE(is_valid_email("amy@acme.c"));
  CHECK_FALSE(is_valid_email("amy@acme.abcdefghijklmnop"));  // TLD over 15 letters
  CHECK_FALSE(is_valid_email("amy@acme.c0m"));
  CHECK_FALSE(is_valid_email("amy@@acme.com"));
  CHECK_FALSE(is_valid_email("amy smith@acme.com"));
  CHECK_FALSE(is_valid_email("amy@.acme.com"));
  CHECK_FALSE(is_valid_email("amy@ac_me.com"));
  std::string longest = std::string(243, 'a') + "@example.com";  // 255 characters
  CHECK(is_valid_email(longest));
  CHECK_FALSE(is_valid_email("a" + longest));
}

TEST_CASE("name parts allow 50 characters and none of / : ? * < > \" |", "[model]") {
  CHECK(is_valid_name_part(""));
  CHECK(is_valid_name_part(std::string(50, 'x')));
  CHECK_FALSE(is_valid_name_part(std::string(51, 'x')));
  CHECK(is_valid_name_part("Zoë Ærøskøbing-Ünal"));  // counted in characters, not bytes
  for (char c : std::string("/:?*<>\"|"))
    CHECK_FALSE(is_valid_name_part(std::string("a") + c));
}
