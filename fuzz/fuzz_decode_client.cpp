// libFuzzer target: one client WebSocket frame through the decoder registry
// praxisd builds (the core's messages and every feature's, default limits),
// then answers to it through the encoders.
// Properties checked besides "no crash, no sanitizer report":
// * an encoded server message is valid JSON and never holds a raw '\n' (server
//   frames are split on '\n');
// * the rid copied from the request survives encoding unchanged;
// * an event body built from decoded text, spliced into an event frame
//   (protocol/core/messages.hpp event_frame), is still one valid JSON object.
#include <any>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "protocol/core/messages.hpp"
#include "protocol/rooms/messages.hpp"

namespace {

namespace p = praxis::protocol;
namespace pr = praxis::protocol::rooms;

const p::MessageSet& decoders() {
  static const pr::Limits limits;
  static const p::MessageSet set = [] {
    p::MessageSet s;
    p::add_core_messages(s);
    pr::add_room_messages(s, limits);
    return s;
  }();
  return set;
}

void check_text(const std::string& out, const nlohmann::json& rid) {
  if (out.find('\n') != std::string::npos) std::abort();  // would split the frame
  const auto j = nlohmann::json::parse(out);              // throws (crash) if not JSON
  if (!j.is_object()) std::abort();
  if (!rid.is_null() && j.at("rid") != rid) std::abort();
}

template <class M>
void check_encoded(const M& m, const nlohmann::json& rid) {
  check_text(p::encode(m), rid);
}

void check_event(const std::string& body) { check_text(p::event_frame(7, 1, body), nullptr); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view frame(reinterpret_cast<const char*>(data), size);
  const p::Decoded d = decoders().decode(frame);
  if (const auto* err = std::get_if<p::DecodeError>(&d)) {
    check_encoded(p::ErrorReply{err->rid, err->error}, err->rid);
    return 0;
  }
  const auto& req = std::get<p::Request>(d);
  check_encoded(p::Pong{req.rid}, req.rid);
  check_encoded(p::ErrorReply{req.rid, {p::ErrorCode::kForbidden, "not a member"}}, req.rid);
  // Decoded text fields go back out in events and acks: echo them.
  if (const auto* post = std::any_cast<pr::Post>(&req.message)) {
    check_encoded(pr::RoomAck{req.rid, post->room, 1, post->cmid}, req.rid);
    check_event(pr::body(pr::MessageEvent{post->room, 1, 0, "Ada", post->text, post->lang,
                                          post->reply_to, post->mentions, post->cmid}));
  } else if (const auto* edit = std::any_cast<pr::Edit>(&req.message)) {
    check_event(pr::body(pr::ChangeEvent{"edit", edit->room, 1, 0, edit->target, edit->text}));
  } else if (const auto* react = std::any_cast<pr::React>(&req.message)) {
    check_event(pr::body(pr::ChangeEvent{"reaction", react->room, 1, 0, react->target, "",
                                         react->emoji, react->on}));
  } else if (const auto* create = std::any_cast<pr::RoomCreate>(&req.message)) {
    pr::RoomInfo info;
    info.name = create->name;
    info.topic = create->topic;
    check_encoded(pr::RoomReply{req.rid, info}, req.rid);
  } else if (const auto* list = std::any_cast<pr::RoomsList>(&req.message)) {
    pr::Rooms rooms{req.rid, {}, list->cursor};
    check_encoded(rooms, req.rid);
  }
  return 0;
}
