// --seed: the emulator's own seed format, or a snapshot (recognised by snapshot_format).
#include <nlohmann/json.hpp>

#include "persistence/state_checks.hpp"
#include "persistence/state_codec.hpp"
#include "wire/input_checks.hpp"
#include "wire/snapshot_reader.hpp"

namespace roster::emulator {

Result<TeamState> decode_seed(std::string_view text, UnixSeconds now) {
  // Only a document that mentions the key is parsed twice; seed files are read as before.
  if (text.find("\"snapshot_format\"") == std::string_view::npos ||
      is_nested_deeper_than(text, k_max_json_depth)) {
    return decode_state(text, now);
  }
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.begin(), text.end());
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorKind::invalid_input, std::string("not valid JSON: ") + e.what());
  }
  if (!is_snapshot(document)) return decode_state(text, now);
  auto state = decode_snapshot(document);
  if (!state) return state;
  if (auto problem = check_state(*state)) {
    return make_error(ErrorKind::invalid_input, *problem);
  }
  return state;
}

}  // namespace roster::emulator
