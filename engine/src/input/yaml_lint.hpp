#pragma once

// The YAML 1.2 rules yaml-cpp 0.7 does not enforce, checked on the text before it is
// parsed (the official test suite's invalid cases that yaml-cpp accepts): comments need
// a space before '#'; escapes in double-quoted scalars are YAML's; the continuation
// lines of a quoted scalar or flow collection inside a block node are indented past
// it, with spaces; flow collections hold no empty entries, no '-' entries and no
// implicit key split over lines in a sequence; nothing follows a flow collection on its
// line but a comment or ':'; a block scalar's header is only its indicators; tags hold
// no flow indicators; a tab never indents a block collection; a mapping does not start
// on the '---' line; and every line at the top level belongs to the top-level node.

#include <optional>
#include <vector>
#include <string_view>

#include "input/yaml_stream.hpp"

namespace annals {

/// The violations of those rules in `text` (one YAML document), each at its line and
/// column: after one, reading starts again at the next item or key of the list or
/// mapping that held it, so that a problem in each event is reported (1,000 at most).
/// Linear in the text.
std::vector<yaml_error> lint_yaml(std::string_view text);

}  // namespace annals
