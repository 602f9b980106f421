#pragma once
//! A tiny timing loop for the bench target: runs a body until enough wall
//! time has passed and reports operations per second. Ratios, not absolute
//! numbers, are what the bench prints, since these machines drift.

#include <chrono>
#include <cstdio>
#include <string_view>

namespace varn::bench {

template <class Body>
double ops_per_second(Body&& body, double min_seconds = 0.5) {
  using clock = std::chrono::steady_clock;
  long long ops = 0;
  const auto start = clock::now();
  double elapsed = 0;
  do {
    for (int i = 0; i < 16; ++i) body();
    ops += 16;
    elapsed = std::chrono::duration<double>(clock::now() - start).count();
  } while (elapsed < min_seconds);
  return static_cast<double>(ops) / elapsed;
}

inline void report(std::string_view name, double ours, double limit, std::string_view limit_name) {
  std::printf("%.*s: %.0f ops/s (ratio %.2f of %.*s in this run)\n", static_cast<int>(name.size()), name.data(),
              ours, ours / limit, static_cast<int>(limit_name.size()), limit_name.data());
}

}  // namespace varn::bench
