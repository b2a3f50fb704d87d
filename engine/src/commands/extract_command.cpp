// `annals extract ARTICLE... --reference DATE [--source-title T --source-url U] [--with FILE...] [-o OUT]`.
#include <new>
#include <ostream>

#include "annals/commands.hpp"
#include "commands/draft_output.hpp"
#include "import/extract.hpp"
#include "input/media_url.hpp"

namespace annals {

namespace {

constexpr std::size_t max_article_bytes = 64u << 20;

outcome usage(std::ostream& err, std::string_view message) {
  err << usage_message("extract", message);
  return outcome::usage_error;
}

}  // namespace

outcome run_extract(const extract_args& args, command_env& env) {
  try {
    if (args.articles.empty()) return usage(env.err, "no ARTICLE given");
    if (args.reference.empty()) {
      return usage(env.err, "--reference DATE is required: the article's date, which its relative dates are read against");
    }
    const date_result ref = normalize_date(args.reference, date_context{});
    if (!ref.ok()) return usage(env.err, "invalid --reference '" + args.reference + "': " + ref.error->message);
    if (!ref.value.bounded_start() || !ref.value.bounded_end()) {
      return usage(env.err, "--reference '" + args.reference + "' is not bounded on both sides");
    }
    if (!args.source_url.empty()) {
      if (const auto why = source_url_problem(args.source_url, "--source-url")) return usage(env.err, *why);
    }
    extract_options options;
    options.reference = ref.value;
    options.reference_text = args.reference;
    options.source_title = args.source_title;
    options.source_url = args.source_url;

    draft d;
    for (const std::string& path : args.with) {
      const read_result r = env.reader.read(path, max_article_bytes);
      if (r.error || r.too_large) {
        return usage(env.err, "cannot read --with '" + path + "': " + (r.error ? *r.error : std::string("too large")));
      }
      for (known_entity& k : known_entities(r.bytes, path, d)) {
        d.ids.insert(k.id);  // no event takes an actor's or a place's id
        options.known.push_back(std::move(k));
      }
    }
    // One input per article: its problems and positions are its own; finish_draft merges
    // them into one file (the first article's header, every article's sources and events).
    for (const std::string& path : args.articles) {
      const read_result r = env.reader.read(path, max_article_bytes);
      if (r.error || r.too_large) {
        return usage(env.err, "cannot read '" + path + "': " + (r.error ? *r.error : std::string("too large")));
      }
      d.inputs.emplace_back();
      d.inputs.back().path = path;
      extract_article(r.bytes, path, options, d.inputs.back(), d);
    }
    return finish_draft(d, draft_target{args.output, ""}, env, "extract");
  } catch (const std::bad_alloc&) {
    return out_of_memory("extract", env.err);
  }
}

}  // namespace annals
