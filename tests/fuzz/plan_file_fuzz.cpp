// libFuzzer harness: the saved-plan reader (src/planfile/plan_json_reader.cpp), which
// `roster show` and `roster apply PLANFILE` run on files that may have been edited.
// Properties: never crashes; every diagnostic is one located line; a plan it accepts is
// written back (to_json) as text it accepts again and writes identically.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_checks.hpp"
#include "roster/planfile/saved_plan.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace roster;
  using fuzz::check;
  const auto text = fuzz::as_text(data, size);
  auto loaded = planfile::parse_saved_plan(text, "fuzz.json");
  fuzz::check_diagnostics(loaded.diagnostics, text, "fuzz.json");
  if (!loaded.saved) return 0;
  check(!loaded.diagnostics.has_errors(), "a plan returned with errors");

  const std::string once = planfile::to_json(*loaded.saved);
  auto again = planfile::parse_saved_plan(once, "written.json");
  check(again.saved.has_value(), "the written plan does not read back", once);
  check(planfile::to_json(*again.saved) == once, "write, read, write changed the plan", once);
  return 0;
}
