// parse_login / parse_signup / parse_invitation: the request bodies of the
// accounts HTTP API as documented, the fields normalized or left out, and bodies
// that are not a UTF-8 JSON object. (Field rules: signup_test, email_test,
// login_invitation_test; PATCH /api/me: profile_test.)
#include "protocol/accounts/bodies.hpp"

#include <catch2/catch.hpp>
#include <string_view>

#include "support.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol::accounts {
namespace {

using namespace std::string_view_literals;
using namespace test;

TEST_CASE("accounts bodies: the documented examples parse", "[accounts]") {
  CHECK(parse_login(R"({"email": "ada@school.example", "password": "correct horse battery"})") ==
        Parsed<LoginRequest>(LoginRequest{"ada@school.example", "correct horse battery"}));
  CHECK(parse_signup(kSetupBody, "token") ==
        Parsed<SignupRequest>(SignupRequest{
            "s3tupT0ken", "correct horse battery",
            Profile{"ada@school.example", "Ada", "Omnia", "FI", {"fi", "en"}, "Europe/Helsinki"}}));
  CHECK(parse_signup(kRegisterBody, "invitation") ==
        Parsed<SignupRequest>(SignupRequest{
            "...", "another long secret",
            Profile{"ben@partner.example", "Ben", "Bfz", "DE", {"de", "en"}, "Europe/Berlin"}}));
  CHECK(parse_invitation(R"({"email": "ben@partner.example", "role": "member"})") ==
        Parsed<InvitationRequest>(InvitationRequest{"ben@partner.example", "member"}));
}

TEST_CASE("accounts bodies: normalized and optional fields", "[accounts]") {
  // Optional profile fields may be left out; e-mail is lower-cased, country upper-cased.
  CHECK(parse_signup(R"({"invitation": "t", "email": "Ben@Partner.EXAMPLE", "password": "12345678",
                         "display_name": "B", "country": "de"})",
                     "invitation") ==
        Parsed<SignupRequest>(SignupRequest{
            "t", "12345678",
            Profile{.email = "ben@partner.example", .display_name = "B", .country = "DE"}}));
  CHECK(parse_signup(R"({"token": "t", "email": "a@b", "password": "12345678",
                         "display_name": "B", "institution": null, "country": null,
                         "languages": null, "time_zone": null})",
                     "token") ==
        Parsed<SignupRequest>(
            SignupRequest{"t", "12345678", Profile{.email = "a@b", .display_name = "B"}}));
  // Login does not apply the signup password rules: any password up to 1024 bytes
  // is checked against the account (a wrong one is bad_credentials).
  CHECK(parse_login(R"({"email": "Ada@School.Example", "password": "x"})") ==
        Parsed<LoginRequest>(LoginRequest{"ada@school.example", "x"}));
  CHECK(parse_login(R"({"email": "a@b", "password": ""})") ==
        Parsed<LoginRequest>(LoginRequest{"a@b", ""}));

  struct InvitationRow {
    const char* body;
    InvitationRequest expected;
  };
  const InvitationRow rows[] = {
      {"{}", {"", "member"}},
      {R"({"role": "admin"})", {"", "admin"}},
      {R"({"email": "Ben@X.example"})", {"ben@x.example", "member"}},
      {R"({"email": null, "role": null})", {"", "member"}},
      {R"({"email": ""})", {"", "member"}},  // a blank form field
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    CHECK(parse_invitation(row.body) == Parsed<InvitationRequest>(row.expected));
  }
}

TEST_CASE("accounts bodies: bodies that are not a UTF-8 JSON object", "[accounts]") {
  struct Row {
    std::string_view body;
    const char* code;
  };
  const Row rows[] = {
      {"", "bad_json"},
      {"garbage", "bad_json"},
      {"[]", "bad_json"},
      {R"(["email", "a@b.c"])", "bad_json"},
      {"42", "bad_json"},
      {R"("a@b.c")", "bad_json"},
      {"null", "bad_json"},
      {R"({"email": "a@b.c")", "bad_json"},
      {R"({"email": "a@b.c"}})", "bad_json"},
      {R"({"email": "a@b.c",})", "bad_json"},
      {"email=a%40b.c&password=secret", "bad_json"},
      {"{}\0{\"role\":\"x\"}"sv, "bad_json"},
      {"\xff", "bad_utf8"},
      {"{\"email\": \"a@b.c\", \"password\": \"s\xc3\"}", "bad_utf8"},
      {"{\"email\": \"a@b.c\", \"password\": \"\xc0\xaf\"}", "bad_utf8"},
      {"{\"email\": \"a@b.c\", \"password\": \"\xed\xa0\x80\"}", "bad_utf8"},
      {"{\"email\": \"a@b.c\", \"password\": \"\xf4\x90\x80\x80\"}", "bad_utf8"},
      {"{\"email\": \"a@b.c\", \"password\": \"\xe2\x82\"}", "bad_utf8"},
  };
  for (const auto& parser : kParsers) {
    for (const auto& row : rows) {
      CAPTURE(parser.name, row.body);
      CHECK(parser.parse(row.body).first == row.code);
    }
  }
}

}  // namespace
}  // namespace praxis::protocol::accounts
