// Helpers for the accounts protocol tests: the request bodies of the protocol's
// examples, each parser as a function from body to its outcome, and the outcome
// of a Parsed<T> as text Catch can print.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "../support.hpp"
#include "protocol/accounts/bodies.hpp"

namespace praxis::protocol::accounts::test {

using praxis::protocol::test::repeat;
using praxis::protocol::test::with_field;

inline const char* const kSetupBody =
    R"({"token": "s3tupT0ken", "email": "ada@school.example", "password": "correct horse battery",
        "display_name": "Ada", "institution": "Omnia", "country": "FI",
        "languages": ["fi", "en"], "time_zone": "Europe/Helsinki"})";
inline const char* const kRegisterBody =
    R"({"invitation": "...", "email": "ben@partner.example", "password": "another long secret",
        "display_name": "Ben", "institution": "Bfz", "country": "DE",
        "languages": ["de", "en"], "time_zone": "Europe/Berlin"})";

// "ok", or the error code's name.
template <class T>
std::string outcome(const Parsed<T>& p) {
  if (const auto* e = std::get_if<Error>(&p)) return std::string(to_string(e->code));
  return "ok";
}

template <class T>
std::string message_of(const Parsed<T>& p) {
  const auto* e = std::get_if<Error>(&p);
  return e ? e->message : "";
}

template <class T>
std::pair<std::string, std::string> summary(const Parsed<T>& p) {
  return {outcome(p), message_of(p)};
}

// Each parser, as a function from body to its outcome and message; the e-mail
// rules are shared by all four.
struct Parser {
  const char* name;
  const char* base;  // a valid body
  bool email_optional;
  std::function<std::pair<std::string, std::string>(std::string_view)> parse;
};

inline const Parser kParsers[] = {
    {"login", R"({"email": "a@b.c", "password": "secret"})", false,
     [](std::string_view b) { return summary(parse_login(b)); }},
    {"setup", kSetupBody, false,
     [](std::string_view b) { return summary(parse_signup(b, "token")); }},
    {"register", kRegisterBody, false,
     [](std::string_view b) { return summary(parse_signup(b, "invitation")); }},
    {"invitation", R"({"email": "a@b.c", "role": "admin"})", true,
     [](std::string_view b) { return summary(parse_invitation(b)); }},
};

}  // namespace praxis::protocol::accounts::test
