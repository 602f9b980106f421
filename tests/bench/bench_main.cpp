// varn-bench: prints each figure as a ratio against a limit measured in the
// same run. Not a test: run it by hand (build/tests/bench/varn-bench).
#include <cstdio>

namespace varn::bench {
void run_crypto_bench();
void run_store_bench();
}

int main() {
  std::puts("# varn-bench: ratios against limits measured in this run");
  varn::bench::run_crypto_bench();
  varn::bench::run_store_bench();
  return 0;
}
