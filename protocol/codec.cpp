#include "protocol/codec.hpp"

#include <algorithm>
#include <charconv>
#include <limits>
#include <string>
#include <unordered_map>

#include "protocol/fields.hpp"

namespace praxis::protocol {
namespace {

using Json = nlohmann::json;
using Decoder = ClientMessage (*)(const Fields&, const Limits&);

// A room id as an object key: decimal digits only (no sign, space or leading
// zero, so that each room has exactly one spelling), positive, fitting an Id.
bool parse_room_key(const std::string& key, Id& room) {
  const char* end = key.data() + key.size();
  const auto [ptr, ec] = std::from_chars(key.data(), end, room);
  return ec == std::errc() && ptr == end && key[0] >= '1' && key[0] <= '9';
}

std::map<Id, Seq> decode_resume(const Json& v) {
  std::map<Id, Seq> out;
  if (v.is_null()) return out;
  if (!v.is_object() || v.size() > kMaxResumeRooms) {
    throw FieldError(ErrorCode::kBadField, "field 'resume': expected an object of room -> seq");
  }
  for (const auto& [key, seq] : v.items()) {
    Id room = 0;
    if (!parse_room_key(key, room) || !seq.is_number_integer() || seq.get<std::int64_t>() < 0) {
      throw FieldError(ErrorCode::kBadField, "field 'resume': expected room ids mapped to seqs");
    }
    out[room] = seq.get<std::int64_t>();
  }
  return out;
}

ClientMessage hello(const Fields& f, const Limits&) {
  Hello h;
  // Any version but the server's is answered with version_mismatch: a value too
  // large for int must stay different from every real one, not wrap around.
  h.version =
      static_cast<int>(std::min<std::int64_t>(f.count("version"), std::numeric_limits<int>::max()));
  if (f.has("resume")) h.resume = decode_resume(f.object().at("resume"));
  return h;
}
ClientMessage rooms_list(const Fields&, const Limits&) { return RoomsList{}; }

ClientMessage room_create(const Fields& f, const Limits&) {
  RoomCreate m;
  m.name = f.chars("name", 1, kMaxRoomNameChars);
  const auto vis = f.text("visibility", 16);
  if (vis != "open" && vis != "private") {
    throw FieldError(ErrorCode::kBadField, "field 'visibility': expected \"open\" or \"private\"");
  }
  m.is_private = vis == "private";
  if (f.has("topic")) m.topic = f.chars("topic", 0, kMaxTopicChars);
  return m;
}

ClientMessage room_join(const Fields& f, const Limits&) { return RoomJoin{f.id("room")}; }
ClientMessage room_leave(const Fields& f, const Limits&) { return RoomLeave{f.id("room")}; }
ClientMessage room_invite(const Fields& f, const Limits&) {
  return RoomInvite{f.id("room"), f.id("user")};
}
ClientMessage room_members(const Fields& f, const Limits&) { return RoomMembers{f.id("room")}; }

std::string message_text(const Fields& f, const Limits& l) {
  return f.chars("text", 1, l.max_text_chars, ErrorCode::kTextTooLong);
}

ClientMessage post(const Fields& f, const Limits& l) {
  Post m;
  m.room = f.id("room");
  m.text = message_text(f, l);
  m.lang = f.text("lang", kMaxLangBytes);
  if (!is_language_tag(m.lang)) {
    throw FieldError(ErrorCode::kBadField, "field 'lang': expected a BCP 47 language tag");
  }
  m.cmid = f.optional_text("cmid", kMaxCmidBytes);
  m.reply_to = f.optional_id("reply_to");
  m.mentions = f.ids("mentions", kMaxMentions);
  return m;
}

ClientMessage edit(const Fields& f, const Limits& l) {
  return Edit{f.id("room"), f.id("target"), message_text(f, l)};
}

ClientMessage del(const Fields& f, const Limits&) { return Delete{f.id("room"), f.id("target")}; }

ClientMessage react(const Fields& f, const Limits&) {
  React m;
  m.room = f.id("room");
  m.target = f.id("target");
  m.emoji = f.chars("emoji", 1, kMaxEmojiBytes);
  if (m.emoji.size() > kMaxEmojiBytes) {
    throw FieldError(ErrorCode::kBadField, "field 'emoji': expected at most 32 bytes");
  }
  m.on = f.boolean("on");
  return m;
}

ClientMessage history(const Fields& f, const Limits& l) {
  History m;
  m.room = f.id("room");
  if (f.has("before") && f.has("after")) {
    throw FieldError(ErrorCode::kBadField, "field 'before': not together with 'after'");
  }
  m.before = f.optional_id("before");
  if (f.has("after")) m.after = f.count("after");
  if (f.has("limit")) m.limit = f.id("limit");
  if (m.limit > l.history_page_max) m.limit = l.history_page_max;
  return m;
}

ClientMessage read(const Fields& f, const Limits&) { return Read{f.id("room"), f.count("seq")}; }
ClientMessage typing(const Fields& f, const Limits&) { return Typing{f.id("room")}; }
ClientMessage ping(const Fields&, const Limits&) { return Ping{}; }

const std::unordered_map<std::string, Decoder>& decoders() {
  static const std::unordered_map<std::string, Decoder> table = {
      {"hello", hello},
      {"rooms_list", rooms_list},
      {"room_create", room_create},
      {"room_join", room_join},
      {"room_leave", room_leave},
      {"room_invite", room_invite},
      {"room_members", room_members},
      {"post", post},
      {"edit", edit},
      {"delete", del},
      {"react", react},
      {"history", history},
      {"read", read},
      {"typing", typing},
      {"ping", ping},
  };
  return table;
}

DecodeError failure(ErrorCode code, std::string message, Json rid = nullptr) {
  return DecodeError{Error{code, std::move(message)}, std::move(rid)};
}

}  // namespace

Decoded decode_client(std::string_view frame, const Limits& limits) {
  Json j;
  try {
    j = parse_object(frame, "frame");
  } catch (const FieldError& e) {
    return failure(e.code(), e.what());
  }
  Json rid = nullptr;
  if (auto it = j.find("rid"); it != j.end() && !it->is_null()) {
    const bool ok = it->is_number_integer() ||
                    (it->is_string() && it->get_ref<const std::string&>().size() <= kMaxRidBytes);
    if (!ok) {
      return failure(ErrorCode::kBadField, "field 'rid': expected an integer or a short string");
    }
    rid = *it;
  }
  auto type = j.find("type");
  if (type == j.end() || !type->is_string()) {
    return failure(ErrorCode::kUnknownType, "field 'type' is missing or not a string", rid);
  }
  const auto& name = type->get_ref<const std::string&>();
  auto decoder = decoders().find(name);
  if (decoder == decoders().end()) {
    return failure(ErrorCode::kUnknownType, "unknown message type '" + name + "'", rid);
  }
  try {
    return Request{rid, decoder->second(Fields(j), limits)};
  } catch (const FieldError& e) {
    return failure(e.code(), e.what(), rid);
  }
}

}  // namespace praxis::protocol
