// systemd's readiness protocol (sd_notify(3)) without libsystemd: when
// NOTIFY_SOCKET is set (a path, or an abstract socket starting with '@'), send
// one datagram to it. Does nothing without it or on any error, so praxisd
// behaves the same outside systemd (Type=notify in deploy/praxisd.service).
#pragma once

namespace praxis::server {

// "READY=1": listening and serving; call once, after the listener runs.
void notify_ready();
// "STOPPING=1": shutting down; call when the shutdown signal arrives.
void notify_stopping();

}  // namespace praxis::server
