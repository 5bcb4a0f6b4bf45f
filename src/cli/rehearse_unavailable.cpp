// `roster rehearse` in a build without roster-emulator (-DROSTER_BUILD_EMULATOR=OFF).
#include "commands.hpp"

namespace roster::cli {

ExitCode run_rehearse(const Options&, Environment& env) {
  return fail(env,
              "this roster was built without roster-emulator (ROSTER_BUILD_EMULATOR=OFF), "
              "so it cannot rehearse");
}

}  // namespace roster::cli
