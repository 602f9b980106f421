#pragma once
//! The unlocked device session, shared by the GUI thread and the sync thread.
//!
//! Serialised access, not a second connection: a second SQLCipher connection
//! would need the passphrase (or the raw store key) kept in memory to open it
//! again, and Argon2id on every open. Instead every store call, from either
//! thread, takes one mutex for the length of that call. Calls are short
//! (one transaction each; while catching up, a batch of up to 2000 pulled
//! change sets applies in one call, ~150 ms here), so the GUI waits at most
//! for one of them, never for the network.

#include <memory>
#include <mutex>
#include <string>

#include "locked_store.hpp"
#include "varn/device/device_session.hpp"

namespace varn::ui {

class StoreHost {
 public:
  //! Opens (or, with `create`, creates) the store and loads or makes the
  //! device identity, so Records can name its author from the first write.
  [[nodiscard]] static Result<std::shared_ptr<StoreHost>> open(const std::string& path, std::string_view passphrase);
  [[nodiscard]] static Result<std::shared_ptr<StoreHost>> create(const std::string& path, std::string_view passphrase,
                                                                 const store::CreateOptions& options);

  StoreHost(const StoreHost&) = delete;
  StoreHost& operator=(const StoreHost&) = delete;
  ~StoreHost();

  //! Runs `f(Records&)` with the store to itself.
  template <class F>
  auto with_records(F&& f) {
    std::lock_guard guard(mutex_);
    return f(session_->records());
  }
  //! Runs `f(LocalStore&, Records&)` with the store to itself (lists that join both).
  template <class F>
  auto with_both(F&& f) {
    std::lock_guard guard(mutex_);
    return f(session_->store(), session_->records());
  }
  //! Runs `f(LocalStore&)` with the store to itself (settings, vault).
  template <class F>
  auto with_store(F&& f) {
    std::lock_guard guard(mutex_);
    return f(session_->store());
  }

  //! The same store behind the mutex, for the sync core on another thread.
  [[nodiscard]] LockedStore& locked() { return locked_; }
  //! A context for the sync core over the locked store (one per job).
  [[nodiscard]] sync::DeviceContext context() { return sync::DeviceContext(locked_, locked_); }
  [[nodiscard]] const crypto::DeviceId& device() const { return session_->device_id(); }
  [[nodiscard]] const crypto::DevicePublicBundle& bundle() const { return session_->bundle(); }
  [[nodiscard]] const std::string& path() const { return path_; }

  //! Closes the database and wipes its key; later calls (from any thread) get Errc::locked.
  void lock();
  //! The clock seam: tests move the wall clock the records read and stamp with.
  void set_wall_clock(model::WallClock wall) {
    std::lock_guard guard(mutex_);
    session_->set_wall_clock(std::move(wall));
  }

 private:
  explicit StoreHost(std::unique_ptr<device::DeviceSession> session);

  std::mutex mutex_;
  std::unique_ptr<device::DeviceSession> session_;
  std::string path_;
  LockedStore locked_;
};

}  // namespace varn::ui
