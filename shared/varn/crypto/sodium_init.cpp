#include "varn/crypto/sodium_init.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace varn::crypto {

void ensure_sodium() {
  static const bool initialised = [] {
    if (sodium_init() < 0) {
      std::fputs("varn: libsodium failed to initialise\n", stderr);
      std::abort();
    }
    return true;
  }();
  (void)initialised;
}

}  // namespace varn::crypto
