// HTTPS: --tls-cert/--tls-key, and bad certificate or key files refused before the state
// file is touched, with one clear line and a non-zero exit.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "roster/emulator/emulator.hpp"
#include "support/emulator_process.hpp"
#include "support/process.hpp"
#include "support/temp_dir.hpp"
#include "support/test_team.hpp"
#include "support/tls_certs.hpp"
#include "support/tls_client.hpp"

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

std::unique_ptr<Emulator> start_tls(const TempDir& dir,
                                    const roster::test::CertificateFiles& files) {
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.token = k_token;
  options.tls_certificate_path = files.certificate;
  options.tls_key_path = files.key;
  auto emulator = Emulator::start(options);
  REQUIRE(emulator);
  return std::move(*emulator);
}

const ClientRequest k_get_info{"POST", "/2/team/get_info", "", std::string("Bearer ") + k_token,
                               std::nullopt};

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

TEST_CASE("the emulator serves HTTPS to a client that trusts its CA", "[emulator][tls]") {
  TempDir dir;
  const auto pki = roster::test::make_test_certificates(dir.path() / "pki");
  const auto emulator = start_tls(dir, pki.trusted);
  CHECK(emulator->url() == "https://127.0.0.1:" + std::to_string(emulator->port()));
  for (const auto* host : {"127.0.0.1", "localhost"}) {
    INFO(host);
    const auto exchange = send_over_tls(emulator->port(), pki.ca_certificate, host, k_get_info);
    CHECK(exchange.handshake_ok);
    CHECK(exchange.verify_result == "ok");
    CHECK(exchange.reply.status == 200);
    CHECK(exchange.reply.json().at("name") == "Emulated Team");
  }
}

TEST_CASE("plain HTTP to an HTTPS emulator gets no answer, and it keeps serving TLS",
          "[emulator][tls]") {
  TempDir dir;
  const auto pki = roster::test::make_test_certificates(dir.path() / "pki");
  const auto emulator = start_tls(dir, pki.trusted);
  HttpClient plain(emulator->port());
  CHECK(plain.send(k_get_info).status == 0);
  CHECK(send_over_tls(emulator->port(), pki.ca_certificate, "127.0.0.1", k_get_info).reply.status ==
        200);
}

TEST_CASE("a verifying client refuses the untrusted, wrong-host and expired certificates",
          "[emulator][tls]") {
  TempDir dir;
  const auto pki = roster::test::make_test_certificates(dir.path() / "pki");
  const std::tuple<const char*, roster::test::CertificateFiles, const char*, const char*> cases[] =
      {{"self-signed", pki.self_signed, "127.0.0.1", "self-signed certificate"},
       {"wrong host, by IP", pki.wrong_host, "127.0.0.1", "IP address mismatch"},
       {"wrong host, by name", pki.wrong_host, "localhost", "hostname mismatch"},
       {"expired", pki.expired, "127.0.0.1", "certificate has expired"}};
  for (const auto& [name, files, host, verdict] : cases) {
    INFO(name);
    TempDir state;
    const auto emulator = start_tls(state, files);
    const auto refused = send_over_tls(emulator->port(), pki.ca_certificate, host, k_get_info);
    CHECK_FALSE(refused.handshake_ok);
    CHECK(refused.verify_result == verdict);
    CHECK(refused.reply.status == 0);
  }
  // The wrong-host leaf is a valid certificate for its own name.
  TempDir state;
  const auto emulator = start_tls(state, pki.wrong_host);
  CHECK(send_over_tls(emulator->port(), pki.ca_certificate, "wrong.example", k_get_info)
            .reply.status == 200);
}

TEST_CASE("a TLS key that does not belong to the certificate is refused", "[emulator][tls]") {
  TempDir dir;
  const auto pki = roster::test::make_test_certificates(dir.path() / "pki");
  EmulatorOptions options;
  options.state_path = dir.file("state.json");
  options.tls_certificate_path = pki.trusted.certificate;
  options.tls_key_path = pki.self_signed.key;
  CHECK(start_error(options) == "TLS key " + pki.self_signed.key +
                                    " does not belong to the certificate " +
                                    pki.trusted.certificate);
  CHECK_FALSE(std::filesystem::exists(options.state_path));
}

TEST_CASE("the binary announces https:// as its first line with --tls-cert",
          "[emulator][tls][process]") {
  TempDir dir;
  const auto pki = roster::test::make_test_certificates(dir.path() / "pki");
  EmulatorProcess process({"--port", "0", "--state", dir.file("state.json"), "--token", k_token,
                           "--tls-cert", pki.trusted.certificate, "--tls-key", pki.trusted.key});
  CHECK(process.first_line() == "listening on https://127.0.0.1:" + std::to_string(process.port()));
  CHECK(send_over_tls(process.port(), pki.ca_certificate, "localhost", k_get_info).reply.status ==
        200);
}
