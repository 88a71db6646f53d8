/* The xipy release these headers describe, written once for hosts and the library. */
#pragma once

/*
 * xipy numbers its releases MAJOR.MINOR.PATCH. A host compiled against these headers sees the
 * numbers as macros, e.g. to refuse an older library at build time:
 *
 *     #if XIPY_VERSION_MAJOR == 0 && XIPY_VERSION_MINOR < 1
 *     #error "needs xipy 0.1 or later"
 *     #endif
 *
 * xipy_version() (xipy.h) returns the string of the library that was actually linked, which
 * may differ from these headers when a host links a library built elsewhere. The library's
 * own reports (`xipy --version` prints xipy_version(), and Python's
 * sys.implementation.version holds the three numbers) come from these macros too, so the
 * version is written down only here.
 */
#define XIPY_VERSION_MAJOR 0
#define XIPY_VERSION_MINOR 1
#define XIPY_VERSION_PATCH 0

/* Turns a macro's value into a string literal (two steps, so the argument expands first). */
#define XIPY_VERSION_TEXT_(value) #value
#define XIPY_VERSION_TEXT(value) XIPY_VERSION_TEXT_(value)

/* "MAJOR.MINOR.PATCH", e.g. "0.1.0": a string literal built from the three numbers above. */
#define XIPY_VERSION_STRING               \
    XIPY_VERSION_TEXT(XIPY_VERSION_MAJOR) \
    "." XIPY_VERSION_TEXT(XIPY_VERSION_MINOR) "." XIPY_VERSION_TEXT(XIPY_VERSION_PATCH)
