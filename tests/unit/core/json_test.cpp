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
  // RapidJSON's messages (GetParseError_En), in lower case without the full stop.
  const auto [text, message] = GENERATE(table<std::string, std::string>({
      {"{\n  \"a\": 1,\n  \"b\" 2\n}", "3:7: missing a colon after a name of object member"},
      {"[1, 2,]", "1:7: invalid value"},
      {"{\"a\": 1,}", "1:9: missing a name for object member"},
      {"{1: 2}", "1:2: missing a name for object member"},
      {"[1 2]", "1:4: missing a comma or ']' after an array element"},
      {"{\"a\": 1 \"b\": 2}", "1:9: missing a comma or '}' after an object member"},
      {"\"abc", "1:5: missing a closing quotation mark in string"},
      {"\"a\tb\"", "1:3: invalid escape character in string"},  // a raw control character
      {"\"\\x\"", "1:2: invalid escape character in string"},
      {"\"\\u12\"", "1:2: incorrect hex digit after \\u escape in string"},
      {"{} x", "1:4: the document root must not be followed by other values"},
      {"01", "1:2: the document root must not be followed by other values"},
      {"[tru]", "1:5: invalid value"},
      {"1.", "1:3: miss fraction part in number"},
      {"1e", "1:3: miss exponent in number"},
      {"", "1:1: the document is empty"},
      {" \n ", "2:2: the document is empty"},
      // Not RFC 8259, so refused: comments, NaN, trailing commas.
      {"// c\n1", "1:1: invalid value"},
      {"NaN", "1:1: invalid value"},
      {"[1,]", "1:4: invalid value"},
  }));
  Value v;
  std::string error;
  INFO(text);
  CHECK_FALSE(parse(text, v, error));
  CHECK(error == message);
}

TEST_CASE("json parse refuses unpaired UTF-16 surrogates in escapes", "[json]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse("\"\\ud800\"", v, error));
  CHECK(error == "1:2: the surrogate pair in string is invalid");
  CHECK_FALSE(parse("[\"\\ud800\\u0041\"]", v, error));
  CHECK(error == "1:3: the surrogate pair in string is invalid");
  // RapidJSON 1.1.0 itself takes a lone low surrogate (and writes bytes that are not
  // UTF-8): roster refuses the string, at its start.
  CHECK_FALSE(parse("[\"a\\udc00b\"]", v, error));
  CHECK(error == "1:2: the surrogate pair in string is invalid");
  CHECK_FALSE(parse("{\"\\udfff\": 1}", v, error));
  CHECK(error == "1:2: the surrogate pair in string is invalid");
}

TEST_CASE("json parse refuses numbers a double cannot hold, at their start", "[json][limits]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse("[1e400]", v, error));
  CHECK(error == "1:2: number out of range");
  CHECK_FALSE(parse("[-1e-400]", v, error));
  CHECK(error == "1:2: number out of range");
  // RapidJSON refuses an exponent past 308 before it sees the value is 0.
  CHECK_FALSE(parse("0e400", v, error));
  CHECK(error == "1:1: number out of range");
  REQUIRE(parse("[1e308, 0.1e309, 123456789012345678901234567890, -0]", v, error));
  CHECK(v.as_array()[0].as_number() == 1e308);
  CHECK(v.as_array()[1].as_number() == 1e308);
  CHECK(v.as_array()[2].as_number() == 123456789012345678901234567890.0);
}

TEST_CASE("json values carry the offset where they start, and duplicate keys are kept", "[json]") {
  Value v;
  std::string error;
  REQUIRE(parse(R"({"b": [1, -2.5e1, true], "a" : "x", "a": {}})", v, error));
  const Object& o = v.as_object();
  REQUIRE(o.size() == 3);
  CHECK(v.offset() == 0);
  CHECK(o[0].second.offset() == 6);
  CHECK(o[0].second.as_array()[1].offset() == 10);
  CHECK(o[0].second.as_array()[2].offset() == 18);
  CHECK(o[1].second.offset() == 31);
  CHECK(o[2].second.offset() == 41);
  CHECK(v.find("a")->as_string() == "x");  // the first of two
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

TEST_CASE("a NUL byte is content, not the end of the input", "[json]") {
  Value v;
  std::string error;
  CHECK_FALSE(parse(std::string("{}\0garbage", 10), v, error));
  CHECK(error == "1:3: the document root must not be followed by other values");
  CHECK_FALSE(parse(std::string("{}\0", 3), v, error));
  CHECK(error == "1:3: the document root must not be followed by other values");
  CHECK_FALSE(parse(std::string("[1,\0]", 5), v, error));
  CHECK(error == "1:4: invalid value");
  CHECK_FALSE(parse(std::string("\0", 1), v, error));
  CHECK(error == "1:1: the document is empty");
  CHECK_FALSE(parse(std::string("\"a\0\"", 4), v, error));
  CHECK(error == "1:3: missing a closing quotation mark in string");
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

namespace {

// Records what read_root_members() hands over.
struct Recorder final : RootMembers {
  Take key(const std::string& key) override {
    keys.push_back(key);
    if (key == "items") return Take::elements;
    return key == "skip" ? Take::skip : Take::value;
  }
  bool value(const std::string& key, Value value) override {
    values.emplace_back(key, std::move(value));
    return key != "stop";
  }
  bool element(Value element) override {
    elements.push_back(std::move(element));
    return true;
  }
  std::vector<std::string> keys;
  std::vector<std::pair<std::string, Value>> values;
  std::vector<Value> elements;
};

}  // namespace

TEST_CASE("json root members: a large array one element at a time", "[json]") {
  const std::string text =
      R"({"skip": {"x": [1]}, "items": [{"i": 0}, {"i": 1}, {"i": 2}], "n": 7})";
  Recorder r;
  const auto result = read_root_members(text, r);
  CHECK(result.status == RootResult::Status::done);
  CHECK(r.keys == std::vector<std::string>{"skip", "items", "n"});
  REQUIRE(r.elements.size() == 3);
  CHECK(r.elements[2].find("i")->as_number() == 2);
  CHECK(r.elements[1].offset() == 41);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].first == "n");
  CHECK(r.values[0].second.offset() == text.size() - 2);
}

TEST_CASE("json root members: a taken array that is no array comes whole", "[json]") {
  Recorder r;
  CHECK(read_root_members(R"({"items": {"a": 1}})", r).status == RootResult::Status::done);
  REQUIRE(r.values.size() == 1);
  CHECK(r.values[0].first == "items");
  CHECK(r.values[0].second.is_object());
  CHECK(r.elements.empty());
}

TEST_CASE("json root members: stopping, a root that is no object, errors", "[json]") {
  Recorder r;
  CHECK(read_root_members(R"({"stop": 1, "n": ]})", r).status == RootResult::Status::stopped);
  CHECK(r.keys == std::vector<std::string>{"stop"});
  auto result = read_root_members("  [1]", r);
  CHECK(result.status == RootResult::Status::not_an_object);
  CHECK(result.failure.offset == 2);
  CHECK(read_root_members("", r).status == RootResult::Status::not_an_object);
  // A skipped value is still checked, and still counts towards the nesting limit.
  result = read_root_members(R"({"skip": [1, 2,]})", r);
  CHECK(result.status == RootResult::Status::malformed);
  CHECK(result.failure.message == "invalid value");
  CHECK(result.failure.offset == 15);
  result = read_root_members("{\"skip\": " + std::string(64, '['), r);
  CHECK(result.failure.message == "nesting deeper than 64 levels");
  CHECK(result.failure.offset == 72);
  result = read_root_members(std::string("{\"skip\": 1}\0", 12), r);
  CHECK(result.failure.message == "the document root must not be followed by other values");
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
