// What a command line holds once parsed, and the words built from the command table for
// the people who type it: usage lines, --help, spelling hints for an unknown command, option
// or value, and what `annals` without a command prints.
#include <algorithm>
#include <ostream>
#include <stdexcept>

#include "annals/command_table.hpp"
#include "annals/diagnostic.hpp"
#include "annals/version.hpp"

namespace annals {

namespace {

// A list of choices longer than this is listed in --help above the options, each with what
// it means; a shorter one is named in its option's line.
constexpr std::size_t listed_from = 4;

std::string padded(std::string_view name, std::size_t width) {
  std::string out(name);
  out.append(name.size() < width ? width - name.size() : 1, ' ');
  return out;
}

std::string plural(std::string_view noun) { return std::string(noun) + (noun.ends_with('s') ? "" : "s"); }

std::string_view noun_of(const option_row& o) { return o.noun.empty() ? o.name : o.noun; }

std::vector<std::string_view> names_of(const std::vector<choice>& choices) {
  std::vector<std::string_view> out;
  for (const choice& c : choices) out.push_back(c.name);
  return out;
}

void commands_help(std::ostream& out) {
  out << "usage: annals COMMAND [options]\n\ncommands:\n";
  for (const command_row& c : command_table()) out << "  " << padded(c.name, 12) << c.summary << '\n';
  out << "\nannals COMMAND --help shows a command's options; annals --version its version.\n";
}

}  // namespace

void command_line::add(std::string_view name, std::string value) {
  const std::size_t i = index(name);
  given_[i] = true;
  values_[i].push_back(std::move(value));
}

std::size_t command_line::index(std::string_view name) const {
  for (std::size_t i = 0; i < rows_.size(); ++i) {
    if (rows_[i].name == name) return i;
  }
  throw std::logic_error("the command has no option --" + std::string(name));
}

std::string command_line::text(std::string_view name) const {
  const std::size_t i = index(name);
  return given_[i] ? values_[i].back() : std::string(rows_[i].default_value);
}

const std::vector<std::string>& command_line::texts(std::string_view name) const { return values_[index(name)]; }

bool command_line::flag(std::string_view name) const { return given_[index(name)]; }

std::string usage_line(const command_row& c) {
  std::string out = "annals " + std::string(c.name);
  for (const operand_row& o : c.operands) out += " " + std::string(o.name) + (o.many ? "..." : "");
  return out + " [options]";
}

std::string choice_names(const std::vector<choice>& c) {
  std::string out;
  for (std::size_t i = 0; i < c.size(); ++i) {
    if (i > 0) out += i + 1 == c.size() ? " or " : ", ";
    out += c[i].name;
  }
  return out;
}

std::string unknown_choice(std::string_view noun, std::string_view value, const std::vector<choice>& choices) {
  std::string out = "unknown " + std::string(noun) + " '" + std::string(value) + "'";
  if (const std::string_view near = spellcheck(value, names_of(choices)); !near.empty()) {
    out += "; did you mean '" + std::string(near) + "'?";
  }
  return out + " (use " + choice_names(choices) + ")";
}

std::optional<std::string> check_choices(const command_row& c, const command_line& line) {
  for (const option_row& o : c.options) {
    if (o.kind != value_kind::choice || !o.choices) continue;
    const std::vector<choice> choices = o.choices();
    const std::string value = line.text(o.name);
    if (value.empty() && o.default_value.empty()) continue;  // absent, and absent means none
    if (std::none_of(choices.begin(), choices.end(), [&](const choice& x) { return x.name == value; })) {
      return unknown_choice(noun_of(o), value, choices);
    }
  }
  return std::nullopt;
}

std::string option_help(const option_row& o) {
  std::string out(o.help);
  if (o.kind != value_kind::choice || !o.choices) return out;
  const std::vector<choice> choices = o.choices();
  if (choices.size() >= listed_from) return out + " (" + plural(noun_of(o)) + " above)";
  // A few: each named with what it means, "a (this) or b (that)".
  std::vector<choice> described;
  std::vector<std::string> texts;
  texts.reserve(choices.size());
  for (const choice& c : choices) {
    texts.push_back(std::string(c.name) + (c.description.empty() ? "" : " (" + std::string(c.description) + ")"));
  }
  for (const std::string& t : texts) described.push_back({t, ""});
  return out + ": " + choice_names(described);
}

std::string help_caption(const command_row& c) {
  std::string out = usage_line(c);
  const auto list = [&](std::string_view noun, const std::vector<choice>& choices) {
    if (choices.size() < listed_from) return;
    std::size_t width = 0;
    for (const choice& x : choices) width = std::max(width, x.name.size() + 2);
    out += "\n\n" + plural(noun) + ":";
    for (const choice& x : choices) out += "\n  " + padded(x.name, width) + std::string(x.description);
  };
  for (const operand_row& o : c.operands) {
    if (o.choices) {
      std::string noun(o.name);
      std::transform(noun.begin(), noun.end(), noun.begin(), [](unsigned char ch) { return std::tolower(ch); });
      list(noun, o.choices());
    }
  }
  for (const option_row& o : c.options) {
    if (o.choices) list(noun_of(o), o.choices());
  }
  return out + "\n\noptions";
}

std::string unknown_option(const command_row& c, std::string_view option) {
  std::vector<std::string> spelled;
  for (const option_row& o : c.options) spelled.push_back("--" + std::string(o.name));
  spelled.push_back("--help");
  const std::vector<std::string_view> candidates(spelled.begin(), spelled.end());
  std::string out = "unknown option '" + std::string(option) + "'";
  if (const std::string_view near = spellcheck(option, candidates); !near.empty()) {
    out += "; did you mean '" + std::string(near) + "'?";
  }
  return out;
}

outcome run_without_command(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (args.empty()) {
    commands_help(err);
    return outcome::usage_error;
  }
  const std::string& word = args[0];
  if (word == "--help" || word == "-h") {
    commands_help(out);
    return outcome::ok;
  }
  if (word == "--version") {
    out << "annals " << version() << '\n';
    return outcome::ok;
  }
  if (word == "--man") {  // the manual page, for the build to install (not listed: people read it with man)
    out << man_page();
    return outcome::ok;
  }
  std::vector<std::string_view> names;
  for (const command_row& c : command_table()) names.push_back(c.name);
  err << "annals: unknown command '" << display_text(word) << "'";
  if (const std::string_view near = spellcheck(word, names); !near.empty()) {
    err << "; did you mean '" << near << "'?\n(see 'annals --help')\n";
  } else {
    std::vector<choice> commands;
    for (const command_row& c : command_table()) commands.push_back({c.name, c.summary});
    err << "; the commands are " << choice_names(commands) << "\n(see 'annals --help')\n";
  }
  return outcome::usage_error;
}

}  // namespace annals
