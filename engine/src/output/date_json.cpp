#include "output/date_json.hpp"

#include "time/calendars.hpp"

namespace annals {

namespace {

void bound(json_writer& w, instant t, precision p, zone tz) {
  w.string_or_null(t == open_start || t == open_end ? "" : format_bound(t, p, tz), t == open_start || t == open_end);
}

void end_of(json_writer& w, const date_end& e) {
  w.begin_object();
  w.field("bound").string(to_string(e.kind));
  w.field("precision").string(to_string(e.prec));
  w.field("qualifier").string(to_string(e.qual));
  w.end_object();
}

}  // namespace

void write_date_fields(json_writer& w, const temporal_value& v) {
  bound(w.field("earliest"), v.earliest, v.prec, v.tz);
  bound(w.field("latest"), v.latest, v.prec, v.tz);
  w.field("precision").string(to_string(v.prec));
  w.field("approximate").boolean(v.approximate);
  w.field("uncertain").boolean(v.uncertain);
  w.field("interval").boolean(v.interval);
  w.field("calendar").string(to_string(v.cal));
  // Outside its calendar's civil use (Gregorian before 1582, Solar Hijri before 1925): said.
  const bool proleptic = (v.stated_earliest != open_start && detail::proleptic(v.cal, civil::day_of(v.stated_earliest))) ||
                         (v.stated_latest != open_end && detail::proleptic(v.cal, civil::day_of(v.stated_latest)));
  if (proleptic) w.field("proleptic").boolean(true);
  if (v.cal == calendar::islamic)
    w.field("calendar_note").string("tabular (arithmetic) Islamic calendar; observed months may begin a day or two apart");
  w.field("zone").string_or_null(zone_name(v.tz), v.tz == nullptr);
  w.field("form").string(to_string(v.form));
  w.field("stated").begin_object();
  bound(w.field("earliest"), v.stated_earliest, v.prec, v.tz);
  bound(w.field("latest"), v.stated_latest, v.prec, v.tz);
  w.end_object();
  end_of(w.field("start"), v.start);
  end_of(w.field("end"), v.end);
  w.field("utc").begin_object();
  bound(w.field("earliest"), v.earliest, precision::second, nullptr);
  bound(w.field("latest"), v.latest, precision::second, nullptr);
  w.end_object();
}

}  // namespace annals
