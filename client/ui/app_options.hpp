#pragma once
//! What the app is started with (command line, tests): where the store is,
//! which server to use, and the costs the tests turn down.

#include <QString>
#include <optional>

#include "varn/crypto/passphrase_kek.hpp"
#include "varn/store/local_store.hpp"

namespace varn::ui {

struct AppOptions {
  QString store_path;          //!< --store FILE
  QString server_url;          //!< --server URL; the enrolled server wins once known
  QString instruments_dir;     //!< folder of instrument JSON files
  int idle_lock_seconds = 300; //!< auto-lock after this long without input
  int sync_interval_seconds = 60;
  //! nullopt: calibrate on this device. Tests pass the floor.
  std::optional<crypto::KdfParams> kdf;
  //! A store this app creates is wiped after this many wrong passphrases in a row.
  int wipe_after_failed_unlocks = store::kDefaultWipeAfterFailedUnlocks;
};

}  // namespace varn::ui
