// TLS verified end to end: roster (the real binary) against roster-emulator serving HTTPS
// with certificates made at test time. A refused certificate stops roster at the
// handshake: exit 1, OpenSSL's reason, no API call, no token anywhere.
#include <catch2/catch.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <filesystem>

#include "roster/core/file.hpp"
#include "roster/core/json.hpp"
#include "roster/emulator/emulator.hpp"
#include "support/emulator_runner.hpp"
#include "support/golden.hpp"
#include "support/process.hpp"
#include "support/seed.hpp"
#include "support/tls_certs.hpp"

using namespace roster;

namespace {

const std::string k_token = "sl.TLS-secret-token-7c21";

// GET an /_emulator/ admin page over TLS. The test's own channel: it does not verify the
// certificate, which is what roster is being tested on.
core::json::Value admin_get(std::uint16_t port, const std::string& target) {
  namespace asio = boost::asio;
  namespace http = boost::beast::http;
  asio::io_context io;
  asio::ssl::context context(asio::ssl::context::tls_client);
  context.set_verify_mode(asio::ssl::verify_none);
  asio::ssl::stream<asio::ip::tcp::socket> stream(io, context);
  stream.next_layer().connect({asio::ip::make_address_v4("127.0.0.1"), port});
  stream.handshake(asio::ssl::stream_base::client);
  http::request<http::string_body> request{http::verb::get, target, 11};
  request.set(http::field::host, "127.0.0.1");
  http::write(stream, request);
  boost::beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  core::json::Value value;
  std::string error;
  REQUIRE(core::json::parse(response.body(), value, error));
  return value;
}

// roster-emulator in-process, serving HTTPS with one of the test leaves.
struct TlsTeam {
  test::TempDir dir;
  test::TestCertificates certs = test::make_test_certificates(dir.path() / "pki");
  std::unique_ptr<emulator::Emulator> server;

  explicit TlsTeam(const test::CertificateFiles test::TestCertificates::*leaf) {
    emulator::EmulatorOptions options;
    options.state_path = dir.file("state.json");
    options.seed_path = dir.write("seed.json", test::make_seed({{"a@acme.com"}}));
    options.token = k_token;
    options.tls_certificate_path = (certs.*leaf).certificate;
    options.tls_key_path = (certs.*leaf).key;
    auto started = emulator::Emulator::start(options);
    REQUIRE(started);
    server = std::move(*started);
  }

  // API calls the emulator answered (0: nothing got past the handshake).
  double api_calls() {
    auto stats = admin_get(server->port(), "/_emulator/stats");
    double total = 0;
    for (const auto& [route, n] : stats.find("calls")->as_object())
      total += n.as_number();
    return total;
  }

  test::ProcessResult roster(std::vector<std::string> args,
                             std::map<std::string, std::string> env = {}) {
    args.insert(args.begin(), ROSTER_BINARY);
    env.emplace("DROPBOX_TOKEN", k_token);
    env.emplace("SSL_CERT_FILE", "");
    return test::run_process(args, env);
  }

  std::string manifest() {
    return dir.write("team.yaml",
                     "version: 1\nmembers:\n  - email: admin@acme.com\n  - email: a@acme.com\n");
  }
};

void check_no_token(const test::ProcessResult& r, const test::TempDir& dir) {
  CHECK(r.out.find(k_token) == std::string::npos);
  CHECK(r.err.find(k_token) == std::string::npos);
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir.path())) {
    if (!entry.is_regular_file()) continue;
    auto text = core::read_file(entry.path().string());
    INFO(entry.path());
    REQUIRE(text);
    if (entry.path().filename() == "seed.json" || entry.path().filename() == "state.json") {
      continue;  // the emulator's own files (the seed holds no token, the state may)
    }
    CHECK(text->find(k_token) == std::string::npos);
  }
}

}  // namespace

TEST_CASE("a certificate signed by the CA in --ca-file or SSL_CERT_FILE is trusted",
          "[live][tls]") {
  TlsTeam team(&test::TestCertificates::trusted);
  auto url = team.server->url();
  REQUIRE(url.rfind("https://127.0.0.1:", 0) == 0);
  auto manifest = team.manifest();
  auto flag = team.roster({"plan", "-f", manifest, "--api-url", url, "--ca-file",
                           team.certs.ca_certificate, "--detailed-exitcode"});
  INFO(flag.err);
  CHECK(flag.exit_code == 0);
  CHECK(flag.out.find("No changes: the team matches the manifest.") != std::string::npos);
  auto variable = team.roster({"plan", "-f", manifest, "--api-url", url},
                              {{"SSL_CERT_FILE", team.certs.ca_certificate}});
  INFO(variable.err);
  CHECK(variable.exit_code == 0);
  // The flag wins over the variable: a variable naming an untrusting bundle is ignored.
  auto both = team.roster(
      {"plan", "-f", manifest, "--api-url", url, "--ca-file", team.certs.ca_certificate},
      {{"SSL_CERT_FILE", team.certs.self_signed.certificate}});
  INFO(both.err);
  CHECK(both.exit_code == 0);
  // Without either, the system's CAs do not know the test CA.
  auto system = team.roster({"plan", "-f", manifest, "--api-url", url});
  CHECK(system.exit_code == 1);
  CHECK(system.err == "roster: error: cannot reach " + url +
                          "/: certificate verify failed: unable to get local issuer certificate\n");
}

TEST_CASE("an untrusted, mismatched or expired certificate is refused at the handshake",
          "[live][tls]") {
  struct Case {
    const test::CertificateFiles test::TestCertificates::*leaf;
    std::string host;
    std::string reason;
  };
  auto c = GENERATE(values<Case>({
      {&test::TestCertificates::self_signed, "127.0.0.1", "self-signed certificate"},
      {&test::TestCertificates::wrong_host, "127.0.0.1", "IP address mismatch"},
      {&test::TestCertificates::wrong_host, "localhost", "hostname mismatch"},
      {&test::TestCertificates::expired, "127.0.0.1", "certificate has expired"},
  }));
  TlsTeam team(c.leaf);
  std::string url = "https://" + c.host + ":" + std::to_string(team.server->port());
  DYNAMIC_SECTION(c.reason << " via " << c.host) {
    auto r = team.roster(
        {"plan", "-f", team.manifest(), "--api-url", url, "--ca-file", team.certs.ca_certificate});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: cannot reach " + url +
                       "/: certificate verify failed: " + c.reason + "\n");
    auto apply = team.roster({"apply", "-f", team.manifest(), "--api-url", url, "--ca-file",
                              team.certs.ca_certificate, "--auto-approve", "--journal",
                              team.dir.file("journal.jsonl")});
    CHECK(apply.exit_code == 1);
    CHECK(team.api_calls() == 0);  // no request got past the handshake
    check_no_token(r, team.dir);
    check_no_token(apply, team.dir);
  }
}

TEST_CASE("a missing or unusable CA file is one clear error", "[live][tls]") {
  TlsTeam team(&test::TestCertificates::trusted);
  auto url = team.server->url();
  auto manifest = team.manifest();
  auto missing = team.dir.file("missing.pem");
  auto r = team.roster({"plan", "-f", manifest, "--api-url", url, "--ca-file", missing});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "roster: error: --ca-file " + missing + ": cannot read it: No such file or directory\n");
  auto junk = team.dir.write("junk.pem", "not a certificate\n");
  r = team.roster({"plan", "-f", manifest, "--api-url", url, "--ca-file", junk});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "roster: error: --ca-file " + junk +
                     ": no PEM certificate in it (expected -----BEGIN CERTIFICATE-----)\n");
  r = team.roster({"plan", "-f", manifest, "--api-url", url}, {{"SSL_CERT_FILE", missing}});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "roster: error: SSL_CERT_FILE " + missing +
                     ": cannot read it: No such file or directory\n");
  r = team.roster({"plan", "-f", manifest, "--api-url", url, "--ca-file", team.dir.path()});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "roster: error: --ca-file " + team.dir.path().string() +
                     ": cannot read it: is a directory\n");
  CHECK(team.api_calls() == 0);
}
