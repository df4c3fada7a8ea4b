# Regenerates the demo venues from their recipes (common/layout/demo_venues.cpp) and compares them
# byte for byte with the files in resources/venues/, so a recipe and its checked-in file never drift.
# Usage: cmake -DTOOL=<usher-layout> -DVENUES=<resources/venues> -DWORK_DIR=<scratch dir> -P check_demo_venues.cmake
foreach(required TOOL VENUES WORK_DIR)
  if(NOT DEFINED ${required})
    message(FATAL_ERROR "check_demo_venues.cmake needs -D${required}=...")
  endif()
endforeach()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(stale "")
foreach(venue theatre arena)
  if(venue STREQUAL "theatre")
    set(file grand-theatre.json)
  else()
    set(file city-arena.json)
  endif()
  execute_process(COMMAND "${TOOL}" demo ${venue} --out "${WORK_DIR}/${file}" RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "usher-layout demo ${venue} failed (${status})")
  endif()
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${WORK_DIR}/${file}" "${VENUES}/${file}"
    RESULT_VARIABLE differs)
  if(NOT differs EQUAL 0)
    message(SEND_ERROR "resources/venues/${file} does not match its recipe. Regenerate it:\n"
      "  usher-layout demo ${venue} --out resources/venues/${file}")
    list(APPEND stale ${file})
  endif()
endforeach()
if(stale)
  message(FATAL_ERROR "stale demo venue files: ${stale}")
endif()
