// The envelope every client message shares (PROTOCOL.md, "Frames and
// envelope"): one JSON object per frame with a string `type` and an optional
// request id `rid` (an integer, or a string of at most kMaxRidBytes bytes).
// Pure functions, no I/O; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>

#include "protocol/core/errors.hpp"

namespace praxis::protocol {

using Json = nlohmann::json;

// A frame that could not be decoded. `rid` is the request id if it could be
// read, so that the error can be matched to the request.
struct DecodeError {
  Error error;
  Json rid;
};

// A well-formed envelope: the whole object, its rid (null if none) and type.
struct Envelope {
  Json rid;
  std::string type;
  Json object;
};

// Checks UTF-8, the JSON object, `rid` and `type` (not the type's fields).
std::variant<Envelope, DecodeError> parse_envelope(std::string_view frame);

// Compact JSON that never holds a raw '\n' (server frames are split on it) and
// never throws on a bad byte (replaced: stored text is validated on the way in).
std::string dump(const Json& j);

// Starts a server message: {"type": type} plus "rid" when it is not null.
Json envelope(const char* type, const Json& rid = nullptr);

}  // namespace praxis::protocol
