#pragma once

// `annals lsp`: a Language Server Protocol server on standard input and output. It holds
// the event files of the editor's workspace in an annals::workspace, publishes every
// diagnostic with its range for all of them after each change, and answers hover,
// completion, go-to-definition, find-references and code actions. The messages are
// JSON-RPC 2.0 framed by Content-Length headers; JSON stays inside the engine.

#include <iosfwd>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "annals/commands.hpp"
#include "annals/load.hpp"

namespace annals::lsp {

/// One server: a message in, the messages to send back out (responses and notifications,
/// in order). Tests and benchmarks drive it in process, without pipes.
class server {
 public:
  explicit server(load_options options = {});
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  /// Handles one JSON-RPC message (a request, a notification or a response); never
  /// throws: a bad message is answered with a JSON-RPC error.
  std::vector<std::string> handle(std::string_view message);
  /// Whether `exit` was received, and the status the process then exits with: 0 after
  /// `shutdown`, 1 without.
  bool exited() const;
  int exit_status() const;

  struct state;

 private:
  std::unique_ptr<state> state_;
};

/// Serves `in` to `out` until `exit` or the end of `in`; what the server notices about
/// the stream (a bad header, a message too large) goes to `log`. ok after shutdown and
/// exit; input_error when the stream ended or exit came without shutdown.
outcome run_lsp(std::istream& in, std::ostream& out, std::ostream& log, load_options options = {});

}  // namespace annals::lsp
