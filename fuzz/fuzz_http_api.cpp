// libFuzzer target: the JSON bodies of the accounts HTTP API
// (protocol/accounts/bodies.hpp).
// The first byte picks the route, the rest is the body:
//   0 POST /api/login         parse_login
//   1 POST /api/setup         parse_signup(body, "token")
//   2 POST /api/register      parse_signup(body, "invitation")
//   3 POST /api/invitations   parse_invitation
//   4 PATCH /api/me           parse_profile_update
// Properties: no crash or sanitizer report; an accepted body respects the field
// rules of PROTOCOL.md 1 that are cheap to restate here; an error has a message.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "protocol/accounts/bodies.hpp"

namespace {

namespace p = praxis::protocol;
namespace pa = praxis::protocol::accounts;

template <class T>
const T* accepted(const pa::Parsed<T>& r) {
  if (const auto* e = std::get_if<p::Error>(&r)) {
    if (e->message.empty()) std::abort();  // every error names what is wrong
    return nullptr;
  }
  return &std::get<T>(r);
}

void check_profile(const pa::Profile& pr, bool with_email) {
  if (with_email) {
    if (pr.email.size() < 3 || pr.email.size() > 254) std::abort();
    if (pr.email.find('@') == std::string::npos) std::abort();
  }
  if (pr.display_name.empty()) std::abort();
  if (!pr.country.empty() && pr.country.size() != 2) std::abort();
  if (pr.languages.size() > 10) std::abort();
  if (pr.time_zone.size() > 64) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view body(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0] % 5) {
    case 0: {
      const auto parsed = pa::parse_login(body);
      if (const auto* r = accepted(parsed)) {
        if (r->email.size() < 3 || r->email.find('@') == std::string::npos) std::abort();
      }
      break;
    }
    case 1:
    case 2: {
      const auto parsed = pa::parse_signup(body, data[0] % 5 == 1 ? "token" : "invitation");
      if (const auto* r = accepted(parsed)) {
        if (r->password.size() < 8 || r->password.size() > 1024) std::abort();
        check_profile(r->profile, true);
      }
      break;
    }
    case 3: {
      const auto parsed = pa::parse_invitation(body);
      if (const auto* r = accepted(parsed)) {
        if (r->role != "member" && r->role != "admin") std::abort();
      }
      break;
    }
    case 4: {
      pa::Profile current;
      current.email = "ada@school.example";
      current.display_name = "Ada";
      current.country = "FI";
      current.languages = {"fi", "en"};
      current.time_zone = "Europe/Helsinki";
      const auto parsed = pa::parse_profile_update(body, current);
      if (const auto* r = accepted(parsed)) {
        if (r->email != current.email) std::abort();  // PATCH /api/me never changes the e-mail
        check_profile(*r, false);
      }
      break;
    }
  }
  return 0;
}
