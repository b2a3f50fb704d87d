#include "commands/option_values.hpp"

namespace annals::detail {

namespace {

using lane = render_options::lane_key;
using layout = render_options::layout_kind;

constexpr named_value<lane> lane_rows[] = {
    {lane::actor, "actor", "one lane per actor"},
    {lane::kind, "kind", "one lane per kind of event"},
};

constexpr named_value<layout> layout_rows[] = {
    {layout::horizontal, "horizontal", "time across the page, in lanes"},
    {layout::vertical, "vertical", "time down the page, for print"},
};

constexpr named_value<reading> reading_rows[] = {
    {reading::news, "news", "an article's date: looks back"},
    {reading::narrative, "narrative", "the last date a history named: looks forward"},
};

constexpr named_value<label_style> label_style_rows[] = {
    {label_style::as_written, "as-written", "25 Oct 1917 (Julian) = 7 Nov 1917"},
    {label_style::old_new_style, "os-ns", "25 Oct 1917 O.S. = 7 Nov 1917 N.S."},
};

constexpr named_value<shell> shell_rows[] = {
    {shell::bash, "bash", "a function for bash's complete builtin"},
    {shell::zsh, "zsh", "a compsys function (_annals)"},
    {shell::fish, "fish", "complete commands for fish"},
};

constexpr choice group_role_rows[] = {
    {"kind", "its event's kind"},
    {"actor", "its event's actor"},
};

}  // namespace

std::span<const named_value<lane>> lane_keys() { return lane_rows; }
std::span<const named_value<layout>> layouts() { return layout_rows; }
std::span<const named_value<reading>> readings() { return reading_rows; }
std::span<const named_value<label_style>> label_styles() { return label_style_rows; }
std::span<const named_value<shell>> shells() { return shell_rows; }
std::span<const choice> group_roles() { return group_role_rows; }

}  // namespace annals::detail
