// Who is asking: the signed-in user behind a request or a connection, as the
// accounts feature's authenticator (registry.hpp) found it. A snapshot taken
// when the request arrived or the connection opened.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "server/core/clock.hpp"

namespace praxis::server {

using Id = std::int64_t;
using Seq = std::int64_t;

struct Principal {
  Id user = 0;
  bool admin = false;
  std::string display_name;
  std::string token_hash;          // of the login session presented
  Millis expires_at = 0;           // of that session; 0: never
  nlohmann::json info;             // the USER object a connection is welcomed with (then dropped)
  std::uint64_t endings_seen = 0;  // Live::endings() before the session was read
};

}  // namespace praxis::server
