// Helpers shared by the protocol tests (core and features): the outcome of a
// decode as text Catch can print, frames made from a valid one with one field
// changed, and the JSON values that are not of a field's kind.
#pragma once

#include <any>
#include <catch2/catch.hpp>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/core/envelope.hpp"
#include "protocol/core/errors.hpp"
#include "protocol/core/messages.hpp"
#include "protocol/core/registry.hpp"

namespace praxis::protocol::test {

inline std::string repeat(std::string_view unit, std::size_t n) {
  std::string s;
  for (std::size_t i = 0; i < n; ++i) s += unit;
  return s;
}

// The error code's name, or the decoded message's type.
inline std::string outcome(const Decoded& d) {
  if (const auto* e = std::get_if<DecodeError>(&d)) return std::string(to_string(e->error.code));
  return std::get<Request>(d).type;
}
inline std::string outcome(ErrorCode code) { return std::string(to_string(code)); }

inline Json rid_of(const Decoded& d) {
  if (const auto* e = std::get_if<DecodeError>(&d)) return e->rid;
  return std::get<Request>(d).rid;
}

// The error's message ("" when the frame decoded).
inline std::string message_of(const Decoded& d) {
  const auto* e = std::get_if<DecodeError>(&d);
  return e ? e->error.message : "";
}

// The decoded message as T (REQUIREs that the frame decoded to one).
template <class T>
const T& message_as(const Decoded& d) {
  REQUIRE(outcome(d) == T::kType);
  const auto* m = std::any_cast<T>(&std::get<Request>(d).message);
  REQUIRE(m != nullptr);
  return *m;
}

// `frame` with `field` set to `value`, or left out when `value` is nullopt.
inline std::string with_field(std::string_view frame, const char* field,
                              const std::optional<Json>& value) {
  Json j = Json::parse(frame);
  if (value) {
    j[field] = *value;
  } else {
    j.erase(field);
  }
  return j.dump();
}

// The set praxisd starts from: the core's messages only.
inline const MessageSet& core_set() {
  static const MessageSet set = [] {
    MessageSet s;
    add_core_messages(s);
    return s;
  }();
  return set;
}

// ---- values that are not of a field's kind ---------------------------------

inline std::vector<Json> not_integers() {
  return {Json("12"),
          Json(12.0),
          Json(12.5),
          Json::parse("1e1"),
          Json(true),
          Json::array({12}),
          Json::object({{"id", 12}}),
          Json(-12),
          Json::parse("9223372036854775808"),
          Json::parse("18446744073709551615"),
          Json::parse("18446744073709551616")};
}
// Not a positive integer (an id, a seq > 0, a limit).
inline std::vector<Json> not_ids() {
  auto v = not_integers();
  v.push_back(0);
  return v;
}
// Not an integer >= 0.
inline std::vector<Json> not_counts() { return not_integers(); }
inline std::vector<Json> not_strings() {
  return {Json(5), Json(true), Json::array({"x"}), Json::object({{"x", "y"}})};
}
inline std::vector<Json> not_bools() { return {"true", 1, 0, Json::array({true})}; }
inline std::vector<Json> not_id_arrays() {
  return {7,
          "7",
          Json::object({{"7", true}}),
          Json::parse(R"(["7"])"),
          Json::parse("[0]"),
          Json::parse("[7,-7]"),
          Json::parse("[7.5]"),
          Json::parse("[null]"),
          Json::parse("[true]"),
          Json::parse("[[7]]")};
}
inline std::vector<Json> plus(std::vector<Json> v, std::initializer_list<Json> more) {
  v.insert(v.end(), more);
  return v;
}

// One row of an "every field" table: a valid frame with rid 1, one of its
// fields, the values that field refuses, and whether it may be left out.
struct FieldRow {
  const char* frame;
  const char* field;
  std::vector<Json> bad;
  bool required;
};

// Left out or null: refused if required, else decoded as the valid frame is.
// Every bad value: bad_field naming the field. The rid is echoed throughout.
inline void check_field(const MessageSet& set, const FieldRow& row) {
  CAPTURE(row.frame, row.field);
  const std::string valid = outcome(set.decode(row.frame));
  REQUIRE(valid != "bad_field");
  const std::string absent = row.required ? "bad_field" : valid;
  std::vector<std::pair<std::string, std::string>> cases = {
      {with_field(row.frame, row.field, std::nullopt), absent},
      {with_field(row.frame, row.field, nullptr), absent}};
  for (const auto& value : row.bad) {
    cases.emplace_back(with_field(row.frame, row.field, value), "bad_field");
  }
  for (const auto& [frame, expected] : cases) {
    CAPTURE(frame);
    const Decoded d = set.decode(frame);
    CHECK(outcome(d) == expected);
    if (expected == "bad_field") CHECK_THAT(message_of(d), Catch::Contains(row.field));
    CHECK(rid_of(d) == 1);
  }
}

}  // namespace praxis::protocol::test
