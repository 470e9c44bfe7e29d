// The invitation routes of the HTTP API (PROTOCOL.md 1): an admin invites by
// e-mail (a one-time registration link, valid 14 days) and lists invitations.
// Registering with one is in accounts_api.
#pragma once

#include "server/http_types.hpp"
#include "server/services.hpp"

namespace praxis::server {

HttpResponse api_create_invitation(Services& sv, const HttpRequest& req);
HttpResponse api_list_invitations(Services& sv, const HttpRequest& req);

}  // namespace praxis::server
