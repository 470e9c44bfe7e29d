#include "protocol/core/envelope.hpp"

#include "protocol/core/fields.hpp"
#include "protocol/core/limits.hpp"

namespace praxis::protocol {

std::variant<Envelope, DecodeError> parse_envelope(std::string_view frame) {
  Envelope e;
  try {
    e.object = parse_object(frame, "frame");
  } catch (const FieldError& err) {
    return DecodeError{Error{err.code(), err.what()}, nullptr};
  }
  if (auto it = e.object.find("rid"); it != e.object.end() && !it->is_null()) {
    const bool ok = it->is_number_integer() ||
                    (it->is_string() && it->get_ref<const std::string&>().size() <= kMaxRidBytes);
    if (!ok) {
      return DecodeError{
          Error{ErrorCode::kBadField, "field 'rid': expected an integer or a short string"},
          nullptr};
    }
    e.rid = *it;
  }
  auto type = e.object.find("type");
  if (type == e.object.end() || !type->is_string()) {
    return DecodeError{Error{ErrorCode::kUnknownType, "field 'type' is missing or not a string"},
                       e.rid};
  }
  e.type = type->get<std::string>();
  return e;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json envelope(const char* type, const Json& rid) {
  Json j = {{"type", type}};
  if (!rid.is_null()) j["rid"] = rid;
  return j;
}

}  // namespace praxis::protocol
