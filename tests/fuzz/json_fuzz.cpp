// libFuzzer harness: the JSON reader (src/core/json_reader.cpp) behind every JSON input
// roster reads (snapshots, saved plans, API responses).
// Properties: never crashes; what it accepts, the writer turns into text the reader
// accepts again with the same result (parse, write, parse, write gives equal text).
#include <cstddef>
#include <cstdint>
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
  if (!json::parse(text, value, error)) {
    check(!error.empty(), "rejected without a message");
    return 0;
  }
  const std::string once = written(value);
  json::Value again;
  check(json::parse(once, again, error), "written JSON does not parse", error);
  check(written(again) == once, "write, parse, write changed the text", once);
  return 0;
}
