// The closed set of client messages, assembled once at start: the core adds
// its own (core/messages.hpp), each feature adds its decoders, and from then
// on it is only read. Each decoder turns a well-formed envelope into that
// type's struct, type-erased in std::any, or throws FieldError (a typed
// refusal). Thread-safe once built.
#pragma once

#include <any>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "protocol/core/envelope.hpp"
#include "protocol/core/fields.hpp"

namespace praxis::protocol {

// A decoded client frame: its request id (null if none), type and message.
struct Request {
  Json rid;
  std::string type;
  std::any message;
};

using Decoded = std::variant<Request, DecodeError>;

class MessageSet {
 public:
  using Decoder = std::function<std::any(const Fields&)>;

  // Adds the decoder of Msg (named by Msg::kType). decode: Msg(const Fields&).
  template <class Msg, class Fn>
  void add(Fn decode) {
    add(Msg::kType, [decode = std::move(decode)](const Fields& f) { return std::any(decode(f)); });
  }
  // Throws std::logic_error if the type is taken: two features may not share one.
  void add(std::string_view type, Decoder decode);

  bool contains(std::string_view type) const;
  std::vector<std::string> types() const;  // sorted

  // Decodes one client frame: the envelope, a known type, and the type's fields.
  Decoded decode(std::string_view frame) const;

 private:
  std::unordered_map<std::string, Decoder> decoders_;
};

}  // namespace praxis::protocol
