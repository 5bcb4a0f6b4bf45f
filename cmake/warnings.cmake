# roster_warnings: an INTERFACE target every roster target links.
# Warnings are errors when the environment variable CI is set (CI and scripts/test
# under CI), so a warning never lands.
add_library(roster_warnings INTERFACE)
target_compile_options(roster_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  # g++ 12 reports false -Wrestrict positives inside libstdc++ for `"literal" + std::string`
  # at -O2 (GCC bug 105651); the warning says nothing about our code.
  $<$<CXX_COMPILER_ID:GNU>:-Wno-restrict>)
if(DEFINED ENV{CI} OR ROSTER_WERROR)
  target_compile_options(roster_warnings INTERFACE -Werror)
endif()
