// HTTPS: --tls-cert/--tls-key, and bad certificate or key files refused before the state
// file is touched, with one clear line and a non-zero exit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "roster/emulator/emulator.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"

using namespace roster::emulator;
using namespace roster::emulator::test;

namespace {

std::string write_file(const TempDir& dir, const char* name, const std::string& text) {
  std::ofstream(dir.file(name)) << text;
  return dir.file(name);
}

std::string start_error(const EmulatorOptions& options) {
  auto emulator = Emulator::start(options);
  REQUIRE_FALSE(emulator);
  return emulator.error().message;
}

}  // namespace

TEST_CASE("an unreadable TLS certificate stops the emulator before it writes state",
          "[emulator][tls]") {
  TempDir dir;
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.tls_certificate_path = dir.file("missing.pem");
  options.tls_key_path = write_file(dir, "key.pem", "not a key");
  CHECK(start_error(options) ==
        "cannot read TLS certificate " + dir.file("missing.pem") + ": No such file or directory");
  CHECK_FALSE(std::filesystem::exists(options.state_path));
}

TEST_CASE("a TLS certificate or key that is not PEM is refused with the file's name",
          "[emulator][tls]") {
  TempDir dir;
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.tls_certificate_path = write_file(dir, "cert.pem", "hello\n");
  options.tls_key_path = write_file(dir, "key.pem", "hello\n");
  CHECK(start_error(options) ==
        "TLS certificate " + dir.file("cert.pem") + " is not a PEM certificate: no start line");
  CHECK_FALSE(std::filesystem::exists(options.state_path));
}

TEST_CASE("a TLS certificate without its key is refused", "[emulator][tls]") {
  TempDir dir;
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.tls_certificate_path = write_file(dir, "cert.pem", "hello\n");
  CHECK(start_error(options) ==
        "a TLS certificate and its key go together (--tls-cert, --tls-key)");
  options.tls_certificate_path.clear();
  options.tls_key_path = dir.file("cert.pem");
  CHECK(start_error(options) ==
        "a TLS certificate and its key go together (--tls-cert, --tls-key)");
}

TEST_CASE("the binary reports a bad TLS file in one line and exits 1", "[emulator][tls][process]") {
  TempDir dir;
  const auto result = roster::test::run_process(
      {ROSTER_EMULATOR_BINARY, "--port", "0", "--state", dir.file("state.json"), "--tls-cert",
       dir.file("missing.pem"), "--tls-key", dir.file("missing-key.pem")});
  CHECK(result.exit_code == 1);
  CHECK(result.out.empty());
  CHECK(result.err == "roster-emulator: error: cannot read TLS certificate " +
                          dir.file("missing.pem") + ": No such file or directory\n");
  CHECK_FALSE(std::filesystem::exists(dir.file("state.json")));
}
