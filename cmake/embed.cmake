# Build-time steps that link Python programs into a host: .py -> .mpy (reference mpy-cross), any file -> C header (`xipy embed`).
find_program(XIPY_NODE node REQUIRED)
# Found from this file, so a project that includes it (a board port) finds it too.
get_filename_component(xipy_embed_root ${CMAKE_CURRENT_LIST_DIR} DIRECTORY)
set(XIPY_MPY_CROSS ${xipy_embed_root}/tests/reference/mpy-cross.js)

# The `xipy` program that writes the headers: this build's own CLI when it builds one, so a
# host needs no Python at build time. A host that includes this file from an installed xipy
# sets XIPY_EXECUTABLE to that program instead.
if(NOT XIPY_EXECUTABLE AND TARGET xipy_cli)
  set(XIPY_EXECUTABLE $<TARGET_FILE:xipy_cli>)
  set(XIPY_EXECUTABLE_DEPENDENCY xipy_cli)
endif()

# xipy_compile_mpy(SOURCE OUTPUT): compiles SOURCE.py to OUTPUT.mpy with the reference
# mpy-cross. The name recorded in the .mpy (and shown in tracebacks) is SOURCE's file name.
# node_modules come from `tools/setup.sh reference`, which `make` runs before building.
function(xipy_compile_mpy source output)
  get_filename_component(directory ${source} DIRECTORY)
  get_filename_component(file_name ${source} NAME)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${XIPY_NODE} ${XIPY_MPY_CROSS} ${file_name} -o ${output}
    WORKING_DIRECTORY ${directory}
    DEPENDS ${source} ${XIPY_MPY_CROSS}
    COMMENT "mpy-cross ${file_name}"
    VERBATIM)
endfunction()

# xipy_embed(FILE HEADER NAME): turns FILE (a .mpy, a ROMFS image or any file) into HEADER, a
# C header defining `static const uint8_t NAME[]` and `static const size_t NAME_length`
# (`xipy embed FILE -o HEADER --name NAME`).
function(xipy_embed file header name)
  if(NOT XIPY_EXECUTABLE)
    message(FATAL_ERROR "xipy_embed: set XIPY_EXECUTABLE to the xipy program")
  endif()
  get_filename_component(header_directory ${header} DIRECTORY)
  add_custom_command(
    OUTPUT ${header}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${header_directory}
    COMMAND ${XIPY_EXECUTABLE} embed ${file} -o ${header} --name ${name}
    DEPENDS ${file} ${XIPY_EXECUTABLE_DEPENDENCY}
    COMMENT "xipy embed ${name}"
    VERBATIM)
endfunction()

# xipy_embed_mpy(SOURCE HEADER NAME): compiles SOURCE.py and embeds the .mpy as xipy_embed()
# does, the .mpy kept beside HEADER as NAME.mpy.
function(xipy_embed_mpy source header name)
  get_filename_component(header_directory ${header} DIRECTORY)
  set(compiled ${header_directory}/${name}.mpy)
  xipy_compile_mpy(${source} ${compiled})
  xipy_embed(${compiled} ${header} ${name})
endfunction()
