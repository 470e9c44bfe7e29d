// One structured line per event on stdout, logfmt: `level=info event=ws_open
// conn=12 user=3`. No timestamps (journald and docker add their own).
// Thread-safe.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace praxis::server::log {

using Field = std::pair<std::string_view, std::string>;

void info(std::string_view event, std::initializer_list<Field> fields = {});
void warn(std::string_view event, std::initializer_list<Field> fields = {});
void error(std::string_view event, std::initializer_list<Field> fields = {});

}  // namespace praxis::server::log
