// The rooms feature (protocol/rooms/rooms.md): live discussion rooms, their
// members and moderators, messages, reactions, read markers, typing and
// presence. A room is the stream of the same id ("room" kind).
#pragma once

#include <memory>

#include "server/core/feature.hpp"
#include "server/rooms/state.hpp"

namespace praxis::server::rooms {

class Feature final : public server::Feature {
 public:
  std::string_view name() const override { return "rooms"; }
  void options(Options& o) override;
  void attach(Registry& r) override;

 private:
  Config config_;
  std::unique_ptr<State> state_;
};

}  // namespace praxis::server::rooms
