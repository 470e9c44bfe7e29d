// Private to storage/ (core and features): reading members of a stored body
// (a JSON object, e.g. a log event's) with simdjson On-Demand, which skips
// what it is not asked for.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "storage/core/error.hpp"

namespace praxis::storage::detail {

// Calls fn(simdjson::ondemand::object&) on the body. simdjson reads up to
// SIMDJSON_PADDING bytes past the end: the body is copied into a padded
// buffer reused by the thread. Throws Error for a body that is not a JSON
// object or that fn cannot read.
template <class Fn>
void read_body(std::string_view json, Fn&& fn) {
  thread_local simdjson::ondemand::parser parser;
  thread_local std::string buffer;
  buffer.assign(json);
  buffer.resize(json.size() + simdjson::SIMDJSON_PADDING);
  try {
    auto doc = parser.iterate(buffer.data(), json.size(), buffer.size());
    simdjson::ondemand::object object = doc.get_object();
    fn(object);
  } catch (const simdjson::simdjson_error& e) {
    throw Error(std::string("bad body in database: ") + e.what());
  }
}

}  // namespace praxis::storage::detail
