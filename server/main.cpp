// praxisd: parses the settings and runs the server (server/app.hpp).
#include <exception>
#include <iostream>

#include "server/app.hpp"
#include "server/log.hpp"

int main(int argc, char** argv) {
  auto parsed = praxis::server::parse_settings(argc, argv);
  if (auto* error = std::get_if<std::string>(&parsed)) {
    std::cerr << "praxisd: " << *error << "\n" << praxis::server::settings_help();
    return 2;
  }
  try {
    return praxis::server::run_app(std::get<praxis::server::Settings>(parsed));
  } catch (const std::exception& e) {
    praxis::server::log::error("fatal", {{"what", e.what()}});
    std::cerr << "praxisd: " << e.what() << "\n";
    return 1;
  }
}
