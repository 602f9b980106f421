// Catch2's implementation, compiled once for every test executable.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "catch_run.hpp"

int varn::test::run_catch(int argc, char** argv) { return Catch::Session().run(argc, argv); }
