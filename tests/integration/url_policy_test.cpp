// --api-url with plain http:// is refused for anything but a loopback address, before
// roster connects anywhere.
#include <catch2/catch.hpp>

#include "support/golden.hpp"
#include "support/process.hpp"

using roster::test::run_process;
using roster::test::test_path;

TEST_CASE("plain http to a host that only looks like loopback is refused", "[cli-process][tls]") {
  const std::string manifest = test_path("../manifests/example.yaml");
  auto url = GENERATE(as<std::string>{}, "http://127.evil.example", "http://127.0.0.1.evil.example",
                      "http://[::ffff:8.8.8.8]", "http://localhost.evil.example:8080",
                      "http://127.0.0.1@evil.example/", "http://api.dropboxapi.com");
  DYNAMIC_SECTION(url) {
    auto r = run_process({ROSTER_BINARY, "plan", "-f", manifest, "--api-url", url},
                         {{"DROPBOX_TOKEN", "sl.test-token"}});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err == "roster: error: --api-url " + url +
                       ": plain http:// is allowed only for loopback addresses (127.0.0.0/8, "
                       "[::1], localhost); use https://\n");
  }
}
