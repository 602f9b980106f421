// main() of the test executables that need no Qt application.
#include "catch_run.hpp"

int main(int argc, char** argv) { return varn::test::run_catch(argc, argv); }
