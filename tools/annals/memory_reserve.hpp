#pragma once
// Memory held back for the way out. When memory runs out, a failed allocation gives back
// one of these blocks and fails (std::bad_alloc): what runs while the stack unwinds then
// finds room (nlohmann::json's destructor allocates, and an exception from a destructor
// aborts), and the command says too-large instead of aborting. Several blocks: the loader
// recovers from running out on a parsing thread and goes on.

namespace annals_tool {

/// Reserves the blocks (address space, never written) and installs the new-handler.
void hold_memory_reserve();

}  // namespace annals_tool
