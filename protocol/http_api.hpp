// Request bodies of the HTTP API (PROTOCOL.md 1) and their validation.
// Pure functions, no I/O; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/errors.hpp"

namespace praxis::protocol {

struct Profile {
  std::string email;  // lower-cased
  std::string display_name;
  std::string institution;
  std::string country;  // upper-cased ISO 3166-1 alpha-2 or empty
  std::vector<std::string> languages;
  std::string time_zone;
  bool operator==(const Profile&) const = default;
};

struct LoginRequest {
  std::string email;
  std::string password;
  bool operator==(const LoginRequest&) const = default;
};

// Setup (token = setup token) and registration (token = invitation token).
struct SignupRequest {
  std::string token;
  std::string password;
  Profile profile;
  bool operator==(const SignupRequest&) const = default;
};

struct InvitationRequest {
  std::string email;  // may be empty
  std::string role = "member";
  bool operator==(const InvitationRequest&) const = default;
};

template <class T>
using Parsed = std::variant<T, Error>;

Parsed<LoginRequest> parse_login(std::string_view body);
// token_field: "token" for setup, "invitation" for register.
Parsed<SignupRequest> parse_signup(std::string_view body, const char* token_field);
Parsed<InvitationRequest> parse_invitation(std::string_view body);
// PATCH /api/me: the fields present in body replace those of `current`
// (display_name, institution, country, languages, time_zone; not email).
// The result is validated as a whole, with the same rules as registration.
Parsed<Profile> parse_profile_update(std::string_view body, const Profile& current);

}  // namespace praxis::protocol
