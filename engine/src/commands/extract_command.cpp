// `annals extract ARTICLE... --reference DATE [--source-title T --source-url U] [--with FILE...] [-o OUT]`.
#include <new>
#include <ostream>

#include "annals/commands.hpp"
#include "annals/output.hpp"
#include "annals/timeline_builder.hpp"
#include "annals/validate.hpp"
#include "annals/yaml_writer.hpp"
#include "import/extract.hpp"

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
      for (known_entity& k : known_entities(r.bytes, path, d)) options.known.push_back(std::move(k));
    }
    d.inputs.emplace_back();
    draft::input& in = d.inputs.back();
    in.path = args.articles.front();
    for (const std::string& path : args.articles) {
      const read_result r = env.reader.read(path, max_article_bytes);
      if (r.error || r.too_large) {
        return usage(env.err, "cannot read '" + path + "': " + (r.error ? *r.error : std::string("too large")));
      }
      extract_article(r.bytes, path, options, in, d);
    }
    // Checked as annals would load it: the producer's problems and every check's.
    bool failed = false;
    for (const diagnostic& x : d.diagnostics) failed = failed || x.level == severity::error;
    timeline_builder b;
    const std::uint32_t origin = b.add_origin(in.path);
    const record& doc = in.document;
    for (std::size_t i = 0; i + 1 < doc.children.size(); i += 2) {
      if (doc.children[i].text == "events") {
        for (const record& e : doc.children[i + 1].children) b.add_event(origin, e);
      } else {
        b.add_entry(origin, doc.children[i], doc.children[i + 1]);
      }
    }
    validation v = validate(b.finish(), {in.path});
    std::vector<diagnostic> all = d.diagnostics;
    all.insert(all.end(), v.diagnostics.begin(), v.diagnostics.end());
    failed = failed || !v.valid(false);
    if (!all.empty()) env.err << report_text(all);
    if (failed) {
      env.err << "annals extract: the draft does not validate; nothing written\n";
      return outcome::input_error;
    }
    const std::string yaml = "# Drafted by annals extract: every event below was read from the article; "
                             "check each against its comment.\n" + write_yaml(doc, d.notes);
    if (args.output.empty()) {
      env.out << yaml;
      env.out.flush();
      if (!env.out) {
        env.err << "annals extract: cannot write standard output\n";
        return outcome::usage_error;
      }
      return outcome::ok;
    }
    std::vector<std::string> inputs = args.articles;
    inputs.insert(inputs.end(), args.with.begin(), args.with.end());
    const write_result w = write_atomically(args.output, [&](std::ostream& o) { o << yaml; }, inputs);
    if (!w.ok()) {
      env.err << "annals extract: " << *w.error << '\n';
      return outcome::usage_error;
    }
    return outcome::ok;
  } catch (const std::bad_alloc&) {
    return out_of_memory("extract", env.err);
  }
}

}  // namespace annals
