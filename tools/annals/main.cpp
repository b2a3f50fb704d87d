// annals: parse the command line by the engine's command table, run the command, map its
// outcome to an exit status. Every command, option and message lives in the engine
// (annals/command_table.hpp); the machine's facts are read in machine.cpp.
#include <unistd.h>

#include <iostream>
#include <new>
#include <string>
#include <vector>

#include "annals/command_table.hpp"
#include "annals/standard_output.hpp"
#include "machine.hpp"
#include "memory_reserve.hpp"
#include "options.hpp"

namespace {

int run(const annals::command_row& command, const std::vector<std::string>& args) try {
  const annals_tool::parsed p = annals_tool::parse(command, args);
  if (!p.line) {
    std::cout << p.help;
    return 0;
  }
  annals_tool::machine m;
  return m.finish(command.run(*p.line, m.context()));
} catch (const annals_tool::usage_error& e) {
  std::cerr << annals::usage_message(command.name, e.what());
  return 2;
} catch (const std::bad_alloc&) {  // outside the engine's commands: reading the options
  return annals_tool::exit_status(annals::out_of_memory(command.name, std::cerr));
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view word = argc > 1 ? argv[1] : "";
  const annals::command_row* command = annals::find_command(word);
  try {
    annals_tool::hold_memory_reserve();
    // Every command's standard output is checked once, here: a failed or short write is
    // exit status 2, never a truncated page and 0.
    annals::checked_output out(std::cout, STDOUT_FILENO);
    const std::vector<std::string> args(argv + 1, argv + argc);
    const int status = command ? run(*command, {args.begin() + 1, args.end()})
                               : annals_tool::exit_status(annals::run_without_command(args, std::cout, std::cerr));
    if (const int error = out.finish(); error != 0) {
      std::cerr << annals::cannot_write_output(command ? command->name : "", error);
      return 2;
    }
    return status;
  } catch (const std::bad_alloc&) {  // before a command runs: the arguments themselves
    return annals_tool::exit_status(annals::out_of_memory(command ? command->name : "", std::cerr));
  }
}
