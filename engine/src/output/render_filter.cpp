#include "annals/render.hpp"

namespace annals {

// Apart from render.cpp so that the format table links without the date grammar.
filter_result make_filter(const filter_args& args, const date_context& context) {
  filter_result r;
  r.filter.kinds = args.kinds;
  r.filter.actors = args.actors;
  r.filter.places = args.places;
  r.filter.tags = args.tags;
  if (!args.from.empty()) {
    date_result d = normalize_date(args.from, context);
    if (!d.ok()) return {r.filter, d.error, "--from"};
    r.filter.from = d.value.earliest;
  }
  if (!args.to.empty()) {
    date_result d = normalize_date(args.to, context);
    if (!d.ok()) return {r.filter, d.error, "--to"};
    r.filter.to = d.value.latest;
  }
  return r;
}

}  // namespace annals
