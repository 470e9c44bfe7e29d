// The account routes of the HTTP API (PROTOCOL.md 1): setup, login, logout,
// me, register, users (invitations are in invitations_api). Each runs on a
// worker thread (password hashing and account writes block) and returns the
// whole response.
#pragma once

#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

HttpResponse api_setup_status(Services& sv, const HttpRequest& req);
HttpResponse api_setup(Services& sv, const HttpRequest& req);
HttpResponse api_login(Services& sv, const HttpRequest& req);
HttpResponse api_logout(Services& sv, const HttpRequest& req);
HttpResponse api_me(Services& sv, const HttpRequest& req);
HttpResponse api_update_me(Services& sv, const HttpRequest& req);
HttpResponse api_register(Services& sv, const HttpRequest& req);
HttpResponse api_users(Services& sv, const HttpRequest& req);

// Start-up: creates the first admin from the settings, or prints a one-time
// setup link, when the instance has no admin yet.
void bootstrap_admin(Services& sv);

}  // namespace praxis::server
