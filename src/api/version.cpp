// The C API's version report: the library's XIPY_VERSION_STRING, compiled in when it was built.
#include "xipy/xipy.h"

const char* xipy_version(void) { return XIPY_VERSION_STRING; }
