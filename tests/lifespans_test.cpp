// Issue 15's lifespans, through the commands: `born` and `died` on actors, the
// warning outside-lifespan, an actor's age beside its name, errors at their positions.

#include <catch2/catch.hpp>
#include <sstream>

#include "annals/commands.hpp"
#include "annals/memory_reader.hpp"

using namespace annals;

namespace {

struct run_result {
  outcome status;
  std::string out, err;
};

template <typename Args, typename Run>
run_result run(const std::string& yaml, Args args, Run command) {
  memory_reader reader;
  reader.add("rome.yaml", yaml);
  args.files = {"rome.yaml"};
  std::ostringstream out, err;
  command_env env{reader, out, err, {}};
  const outcome status = command(args, env);
  return {status, out.str(), err.str()};
}

constexpr const char* rome = R"(timeline: rome
actors:
  caesar: {name: Julius Caesar, born: 12 or 13 July 100 BC, died: 15 March 44 BC}
  crassus: {name: Crassus, born: c. 115 BC, died: 53 BC}
  augustus: {name: Augustus, born: 23 September 63 BC}
events:
  - {id: ides, title: Caesar is assassinated, date: 15 March 44 BC, actors: [caesar]}
  - {id: carrhae, title: Battle of Carrhae, date: 53 BC, actors: [crassus]}
  - {id: actium, title: Battle of Actium, date: 2 September 31 BC, actors: [augustus, caesar]}
)";

}  // namespace

TEST_CASE("an event an actor cannot have lived to see is outside-lifespan, at its date", "[lifespans]") {
  validate_args a;
  const run_result r = run(rome, a, run_validate);
  CHECK(r.status == outcome::ok);  // a warning
  CHECK(r.out ==
        "rome.yaml:9:49: warning: event 'actium' (2 Sep 31 BC) is after the death of actor 'caesar' (Julius Caesar, "
        "12 or 13 Jul 100 BC – 15 Mar 44 BC) [outside-lifespan]\n0 errors, 1 warning\n");
  a.strict = true;
  CHECK(run(rome, a, run_validate).status == outcome::input_error);
}

TEST_CASE("with vague dates only a lifespan no reading allows is reported", "[lifespans]") {
  validate_args a;
  // Died 53 BC, the event "c. 52 BC" (53 to 51 BC) might be in 53: no warning; before a
  // birth of c. 115 BC (116 to 114 BC), 117 BC is certainly before it.
  const std::string yaml = R"(actors:
  crassus: {name: Crassus, born: c. 115 BC, died: 53 BC}
events:
  - {id: a, title: A, date: c. 52 BC, actors: [crassus]}
  - {id: b, title: B, date: 117 BC, actors: [crassus]}
)";
  const run_result r = run(yaml, a, run_validate);
  CHECK(r.out.find("event 'a'") == std::string::npos);
  CHECK(r.out.find("event 'b' (117 BC) is before the birth of actor 'crassus'") != std::string::npos);
}

TEST_CASE("text, markdown and html show an actor's age where the dates give it to the year", "[lifespans]") {
  render_args a;
  a.format = "text";
  const run_result text = run(rome, a, run_render);
  CHECK(text.out.find("Julius Caesar, 55\n") != std::string::npos);  // born 12 or 13 July 100 BC
  CHECK(text.out.find("Crassus\n") != std::string::npos);            // born c. 115 BC: no single age
  CHECK(text.out.find("Augustus, 31; Julius Caesar\n") != std::string::npos);  // no age after a death
  a.format = "markdown";
  CHECK(run(rome, a, run_render).out.find("*Julius Caesar, 55*") != std::string::npos);
  a.format = "html";
  const run_result html = run(rome, a, run_render);
  CHECK(html.out.find("Julius Caesar, 55") != std::string::npos);
  CHECK(html.out.find("<text class=\"lane-life\"") != std::string::npos);  // the lane shows the lifespan
  CHECK(html.out.find(">b. 63 BC<") != std::string::npos);  // Augustus, born 63 BC
  a.format = "json";
  const std::string json = run(rome, a, run_render).out;
  CHECK(json.find("\"text\": \"12 or 13 July 100 BC\"") != std::string::npos);
  CHECK(json.find("\"label\": \"12 or 13 Jul 100 BC\"") != std::string::npos);
}

TEST_CASE("a bad birth date is an error at its column; a death before a birth is invalid-lifespan", "[lifespans]") {
  validate_args a;
  const run_result bad = run("actors:\n  x: {name: X, born: Smarch 1900}\nevents: []\n", a, run_validate);
  CHECK(bad.status == outcome::input_error);
  CHECK(bad.out.find("rome.yaml:2:22: error: cannot read date 'Smarch 1900'") != std::string::npos);
  const run_result order = run("actors:\n  x: {name: X, born: 1950, died: 1900}\nevents: []\n", a, run_validate);
  CHECK(order.out.find("rome.yaml:2:34: error: actor 'x' dies (1900) before being born (1950) [invalid-lifespan]") !=
        std::string::npos);
  const run_result schema = run("actors:\n  x: {name: X, born: [1950]}\nevents: []\n", a, run_validate);
  CHECK(schema.status == outcome::input_error);
}
