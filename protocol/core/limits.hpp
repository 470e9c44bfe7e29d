// Constants fixed by the protocol (PROTOCOL.md): its version, the sizes of the
// envelope's own fields and the close codes. Operating limits that are
// settings of praxisd live with the server's settings; limits a feature's
// decoders enforce live with that feature (e.g. protocol/rooms/limits.hpp).
#pragma once

#include <cstddef>
#include <cstdint>

namespace praxis::protocol {

inline constexpr int kProtocolVersion = 1;

inline constexpr std::size_t kMaxRidBytes = 64;
inline constexpr std::size_t kMaxCmidBytes = 64;
inline constexpr std::size_t kMaxResumeStreams = 10000;

// Close codes (PROTOCOL.md, "Close codes").
inline constexpr std::uint16_t kCloseNormal = 1000;
inline constexpr std::uint16_t kCloseGoingAway = 1001;
inline constexpr std::uint16_t kCloseBadUtf8 = 1007;
inline constexpr std::uint16_t kCloseTooBig = 1009;
inline constexpr std::uint16_t kCloseInternalError = 1011;
inline constexpr std::uint16_t kCloseHelloTimeout = 4001;
inline constexpr std::uint16_t kCloseVersionMismatch = 4002;
inline constexpr std::uint16_t kCloseSlowConsumer = 4008;
inline constexpr std::uint16_t kCloseSessionRevoked = 4009;

}  // namespace praxis::protocol
