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
  // Members are decoded one by one and dropped from the DOM, as decode_state() does: a
  // 100,000-member snapshot never exists as one nlohmann tree (peak memory).
  SnapshotDecoding members;
  std::string top_key;
  nlohmann::json::parser_callback_t keep = [&](int depth, nlohmann::json::parse_event_t event,
                                               nlohmann::json& parsed) {
    if (event == nlohmann::json::parse_event_t::key && depth == 1) {
      top_key = parsed.get<std::string>();
    }
    if (event == nlohmann::json::parse_event_t::object_end && depth == 2 && top_key == "members") {
      decode_member(parsed, members);
      return false;
    }
    return true;
  };
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.begin(), text.end(), keep);
  } catch (const nlohmann::json::exception& e) {
    return make_error(ErrorKind::invalid_input, std::string("not valid JSON: ") + e.what());
  }
  if (!is_snapshot(document)) return decode_state(text, now);
  auto state = decode_snapshot(document, std::move(members));
  if (!state) return state;
  if (auto problem = check_state(*state)) {
    return make_error(ErrorKind::invalid_input, *problem);
  }
  return state;
}

}  // namespace roster::emulator
