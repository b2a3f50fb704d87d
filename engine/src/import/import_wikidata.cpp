// `annals import wikidata`: the results of a Wikidata query (the query service's SPARQL
// 1.1 Query Results JSON Format) as a draft chronology: an event per item, its date from
// the item's point in time, start and end, with their precision and calendar model, and
// the earliest and latest dates that bound it. README "Import from Wikidata" lists the
// variables read; wikidata_time.hpp how a value becomes a date.

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "import/importers.hpp"
#include "import/json_record.hpp"
#include "import/wikidata_time.hpp"

namespace annals {

namespace {

using json = nlohmann::json;

// The times an event is dated by, each with its companions (?datePrecision ...).
enum slot : std::size_t { when, start, end, earliest, latest, slot_count };
enum part : std::size_t { value, precision, calendar_model, timezone, before, after, part_count };

// The variable names of each slot ('|'-separated), and the suffixes of its companions.
constexpr std::array<std::string_view, slot_count> slot_names = {
    "date|pointInTime|time", "start|startTime|begin|inception", "end|endTime|dissolved", "earliest|earliestDate",
    "latest|latestDate"};
constexpr std::array<std::string_view, part_count> part_suffixes = {"", "Precision", "Calendar", "Timezone", "Before",
                                                                    "After"};
// The point in time's companions may also go without a name: ?precision, ?calendar...
constexpr std::array<std::string_view, part_count> bare_parts = {"", "precision", "calendar", "timezone", "before",
                                                                 "after"};
constexpr std::string_view item_names = "item|event|entity";

constexpr std::string_view gregorian_model = "Q1985727", julian_model = "Q1985786";

bool one_of(std::string_view names, std::string_view name) {
  while (!names.empty()) {
    const auto bar = names.find('|');
    if (names.substr(0, bar) == name) return true;
    names = bar == std::string_view::npos ? std::string_view{} : names.substr(bar + 1);
  }
  return false;
}

// A bound variable of one binding: an RDF term.
struct term {
  std::string value;
  std::string type;  // uri, literal, bnode (typed-literal in older results)
  std::uint32_t line = 0, column = 0;  // of its value
  std::size_t binding = 0;             // 1-based
};

// What the variables of a result set are for.
struct variables {
  std::string item, label, description;
  std::array<std::array<std::string, part_count>, slot_count> times;  // "" where the results have none
};

variables roles(const std::vector<std::string>& vars) {
  variables v;
  const auto has = [&](std::string_view name) { return std::find(vars.begin(), vars.end(), name) != vars.end(); };
  for (const std::string& name : vars) {
    if (v.item.empty() && one_of(item_names, name)) v.item = name;
  }
  const std::string base = v.item.empty() ? "item" : v.item;
  for (const std::string& name : {base + "Label", std::string("label"), std::string("title")}) {
    if (v.label.empty() && has(name)) v.label = name;
  }
  for (const std::string& name : {base + "Description", std::string("description")}) {
    if (v.description.empty() && has(name)) v.description = name;
  }
  for (std::size_t s = 0; s < slot_count; ++s) {
    for (const std::string& name : vars) {
      if (v.times[s][value].empty() && one_of(slot_names[s], name)) v.times[s][value] = name;
    }
    if (v.times[s][value].empty()) continue;
    for (std::size_t p = 1; p < part_count; ++p) {
      const std::string named = v.times[s][value] + std::string(part_suffixes[p]);
      if (has(named)) {
        v.times[s][p] = named;
      } else if (s == when && has(bare_parts[p])) {
        v.times[s][p] = std::string(bare_parts[p]);
      }
    }
  }
  return v;
}

bool used(const variables& v, std::string_view name) {
  if (name == v.item || name == v.label || name == v.description) return true;
  for (const auto& parts : v.times) {
    for (const std::string& p : parts) {
      if (!p.empty() && p == name) return true;
    }
  }
  return false;
}

// The rows of one item, merged: the first value of each variable, a warning for another.
struct item_rows {
  std::string qid;  // Q2696; empty when the results give no item
  std::size_t binding = 0;
  std::uint32_t line = 0, column = 0;
  std::optional<term> item, label, description;
  std::array<std::array<std::optional<term>, part_count>, slot_count> times;
};

class reader {
 public:
  reader(std::string_view bytes, draft::input& in, draft& d) : bytes_(bytes), in_(in), d_(d) {}

  void read() {
    // Read twice: into records for the positions every message names, then by nlohmann for the values.
    json_read positions;
    read_json(bytes_, 1, positions);
    if (!positions.ok()) {
      d_.error(in_, positions.error_line, positions.error_column, positions.error_code, "invalid JSON: " + positions.error,
               "save the query service's results with Download > JSON file, or JSON file (verbose)");
      return;
    }
    pos_ = std::move(positions.value);
    json doc;
    try {
      doc = json::parse(bytes_.begin(), bytes_.end());
    } catch (const json::exception& e) {  // what the reader above accepted: never expected
      d_.error(in_, 1, 1, "json-syntax", std::string("invalid JSON: ") + e.what());
      return;
    }
    const json* bindings = results(doc);
    if (!bindings) return;
    vars_ = head(doc, *bindings);
    v_ = roles(vars_);
    check_variables();
    const record* at = bindings_position();
    items_.reserve(bindings->size());  // an item's rows are large: never moved as the list grows
    for (std::size_t i = 0; i < bindings->size(); ++i) merge((*bindings)[i], i + 1, item(at, i));
    write_events();
  }

 private:
  void error(std::uint32_t line, std::uint32_t column, std::string code, std::string message, std::string hint = {}) {
    d_.error(in_, line, column, std::move(code), std::move(message), std::move(hint));
  }
  void warning(std::uint32_t line, std::uint32_t column, std::string code, std::string message, std::string hint = {}) {
    d_.warning(in_, line, column, std::move(code), std::move(message), std::move(hint));
  }

  // Item `i` of a list's positions, or nullptr.
  static const record* item(const record* list, std::size_t i) {
    return list && i < list->children.size() ? &list->children[i] : nullptr;
  }

  // Where the bindings are: results.bindings, or the whole file in the simple form.
  const record* bindings_position() const {
    if (pos_.kind == record::type::mapping) return pos_.get("results") ? pos_.get("results")->get("bindings") : nullptr;
    return &pos_;
  }

  // results.bindings (or, in the service's simple JSON, the file's array of rows), or an
  // error saying what the file is instead.
  const json* results(const json& doc) {
    const std::string shape = R"(expected SPARQL query results: {"head": {"vars": [...]}, "results": {"bindings": [...]}})";
    if (doc.is_object() && doc.contains("boolean")) {
      error(pos_.line, pos_.column, "wikidata-format", "the file is the answer of an ASK query (true or false), not rows",
            "import the results of a SELECT query");
      return nullptr;
    }
    // The service's "JSON file" download: an array of rows, each variable a plain value.
    const bool simple = doc.is_array() && std::all_of(doc.begin(), doc.end(), [](const json& row) {
      return row.is_object() && std::all_of(row.begin(), row.end(), [](const json& v) { return v.is_primitive(); });
    });
    simple_ = simple;
    if (simple && !doc.empty()) return &doc;
    if (!simple && (!doc.is_object() || !doc.contains("results") || !doc["results"].is_object() ||
                    !doc["results"].contains("bindings") || !doc["results"]["bindings"].is_array())) {
      error(pos_.line, pos_.column, "wikidata-format", "the file is not the results of a query: " + shape,
            "save the query service's results with Download > JSON file, or JSON file (verbose)");
      return nullptr;
    }
    const json& bindings = simple ? doc : doc["results"]["bindings"];
    if (bindings.empty()) {
      const record* at = bindings_position();
      error(at ? at->line : 1, at ? at->column : 1, "no-events", "the query gave no results (no bindings): no events");
      return nullptr;
    }
    return &bindings;
  }

  // head.vars; without one, every variable any binding has, in the order first seen.
  std::vector<std::string> head(const json& doc, const json& bindings) {
    std::vector<std::string> vars;
    if (doc.contains("head") && doc["head"].is_object() && doc["head"].contains("vars") && doc["head"]["vars"].is_array()) {
      for (const json& v : doc["head"]["vars"]) vars.push_back(v.is_string() ? v.get<std::string>() : std::string());
      return vars;
    }
    for (const json& b : bindings) {
      if (!b.is_object()) continue;
      for (const auto& [name, t] : b.items()) {
        if (std::find(vars.begin(), vars.end(), name) == vars.end()) vars.push_back(name);
      }
    }
    return vars;
  }

  std::pair<std::uint32_t, std::uint32_t> var_position(const std::string& name) const {
    const record* vars = pos_.get("head") ? pos_.get("head")->get("vars") : nullptr;
    for (std::size_t i = 0; vars && i < vars_.size(); ++i) {
      if (vars_[i] == name && item(vars, i)) return {item(vars, i)->line, item(vars, i)->column};
    }
    return {pos_.line, pos_.column};
  }

  void check_variables() {
    const std::string read = "?item, ?itemLabel, ?itemDescription, and ?date, ?start, ?end, ?earliest, ?latest "
                             "with their Precision and Calendar (?datePrecision, ?dateCalendar), ?dateBefore, ?dateAfter";
    for (const std::string& name : vars_) {
      if (used(v_, name)) continue;
      const auto [line, column] = var_position(name);
      warning(line, column, "unknown-variable", "the variable ?" + name + " is not read", "the importer reads " + read);
    }
    bool dated = false;
    for (std::size_t s = 0; s < slot_count; ++s) {
      const std::string& name = v_.times[s][value];
      if (name.empty()) continue;
      dated = true;
      if (v_.times[s][precision].empty()) {
        const auto [line, column] = var_position(name);
        warning(line, column, "missing-precision",
                "?" + name + " comes without ?" + name + "Precision: its values are read to the day",
                "select the precision with the value: p:P585/psv:P585 [wikibase:timeValue ?" + name +
                    "; wikibase:timePrecision ?" + name + "Precision; wikibase:timeCalendarModel ?" + name + "Calendar]");
      }
    }
    if (!dated) {
      const record* vars = pos_.get("head") ? pos_.get("head")->get("vars") : nullptr;
      error(vars ? vars->line : pos_.line, vars ? vars->column : pos_.column, "missing-date",
            "the results have no date variable: none of ?date (point in time), ?start, ?end, ?earliest, ?latest",
            "select an item's point in time (P585), start time (P580) or end time (P582) as ?date, ?start, ?end");
    }
  }

  std::optional<term> term_of(const json& binding, const record* at, const std::string& name, std::size_t index) {
    if (name.empty() || !binding.contains(name)) return std::nullopt;
    const json& t = binding[name];
    const record* tp = at ? at->get(name) : nullptr;
    term out;
    out.binding = index;
    out.line = tp ? tp->line : (at ? at->line : 1);
    out.column = tp ? tp->column : (at ? at->column : 1);
    if (simple_ && !t.is_null()) {
      // The simple form: the value alone; a URI is told by its scheme.
      out.value = t.is_string() ? t.get<std::string>() : t.dump();
      out.type = out.value.starts_with("http://") || out.value.starts_with("https://") ? "uri" : "literal";
      return out;
    }
    if (!t.is_object() || !t.contains("value") || !t["value"].is_string()) {
      error(out.line, out.column, "wikidata-format",
            "binding " + std::to_string(index) + ": ?" + name + R"( is not an RDF term {"type": ..., "value": "..."})");
      return std::nullopt;
    }
    if (const record* vp = tp ? tp->get("value") : nullptr) {
      out.line = vp->line;
      out.column = vp->column;
    }
    out.value = t["value"].get<std::string>();
    out.type = t.contains("type") && t["type"].is_string() ? t["type"].get<std::string>() : "literal";
    return out;
  }

  // Q2696 from http://www.wikidata.org/entity/Q2696 (any Wikibase's entity URI), or "".
  static std::string entity_id(std::string_view uri) {
    const std::string_view last = uri.substr(uri.rfind('/') == std::string_view::npos ? 0 : uri.rfind('/') + 1);
    if (last.size() < 2 || !std::isupper(static_cast<unsigned char>(last[0]))) return {};
    for (const char c : last.substr(1)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return {};
    }
    return std::string(last);
  }

  void keep(std::optional<term>& kept, std::optional<term> seen, const item_rows& item, const std::string& name) {
    if (!seen) return;
    if (!kept) {
      kept = std::move(seen);
    } else if (kept->value != seen->value) {
      conflict(item, name, *kept, *seen);
    }
  }

  void conflict(const item_rows& item, const std::string& name, const term& kept, const term& seen) {
    warning(seen.line, seen.column, "conflicting-values",
            "item " + (item.qid.empty() ? "of binding " + std::to_string(item.binding) : "'" + item.qid + "'") +
                " has ?" + name + " '" + seen.value + "' in binding " + std::to_string(seen.binding) + " and '" +
                kept.value + "' in binding " + std::to_string(kept.binding) + ": the first is kept",
            "give each item one value in the query (a FILTER, or SAMPLE or MIN with GROUP BY)");
  }

  void merge(const json& binding, std::size_t index, const record* at) {
    const std::uint32_t line = at ? at->line : 1, column = at ? at->column : 1;
    if (!binding.is_object()) {
      error(line, column, "wikidata-format", "binding " + std::to_string(index) + " is not an object of variables");
      return;
    }
    std::optional<term> item = term_of(binding, at, v_.item, index);
    const std::string qid = item ? entity_id(item->value) : std::string();
    item_rows* rows = nullptr;
    if (!qid.empty()) {
      if (const auto it = by_qid_.find(qid); it != by_qid_.end()) rows = &items_[it->second];
    }
    if (!rows) {
      items_.push_back({qid, index, line, column, {}, {}, {}, {}});
      rows = &items_.back();
      if (!qid.empty()) by_qid_[qid] = items_.size() - 1;
    }
    keep(rows->item, std::move(item), *rows, v_.item);
    keep(rows->label, term_of(binding, at, v_.label, index), *rows, v_.label);
    keep(rows->description, term_of(binding, at, v_.description, index), *rows, v_.description);
    for (std::size_t s = 0; s < slot_count; ++s) {
      std::array<std::optional<term>, part_count> seen;
      for (std::size_t p = 0; p < part_count; ++p) seen[p] = term_of(binding, at, v_.times[s][p], index);
      if (!seen[value]) continue;
      auto& kept = rows->times[s];
      if (!kept[value]) {
        kept = std::move(seen);
        continue;
      }
      for (std::size_t p = 0; p < part_count; ++p) {
        const std::string a = kept[p] ? kept[p]->value : "", b = seen[p] ? seen[p]->value : "";
        if (a != b) {
          conflict(*rows, v_.times[s][p], kept[p] ? *kept[p] : *kept[value], seen[p] ? *seen[p] : *seen[value]);
          break;
        }
      }
    }
  }

  std::optional<std::int64_t> integer(const term& t) {
    std::string_view s = t.value;
    if (s.starts_with('+')) s.remove_prefix(1);
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return n;
  }

  // One slot's value read, widened by its before/after; nullopt when absent or wrong
  // (`failed` then says which).
  struct slot_value {
    wikidata::time_value v, lo, hi;  // lo, hi: moved by before and after
    const term* at = nullptr;
  };
  std::optional<slot_value> read_slot(const item_rows& item, std::size_t s, bool& failed) {
    const auto& g = item.times[s];
    if (!g[value]) return std::nullopt;
    const term& t = *g[value];
    const std::string& name = v_.times[s][value];
    const std::string where = "binding " + std::to_string(t.binding) + ": ?";
    if (t.type == "uri" || t.type == "bnode") {
      warning(t.line, t.column, "unknown-value",
              where + name + " is Wikidata's 'unknown value' (" + t.value + "), not a date: it is left out");
      return std::nullopt;
    }
    int p = 11;
    if (const auto& pt = g[precision]) {
      const auto n = integer(*pt);
      if (!n || *n < 0 || *n > wikidata::max_precision) {
        error(pt->line, pt->column, "invalid-precision",
              where + v_.times[s][precision] + " is '" + pt->value + "', not a Wikidata precision",
              "precisions are 0 (a billion years) to 14 (a second): 7 a century, 8 a decade, 9 a year, 10 a month, "
              "11 a day");
        failed = true;
        return std::nullopt;
      }
      p = static_cast<int>(*n);
    }
    calendar cal = calendar::gregorian;
    if (const auto& ct = g[calendar_model]) {
      if (entity_id(ct->value) == julian_model) {
        cal = calendar::julian;
      } else if (entity_id(ct->value) != gregorian_model) {
        error(ct->line, ct->column, "unknown-calendar",
              where + v_.times[s][calendar_model] + " is '" + ct->value + "', a calendar model annals does not read",
              "Wikidata's calendar models are Q1985727 (proleptic Gregorian) and Q1985786 (proleptic Julian)");
        failed = true;
        return std::nullopt;
      }
    }
    const wikidata::time_read r = wikidata::read_time(t.value, p, cal);
    if (!r.value) {
      error(t.line, t.column, "invalid-date", where + name + ": " + r.error);
      failed = true;
      return std::nullopt;
    }
    if (!r.warning.empty()) {
      warning(t.line, t.column, "ambiguous-century", where + name + ": " + r.warning);
      notes_.push_back("?" + name + ": " + r.warning);  // beside the date, for whoever checks the draft
    }
    slot_value out{*r.value, *r.value, *r.value, &t};
    for (const part side : {before, after}) {
      const auto& wt = g[side];
      if (!wt) continue;
      const auto n = integer(*wt);
      const auto moved = n && *n >= 0 ? wikidata::shifted(*r.value, side == before ? -*n : *n) : std::nullopt;
      if (!moved) {
        error(wt->line, wt->column, "invalid-date",
              where + v_.times[s][side] + " is '" + wt->value + "': " +
                  (n && *n >= 0 ? "it reaches beyond the years annals reads" : "not a count of units of the precision"));
        failed = true;
        return std::nullopt;
      }
      (side == before ? out.lo : out.hi) = *moved;
    }
    return out;
  }

  // The event's date: a span from its start and end, else its point in time within its
  // earliest and latest dates, widened by before and after.
  std::optional<record> date_of(const item_rows& item) {
    bool failed = false;
    std::array<std::optional<slot_value>, slot_count> t;
    for (std::size_t s = 0; s < slot_count; ++s) t[s] = read_slot(item, s, failed);
    if (failed) return std::nullopt;
    if (t[start] || t[end]) {
      const slot_value& first = t[start] ? *t[start] : *t[end];
      const std::string& by = v_.times[t[start] ? start : end][value];
      for (const slot s : {when, earliest, latest}) {
        if (t[s]) {
          warning(t[s]->at->line, t[s]->at->column, "unused-date",
                  "binding " + std::to_string(t[s]->at->binding) + ": ?" + v_.times[s][value] +
                      " is not used: the event is a span dated by its ?" + by);
        }
      }
      return wikidata::span_dates(t[start] ? &t[start]->v : nullptr, t[end] ? &t[end]->v : nullptr, first.at->line,
                                  first.at->column);
    }
    const wikidata::time_value* lo = t[when] ? &t[when]->lo : nullptr;
    const wikidata::time_value* hi = t[when] ? &t[when]->hi : nullptr;
    if (t[earliest] && (!lo || wikidata::first_second(t[earliest]->v) > wikidata::first_second(*lo))) lo = &t[earliest]->v;
    if (t[latest] && (!hi || wikidata::last_second(t[latest]->v) < wikidata::last_second(*hi))) hi = &t[latest]->v;
    if (!lo && !hi) {
      error(item.line, item.column, "missing-date",
            "binding " + std::to_string(item.binding) + ": " + (item.qid.empty() ? "the item" : "item '" + item.qid + "'") +
                " has no date",
            "every event needs ?date (point in time), ?start or ?end, or ?earliest and ?latest");
      return std::nullopt;
    }
    const slot_value& at = t[when] ? *t[when] : t[earliest] ? *t[earliest] : *t[latest];
    if (lo && hi && wikidata::first_second(*lo) > wikidata::last_second(*hi)) {
      error(at.at->line, at.at->column, "invalid-date",
            "binding " + std::to_string(at.at->binding) + ": the dates of " +
                (item.qid.empty() ? "the item" : "item '" + item.qid + "'") +
                " leave no time: its earliest possible date is after its latest");
      return std::nullopt;
    }
    // The point in time alone, when no bound narrows it and before/after do not widen it.
    const bool alone = t[when] && lo == &t[when]->lo && hi == &t[when]->hi &&
                       wikidata::first_second(*lo) == wikidata::first_second(t[when]->v) &&
                       wikidata::last_second(*hi) == wikidata::last_second(t[when]->v);
    if (alone) return wikidata::single_date(t[when]->v, at.at->line, at.at->column);
    return wikidata::between_dates(lo, hi, at.at->line, at.at->column);
  }

  void write_events() {
    std::vector<record> events;
    for (const item_rows& item : items_) {
      notes_.clear();
      std::optional<record> date = date_of(item);
      if (date && !notes_.empty()) {
        std::string text = "Wikidata";
        for (const std::string& n : notes_) text += (text.size() > 8 ? "; " : " ") + n;
        date->note = d_.note(std::move(text));
      }
      const term* title = item.label ? &*item.label : nullptr;
      if (!title && item.qid.empty()) {
        error(item.line, item.column, "missing-title",
              "binding " + std::to_string(item.binding) + " has neither an item nor a label to name its event",
              "select ?item and its ?itemLabel (SERVICE wikibase:label)");
        continue;
      }
      if (!date) continue;
      const std::uint32_t il = item.item ? item.item->line : item.line, ic = item.item ? item.item->column : item.column;
      const std::string id = item.qid.empty() ? d_.unique_id(title->value) : d_.keep_id(lower(item.qid));
      record e = record::mapping(item.line, item.column);
      e.set("id", record::string(id, il, ic));
      e.set("title", title ? record::string(title->value, title->line, title->column) : record::string(item.qid, il, ic));
      e.set("date", std::move(*date));
      if (item.description) {
        e.set("description", record::string(item.description->value, item.description->line, item.description->column));
      }
      const std::string& uri = item.item ? item.item->value : std::string();
      if (item.item && item.item->type == "uri" && (uri.starts_with("http://") || uri.starts_with("https://"))) {
        record source = record::mapping(il, ic);
        source.set("title", record::string("Wikidata: " + (title ? title->value : item.qid) +
                                               (item.qid.empty() ? "" : " (" + item.qid + ")"),
                                           il, ic));
        source.set("url", record::string(uri, il, ic));
        in_.entities("sources").set(id, std::move(source));
        e.set("sources", record::sequence(il, ic)).push(record::string(id, il, ic));
      }
      events.push_back(std::move(e));
    }
    record& list = in_.events();
    for (record& e : events) list.push(std::move(e));
  }

  static std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  std::string_view bytes_;
  draft::input& in_;
  draft& d_;
  record pos_;
  std::vector<std::string> vars_;
  variables v_;
  std::vector<item_rows> items_;
  bool simple_ = false;  // the file is the service's simple JSON: plain values, no RDF terms
  std::vector<std::string> notes_;  // what reading the event's values chose, for its comment
  std::map<std::string, std::size_t, std::less<>> by_qid_;
};

}  // namespace

void import_wikidata(std::string_view bytes, const import_options&, draft::input& in, draft& d) {
  reader(bytes, in, d).read();
}

}  // namespace annals
