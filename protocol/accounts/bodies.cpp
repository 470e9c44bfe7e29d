#include "protocol/accounts/bodies.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "protocol/core/fields.hpp"
#include "protocol/core/utf8.hpp"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;

constexpr std::size_t kMinPassword = 8;
constexpr std::size_t kMaxPassword = 1024;
constexpr std::size_t kMaxTokenBytes = 128;  // setup, invitation and reset tokens

[[noreturn]] void bad(const std::string& what) { throw FieldError(ErrorCode::kBadField, what); }

std::string email(const Fields& f) {
  std::string e = f.text("email", 254);
  std::transform(e.begin(), e.end(), e.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const auto at = e.find('@');
  if (e.size() < 3 || at == std::string::npos || at == 0 || at + 1 == e.size() ||
      e.find('@', at + 1) != std::string::npos ||
      std::any_of(e.begin(), e.end(), [](unsigned char c) { return c <= ' '; }) ||
      has_controls(e, false)) {
    bad("field 'email': expected an e-mail address");
  }
  return e;
}

// A new password (sign-up, change, reset): 8-1024 bytes.
std::string password(const Fields& f, const char* name = "password") {
  std::string p = f.text(name, kMaxPassword);
  if (p.size() < kMinPassword) bad(std::string("field '") + name + "': expected at least 8 bytes");
  return p;
}

Profile profile(const Fields& f) {
  Profile p;
  p.email = email(f);
  p.display_name = f.chars("display_name", 1, 80);
  if (f.has("institution")) p.institution = f.chars("institution", 0, 120);
  p.country = f.optional_text("country", 2);
  std::transform(p.country.begin(), p.country.end(), p.country.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  const auto upper = [](unsigned char c) { return c >= 'A' && c <= 'Z'; };
  if (!p.country.empty() &&
      (p.country.size() != 2 || !std::all_of(p.country.begin(), p.country.end(), upper))) {
    bad("field 'country': expected an ISO 3166-1 alpha-2 code");
  }
  p.languages = f.strings("languages", 10, 35);
  for (const auto& l : p.languages) {
    if (!is_language_tag(l)) bad("field 'languages': expected BCP 47 tags");
  }
  p.time_zone = f.optional_text("time_zone", 64);
  if (!std::all_of(p.time_zone.begin(), p.time_zone.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '/' || c == '_' || c == '-' || c == '+';
      })) {
    bad("field 'time_zone': expected an IANA time zone name");
  }
  return p;
}

template <class T, class Fn>
Parsed<T> guarded(std::string_view body, Fn&& fn) {
  try {
    Json j = parse_object(body, "body");
    return fn(Fields(j));
  } catch (const FieldError& e) {
    return Error{e.code(), e.what()};
  }
}

}  // namespace

Parsed<LoginRequest> parse_login(std::string_view body) {
  return guarded<LoginRequest>(body, [](const Fields& f) {
    return LoginRequest{email(f), f.text("password", kMaxPassword)};
  });
}

Parsed<SignupRequest> parse_signup(std::string_view body, const char* token_field) {
  return guarded<SignupRequest>(body, [token_field](const Fields& f) {
    return SignupRequest{f.text(token_field, kMaxTokenBytes), password(f), profile(f)};
  });
}

Parsed<InvitationRequest> parse_invitation(std::string_view body) {
  return guarded<InvitationRequest>(body, [](const Fields& f) {
    InvitationRequest r;
    // An empty e-mail (a form left blank) is the same as none.
    if (f.has("email") && f.object().at("email") != "") r.email = email(f);
    if (f.has("role")) r.role = f.text("role", 16);
    if (r.role != "member" && r.role != "admin") bad("field 'role': expected member or admin");
    return r;
  });
}

Parsed<Profile> parse_profile_update(std::string_view body, const Profile& current) {
  try {
    Json update = parse_object(body, "body");
    Json merged = {{"email", current.email},
                   {"display_name", current.display_name},
                   {"institution", current.institution},
                   {"country", current.country},
                   {"languages", current.languages},
                   {"time_zone", current.time_zone}};
    for (const auto& [key, value] : update.items()) {
      if (key == "email" || !merged.contains(key)) bad("field '" + key + "': cannot be changed");
      merged[key] = value;
    }
    return profile(Fields(merged));
  } catch (const FieldError& e) {
    return Error{e.code(), e.what()};
  }
}

Parsed<PasswordChange> parse_password_change(std::string_view body) {
  return guarded<PasswordChange>(body, [](const Fields& f) {
    return PasswordChange{f.text("current_password", kMaxPassword), password(f, "new_password")};
  });
}

Parsed<PasswordReset> parse_password_reset(std::string_view body) {
  return guarded<PasswordReset>(body, [](const Fields& f) {
    return PasswordReset{f.text("token", kMaxTokenBytes), password(f)};
  });
}

Parsed<InvitationCheck> parse_invitation_check(std::string_view body) {
  return guarded<InvitationCheck>(
      body, [](const Fields& f) { return InvitationCheck{f.text("invitation", kMaxTokenBytes)}; });
}

}  // namespace praxis::protocol::accounts
