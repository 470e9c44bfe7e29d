#include "server/core/dispatch.hpp"

#include <algorithm>

#include "protocol/core/limits.hpp"
#include "server/core/context.hpp"
#include "server/core/core.hpp"
#include "server/core/delivery.hpp"
#include "server/core/log.hpp"
#include "server/core/resume.hpp"

namespace praxis::server {
namespace {

using protocol::ErrorCode;

nlohmann::json welcome_limits(const Core& core) {
  nlohmann::json limits = {{"max_frame_bytes", core.settings.max_frame_bytes}};
  for (const auto& [name, value] : core.registry.advertised()) limits[name] = value;
  return limits;
}

void hello(Core& core, const ConnectionPtr& c, const protocol::Hello& m) {
  if (m.version != protocol::kProtocolVersion) {
    send_error(*c, nullptr, ErrorCode::kVersionMismatch,
               "this server speaks protocol version " + std::to_string(protocol::kProtocolVersion));
    return c->close(protocol::kCloseVersionMismatch, "version mismatch");
  }
  // The session was checked at the upgrade; one that ended between then and
  // the connection joining the hub (closed by Live::close_session from then
  // on) is caught here, before anything is sent. Read again only if a session
  // may have ended since (or this one expired): most connects skip the read.
  const auto& who = c->principal();
  const auto& authenticate = core.registry.authenticator();
  const auto endings = core.live.endings();
  const auto now = core.clock.now();
  const bool expired = who.expires_at != 0 && who.expires_at <= now;
  const bool recheck = authenticate && (expired || endings != who.endings_seen);
  if (recheck && !core.store->read([&](storage::Reader& r) {
        return authenticate(r, who.token_hash, now).has_value();
      })) {
    return c->close(protocol::kCloseSessionRevoked, "session ended");
  }
  c->greeted = true;
  send_message(*c, protocol::Welcome{c->take_welcome_info(), welcome_limits(core)});
  for (const auto& [kind, policy] : core.registry.stream_kinds()) {
    if (!policy.standing) continue;
    const auto standing = [&, &policy = policy] {
      auto ids =
          core.store->read([&](storage::Reader& r) { return policy.standing(r, c->principal()); });
      std::sort(ids.begin(), ids.end());
      return ids;
    };
    const auto ids = standing();
    for (Id stream : ids) subscribe(core, c, stream, kind, true);
    // Read again now that the hub has them, if a revoke began since before
    // the read: a membership that ended in between (its revoke found no
    // subscription to end) ends here. Otherwise any revoke from here on finds
    // these subscriptions in the hub.
    if (ids.empty() || core.live.endings() == endings) continue;
    const auto still = standing();
    for (Id stream : ids) {
      if (!std::binary_search(still.begin(), still.end(), stream)) unsubscribe(core, c, stream);
    }
  }
  start_resume(core, c, m.resume);
}

void dispatch(Core& core, const ConnectionPtr& c, protocol::Request& req) {
  if (req.type == protocol::Hello::kType) {
    return send_error(*c, req.rid, ErrorCode::kBadField, "hello was already received");
  }
  if (req.type == protocol::Ping::kType) return send_message(*c, protocol::Pong{req.rid});
  if (req.type == protocol::Subscribe::kType) {
    const auto& m = std::any_cast<const protocol::Subscribe&>(req.message);
    return handle_subscribe(core, c, req.rid, m.stream, m.after);
  }
  if (req.type == protocol::Unsubscribe::kType) {
    const auto& m = std::any_cast<const protocol::Unsubscribe&>(req.message);
    return handle_unsubscribe(core, c, req.rid, m.stream);
  }
  const auto* handle = core.registry.handler(req.type);
  if (!handle)
    return send_error(*c, req.rid, ErrorCode::kUnknownType, "no handler for " + req.type);
  Context ctx(core, c, req.rid);
  (*handle)(ctx, req.message);
}

}  // namespace

void handle_frame(Core& core, const ConnectionPtr& c, std::string_view frame) {
  auto decoded = core.registry.decoders().decode(frame);
  if (auto* err = std::get_if<protocol::DecodeError>(&decoded)) {
    return send_error(*c, err->rid, err->error.code, err->error.message);
  }
  auto& req = std::get<protocol::Request>(decoded);
  try {
    if (!c->greeted) {
      if (req.type != protocol::Hello::kType) {
        return send_error(*c, req.rid, ErrorCode::kHelloRequired, "send hello first");
      }
      return hello(core, c, std::any_cast<const protocol::Hello&>(req.message));
    }
    dispatch(core, c, req);
  } catch (const std::exception& e) {
    // NOTE: a failure inside one request never takes the server down: the
    // client hears "internal", with the request's rid, and keeps its connection.
    log::error("request_failed", {{"conn", std::to_string(c->id())}, {"what", e.what()}});
    send_error(*c, req.rid, ErrorCode::kInternal, "the server failed");
  }
}

void handle_closed(Core& core, const ConnectionPtr& c) {
  for (const auto& gone : core.hub.remove(c.get())) {
    core.live.announce(gone.stream, gone.kind, c->user_id(), false);
  }
  c->delivered.clear();
}

}  // namespace praxis::server
