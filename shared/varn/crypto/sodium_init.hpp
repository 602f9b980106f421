#pragma once
//! libsodium must be initialised once before any other call; every crypto
//! entry point calls this, so callers never forget.

namespace varn::crypto {

//! Initialises libsodium (thread-safe, idempotent). Aborts if it cannot:
//! without a working RNG nothing else here is safe to run.
void ensure_sodium();

}  // namespace varn::crypto
