# Declares xipy's layers and enforces which way their dependencies point.
#
# Each layer under src/ is one static library. A layer lists exactly the layers
# its code (sources and unit tests) uses directly, and may link only those; it
# reaches their own dependencies through CMake's transitive linking, never by
# naming them. tools/check_layers.py reads this same table and fails
# `make test` if a source file includes a header from a layer that is not
# listed. A layer must be declared after every layer it depends on, so the
# table can never hold a cycle. docs/architecture.md explains each layer; its
# table is generated from this one (tools/architecture_table.py).

set(XIPY_LAYER_DEPENDENCIES_support "")
set(XIPY_LAYER_DEPENDENCIES_number "support")
# Object-model-independent str/bytes algorithms and formatting, used by object and vm.
set(XIPY_LAYER_DEPENDENCIES_text "support;number")
set(XIPY_LAYER_DEPENDENCIES_library "support")
set(XIPY_LAYER_DEPENDENCIES_image "support;number")
set(XIPY_LAYER_DEPENDENCIES_disassembler "support;image")
# Python source to .mpy: the lexer and parser (MicroPython's parse tree), and the back end
# that emits bytecode and writes .mpy files with the image layer's opcode table and format.
# It never needs the VM: constants are folded with number's arithmetic.
set(XIPY_LAYER_DEPENDENCIES_compiler "support;number;image")

# The collector sits below the objects: it owns the heap and roots and traces
# through a per-type hook, so it never needs to know a Python type. Function
# objects, frames and generators need the interpreter, so they live in vm.
set(XIPY_LAYER_DEPENDENCIES_gc "")
set(XIPY_LAYER_DEPENDENCIES_object "support;number;text;gc")
set(XIPY_LAYER_DEPENDENCIES_vm "support;number;image;gc;object")
# The standard modules and the builtins namespace, as module definitions the VM is created with;
# the compiler turns source into images for exec, eval, compile and imports of .py files.
set(XIPY_LAYER_DEPENDENCIES_modules "support;number;text;library;image;compiler;gc;object;vm")
set(XIPY_LAYER_DEPENDENCIES_api "support;gc;object;vm;modules")
# The CLI is a host: it runs programs through the public C API, so it links the
# public library `xipy` (src/cli/CMakeLists.txt), not the api layer's internals.
set(XIPY_LAYER_DEPENDENCIES_cli "support;image;disassembler;compiler")

# xipy_layer(NAME SOURCES...) creates target xipy_NAME from the given sources
# and links exactly the layers allowed by the table above.
# A layer with no .cpp files yet (headers only) becomes an INTERFACE target.
function(xipy_layer name)
  if(ARGN)
    add_library(xipy_${name} STATIC ${ARGN})
    set(scope PUBLIC)
    target_compile_options(xipy_${name} PRIVATE ${XIPY_WARNINGS} ${XIPY_CORE_FLAGS})
  else()
    add_library(xipy_${name} INTERFACE)
    set(scope INTERFACE)
  endif()
  target_include_directories(xipy_${name} ${scope} ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/include)
  foreach(dependency IN LISTS XIPY_LAYER_DEPENDENCIES_${name})
    target_link_libraries(xipy_${name} ${scope} xipy_${dependency})
  endforeach()
endfunction()

# xipy_header_check(LAYER...) builds target xipy_header_check: one generated
# translation unit per header of the given layers, each including only that
# header, compiled with the layer's own include paths and the core flags.
function(xipy_header_check)
  set(check_sources "")
  foreach(layer IN LISTS ARGN)
    file(GLOB headers CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${layer}/*.hpp)
    foreach(header IN LISTS headers)
      file(RELATIVE_PATH relative ${PROJECT_SOURCE_DIR}/src ${header})
      string(MAKE_C_IDENTIFIER "${relative}" stem)
      set(source ${CMAKE_BINARY_DIR}/header_check/${stem}.cpp)
      file(CONFIGURE OUTPUT ${source}
           CONTENT "// Generated: checks that ${relative} compiles on its own.\n#include \"${relative}\"\n")
      list(APPEND check_sources ${source})
    endforeach()
  endforeach()
  if(NOT check_sources)
    return()
  endif()
  add_library(xipy_header_check OBJECT ${check_sources})
  target_compile_options(xipy_header_check PRIVATE ${XIPY_WARNINGS} ${XIPY_CORE_FLAGS})
  foreach(layer IN LISTS ARGN)
    target_link_libraries(xipy_header_check PRIVATE xipy_${layer})
  endforeach()
endfunction()
