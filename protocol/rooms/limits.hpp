// What the rooms decoders enforce: fixed sizes of small fields, and the limits
// that are settings of praxisd (registered by server/rooms), with defaults.
#pragma once

#include <cstddef>
#include <cstdint>

namespace praxis::protocol::rooms {

inline constexpr std::size_t kMaxLangBytes = 35;
inline constexpr std::size_t kMaxEmojiBytes = 32;
inline constexpr std::size_t kMaxRoomNameChars = 100;
inline constexpr std::size_t kMaxTopicChars = 500;
inline constexpr std::size_t kMaxMentions = 50;
inline constexpr std::size_t kMaxCursorBytes = 512;

struct Limits {
  std::size_t max_text_chars = 10000;
  std::int64_t history_page_max = 100;
  std::int64_t list_page_max = 200;  // rooms_list and room_members
};

}  // namespace praxis::protocol::rooms
