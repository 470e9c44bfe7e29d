#include "protocol/core/errors.hpp"

namespace praxis::protocol {

std::string_view to_string(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadJson:
      return "bad_json";
    case ErrorCode::kBadUtf8:
      return "bad_utf8";
    case ErrorCode::kUnknownType:
      return "unknown_type";
    case ErrorCode::kBadField:
      return "bad_field";
    case ErrorCode::kHelloRequired:
      return "hello_required";
    case ErrorCode::kVersionMismatch:
      return "version_mismatch";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kBadCredentials:
      return "bad_credentials";
    case ErrorCode::kForbidden:
      return "forbidden";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kTextTooLong:
      return "text_too_long";
    case ErrorCode::kRateLimited:
      return "rate_limited";
    case ErrorCode::kTooManyRooms:
      return "too_many_rooms";
    case ErrorCode::kLimitReached:
      return "limit_reached";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kUnavailable:
      return "unavailable";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

int http_status(ErrorCode code) {
  switch (code) {
    case ErrorCode::kUnauthenticated:
    case ErrorCode::kBadCredentials:
      return 401;
    case ErrorCode::kForbidden:
      return 403;
    case ErrorCode::kNotFound:
      return 404;
    case ErrorCode::kConflict:
    case ErrorCode::kLimitReached:
      return 409;
    case ErrorCode::kTooLarge:
      return 413;
    case ErrorCode::kRateLimited:
      return 429;
    case ErrorCode::kInternal:
      return 500;
    case ErrorCode::kUnavailable:
      return 503;
    default:
      return 400;
  }
}

}  // namespace praxis::protocol
