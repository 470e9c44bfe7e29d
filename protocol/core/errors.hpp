// The error-code catalogue (PROTOCOL.md, "Error codes"), shared by every feature.
#pragma once

#include <string>
#include <string_view>

namespace praxis::protocol {

enum class ErrorCode {
  kBadJson,
  kBadUtf8,
  kUnknownType,
  kBadField,
  kHelloRequired,
  kVersionMismatch,
  kUnauthenticated,
  kBadCredentials,
  kForbidden,
  kNotFound,
  kConflict,
  kTextTooLong,
  kRateLimited,
  kTooManyRooms,
  kLimitReached,
  kTooLarge,
  kUnavailable,
  kInternal,
};

std::string_view to_string(ErrorCode code);
// HTTP status an error is answered with on the HTTP API.
int http_status(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  bool operator==(const Error&) const = default;
};

}  // namespace praxis::protocol
