// Private to server/rooms: storage records as the protocol shows them, and
// the wire bodies storage stores events with.
#pragma once

#include <optional>
#include <vector>

#include "protocol/rooms/messages.hpp"
#include "storage/rooms/types.hpp"

namespace praxis::server::rooms {

protocol::rooms::MessageInfo to_wire(const storage::rooms::Message& m);
protocol::rooms::MemberInfo to_wire(const storage::rooms::Member& m, bool online);
protocol::rooms::RoomInfo to_wire(const storage::rooms::RoomView& v,
                                  std::vector<storage::Id> online);
std::optional<storage::rooms::After> to_after(const std::optional<protocol::rooms::Cursor>& c);

// How room events are stored: protocol/rooms bodies.
const storage::rooms::Bodies& bodies();

}  // namespace praxis::server::rooms
