#pragma once
//! Opens or creates the store on a worker thread. Both run Argon2id (about
//! half a second; create may calibrate it first), which on the GUI thread
//! froze the screen and stopped the busy indicator from turning.
//!
//! One job at a time; the owner refuses a second while one runs. The result
//! comes back on the receiver's thread and is dropped (the store closed
//! again) when the receiver is gone by then.

#include <QObject>
#include <QThreadPool>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "store_host.hpp"

namespace varn::ui {

//! The passphrase as UTF-8 in one buffer that is wiped after use. Neither
//! copyable nor movable: a moved std::string can leave its short-string
//! bytes behind, so it is only handed around by pointer.
class PassphraseCopy {
 public:
  explicit PassphraseCopy(const QString& text);
  ~PassphraseCopy() { wipe(); }
  PassphraseCopy(const PassphraseCopy&) = delete;
  PassphraseCopy& operator=(const PassphraseCopy&) = delete;

  [[nodiscard]] std::string_view view() const { return text_; }
  void wipe();

 private:
  std::string text_;
};

class StoreOpener {
 public:
  using Opened = Result<std::shared_ptr<StoreHost>>;
  using Done = std::function<void(Opened&)>;

  StoreOpener();
  ~StoreOpener();  //!< waits for a running job: no job outlives its owner
  StoreOpener(const StoreOpener&) = delete;
  StoreOpener& operator=(const StoreOpener&) = delete;

  //! Runs StoreHost::open (or, given `create`, StoreHost::create) on the
  //! worker, wipes the passphrase as soon as the key is derived, then calls
  //! `done(result)` on `receiver`'s thread unless the receiver is gone. A
  //! receiver that owns the opener calls wait() first in its destructor, so
  //! it cannot go away while the job hands its result over.
  void start(QObject* receiver, std::string path, std::unique_ptr<PassphraseCopy> passphrase,
             std::optional<store::CreateOptions> create, Done done);

  //! Blocks until a running job has finished (its result is still queued).
  void wait();

 private:
  QThreadPool pool_;
};

}  // namespace varn::ui
