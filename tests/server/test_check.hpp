#pragma once
//! REQUIRE/CHECK for the helpers shared by the server tests and the server
//! bench: Catch2's in tests, a plain abort-with-message in the bench.

#ifdef VARN_BENCH_NO_CATCH
#include <cstdio>
#include <cstdlib>
#define REQUIRE(...)                                                                       \
  do {                                                                                     \
    if (!(__VA_ARGS__)) {                                                                  \
      std::fprintf(stderr, "bench: check failed: %s (%s:%d)\n", #__VA_ARGS__, __FILE__, __LINE__); \
      std::abort();                                                                        \
    }                                                                                      \
  } while (0)
#define CHECK(...) REQUIRE(__VA_ARGS__)
#else
#include <catch2/catch.hpp>
#endif
