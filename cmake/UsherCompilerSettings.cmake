# One INTERFACE target that every Usher target links: language level and warnings in one place.
add_library(usher_settings INTERFACE)
add_library(Usher::settings ALIAS usher_settings)

target_compile_features(usher_settings INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

option(USHER_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(usher_settings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
    -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wnull-dereference -Wdouble-promotion -Wimplicit-fallthrough)
  if(USHER_WARNINGS_AS_ERRORS)
    target_compile_options(usher_settings INTERFACE -Werror)
  endif()
endif()

# Sanitizers for the asan preset: USHER_SANITIZE=address,undefined
set(USHER_SANITIZE "" CACHE STRING "Comma-separated sanitizers to enable (e.g. address,undefined)")
if(USHER_SANITIZE)
  target_compile_options(usher_settings INTERFACE
    -fsanitize=${USHER_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_link_options(usher_settings INTERFACE -fsanitize=${USHER_SANITIZE})
endif()
