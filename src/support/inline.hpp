// XIPY_ALWAYS_INLINE: forces a small, hot function inline in optimised builds.
#pragma once

// GCC's -Os left some small functions of the interpreter's hot paths out of line; calling them
// was 10 to 19 % of the Cortex-M3's instructions (docs/firmware.md). Unoptimised builds (debug,
// sanitizers) do not force it: there every inlined copy keeps stack slots of its own, and the
// interpreter loop's frame grew past what deep native recursion (generators delegating to
// generators) has room for.
#if defined(__OPTIMIZE__)
#define XIPY_ALWAYS_INLINE [[gnu::always_inline]]
#else
#define XIPY_ALWAYS_INLINE
#endif
