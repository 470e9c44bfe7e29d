// to_json(UserInfo): the USER object; `email` only when set (to the user and to
// admins), `active` only when the account is deactivated.
#include "protocol/accounts/user.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "protocol/core/messages.hpp"

// Designated initializers below leave the other members at their defaults on purpose.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

namespace praxis::protocol::accounts {
namespace {

using Json = nlohmann::json;

const UserInfo kAda{.id = 1,
                    .email = "ada@school.example",
                    .display_name = "Ada",
                    .institution = "Omnia",
                    .country = "FI",
                    .languages = {"fi", "en"},
                    .time_zone = "Europe/Helsinki",
                    .role = "admin"};

TEST_CASE("accounts user: the USER object", "[accounts]") {
  struct Row {
    const char* what;
    UserInfo user;
    const char* expected;
  };
  UserInfo no_email = kAda;
  no_email.email.reset();
  UserInfo empty_email = kAda;
  empty_email.email = "";
  UserInfo inactive = no_email;
  inactive.active = false;
  const Row rows[] = {
      {"with e-mail", kAda,
       R"({"id": 1, "email": "ada@school.example", "display_name": "Ada", "institution": "Omnia",
           "country": "FI", "languages": ["fi", "en"], "time_zone": "Europe/Helsinki",
           "role": "admin"})"},
      {"without e-mail", no_email,
       R"({"id": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
           "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "admin"})"},
      {"an empty e-mail is still shown", empty_email,
       R"({"id": 1, "email": "", "display_name": "Ada", "institution": "Omnia", "country": "FI",
           "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "admin"})"},
      {"deactivated", inactive,
       R"({"id": 1, "display_name": "Ada", "institution": "Omnia", "country": "FI",
           "languages": ["fi", "en"], "time_zone": "Europe/Helsinki", "role": "admin",
           "active": false})"},
      {"defaults", UserInfo{},
       R"({"id": 0, "display_name": "", "institution": "", "country": "", "languages": [],
           "time_zone": "", "role": ""})"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.what);
    const Json j = row.user;
    CHECK(j == Json::parse(row.expected));
  }
}

TEST_CASE("accounts user: welcome carries the USER object", "[accounts]") {
  const std::string encoded = encode(Welcome{kAda, {{"max_text_chars", 10000}}});
  CHECK(Json::parse(encoded).at("user") == Json(kAda));
  CHECK(Json::parse(encoded).at("user").at("email") == "ada@school.example");
}

}  // namespace
}  // namespace praxis::protocol::accounts
