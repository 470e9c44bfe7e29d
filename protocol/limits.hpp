// Protocol constants and the size limits that decoding enforces. One value type
// holds every limit so that the server's settings and the decoder agree; the
// wire format they bound is documented in PROTOCOL.md next to this file.
#pragma once

#include <cstddef>
#include <cstdint>

namespace praxis::protocol {

inline constexpr int kProtocolVersion = 1;

// Fixed by the protocol (not settings): lengths of identifiers and small fields.
inline constexpr std::size_t kMaxRidBytes = 64;
inline constexpr std::size_t kMaxCmidBytes = 64;
inline constexpr std::size_t kMaxLangBytes = 35;
inline constexpr std::size_t kMaxEmojiBytes = 32;
inline constexpr std::size_t kMaxRoomNameChars = 100;
inline constexpr std::size_t kMaxTopicChars = 500;
inline constexpr std::size_t kMaxMentions = 50;
inline constexpr std::size_t kMaxResumeRooms = 10000;

// Close codes (PROTOCOL.md section 5).
inline constexpr std::uint16_t kCloseNormal = 1000;
inline constexpr std::uint16_t kCloseGoingAway = 1001;
inline constexpr std::uint16_t kCloseTooBig = 1009;
inline constexpr std::uint16_t kCloseInternalError = 1011;
inline constexpr std::uint16_t kCloseHelloTimeout = 4001;
inline constexpr std::uint16_t kCloseVersionMismatch = 4002;
inline constexpr std::uint16_t kCloseSlowConsumer = 4008;
inline constexpr std::uint16_t kCloseSessionRevoked = 4009;

// Limits that are settings of praxisd (PROTOCOL.md section 3), with defaults.
struct Limits {
  std::size_t max_frame_bytes = 64 * 1024;
  std::size_t max_text_chars = 10000;
  double messages_per_second = 10;
  double messages_burst = 30;
  std::size_t max_connections_per_address = 64;
  std::int64_t max_rooms_per_user = 500;
  std::size_t max_queue_bytes = 4 * 1024 * 1024;
  std::int64_t history_page_max = 100;
  std::int64_t resume_max_events = 10000;
  std::size_t max_body_bytes = 64 * 1024;
};

}  // namespace praxis::protocol
