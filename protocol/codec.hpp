// Decoding of client frames and encoding of server messages. Pure functions,
// no I/O; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "protocol/client_messages.hpp"
#include "protocol/errors.hpp"
#include "protocol/limits.hpp"
#include "protocol/server_messages.hpp"

namespace praxis::protocol {

// A frame that could not be decoded. `rid` is the request id if it could be
// read, so the error can be matched to the request.
struct DecodeError {
  Error error;
  nlohmann::json rid;
};

using Decoded = std::variant<Request, DecodeError>;

// Decodes one client frame: valid UTF-8, a JSON object, a known "type", and
// every field present, of the right type and within `limits`.
Decoded decode_client(std::string_view frame, const Limits& limits);

// Encodes one server message as compact JSON (never contains a raw '\n').
std::string encode(const ServerMessage& message);

}  // namespace praxis::protocol
