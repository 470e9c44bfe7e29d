// Request bodies of the accounts HTTP API (protocol/accounts/accounts.md) and
// their validation.
// Pure functions, no I/O; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/core/errors.hpp"

namespace praxis::protocol::accounts {

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

// POST /api/me/password: the current password is checked like a login (any
// length up to 1024 bytes); the new one follows the sign-up rules.
struct PasswordChange {
  std::string current_password;
  std::string new_password;
  bool operator==(const PasswordChange&) const = default;
};

// POST /api/password-reset: the reset link's token and the new password.
struct PasswordReset {
  std::string token;
  std::string password;
  bool operator==(const PasswordReset&) const = default;
};

// POST /api/invitations/check: an invitation's token, to pre-fill registration.
struct InvitationCheck {
  std::string invitation;
  bool operator==(const InvitationCheck&) const = default;
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
Parsed<PasswordChange> parse_password_change(std::string_view body);
Parsed<PasswordReset> parse_password_reset(std::string_view body);
Parsed<InvitationCheck> parse_invitation_check(std::string_view body);

}  // namespace praxis::protocol::accounts
