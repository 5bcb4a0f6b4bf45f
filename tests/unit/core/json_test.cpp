#include <catch2/catch.hpp>

#include "roster/core/json.hpp"

using namespace roster::core::json;

TEST_CASE("json parse reads every value type and keeps object order", "[json]") {
  Value v;
  std::string error;
  REQUIRE(
      parse(R"({"b": [1, -2.5e1, true, false, null], "a": "x\u00e9\ud83d\ude00\n"})", v, error));
  const Object& o = v.as_object();
  REQUIRE(o.size() == 2);
  CHECK(o[0].first == "b");
  const Array& b = o[0].second.as_array();
  CHECK(b[0].as_number() == 1);
  CHECK(b[1].as_number() == -25);
  CHECK(b[2].as_bool());
  CHECK_FALSE(b[3].as_bool());
  CHECK(b[4].is_null());
  CHECK(v.find("a")->as_string() == "x\xc3\xa9\xf0\x9f\x98\x80\n");
  CHECK(v.find("missing") == nullptr);
}

TEST_CASE("json parse reports line and column of the first error", "[json]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse("{\n  \"a\": 1,\n  \"b\" 2\n}", v, error));
  CHECK(error == "3:7: expected ':' after key");
  CHECK_FALSE(parse("[1, 2,]", v, error));
  CHECK(error == "1:7: unexpected ']' after ','");
  CHECK_FALSE(parse("\"abc", v, error));
  CHECK(error == "1:5: unterminated string");
  CHECK_FALSE(parse("{} x", v, error));
  CHECK(error == "1:4: unexpected content after the JSON value");
  CHECK_FALSE(parse("01", v, error));
  CHECK_FALSE(parse("\"\\ud800\"", v, error));
  CHECK(error.find("unpaired surrogate") != std::string::npos);
  CHECK_FALSE(parse("", v, error));
  CHECK(error == "1:1: unexpected end of input");
}

TEST_CASE("json parse refuses nesting deeper than its limit instead of overflowing", "[json]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse(std::string(100000, '['), v, error));
  CHECK(error == "1:65: nesting deeper than 64 levels");
  // Exactly at the limit is fine, one more is not, for objects and arrays alike.
  CHECK(parse(std::string(64, '[') + std::string(64, ']'), v, error));
  std::string objects;
  for (int i = 0; i < 65; ++i)
    objects += "{\"a\":";
  CHECK_FALSE(parse(objects + "1" + std::string(65, '}'), v, error));
  CHECK(error == "1:321: nesting deeper than 64 levels");
}

TEST_CASE("json reader counts containers entered through its pull interface", "[json]") {
  // A document read with enter_array() + read_value() has the same limit as parse().
  std::string text = "[" + std::string(64, '[') + std::string(64, ']') + "]";
  Reader r(text);
  REQUIRE(r.enter_array());
  REQUIRE(r.next_element());
  Value e;
  CHECK_FALSE(r.read_value(e));
  CHECK(r.error() == "nesting deeper than 64 levels");
  CHECK(r.error_offset() == 64);
}

TEST_CASE("a NUL byte is content, not the end of the input", "[json]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse(std::string("{}\0garbage", 10), v, error));
  CHECK(error == "1:3: unexpected content after the JSON value");
  CHECK_FALSE(parse(std::string("{}\0", 3), v, error));
  CHECK(error == "1:3: unexpected content after the JSON value");
  CHECK_FALSE(parse(std::string("[1,\0]", 5), v, error));
  CHECK(error == "1:4: unexpected character");
  CHECK_FALSE(parse(std::string("\0", 1), v, error));
  CHECK(error == "1:1: unexpected character");
  CHECK_FALSE(parse(std::string("\"a\0\"", 4), v, error));
  CHECK(error == "1:3: control character in string");
}

TEST_CASE("json writer escapes strings and prints integers without a fraction", "[json]") {
  std::string out;
  Writer w(out);
  w.begin_object().key("s").string("a\"b\\c\n\x01").key("n").number(3).key("f").number(0.5);
  w.key("l").begin_array().integer(-7).boolean(true).null().end_array().end_object();
  CHECK(out == R"({"s":"a\"b\\c\n\u0001","n":3,"f":0.5,"l":[-7,true,null]})");
  Value back;
  std::string error;
  REQUIRE(parse(out, back, error));
  CHECK(back.find("s")->as_string() == "a\"b\\c\n\x01");
}

TEST_CASE("json writer pretty-prints with the requested indent", "[json]") {
  std::string out;
  Writer w(out, 2);
  w.begin_object()
      .key("a")
      .begin_array()
      .integer(1)
      .end_array()
      .key("b")
      .begin_object()
      .end_object()
      .end_object();
  CHECK(out == "{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}");
}

TEST_CASE("json reader decodes a large array one element at a time", "[json]") {
  std::string text = R"({"skip": {"x": [1]}, "items": [{"i": 0}, {"i": 1}, {"i": 2}]})";
  Reader r(text);
  REQUIRE(r.enter_object());
  std::string key;
  int seen = 0;
  while (r.next_member(key)) {
    if (key != "items") {
      REQUIRE(r.skip_value());
      continue;
    }
    REQUIRE(r.enter_array());
    while (r.next_element()) {
      Value e;
      REQUIRE(r.read_value(e));
      CHECK(e.find("i")->as_number() == seen++);
    }
  }
  CHECK_FALSE(r.failed());
  CHECK(r.finish());
  CHECK(seen == 3);
}

#include "roster/core/sha256.hpp"

TEST_CASE("sha256 matches the FIPS 180-4 test vectors", "[core]") {
  using roster::core::sha256_hex;
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(sha256_hex(std::string(1000000, 'a')) ==
        "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

#include "roster/core/json_fields.hpp"

TEST_CASE("to_integer narrows only whole numbers within the range", "[json][limits]") {
  auto number = [](const std::string& text) {
    Value v;
    std::string error;
    REQUIRE(parse(text, v, error));
    return v;
  };
  CHECK(to_integer(number("42"), 0, 100) == 42);
  CHECK(to_integer(number("-5"), -10, 0) == -5);
  CHECK(to_integer(number("1e2"), 0, 100) == 100);
  CHECK(to_integer(number("9007199254740992"), 0, INT64_MAX) == 9007199254740992);
  CHECK_FALSE(to_integer(number("101"), 0, 100));
  CHECK_FALSE(to_integer(number("-1"), 0, 100));
  CHECK_FALSE(to_integer(number("2.5"), 0, 100));
  CHECK_FALSE(to_integer(number("1e300"), 0, INT64_MAX));
  CHECK_FALSE(to_integer(number("-1e300"), INT64_MIN, 0));
  CHECK_FALSE(to_integer(number("9223372036854775807"), 0, INT64_MAX));  // 2^63 as a double
  CHECK_FALSE(to_integer(number("\"7\""), 0, 100));
  CHECK_FALSE(to_integer(number("null"), 0, 100));
}
