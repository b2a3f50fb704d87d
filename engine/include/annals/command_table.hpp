#pragma once

// The command line as data (ninja's tool table): every command a row with its name,
// summary, usage, operands and options, each option with its long and short name, value,
// default, help and, for a fixed set of values, the table its choices come from. The tool
// turns the rows into its parser; --help, the spelling hints, the shell completions
// (`annals completions`) and the man page are all built from them. A command is one row
// here and one function.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "annals/commands.hpp"

namespace annals {

/// One value of a fixed set, with what it means ("" when its name says it).
struct choice {
  std::string_view name, description;
};
/// The values an option takes, read from the table that has them (renderers(),
/// report_formats(), import_formats(), the calendars...).
using choices_fn = std::vector<choice> (*)();

/// What a value is, for the completions: files, folders, a choice, or text to type.
enum class value_kind : std::uint8_t { flag, text, number, file, directory, choice };

struct option_row {
  std::string_view name;          // long name: "format" is --format
  char short_name = 0;            // 'o' is -o; 0: none
  value_kind kind = value_kind::text;
  std::string_view value_name;    // "FORMAT" in usages and the man page; "" for a flag
  std::string_view default_value; // what an absent option means; "" = nothing
  std::string_view help;          // one line; a choice's names are added from `choices`
  choices_fn choices = nullptr;   // kind == choice: the values there are
  bool repeatable = false;        // --kind a --kind b
  std::string_view noun = {};     // "unknown NOUN 'x'"; "" = the name
};

struct operand_row {
  std::string_view name;  // FILE, TEXT, FORMAT, ID
  value_kind kind = value_kind::file;
  choices_fn choices = nullptr;
  bool many = false;      // FILE...
};

/// What the tool read off the command line for one command: its operands, and the values
/// of the options that were given (an absent option reads as its row's default).
class command_line {
 public:
  command_line(std::span<const option_row> options, std::vector<std::string> operands)
      : rows_(options), values_(options.size()), given_(options.size()), operands_(std::move(operands)) {}
  /// Records a value of option `name` (a flag: any value). Unknown names are a programmer's error.
  void add(std::string_view name, std::string value);
  const std::vector<std::string>& operands() const { return operands_; }
  /// The last value given, else the default.
  std::string text(std::string_view name) const;
  /// Every value given of a repeatable option.
  const std::vector<std::string>& texts(std::string_view name) const;
  bool flag(std::string_view name) const;

 private:
  std::size_t index(std::string_view name) const;
  std::span<const option_row> rows_;
  std::vector<std::vector<std::string>> values_;
  std::vector<bool> given_;
  std::vector<std::string> operands_;
};

/// The facts of the machine a command runs on, read by the tool: the engine reads no
/// clock and probes no terminal.
struct command_context {
  command_env& env;
  std::chrono::sys_days today;         // what relative dates mean without --reference
  bool stdout_terminal = false;        // render's colour and width
  std::size_t terminal_columns = 0;    // 0: unknown
  const char* no_color = nullptr;      // the variables' values, null when unset
  const char* term = nullptr;
  std::istream* in = nullptr;          // standard input, for the language server's messages
};

struct command_row {
  std::string_view name, summary;
  std::span<const operand_row> operands;
  std::span<const option_row> options;  // besides --help, which every command has
  outcome (*run)(const command_line& line, command_context& context);
  /// false: no short options (date: -0043-03-15 is a TEXT, not options); -h still asks for help.
  bool short_options = true;
};

/// Every command, in the order `annals --help` lists them.
std::span<const command_row> command_table();
/// The command named `name`, or null.
const command_row* find_command(std::string_view name);

/// `annals COMMAND` and its operands: "annals import FORMAT FILE... [options]".
std::string usage_line(const command_row& c);
/// An option's help: its row's, with the values of a fixed set named ("text or json").
std::string option_help(const option_row& o);
/// What `annals COMMAND --help` shows above the options: the usage line, and the values of
/// an option or operand that has more than a few, each with what it means.
std::string help_caption(const command_row& c);

/// The names of `c`, "a, b or c", for messages.
std::string choice_names(const std::vector<choice>& c);
/// `unknown NOUN 'value'; did you mean 'x'? (use a, b or c)`: an unknown value of a fixed set.
std::string unknown_choice(std::string_view noun, std::string_view value, const std::vector<choice>& choices);
/// Null when every option of `line` with a fixed set of values holds one of them; else the
/// usage message for the first that does not.
std::optional<std::string> check_choices(const command_row& c, const command_line& line);

/// What `annals` alone, `annals --help`, `--version` and `--man`, and an unknown command
/// print (the last with a spelling hint, as ninja gives); `args` is the whole command line
/// after the program's name, whose first word names no command.
outcome run_without_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
/// `annals: unknown option '--fromat' for render; did you mean '--format'?`, or without the
/// hint when none is near.
std::string unknown_option(const command_row& c, std::string_view option);

/// The formats of date, gaps, metrics, why and effects.
enum class data_format : std::uint8_t { text, json };
struct data_format_row {
  data_format format;
  std::string_view name, description;
};
std::span<const data_format_row> data_formats();
const data_format_row* find_data_format(std::string_view name);

/// The shells `annals completions` writes for.
enum class shell : std::uint8_t { bash, zsh, fish };
/// The completion script for `s`, generated from the command table.
std::string completion_script(shell s);
/// The manual page annals(1) in roff (man(7)), generated from the command table.
std::string man_page();

}  // namespace annals
