#pragma once

namespace varn::test {

// Runs the Catch2 session; the runners with a Qt application call it from their main().
int run_catch(int argc, char** argv);

}  // namespace varn::test
