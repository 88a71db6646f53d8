// The runtime's frozen modules when the build has no xipy_freeze to make them (a cross build
// given none): an empty table, so `import asyncio` fails as for any missing module.
#include "modules/standard_modules.hpp"

namespace xipy::modules {

std::span<const vm::FrozenModule> runtime_frozen_modules() { return {}; }

}  // namespace xipy::modules
