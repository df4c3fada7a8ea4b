# Fails when a translation of the desktop app misses one of its strings or is not what lupdate makes
# of the sources: lupdate runs over client-qt/ into a copy of each translations/*.ts, which must come
# out unchanged and with nothing unfinished. Fix: cmake --build <build dir> --target update_translations,
# translate what it marks unfinished (Qt Linguist), commit.
#   cmake -DLUPDATE=<lupdate> -DSOURCE_DIR=<repository> -DWORK_DIR=<scratch dir> -P CheckTranslations.cmake
file(GLOB_RECURSE sources ${SOURCE_DIR}/client-qt/*.cpp ${SOURCE_DIR}/client-qt/*.h)
file(GLOB ts_files ${SOURCE_DIR}/translations/*.ts)
if(NOT ts_files)
  message(FATAL_ERROR "no translations/*.ts")
endif()
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
foreach(ts ${ts_files})
  get_filename_component(name ${ts} NAME)
  configure_file(${ts} ${WORK_DIR}/${name} COPYONLY)
  execute_process(COMMAND ${LUPDATE} -silent -no-obsolete -locations none -I ${SOURCE_DIR} ${sources} -ts ${WORK_DIR}/${name}
    RESULT_VARIABLE status ERROR_VARIABLE errors)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed on ${name}: ${errors}")
  endif()
  file(READ ${WORK_DIR}/${name} updated)
  string(REGEX MATCHALL "type=\"unfinished\"" unfinished "${updated}")
  list(LENGTH unfinished count)
  if(count GREATER 0)
    message(FATAL_ERROR "${name}: ${count} string(s) of the app have no translation")
  endif()
  file(READ ${ts} original)
  if(NOT original STREQUAL updated)
    message(FATAL_ERROR "${name} is not what lupdate makes of the sources (run the update_translations target)")
  endif()
endforeach()
message(STATUS "translations complete: ${ts_files}")
