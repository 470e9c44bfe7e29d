// The accounts feature's records: users, their login sessions, invitations,
// password-reset links; list positions and pages.
// Plain values: copy and move them between threads freely.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "storage/core/page.hpp"
#include "storage/core/types.hpp"

namespace praxis::storage::accounts {

enum class UserRole { kMember, kAdmin };

struct UserProfile {
  std::string email;  // stored lower-cased
  std::string display_name;
  std::string institution;
  std::string country;
  std::vector<std::string> languages;
  std::string time_zone;
};

struct User {
  Id id = 0;
  UserProfile profile;
  UserRole role = UserRole::kMember;
  std::string password_hash;  // encoded KDF string; opaque to storage
  Millis created_at = 0;
  std::optional<Millis> deactivated_at;  // none: active
  bool active() const { return !deactivated_at; }
};

// The user of a live login session, and the session's end.
struct SessionUser {
  User user;
  Millis expires_at = 0;  // 0: never
};

// A login session as its owner and admins see it (never its token).
struct Session {
  Id id = 0;
  Id user_id = 0;
  std::string token_hash;  // to tell the presenting session and to close its sockets
  Millis created_at = 0;
  Millis expires_at = 0;   // 0: never
  std::string address;     // the client's address when it signed in
  std::string user_agent;  // its User-Agent then (as the server cleaned it)
};

struct Invitation {
  Id id = 0;
  std::string email;  // may be empty: anyone with the token
  UserRole role = UserRole::kMember;
  Id created_by = 0;
  Millis created_at = 0;
  Millis expires_at = 0;
  bool used = false;
  bool revoked = false;
};

// A position in a list: the last item of the previous page, by the list's
// order. Users: display name, then id, ascending. Sessions and invitations:
// newest first, by creation time, then id, descending.
struct NameAfter {
  std::string name;
  Id id = 0;
};
struct TimeAfter {
  Millis at = 0;
  Id id = 0;
};

using storage::Page;

const char* to_text(UserRole role);  // "member" | "admin"

}  // namespace praxis::storage::accounts
