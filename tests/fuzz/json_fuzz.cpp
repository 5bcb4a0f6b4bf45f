// libFuzzer harness: the JSON reader (src/core/json_reader.cpp: RapidJSON's SAX Reader and
// roster's value builder, decision 0047) behind every JSON input roster reads (snapshots,
// saved plans, API responses).
// Properties: never crashes; it accepts exactly what nlohmann-json (an independent
// RFC 8259 parser) accepts, but for its documented limits; what it accepts,
// the writer turns into text the reader accepts again with the same result (parse, write,
// parse, write gives equal text).
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "fuzz_checks.hpp"
#include "roster/core/json.hpp"

namespace {

std::string written(const roster::core::json::Value& value) {
  std::string out;
  roster::core::json::Writer(out).value(value);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace json = roster::core::json;
  using roster::fuzz::check;
  const auto text = roster::fuzz::as_text(data, size);
  json::Value value;
  std::string error;
  const bool accepted = json::parse(text, value, error);
  // Limits RFC 8259 §9 allows a parser to set: nesting depth, and numbers a double cannot
  // hold (roster refuses 1e-400 as out of range where nlohmann rounds it to 0, and, through
  // RapidJSON, any exponent past 308 such as 0e400).
  const bool over_a_limit = !accepted && (error.find("nesting") != std::string::npos ||
                                          error.find("out of range") != std::string::npos);
  // nlohmann stops at a NUL byte as at the end of input; RFC 8259 allows none anywhere.
  const bool valid = text.find('\0') == std::string_view::npos && nlohmann::json::accept(text);
  if (!over_a_limit) {
    check(accepted == valid, accepted ? "accepted what RFC 8259 rejects" : "rejected valid JSON",
          error);
  }
  if (!accepted) {
    check(!error.empty(), "rejected without a message");
    return 0;
  }
  const std::string once = written(value);
  json::Value again;
  check(json::parse(once, again, error), "written JSON does not parse", error);
  check(written(again) == once, "write, parse, write changed the text", once);
  return 0;
}
