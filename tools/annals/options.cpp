#include "options.hpp"

#include <algorithm>
#include <boost/program_options.hpp>
#include <sstream>

namespace po = boost::program_options;

namespace annals_tool {

namespace {

using strings = std::vector<std::string>;

po::options_description describe(const annals::command_row& command) {
  po::options_description options(annals::help_caption(command));
  options.add_options()("help,h", "show this help");
  for (const annals::option_row& o : command.options) {
    std::string name(o.name);
    if (o.short_name && command.short_options) name += "," + std::string(1, o.short_name);
    const std::string help = annals::option_help(o);
    const std::string fallback(o.default_value), value(o.value_name);
    if (o.kind == annals::value_kind::flag) {
      options.add_options()(name.c_str(), po::bool_switch(), help.c_str());
    } else if (o.repeatable) {
      options.add_options()(name.c_str(), po::value<strings>()->composing()->value_name(value), help.c_str());
    } else if (!fallback.empty()) {
      options.add_options()(name.c_str(), po::value<std::string>()->default_value(fallback)->value_name(value), help.c_str());
    } else {
      options.add_options()(name.c_str(), po::value<std::string>()->value_name(value), help.c_str());
    }
  }
  return options;
}

}  // namespace

parsed parse(const annals::command_row& command, const strings& args) {
  const po::options_description options = describe(command);
  std::ostringstream help;
  help << options << '\n';
  // Without short options (date: -0043-03-15 is a TEXT), -h still asks for help.
  if (!command.short_options && std::find(args.begin(), args.end(), "-h") != args.end()) return {std::nullopt, help.str()};
  po::options_description all;
  all.add(options).add_options()("operand", po::value<strings>());
  po::positional_options_description operands;
  operands.add("operand", -1);
  int style = po::command_line_style::default_style;
  if (!command.short_options) style &= ~po::command_line_style::allow_short;
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(args).options(all).positional(operands).style(style).run(), vm);
  } catch (const po::unknown_option& e) {
    throw usage_error(annals::unknown_option(command, e.get_option_name()));
  } catch (const po::error& e) {
    throw usage_error(e.what());
  }
  if (vm.count("help")) return {std::nullopt, help.str()};
  annals::command_line line(command.options, vm.count("operand") ? vm["operand"].as<strings>() : strings{});
  for (const annals::option_row& o : command.options) {
    const std::string name(o.name);
    if (!vm.count(name) || vm[name].defaulted()) continue;
    if (o.kind == annals::value_kind::flag) {
      if (vm[name].as<bool>()) line.add(o.name, "");
    } else if (o.repeatable) {
      for (const std::string& v : vm[name].as<strings>()) line.add(o.name, v);
    } else {
      line.add(o.name, vm[name].as<std::string>());
    }
  }
  if (const auto bad = annals::check_choices(command, line)) throw usage_error(*bad);
  return {std::move(line), help.str()};
}

}  // namespace annals_tool
