// Decoding of the rooms client messages (protocol/rooms/rooms.md).
#include <algorithm>
#include <charconv>

#include "protocol/core/fields.hpp"
#include "protocol/core/limits.hpp"
#include "protocol/core/utf8.hpp"
#include "protocol/rooms/messages.hpp"

namespace praxis::protocol::rooms {
namespace {

[[noreturn]] void bad(const std::string& what) { throw FieldError(ErrorCode::kBadField, what); }

std::optional<Cursor> cursor(const Fields& f) {
  if (!f.has("cursor")) return std::nullopt;
  const auto text = f.text("cursor", kMaxCursorBytes);
  const auto colon = text.find(':');
  Cursor c;
  const char* end = text.data() + (colon == std::string::npos ? 0 : colon);
  const auto [ptr, ec] = std::from_chars(text.data(), end, c.id);
  if (colon == std::string::npos || ec != std::errc() || ptr != end || c.id <= 0) {
    bad("field 'cursor': expected the 'next' of an earlier page");
  }
  c.name = text.substr(colon + 1);
  return c;
}

std::int64_t page_limit(const Fields& f, std::int64_t max) {
  if (!f.has("limit")) return max;
  return std::min(f.id("limit"), max);
}

RoomsList rooms_list(const Fields& f, const Limits& l) {
  return RoomsList{page_limit(f, l.list_page_max), cursor(f), f.has("all") && f.boolean("all")};
}

// A room's name and topic, in room_create and room_update alike.
std::string room_name(const Fields& f) { return f.chars("name", 1, kMaxRoomNameChars); }
std::string room_topic(const Fields& f) { return f.chars("topic", 0, kMaxTopicChars); }

RoomCreate room_create(const Fields& f) {
  RoomCreate m;
  m.name = room_name(f);
  const auto vis = f.text("visibility", 16);
  if (vis != "open" && vis != "private")
    bad("field 'visibility': expected \"open\" or \"private\"");
  m.is_private = vis == "private";
  if (f.has("topic")) m.topic = room_topic(f);
  return m;
}

RoomUpdate room_update(const Fields& f) {
  RoomUpdate m;
  m.room = f.id("room");
  if (f.has("name")) m.name = room_name(f);
  if (f.has("topic")) m.topic = room_topic(f);
  if (f.has("archived")) m.archived = f.boolean("archived");
  if (!m.name && !m.topic && !m.archived) {
    bad("fields 'name', 'topic', 'archived': expected at least one");
  }
  return m;
}

RoomMembers room_members(const Fields& f, const Limits& l) {
  return RoomMembers{f.id("room"), page_limit(f, l.list_page_max), cursor(f)};
}

RoomSetRole room_set_role(const Fields& f) {
  RoomSetRole m{f.id("room"), f.id("user"), f.text("role", 16)};
  if (m.role != "moderator" && m.role != "member") {
    bad("field 'role': expected \"moderator\" or \"member\"");
  }
  return m;
}

std::string message_text(const Fields& f, const Limits& l) {
  return f.prose("text", 1, l.max_text_chars, ErrorCode::kTextTooLong);
}

Post post(const Fields& f, const Limits& l) {
  Post m;
  m.room = f.id("room");
  m.text = message_text(f, l);
  m.lang = f.text("lang", kMaxLangBytes);
  if (!is_language_tag(m.lang)) bad("field 'lang': expected a BCP 47 language tag");
  m.cmid = f.optional_text("cmid", kMaxCmidBytes);
  m.reply_to = f.optional_id("reply_to");
  m.mentions = f.ids("mentions", kMaxMentions);
  return m;
}

// An emoji: a short string with at least one visible non-ASCII character and
// no space of any kind or control. Plain words ("__proto__", "toString") are
// not reactions, nor is a lone joiner or variation selector.
std::string emoji(const Fields& f) {
  auto e = f.chars("emoji", 1, kMaxEmojiBytes);
  if (e.size() > kMaxEmojiBytes) bad("field 'emoji': expected at most 32 bytes");
  bool visible = false;
  for (char32_t c : code_points(e)) {
    if (c == ' ' || is_unicode_space(c)) bad("field 'emoji': expected an emoji");
    visible = visible || (c >= 0x80 && !is_invisible(c));
  }
  if (!visible) bad("field 'emoji': expected an emoji");
  return e;
}

History history(const Fields& f, const Limits& l) {
  History m;
  m.room = f.id("room");
  if (f.has("before") && f.has("after")) bad("field 'before': not together with 'after'");
  m.before = f.optional_id("before");
  if (f.has("after")) m.after = f.count("after");
  if (f.has("limit")) m.limit = f.id("limit");
  m.limit = std::min(m.limit, l.history_page_max);
  return m;
}

}  // namespace

std::string to_string(const Cursor& c) { return std::to_string(c.id) + ":" + c.name; }

void add_room_messages(MessageSet& set, const Limits& l) {
  set.add<RoomsList>([&l](const Fields& f) { return rooms_list(f, l); });
  set.add<RoomCreate>(room_create);
  set.add<RoomJoin>([](const Fields& f) { return RoomJoin{f.id("room")}; });
  set.add<RoomLeave>([](const Fields& f) { return RoomLeave{f.id("room")}; });
  set.add<RoomInvite>([](const Fields& f) { return RoomInvite{f.id("room"), f.id("user")}; });
  set.add<RoomMembers>([&l](const Fields& f) { return room_members(f, l); });
  set.add<RoomSetRole>(room_set_role);
  set.add<RoomRemove>([](const Fields& f) { return RoomRemove{f.id("room"), f.id("user")}; });
  set.add<RoomTransfer>([](const Fields& f) { return RoomTransfer{f.id("room"), f.id("user")}; });
  set.add<RoomUpdate>(room_update);
  set.add<Post>([&l](const Fields& f) { return post(f, l); });
  set.add<Edit>([&l](const Fields& f) {
    return Edit{f.id("room"), f.id("target"), message_text(f, l)};
  });
  set.add<Delete>([](const Fields& f) { return Delete{f.id("room"), f.id("target")}; });
  set.add<React>([](const Fields& f) {
    return React{f.id("room"), f.id("target"), emoji(f), f.boolean("on")};
  });
  set.add<History>([&l](const Fields& f) { return history(f, l); });
  set.add<Read>([](const Fields& f) { return Read{f.id("room"), f.count("seq")}; });
  set.add<Typing>([](const Fields& f) { return Typing{f.id("room")}; });
}

}  // namespace praxis::protocol::rooms
