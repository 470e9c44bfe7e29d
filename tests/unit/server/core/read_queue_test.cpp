// Long reads (Context::read_off_strand) wait in a bounded queue: over
// read_queue waiting or running, a request is answered `unavailable` at once
// and the pool never holds more.
#include <catch2/catch.hpp>
#include <future>
#include <nlohmann/json.hpp>

#include "../fake_connection.hpp"
#include "../server_fixture.hpp"
#include "server/core/context.hpp"

namespace praxis::server {
namespace {

using Json = nlohmann::json;

TEST_CASE("read queue: over read_queue, long reads are refused with unavailable") {
  test::Server server;
  server.settings.read_queue = 2;
  auto c = std::make_shared<test::FakeConnection>(1, 1, false);
  std::promise<void> release;
  auto gate = release.get_future().share();
  int answered = 0;
  const auto ask = [&](const char* rid) {
    Context ctx(server.core, c, rid);
    ctx.read_off_strand(
        [gate](storage::Reader&) {
          gate.wait();  // the pool's one thread is busy until the test says
          return 1;
        },
        [&answered](Context&, int) { ++answered; });
  };
  ask("r1");
  ask("r2");
  ask("r3");  // the third: no place
  c->run_posted();
  REQUIRE(c->sent.size() == 1);
  CHECK(Json::parse(c->sent[0]).at("code") == "unavailable");
  CHECK(Json::parse(c->sent[0]).at("rid") == "r3");

  release.set_value();
  server.reads.join();  // both queued reads ran
  c->run_posted();
  CHECK(answered == 2);
  CHECK(server.core.reads_waiting == 0);
}

}  // namespace
}  // namespace praxis::server
