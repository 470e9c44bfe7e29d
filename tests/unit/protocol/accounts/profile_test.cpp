// parse_profile_update (PATCH /api/me): the fields given replace the current
// ones, and the result is checked as a whole, like a registration.
#include "protocol/accounts/bodies.hpp"
// (the header under test first: it compiles on its own)
#include <catch2/catch.hpp>
#include <variant>

#include "support.hpp"

namespace praxis::protocol::accounts {
namespace {

using namespace test;

TEST_CASE("accounts profile: parse_profile_update merges into the current profile", "[accounts]") {
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
      {R"({"display_name": "Ada\u0007"})", bad_field},
      {R"({"display_name": "Ada\u0085"})", bad_field},
      {R"({"institution": "Omnia\nEspoo"})", bad_field},
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
}  // namespace praxis::protocol::accounts
