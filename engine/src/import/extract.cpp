#include "import/extract.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>

#include "annals/duration.hpp"
#include "import/extract_anchor.hpp"
#include "import/extract_phrases.hpp"
#include "import/extract_text.hpp"
#include "input/yaml_stream.hpp"

namespace annals {

using namespace extract;

namespace {

constexpr std::size_t title_words = 10;

bool word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || (static_cast<unsigned char>(c) & 0x80); }

// Does `name` occur in `s` as whole words?
bool occurs(std::string_view s, std::string_view name, bool fold) {
  if (name.size() < 2) return false;
  std::string hay(s), needle(name);
  if (fold) {
    for (char& c : hay) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (char& c : needle) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  for (std::size_t at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) {
    const bool starts = at == 0 || !word_char(hay[at - 1]);
    const std::size_t end = at + needle.size();
    const bool ends = end >= hay.size() || !word_char(hay[end]) ||
                      (hay[end] == '\'' && end + 1 < hay.size() && hay[end + 1] == 's');
    if (starts && ends) return true;
  }
  return false;
}

// The sentence without the phrase and the signal before it, cut to a few words: a title.
std::string short_title(std::string_view sentence, std::size_t begin, std::size_t end) {
  if (sentence.substr(end, 2) == "'s") end += 2;  // "last year's level": the possessive goes too
  else if (sentence.substr(end, 4) == "\xE2\x80\x99s") end += 4;
  std::string s = std::string(sentence.substr(0, begin)) + std::string(sentence.substr(end));
  // Spaces and punctuation left where the phrase was.
  std::string out;
  for (const char c : s) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    if ((c == ',' || c == ';') && (out.empty() || out.back() == ' ') ) continue;
    out += c;
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '.' || out.back() == ',' || out.back() == ';' ||
                          out.back() == ':' || out.back() == '!' || out.back() == '?'))
    out.pop_back();
  // A few words.
  std::size_t words = 0, cut = out.size();
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == ' ' && ++words == title_words) {
      cut = i;
      break;
    }
  }
  const bool cut_short = cut < out.size();
  out.resize(cut);
  while (!out.empty() && (out.back() == ',' || out.back() == ' ')) out.pop_back();
  if (cut_short) out += "…";
  if (!out.empty() && std::islower(static_cast<unsigned char>(out[0]))) out[0] = static_cast<char>(std::toupper(out[0]));
  return out.empty() ? std::string(sentence.substr(begin, end - begin)) : out;
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

record strings_record(const std::vector<std::string>& items, std::uint32_t line, std::uint32_t column) {
  record r = record::sequence(line, column);
  for (const auto& i : items) r.push(record::string(i, line, column));
  return r;
}

}  // namespace

std::vector<known_entity> known_entities(std::string_view yaml, const std::string& path, draft& d) {
  std::vector<known_entity> out;
  yaml_sink sink;
  sink.header = [&](record key, record value) {
    if ((key.text != "actors" && key.text != "places") || value.kind != record::type::mapping) return;
    for (std::size_t i = 0; i + 1 < value.children.size(); i += 2) {
      known_entity e;
      e.kind = key.text;
      e.id = value.children[i].text;
      e.definition = value.children[i + 1];
      const record& def = e.definition;
      if (const record* n = def.get("name"); n && n->kind == record::type::scalar) e.names.push_back(n->text);
      if (const record* n = def.get("native"); n && n->kind == record::type::scalar) e.names.push_back(n->text);
      if (const record* a = def.get("aliases"); a && a->kind == record::type::sequence) {
        for (const record& x : a->children) {
          if (x.kind == record::type::scalar) e.names.push_back(x.text);
        }
      }
      if (const record* a = def.get("names"); a && a->kind == record::type::sequence) {
        for (const record& x : a->children) {
          if (const record* n = x.get("name"); n && n->kind == record::type::scalar) e.names.push_back(n->text);
        }
      }
      out.push_back(std::move(e));
    }
  };
  sink.event = [](record) {};
  draft::input where;
  where.path = path;
  for (const yaml_error& e : read_yaml(yaml, yaml_limits{}, sink)) {
    d.error(where, e.line, e.column, e.code, e.message, e.hint);
  }
  return out;
}

void extract_header(const extract_options& options, std::string_view id, std::string_view first_title,
                    draft::input& in, draft&) {
  const std::string title = !options.source_title.empty() ? options.source_title : std::string(first_title);
  in.document.set("timeline", record::string(std::string(id), 1, 1));
  in.document.set("title", record::string("Draft: " + (title.empty() ? std::string("an article") : title), 1, 1));
  in.document.set("reference", record::scalar(options.reference_text, 1, 1));
}

void extract_article(std::string_view bytes, const std::string& path, const extract_options& options,
                     draft::input& in, draft& d) {
  // Text only: the first byte that is not UTF-8 stops the article, at its place.
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n != 0 && c != 0 && i + n <= bytes.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (!ok) {
      const position p = position_of(bytes, static_cast<std::uint32_t>(i));
      d.error(in, p.line, p.column, "invalid-utf8",
              "the article is not UTF-8 text (byte " + std::to_string(c) + " here)",
              "save it as UTF-8 text, Markdown or HTML");
      return;
    }
    i += n;
  }
  const clean_text text = clean(bytes, guess_kind(path, bytes));
  const std::vector<sentence> sents = sentences(text);
  const date_context doc = document_context(options.reference);

  // The article's source: --source-title, else its first line when that is a heading.
  std::string heading;
  if (!sents.empty() && sents[0].text.size() < 120 && sents[0].text.back() != '.') heading = sents[0].text;
  const std::string base = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
  const std::string source_title = !options.source_title.empty() ? options.source_title : !heading.empty() ? heading : base;
  const std::string source_id = d.unique_id(source_title, "article");
  if (&in == &d.inputs.front()) extract_header(options, source_id, source_title, in, d);
  else in.document.set("reference", record::scalar(options.reference_text, 1, 1));
  {
    record src = record::mapping(1, 1);
    src.set("title", record::string(source_title, 1, 1));
    if (!options.source_url.empty()) src.set("url", record::string(options.source_url, 1, 1));
    in.entities("sources").set(source_id, std::move(src));
  }
  // The header's entries before the events, so that the draft reads top down.
  for (const known_entity& k : options.known) in.entities(k.kind);
  in.events();

  std::optional<anchor_date> last, last_explicit;
  std::vector<std::string> pending;  // comments for the next event
  std::optional<std::size_t> last_event;  // indices in in.events().children
  std::vector<std::string> copied;   // entity ids already in the draft's header

  auto place_of = [&](const sentence& s, std::size_t offset) {
    return position_of(bytes, offset < s.origin.size() ? s.origin[offset] : s.origin.back());
  };
  auto where = [&](position p) { return std::to_string(p.line) + ":" + std::to_string(p.column); };

  // The phrases of every sentence. A text none of whose phrases speaks from its own date
  // (yesterday, last week, a weekday) or names a day within a month of it (a dateline's
  // "February 26") is a history, read forward from the years it names.
  std::vector<std::vector<found_phrase>> phrases;
  bool history = true;
  const auto month = std::chrono::days(31);
  for (const sentence& s : sents) {
    phrases.push_back(find_phrases(s.text, doc));
    for (const found_phrase& f : phrases.back()) {
      if (f.anchor == anchoring::deictic || f.weekday) history = false;
      const date_result r = normalize_date(std::string_view(s.text).substr(f.core, f.end - f.core), doc);
      if (r.ok() && r.value.bounded_start() && r.value.bounded_end() &&
          r.value.earliest < options.reference.latest + month && r.value.latest + month > options.reference.earliest)
        history = false;
    }
  }
  for (std::size_t sentence_index = 0; sentence_index < sents.size(); ++sentence_index) {
    const sentence& s = sents[sentence_index];
    const std::vector<found_phrase>& found = phrases[sentence_index];
    for (const auto& [b, e] : unread_spans(s.text, found)) {
      const position p = place_of(s, b);
      pending.push_back(path + ":" + where(p) + ": " + quoted(s.text.substr(b, e - b)) +
                        " looks like a date but could not be read; date it by hand if it is one");
    }
    // Actors and places of --with named in the sentence.
    std::vector<std::string> actors;
    std::string place;
    for (const known_entity& k : options.known) {
      const bool named = std::any_of(k.names.begin(), k.names.end(), [&](const std::string& n) { return occurs(s.text, n, false); }) ||
                         (k.id.size() >= 4 && occurs(s.text, k.id, true));
      if (!named) continue;
      if (k.kind == "actors") actors.push_back(k.id);
      else if (place.empty()) place = k.id;
      if (std::find(copied.begin(), copied.end(), k.kind + ":" + k.id) == copied.end()) {
        copied.push_back(k.kind + ":" + k.id);
        in.entities(k.kind).set(k.id, k.definition);
      }
    }
    const std::string claim = first_claim(s.text);
    std::optional<std::size_t> sentence_event;
    // "the first ... since 2007": where "since" stands, and the event its phrase becomes.
    std::size_t since_at = std::string::npos;
    if (claim.starts_with("since ")) {
      std::string low(s.text);
      for (char& c : low) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (const std::size_t first = low.find("first"); first != std::string::npos) {
        since_at = low.find(" since ", first);
        if (since_at != std::string::npos) ++since_at;
      }
    }
    std::optional<std::size_t> since_event;
    std::optional<std::size_t> other_event;  // the sentence's first event that is not since_event
    const std::optional<std::size_t> event_before = last_event;
    for (const found_phrase& f : found) {
      const position p = place_of(s, f.begin);
      const std::string_view phrase = std::string_view(s.text).substr(f.begin, f.end - f.begin);
      const std::string_view core = std::string_view(s.text).substr(f.core, f.end - f.core);
      const std::string title = short_title(s.text, f.begin, f.end);
      // "last Oct. 23" looks back, "next March 3" ahead, whatever the verb.
      const std::string_view lead = phrase.substr(0, f.core - f.begin);
      const tense t = lead == "last " || lead == "Last " ? tense::past
                      : lead == "next " || lead == "Next " ? tense::future
                                                           : tense_at(s.text, f.begin);
      if (f.unreadable) {
        const date_result r = normalize_date(phrase, doc);
        pending.push_back(path + ":" + where(p) + ": " + quoted(phrase) + " looks like a date but could not be read" +
                          (r.ok() ? std::string() : " (" + r.error->message + ")") + "; date it by hand if it is one");
        continue;
      }
      // "13 days after the embassy bombings", "ten days before the shooting": counted from
      // an event the sentence names, not from the last date; which date that is, the text
      // may say elsewhere or not at all.
      // "The day after his arrest" is the day after the day just told, as a rule.
      if (f.anchor == anchoring::anaphoric && !f.by.empty() && (phrase.ends_with(" after") || phrase.ends_with(" before")) &&
          !core.starts_with("the day ") && !core.starts_with("The day ")) {
        std::size_t n = f.end;
        while (n < s.text.size() && s.text[n] == ' ') ++n;
        std::size_t e = n;
        while (e < s.text.size() && std::isalpha(static_cast<unsigned char>(s.text[e]))) ++e;
        std::string next = s.text.substr(n, e - n);
        for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        static constexpr std::string_view determiners[] = {"the", "a", "an", "his", "her", "its", "their", "our", "my", "your"};
        if (std::find(std::begin(determiners), std::end(determiners), next) != std::end(determiners)) {
          pending.push_back(path + ":" + where(p) + ": " + quoted(s.text.substr(f.begin, e - f.begin)) +
                            " counts from an event the text names, not from a date; date it by hand");
          continue;
        }
      }
      record ev = record::mapping(p.line, p.column);
      const std::string id = d.unique_id(title, "event");
      ev.set("id", record::string(id, p.line, p.column));
      ev.set("title", record::string(title, p.line, p.column));
      std::string note = path + ":" + where(p) + ": " + quoted(phrase);
      const std::optional<duration> by = f.by.empty() ? std::nullopt : parse_duration(f.by);
      if (f.anchor == anchoring::anaphoric && by && last && !f.time_only) {
        record date = record::mapping(p.line, p.column);
        date.set(f.before ? "before" : "after", record::string(last->event_id, p.line, p.column));
        date.set("by", record::string(f.by, p.line, p.column));
        ev.set("date", std::move(date));
        note += ", counted from event '" + last->event_id + "' (" + last->where + ")";
        // The anchor moves on by the same count, for what follows.
        {
          temporal_value moved = last->value;
          auto shift = [&](instant& t) {
            if (t != open_start && t != open_end) t = f.before ? subtract(t, *by) : add(t, *by);
          };
          shift(moved.earliest);
          shift(moved.latest);
          shift(moved.stated_earliest);
          shift(moved.stated_latest);
          last = anchor_date{moved, id, where(p), false, sentence_index};
          if (last_explicit) last_explicit = last;  // the text stays in the time it moved to
        }
      } else {
        const reading_result r = read_phrase(core, f, t, options.reference, last, last_explicit, history);
        if (!r.value) {
          pending.push_back(path + ":" + where(p) + ": " + quoted(phrase) + " could not be read against " + r.against);
          continue;
        }
        const std::string written = written_date(core, *r.value, doc);
        if (written.empty()) {
          pending.push_back(path + ":" + where(p) + ": " + quoted(phrase) + " read as " +
                            format_bound(r.value->earliest, precision::day) + ".." +
                            format_bound(r.value->latest, precision::day) + " against " + r.against +
                            ", which no date form here gives back; date it by hand");
          continue;
        }
        ev.set("date", record::string(written, p.line, p.column));
        note += ", read against " + r.against;
        if (written != core) note += ", written " + written;
        last = anchor_date{*r.value, id, where(p), f.anchor == anchoring::absolute, sentence_index};
        if (f.anchor == anchoring::absolute || (f.anchor == anchoring::anaphoric && last_explicit)) last_explicit = last;
      }
      ev.set("description", record::string(s.text, p.line, p.column));
      if (!actors.empty()) ev.set("actors", strings_record(actors, p.line, p.column));
      if (!place.empty()) ev.set("place", record::string(place, p.line, p.column));
      ev.set("sources", strings_record({source_id}, p.line, p.column));
      for (auto it = pending.rbegin(); it != pending.rend(); ++it) note = *it + "\n" + note;
      pending.clear();
      ev.note = d.note(note);
      in.events().push(std::move(ev));
      last_event = in.events().children.size() - 1;
      if (!sentence_event) sentence_event = last_event;
      if (since_at >= f.begin && since_at < f.end) since_event = last_event;
      else if (!other_event) other_event = last_event;
    }
    if (!claim.empty()) {
      const position p = place_of(s, 0);
      const std::optional<std::size_t> owner_at = sentence_event ? sentence_event : last_event;
      record* owner = owner_at ? &in.events().children[*owner_at] : nullptr;
      if (!owner) {
        pending.push_back(path + ":" + where(p) + ": the article says \"first " + claim +
                          "\" of an event it does not date; add the event and its claim by hand");
      } else if (claim.starts_with("in ")) {
        const std::string duration = claim.substr(3);
        const std::string owner_id = owner->get("id")->text;
        record c = record::mapping(p.line, p.column);
        c.set("first_in", record::string(duration, p.line, p.column));
        record series = record::mapping(p.line, p.column);
        series.set("tags", strings_record({owner_id + "-series"}, p.line, p.column));
        c.set("series", std::move(series));
        c.note = d.note(path + ":" + where(p) + ": the article says \"first " + claim +
                        "\"; fill in the series it speaks of (kind, actors, place) in place of the tag, and the earlier event");
        record& claims = owner->get("claims") ? *owner->get("claims") : owner->set("claims", record::sequence(p.line, p.column));
        claims.push(std::move(c));
      } else if (const std::optional<std::size_t> claimant = other_event ? other_event : event_before;
                 since_event && claimant) {
        // The event "since" dates is the last of the series before this one: a claim the
        // validator checks once the series is filled in.
        record& by = in.events().children[*claimant];
        const std::string since_id = in.events().children[*since_event].get("id")->text;
        const std::string owner_id = by.get("id")->text;
        record c = record::mapping(p.line, p.column);
        c.set("first_since", record::string(since_id, p.line, p.column));
        record series = record::mapping(p.line, p.column);
        series.set("tags", strings_record({owner_id + "-series"}, p.line, p.column));
        c.set("series", std::move(series));
        c.note = d.note(path + ":" + where(p) + ": the article says \"first " + claim +
                        "\"; fill in the series it speaks of (kind, actors, place) in place of the tag, and tag '" + since_id +
                        "' with it if it is one of them");
        record& claims = by.get("claims") ? *by.get("claims") : by.set("claims", record::sequence(p.line, p.column));
        claims.push(std::move(c));
      } else {
        const std::string owner_id = owner->get("id")->text;
        std::string text = d.notes[owner->note - 1];
        d.notes[owner->note - 1] = text + "\n" + path + ":" + where(p) + ": the article says \"first " + claim +
                                   "\": add `claims: [{first_since: ID, series: {...}}]` with the event it names";
      }
    }
  }
  // Entities of --with that no sentence named.
  auto& top = in.document.children;
  for (std::size_t i = 0; i + 1 < top.size();) {
    if ((top[i].text == "actors" || top[i].text == "places") && top[i + 1].kind == record::type::mapping &&
        top[i + 1].children.empty()) {
      top.erase(top.begin() + static_cast<std::ptrdiff_t>(i), top.begin() + static_cast<std::ptrdiff_t>(i) + 2);
    } else {
      i += 2;
    }
  }
  if (!pending.empty()) {
    std::string text;
    for (const auto& p : pending) text += (text.empty() ? "" : "\n") + p;
    if (last_event) {
      d.notes[in.events().children[*last_event].note - 1] += "\n" + text;
    } else {
      in.events().note = d.note(text);
    }
  }
}

}  // namespace annals
