// praxisd: the core and its features, one line each (server/core/app.hpp).
#include "server/accounts/feature.hpp"
#include "server/core/app.hpp"
#include "server/rooms/feature.hpp"

int main(int argc, char** argv) {
  praxis::server::App app;
  app.add<praxis::server::accounts::Feature>();
  app.add<praxis::server::rooms::Feature>();
  return app.run(argc, argv);
}
