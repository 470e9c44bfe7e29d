// Named settings of praxisd. The core registers its own (settings.hpp) and
// each feature its own (Feature::options) before parsing; every setting has a
// default (the field's value when it is registered), can be given as a flag
// (--name value or --name=value, dashes or underscores) and in a config file
// (--config FILE, lines "name = value", '#' comments), and flags win over the
// file. Numbers are range-checked. Not thread-safe: used once, at start.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace praxis::server {

class Option {
 public:
  Option& at_least(double min);
  Option& at_most(double max);

 private:
  friend class Options;
  std::string help_;
  std::string default_;
  std::function<bool(const std::string&)> set_;
  std::function<double()> value_;  // numbers only
  double min_ = -1e300;
  double max_ = 1e300;
};

class Options {
 public:
  // field must outlive this; its current value is the default.
  Option& add(const std::string& name, std::string& field, std::string help);
  Option& add(const std::string& name, std::vector<std::string>& field, std::string help);
  Option& add(const std::string& name, bool& field, std::string help);
  template <class T>
  Option& add(const std::string& name, T& field, std::string help);

  // A rule over several settings, run after parsing: "" or what is wrong.
  void check(std::function<std::string()> rule);

  // "" when every argument parsed and every rule holds, else the message for
  // the operator. --help and -h only set help_requested().
  std::string parse(int argc, const char* const* argv);
  bool help_requested() const { return help_requested_; }
  // Every setting with its default and meaning, for --help.
  std::string help() const;

 private:
  Option& put(const std::string& name, Option o);
  std::string apply(const std::string& raw_name, const std::string& value);
  std::string apply_file(const std::string& path);

  std::map<std::string, Option> options_;
  std::vector<std::function<std::string()>> rules_;
  bool help_requested_ = false;
};

}  // namespace praxis::server

#include "server/core/options_impl.hpp"
