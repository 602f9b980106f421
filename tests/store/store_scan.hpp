#pragma once
// A look inside an unlocked store, as someone holding its passphrase would
// take: every column of every row of every table, decrypted.

#include <string_view>

#include "varn/store/local_store.hpp"

namespace varn::test {

//! Whether `text` occurs anywhere in the decrypted store.
[[nodiscard]] bool store_holds(store::LocalStore& store, std::string_view text);

}  // namespace varn::test
