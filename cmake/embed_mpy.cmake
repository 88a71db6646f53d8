# Build-time .py -> .mpy (reference mpy-cross) -> C header steps for examples and API tests.
find_package(Python3 REQUIRED COMPONENTS Interpreter)
find_program(XIPY_NODE node REQUIRED)
set(XIPY_MPY_CROSS ${PROJECT_SOURCE_DIR}/tests/reference/mpy-cross.js)

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

# xipy_embed_mpy(SOURCE HEADER NAME): compiles SOURCE.py and turns the .mpy into HEADER, a C
# header defining `static const uint8_t NAME[]` and `NAME_length` (tools/embed_mpy.py).
function(xipy_embed_mpy source header name)
  get_filename_component(header_directory ${header} DIRECTORY)
  set(compiled ${header_directory}/${name}.mpy)
  xipy_compile_mpy(${source} ${compiled})
  add_custom_command(
    OUTPUT ${header}
    COMMAND Python3::Interpreter ${PROJECT_SOURCE_DIR}/tools/embed_mpy.py ${compiled} ${header}
            --name ${name}
    DEPENDS ${compiled} ${PROJECT_SOURCE_DIR}/tools/embed_mpy.py
    COMMENT "embed_mpy ${name}"
    VERBATIM)
endfunction()
