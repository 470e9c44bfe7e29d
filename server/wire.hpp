// Conversions from storage records to protocol messages.
#pragma once

#include <vector>

#include "protocol/server_messages.hpp"
#include "storage/types.hpp"

namespace praxis::server {

protocol::UserInfo to_wire(const storage::User& u, bool with_email);
protocol::EventInfo to_wire(const storage::Event& e);
protocol::MessageInfo to_wire(const storage::Message& m);
protocol::MemberInfo to_wire(const storage::Member& m, bool online);
protocol::RoomInfo to_wire(const storage::RoomView& v, std::vector<storage::Id> online);
const char* role_name(storage::RoomRole role);

}  // namespace praxis::server
