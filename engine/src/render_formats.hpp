#pragma once

// The factories of the format table in render.cpp; one render_<format>.cpp each.

#include <memory>

#include "annals/render.hpp"

namespace annals {

}  // namespace annals
