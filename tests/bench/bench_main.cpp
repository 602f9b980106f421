// varn-bench: prints each figure as a ratio against a limit measured in the
// same run. Not a test: run it by hand (build/tests/bench/varn-bench), with
// section names (crypto, store, initial_sync) to run only those.
#include <cstdio>
#include <cstring>

namespace varn::bench {
void run_crypto_bench();
void run_store_bench();
void run_initial_sync_bench();
}

namespace {

bool wanted(int argc, char** argv, const char* section) {
  if (argc < 2) return true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], section) == 0) return true;
  }
  return false;
}

}  // namespace

int main(int argc, char** argv) {
  std::puts("# varn-bench: ratios against limits measured in this run");
  if (wanted(argc, argv, "crypto")) varn::bench::run_crypto_bench();
  if (wanted(argc, argv, "store")) varn::bench::run_store_bench();
  if (wanted(argc, argv, "initial_sync")) varn::bench::run_initial_sync_bench();
  return 0;
}
