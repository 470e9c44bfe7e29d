// The first admin (README.md): from the settings, or through a one-time setup
// link printed at start.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include "protocol/accounts/bodies.hpp"
#include "server/accounts/routes.hpp"
#include "server/core/log.hpp"
#include "server/core/services.hpp"
#include "server/core/tokens.hpp"
#include "storage/accounts/queries.hpp"
#include "storage/accounts/writes.hpp"

namespace praxis::server::accounts {
namespace {

// The admin's password: the file's first line, else PRAXIS_ADMIN_PASSWORD.
// Never a flag: the command line shows in every process list.
std::string admin_password(const Config& c) {
  if (!c.admin_password_file.empty()) {
    std::ifstream in(c.admin_password_file);
    if (!in) throw std::runtime_error("cannot read admin_password_file " + c.admin_password_file);
    std::string line;
    std::getline(in, line);
    while (!line.empty() && (line.back() == '\r' || line.back() == '\n')) line.pop_back();
    return line;
  }
  const char* env = std::getenv("PRAXIS_ADMIN_PASSWORD");
  return env ? env : "";
}

}  // namespace

void bootstrap_admin(Services& s, State& st) {
  using storage::accounts::Queries;
  using storage::accounts::Writes;
  if (!s.read([](storage::Reader& r) { return Queries(r).needs_setup(); })) return;
  const auto& c = st.config;
  if (!c.admin_email.empty()) {
    // The same rules as every sign-up (protocol/accounts/bodies.hpp): no
    // one-character admin password.
    const nlohmann::json body = {{"token", ""},
                                 {"email", c.admin_email},
                                 {"password", admin_password(c)},
                                 {"display_name", c.admin_name}};
    auto parsed = protocol::accounts::parse_signup(body.dump(), "token");
    if (auto* err = std::get_if<protocol::Error>(&parsed)) {
      throw std::runtime_error(
          "the first admin (admin_email, admin_name, admin_password_file or "
          "PRAXIS_ADMIN_PASSWORD): " +
          err->message);
    }
    const auto& r = std::get<protocol::accounts::SignupRequest>(parsed);
    storage::accounts::User user;
    user.profile.email = r.profile.email;
    user.profile.display_name = r.profile.display_name;
    user.role = storage::accounts::UserRole::kAdmin;
    user.password_hash = hash_password(r.password, st.kdf());
    user.created_at = s.clock().now();
    storage::Status status = storage::Status::kOk;
    s.write_sync([&](storage::Txn& tx) {
      Writes w(tx);
      status = w.create_user(user);
      if (status == storage::Status::kOk) w.clear_setup_tokens();
    });
    if (status != storage::Status::kOk) {
      throw std::runtime_error("could not create the admin " + c.admin_email);
    }
    log::info("admin_created", {{"user", std::to_string(user.id)}});
    std::cout << "Admin " << c.admin_email << " created. Sign in at " << s.origin() << "/\n";
    return;
  }
  const auto token = new_token();
  s.write_sync([&](storage::Txn& tx) { Writes(tx).set_setup_token(token_hash(token)); });
  std::cout << "Open " << s.origin() << "/setup?token=" << token
            << " to create the first admin account (the link works once).\n"
            << std::flush;
}

}  // namespace praxis::server::accounts
