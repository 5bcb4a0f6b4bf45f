# Sanitizer and fuzzing builds (docs/testing.md). Included before any target is defined,
# so every library, tool, test and harness is instrumented the same way.
#
# ROSTER_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer. Every UBSan finding is
#   fatal (-fno-sanitize-recover=all), so it fails the test that reached it. CTest gives
#   each test ROSTER_SANITIZER_ENVIRONMENT (the committed UBSan suppressions); processes a
#   test starts inherit it.
# ROSTER_FUZZ: also builds the libFuzzer harnesses of tests/fuzz (clang only). The code
#   under test is compiled with -fsanitize=fuzzer-no-link so that libFuzzer sees its
#   coverage; only the harness executables link the fuzzer's main.
option(ROSTER_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(ROSTER_FUZZ "Build the libFuzzer harnesses (clang; implies ROSTER_SANITIZE)" OFF)

if(ROSTER_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "ROSTER_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  set(ROSTER_SANITIZE ON)
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()

set(ROSTER_SANITIZER_ENVIRONMENT "")
if(ROSTER_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  set(ROSTER_UBSAN_SUPPRESSIONS ${PROJECT_SOURCE_DIR}/cmake/ubsan.supp)
  set(ROSTER_SANITIZER_ENVIRONMENT
      "UBSAN_OPTIONS=suppressions=${ROSTER_UBSAN_SUPPRESSIONS}:print_stacktrace=1:halt_on_error=1")
endif()

# LeakSanitizer suppressions (cmake/lsan.supp), compiled into the programs that need them:
# add ${ROSTER_LSAN_SOURCE} to an executable's sources.
set(ROSTER_LSAN_SOURCE "")
if(ROSTER_SANITIZE)
  file(READ ${PROJECT_SOURCE_DIR}/cmake/lsan.supp ROSTER_LSAN_SUPPRESSIONS_TEXT)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
               ${PROJECT_SOURCE_DIR}/cmake/lsan.supp)
  configure_file(${PROJECT_SOURCE_DIR}/cmake/lsan_default_suppressions.cpp.in
                 ${PROJECT_BINARY_DIR}/generated/lsan_default_suppressions.cpp @ONLY)
  set(ROSTER_LSAN_SOURCE ${PROJECT_BINARY_DIR}/generated/lsan_default_suppressions.cpp)
endif()
