// libFuzzer target: one client WebSocket frame through protocol::decode_client
// (default Limits), then the server's answer to it through protocol::encode.
// Properties checked besides "no crash, no sanitizer report":
// * an encoded server message is valid JSON and never holds a raw '\n' (PROTOCOL.md 2:
//   server frames are split on '\n');
// * the rid copied from the request survives encoding unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

#include "protocol/codec.hpp"

namespace {

namespace p = praxis::protocol;

void check_encoded(const p::ServerMessage& m, const nlohmann::json& rid) {
  const std::string out = p::encode(m);
  if (out.find('\n') != std::string::npos) std::abort();  // would split the frame
  const auto j = nlohmann::json::parse(out);              // throws (crash) if not JSON
  if (!rid.is_null() && j.at("rid") != rid) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view frame(reinterpret_cast<const char*>(data), size);
  static const p::Limits limits;
  const p::Decoded d = p::decode_client(frame, limits);
  if (const auto* err = std::get_if<p::DecodeError>(&d)) {
    check_encoded(p::ErrorReply{err->rid, err->error}, err->rid);
    return 0;
  }
  const auto& req = std::get<p::Request>(d);
  check_encoded(p::Pong{req.rid}, req.rid);
  check_encoded(p::ErrorReply{req.rid, {p::ErrorCode::kForbidden, "not a member"}}, req.rid);
  // Decoded text fields go back out in events and acks: echo them.
  if (const auto* post = std::get_if<p::Post>(&req.message)) {
    check_encoded(p::Ack{req.rid, post->room, 1, post->cmid}, req.rid);
    p::EventInfo e;
    e.room = post->room;
    e.seq = 1;
    e.kind = "message";
    e.text = post->text;
    e.lang = post->lang;
    e.cmid = post->cmid;
    e.reply_to = post->reply_to;
    e.mentions = post->mentions;
    check_encoded(p::EventMessage{e}, nullptr);
  } else if (const auto* edit = std::get_if<p::Edit>(&req.message)) {
    p::EventInfo e;
    e.room = edit->room;
    e.kind = "edit";
    e.text = edit->text;
    e.target = edit->target;
    check_encoded(p::EventMessage{e}, nullptr);
  } else if (const auto* react = std::get_if<p::React>(&req.message)) {
    p::EventInfo e;
    e.room = react->room;
    e.kind = "reaction";
    e.emoji = react->emoji;
    e.on = react->on;
    check_encoded(p::EventMessage{e}, nullptr);
  }
  return 0;
}
