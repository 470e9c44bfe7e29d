#include "server/core/options.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace praxis::server {
namespace {

std::string normalise(std::string name) {
  for (auto& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// A bound as the operator wrote it: 1, 0.5, 1e+06.
std::string number(double v) {
  std::ostringstream out;
  out << v;
  return out.str();
}

std::string joined(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : ",") + s;
  return out;
}

}  // namespace

Option& Option::at_least(double min) {
  min_ = min;
  return *this;
}

Option& Option::at_most(double max) {
  max_ = max;
  return *this;
}

Option& Options::put(const std::string& name, Option o) {
  auto [it, fresh] = options_.emplace(normalise(name), std::move(o));
  if (!fresh) throw std::logic_error("setting '" + name + "' is registered twice");
  return it->second;
}

Option& Options::add(const std::string& name, std::string& field, std::string help) {
  Option o;
  o.help_ = std::move(help);
  o.default_ = field;
  o.set_ = [&field](const std::string& v) {
    field = v;
    return true;
  };
  return put(name, std::move(o));
}

Option& Options::add(const std::string& name, std::vector<std::string>& field, std::string help) {
  Option o;
  o.help_ = std::move(help);
  o.default_ = joined(field);
  o.set_ = [&field](const std::string& v) {
    std::stringstream in(v);
    std::string item;
    field.clear();
    while (std::getline(in, item, ',')) {
      if (auto t = trim(item); !t.empty()) field.push_back(t);
    }
    return true;
  };
  return put(name, std::move(o));
}

Option& Options::add(const std::string& name, bool& field, std::string help) {
  Option o;
  o.help_ = std::move(help);
  o.default_ = field ? "true" : "false";
  o.set_ = [&field](const std::string& v) {
    if (v == "true" || v == "1" || v == "yes") {
      field = true;
    } else if (v == "false" || v == "0" || v == "no") {
      field = false;
    } else {
      return false;
    }
    return true;
  };
  return put(name, std::move(o));
}

void Options::check(std::function<std::string()> rule) { rules_.push_back(std::move(rule)); }

std::string Options::apply(const std::string& raw_name, const std::string& value) {
  auto it = options_.find(normalise(raw_name));
  if (it == options_.end()) return "unknown setting '" + raw_name + "'";
  const auto& o = it->second;
  const std::string bad = "bad value '" + value + "' for setting '" + raw_name + "'";
  if (!o.set_(value)) return bad;
  if (!o.value_) return "";
  // NaN compares false both ways: refused as out of range.
  const double v = o.value_();
  if (!(v >= o.min_)) return bad + " (at least " + number(o.min_) + ")";
  if (!(v <= o.max_)) return bad + " (at most " + number(o.max_) + ")";
  return "";
}

std::string Options::apply_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return "cannot read config file " + path;
  std::string line;
  for (int n = 1; std::getline(in, line); ++n) {
    line = trim(line.substr(0, line.find('#')));
    if (line.empty()) continue;
    const auto eq = line.find('=');
    if (eq == std::string::npos) return path + ":" + std::to_string(n) + ": expected name = value";
    auto err = apply(trim(line.substr(0, eq)), trim(line.substr(eq + 1)));
    if (!err.empty()) return path + ":" + std::to_string(n) + ": " + err;
  }
  return "";
}

std::string Options::parse(int argc, const char* const* argv) {
  std::vector<std::pair<std::string, std::string>> flags;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--help" || arg == "-h") {
      help_requested_ = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0) return "unexpected argument '" + arg + "'";
    arg = arg.substr(2);
    std::string value;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      value = arg.substr(eq + 1);
      arg = arg.substr(0, eq);
    } else if (i + 1 < argc) {
      value = argv[++i];
    } else {
      return "setting --" + arg + " needs a value";
    }
    if (normalise(arg) == "config") {
      if (auto err = apply_file(value); !err.empty()) return err;
    } else {
      flags.emplace_back(arg, value);
    }
  }
  if (help_requested_) return "";
  for (const auto& [name, value] : flags) {
    if (auto err = apply(name, value); !err.empty()) return err;
  }
  for (const auto& rule : rules_) {
    if (auto err = rule(); !err.empty()) return err;
  }
  return "";
}

std::string Options::help() const {
  std::string out =
      "usage: praxisd [--config FILE] [--name value ...]\n"
      "Every setting also goes in the config file as 'name = value'.\n\nsettings:\n";
  for (const auto& [name, o] : options_) {
    std::string flag = "  --" + name;
    for (auto& c : flag) {
      if (c == '_') c = '-';
    }
    out += flag + " (default: " + (o.default_.empty() ? "none" : o.default_) + ")\n      " +
           o.help_ + "\n";
  }
  return out;
}

}  // namespace praxis::server
