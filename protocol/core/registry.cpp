#include "protocol/core/registry.hpp"

#include <algorithm>
#include <stdexcept>

namespace praxis::protocol {

void MessageSet::add(std::string_view type, Decoder decode) {
  if (!decoders_.emplace(std::string(type), std::move(decode)).second) {
    throw std::logic_error("message type '" + std::string(type) + "' is registered twice");
  }
}

bool MessageSet::contains(std::string_view type) const {
  return decoders_.count(std::string(type)) != 0;
}

std::vector<std::string> MessageSet::types() const {
  std::vector<std::string> out;
  for (const auto& [type, decode] : decoders_) out.push_back(type);
  std::sort(out.begin(), out.end());
  return out;
}

Decoded MessageSet::decode(std::string_view frame) const {
  auto parsed = parse_envelope(frame);
  if (auto* err = std::get_if<DecodeError>(&parsed)) return std::move(*err);
  auto& e = std::get<Envelope>(parsed);
  auto it = decoders_.find(e.type);
  if (it == decoders_.end()) {
    return DecodeError{Error{ErrorCode::kUnknownType, "unknown message type '" + e.type + "'"},
                       e.rid};
  }
  try {
    return Request{e.rid, e.type, it->second(Fields(e.object))};
  } catch (const FieldError& err) {
    return DecodeError{Error{err.code(), err.what()}, e.rid};
  }
}

}  // namespace praxis::protocol
