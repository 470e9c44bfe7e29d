#include "server/core/connection.hpp"

#include <exception>

#include "protocol/core/limits.hpp"
#include "server/core/log.hpp"

namespace praxis::server {

void Connection::guarded(const std::function<void()>& fn) noexcept {
  std::string what;
  try {
    fn();
    return;
  } catch (const std::exception& e) {
    what = e.what();
  } catch (...) {
    what = "unknown exception";
  }
  try {
    log::error("task_failed", {{"conn", std::to_string(identity_.conn_id)}, {"what", what}});
    close(protocol::kCloseInternalError, "internal error");
  } catch (...) {
    // Logging or closing failed too: the connection's own timeouts end it.
  }
}

}  // namespace praxis::server
