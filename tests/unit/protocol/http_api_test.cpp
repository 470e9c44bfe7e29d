// parse_login / parse_signup / parse_invitation: the request bodies of
// PROTOCOL.md section 1 and their field rules, each at its edge.
#include "protocol/http_api.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol {
namespace {

using Json = nlohmann::json;
using namespace std::string_view_literals;

const char* const kSetupBody =
    R"({"token": "s3tupT0ken", "email": "ada@school.example", "password": "correct horse battery",
        "display_name": "Ada", "institution": "Omnia", "country": "FI",
        "languages": ["fi", "en"], "time_zone": "Europe/Helsinki"})";
const char* const kRegisterBody =
    R"({"invitation": "...", "email": "ben@partner.example", "password": "another long secret",
        "display_name": "Ben", "institution": "Bfz", "country": "DE",
        "languages": ["de", "en"], "time_zone": "Europe/Berlin"})";

std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

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

// `base` with `field` set to `value`, or removed when `value` is nullopt.
std::string with_field(const char* base, const char* field, const std::optional<Json>& value) {
  Json j = Json::parse(base);
  if (value) {
    j[field] = *value;
  } else {
    j.erase(field);
  }
  return j.dump();
}

TEST_CASE("http_api: the PROTOCOL.md examples parse", "[http_api]") {
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

TEST_CASE("http_api: normalized and optional fields", "[http_api]") {
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

// Each parser, as a function from body to its outcome and message; the e-mail
// rules are shared by all three.
struct Parser {
  const char* name;
  const char* base;  // a valid body
  bool email_optional;
  std::function<std::pair<std::string, std::string>(std::string_view)> parse;
};

template <class T>
std::pair<std::string, std::string> summary(const Parsed<T>& p) {
  return {outcome(p), message_of(p)};
}

const Parser kParsers[] = {
    {"login", R"({"email": "a@b.c", "password": "secret"})", false,
     [](std::string_view b) { return summary(parse_login(b)); }},
    {"setup", kSetupBody, false,
     [](std::string_view b) { return summary(parse_signup(b, "token")); }},
    {"register", kRegisterBody, false,
     [](std::string_view b) { return summary(parse_signup(b, "invitation")); }},
    {"invitation", R"({"email": "a@b.c", "role": "admin"})", true,
     [](std::string_view b) { return summary(parse_invitation(b)); }},
};

TEST_CASE("http_api: bodies that are not a UTF-8 JSON object", "[http_api]") {
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

TEST_CASE("http_api: e-mail is 3-254 bytes with one @", "[http_api]") {
  struct Row {
    Json email;
    bool ok;
  };
  const Row rows[] = {
      {"a@b", true},
      {"ada@school.example", true},
      {"first.last+tag@sub.example.org", true},
      {"\xc3\xa9@\xc3\xa9.example", true},
      {repeat("a", 250) + "@b.c", true},  // 254 bytes
      {repeat("a", 251) + "@b.c", false},
      {repeat("\xc3\xa9", 126) + "@b.c", false},  // 130 characters, 256 bytes
      {"ab", false},
      {"a@", false},
      {"@b", false},
      {"@", false},
      {"ab.example", false},
      {"a@@b", false},
      {"a@b@c", false},
      {"a b@c", false},
      {" a@b", false},
      {"a@b ", false},
      {"a@b\tc", false},
      {"a@b\nc", false},
      {5, false},
      {Json::array({"a@b"}), false},
      {true, false},
  };
  for (const auto& parser : kParsers) {
    for (const auto& row : rows) {
      CAPTURE(parser.name, row.email.dump());
      const auto [code, message] = parser.parse(with_field(parser.base, "email", row.email));
      CHECK(code == (row.ok ? "ok" : "bad_field"));
      if (!row.ok) CHECK_THAT(message, Catch::Contains("email"));
    }
  }
  // Required except in an invitation, where left out or blank means none.
  for (const auto& parser : kParsers) {
    CAPTURE(parser.name);
    const char* expected = parser.email_optional ? "ok" : "bad_field";
    CHECK(parser.parse(with_field(parser.base, "email", std::nullopt)).first == expected);
    CHECK(parser.parse(with_field(parser.base, "email", "")).first == expected);
  }
}

TEST_CASE("http_api: parse_signup checks each field rule at its edge", "[http_api]") {
  struct Row {
    const char* field;
    std::optional<Json> value;  // nullopt: field left out
    bool ok;
  };
  const Row rows[] = {
      // password: 8-1024 bytes (not characters).
      {"password", repeat("x", 8), true},
      {"password", repeat("x", 7), false},
      {"password", repeat("x", 1024), true},
      {"password", repeat("x", 1025), false},
      {"password", repeat("\xc3\xa9", 4), true},         // 4 characters, 8 bytes
      {"password", repeat("\xc3\xa9", 3) + "x", false},  // 7 bytes
      {"password", repeat("\xc3\xa9", 512), true},
      {"password", repeat("\xc3\xa9", 512) + "x", false},
      {"password", "", false},
      {"password", std::nullopt, false},
      {"password", 12345678, false},
      {"password", nullptr, false},
      // display_name: 1-80 characters.
      {"display_name", "B", true},
      {"display_name", repeat("\xc3\xa9", 80), true},
      {"display_name", repeat("\xc3\xa9", 81), false},
      {"display_name", repeat("\xf0\x9f\x98\x80", 80), true},
      {"display_name", repeat("x", 81), false},
      {"display_name", "", false},
      {"display_name", std::nullopt, false},
      {"display_name", 5, false},
      // institution: up to 120 characters, optional.
      {"institution", repeat("\xc3\xa9", 120), true},
      {"institution", repeat("\xc3\xa9", 121), false},
      {"institution", "", true},
      {"institution", std::nullopt, true},
      {"institution", 5, false},
      // country: ISO 3166-1 alpha-2 or empty.
      {"country", "DE", true},
      {"country", "de", true},
      {"country", "", true},
      {"country", std::nullopt, true},
      {"country", "D", false},
      {"country", "DEU", false},
      {"country", "D1", false},
      {"country", "1D", false},
      {"country", "D-", false},
      {"country", " D", false},
      {"country", "\xc3\xa9", false},  // 2 bytes, not letters
      {"country", 49, false},
      // languages: up to 10 BCP 47 tags.
      {"languages", Json::array(), true},
      {"languages", std::nullopt, true},
      {"languages", std::vector<std::string>(10, "en"), true},
      {"languages", std::vector<std::string>(11, "en"), false},
      {"languages", Json::array({"zh-Hant-TW", "de-CH-1996", "sr-Latn", "es-419", "x-private"}),
       true},
      {"languages", Json::array({"abcdefgh-abcdefg-abcdefg-abcdefg-ab"}), true},  // 35 bytes
      {"languages", Json::array({"abcdefgh-abcdefg-abcdefg-abcdefg-abc"}), false},
      {"languages", Json::array({""}), false},
      {"languages", Json::array({"en_GB"}), false},
      {"languages", Json::array({"en GB"}), false},
      {"languages", Json::array({"-en"}), false},
      {"languages", Json::array({"en-"}), false},
      {"languages", Json::array({"en--GB"}), false},
      {"languages", Json::array({"abcdefghi"}), false},
      {"languages", Json::array({"1en"}), false},
      {"languages", Json::array({"\xc3\xa9n"}), false},
      {"languages", "en", false},
      {"languages", Json::array({1}), false},
      {"languages", Json::array({"en", nullptr}), false},
      // time_zone: an IANA name up to 64 bytes, optional.
      {"time_zone", "Europe/Helsinki", true},
      {"time_zone", "America/Argentina/Buenos_Aires", true},
      {"time_zone", "Etc/GMT+5", true},
      {"time_zone", "Etc/GMT-14", true},
      {"time_zone", "UTC", true},
      {"time_zone", "", true},
      {"time_zone", std::nullopt, true},
      {"time_zone", "America/" + repeat("a", 56), true},  // 64 bytes
      {"time_zone", "America/" + repeat("a", 57), false},
      {"time_zone", "Europe/Hel sinki", false},
      {"time_zone", "../etc/passwd", false},
      {"time_zone", "Europe/Z\xc3\xbcrich", false},
      {"time_zone", 2, false},
      // the token: a string of up to 128 bytes.
      {"invitation", repeat("t", 128), true},
      {"invitation", repeat("t", 129), false},
      {"invitation", std::nullopt, false},
      {"invitation", 5, false},
  };
  for (const auto& row : rows) {
    const std::string body = with_field(kRegisterBody, row.field, row.value);
    CAPTURE(row.field, body.size(), row.value ? row.value->dump() : "(left out)");
    const auto parsed = parse_signup(body, "invitation");
    CHECK(outcome(parsed) == (row.ok ? "ok" : "bad_field"));
    if (!row.ok) CHECK_THAT(message_of(parsed), Catch::Contains(row.field));
  }
  // Setup names its token "token": a register body lacks it.
  CHECK_THAT(message_of(parse_signup(kRegisterBody, "token")), Catch::Contains("token"));
}

TEST_CASE("http_api: login and invitation field rules", "[http_api]") {
  struct Row {
    const char* base;
    const char* field;
    std::optional<Json> value;
    bool ok;
  };
  const char* login = kParsers[0].base;
  const char* invitation = kParsers[3].base;
  const Row rows[] = {
      {login, "password", repeat("x", 1024), true},
      {login, "password", repeat("x", 1025), false},
      {login, "password", std::nullopt, false},
      {login, "password", 12345678, false},
      {invitation, "role", "member", true},
      {invitation, "role", "admin", true},
      {invitation, "role", std::nullopt, true},
      {invitation, "role", "owner", false},
      {invitation, "role", "Admin", false},
      {invitation, "role", "", false},
      {invitation, "role", 1, false},
  };
  for (const auto& row : rows) {
    const std::string body = with_field(row.base, row.field, row.value);
    CAPTURE(body);
    const auto [code, message] =
        row.base == login ? summary(parse_login(body)) : summary(parse_invitation(body));
    CHECK(code == (row.ok ? "ok" : "bad_field"));
    if (!row.ok) CHECK_THAT(message, Catch::Contains(row.field));
  }
}

TEST_CASE("http_api: parse_profile_update merges into the current profile", "[http_api]") {
  const Profile ada{"ada@school.example", "Ada", "Omnia", "FI", {"fi", "en"}, "Europe/Helsinki"};
  auto changed = [&](auto edit) {
    Profile p = ada;
    edit(p);
    return Parsed<Profile>(p);
  };
  struct Row {
    const char* body;
    Parsed<Profile> expected;
  };
  const auto bad_field = Parsed<Profile>(Error{ErrorCode::kBadField, ""});
  const Row rows[] = {
      {"{}", ada},
      {R"({"display_name": "Ada L.", "languages": ["fi", "en", "sv"]})", changed([](Profile& p) {
         p.display_name = "Ada L.";
         p.languages = {"fi", "en", "sv"};
       })},
      {R"({"country": "se", "time_zone": ""})", changed([](Profile& p) {
         p.country = "SE";
         p.time_zone = "";
       })},
      {R"({"institution": null, "languages": null})", changed([](Profile& p) {
         p.institution = "";
         p.languages = {};
       })},
      {R"({"email": "other@school.example"})", bad_field},
      {R"({"role": "admin"})", bad_field},
      {R"({"password": "new password"})", bad_field},
      {R"({"display_name": ""})", bad_field},
      {R"({"display_name": null})", bad_field},
      {R"({"country": "SWE"})", bad_field},
      {R"({"languages": ["en_GB"]})", bad_field},
      {"[]", Parsed<Profile>(Error{ErrorCode::kBadJson, ""})},
      {"{\"display_name\": \"\xff\"}", Parsed<Profile>(Error{ErrorCode::kBadUtf8, ""})},
  };
  for (const auto& row : rows) {
    CAPTURE(row.body);
    const auto parsed = parse_profile_update(row.body, ada);
    REQUIRE(outcome(parsed) == outcome(row.expected));
    if (std::holds_alternative<Profile>(parsed)) CHECK(parsed == row.expected);
  }
}

}  // namespace
}  // namespace praxis::protocol
