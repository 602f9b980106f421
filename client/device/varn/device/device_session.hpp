#pragma once
//! One opened device, as varn-cli and the app both hold it: the encrypted
//! store, the device's identity (made and saved on first use), a clock that
//! never goes back across runs, the records on top, and the sync core's
//! DeviceContext over the store. The rules of enrolment, sync and wiping
//! live in the core (sync::Enrolment, sync::DeviceSync, wipe_device
//! below); both clients only call them.

#include <memory>
#include <string>

#include "varn/model/hlc.hpp"
#include "varn/store/local_store.hpp"
#include "varn/store/records.hpp"
#include "varn/sync/device_context.hpp"
#include "varn/sync/http.hpp"

namespace varn::device {

class DeviceSession {
 public:
  [[nodiscard]] static Result<std::unique_ptr<DeviceSession>> open(const std::string& path, std::string_view passphrase);
  [[nodiscard]] static Result<std::unique_ptr<DeviceSession>> create(const std::string& path,
                                                                     std::string_view passphrase,
                                                                     const store::CreateOptions& options);
  //! Takes over a store just opened or created.
  [[nodiscard]] static Result<std::unique_ptr<DeviceSession>> adopt(std::unique_ptr<store::LocalStore> store);

  DeviceSession(const DeviceSession&) = delete;
  DeviceSession& operator=(const DeviceSession&) = delete;
  ~DeviceSession();

  [[nodiscard]] store::LocalStore& store() { return *store_; }
  [[nodiscard]] store::Records& records() { return *records_; }
  //! The sync core's view of this device, on the store itself.
  [[nodiscard]] sync::DeviceContext& context() { return context_; }
  [[nodiscard]] const crypto::DeviceId& device_id() const { return device_; }
  [[nodiscard]] const crypto::DevicePublicBundle& bundle() const { return bundle_; }
  [[nodiscard]] const std::string& path() const { return path_; }
  //! Closes the database and wipes its key; later calls get Errc::locked.
  void lock();
  //! The clock seam: stamps keep moving forward from the last one issued.
  void set_wall_clock(model::WallClock wall) { clock_ = model::HybridClock(std::move(wall), clock_.last()); }

 private:
  explicit DeviceSession(std::unique_ptr<store::LocalStore> store);
  [[nodiscard]] Result<void> start();
  std::unique_ptr<store::LocalStore> store_;
  std::string path_;
  sync::DeviceContext context_;
  model::HybridClock clock_;
  crypto::DeviceId device_{};
  crypto::DevicePublicBundle bundle_{};
  std::unique_ptr<store::Records> records_;
};

//! What wiping a device did.
struct WipeOutcome {
  std::size_t discarded = 0;  //!< changes written here that no server ever got
  bool confirmed = false;     //!< the server recorded the wipe
};

//! Wipes this device: when its own verified registry revokes it
//! (sync::DeviceSync::sync answered Errc::revoked, never on the server's word
//! alone), or when its user asks (panic delete, after a last sync where the
//! network allows). The store at `path` is erased, then the server is told
//! with the device's signature (`context` still holds the identity in
//! memory). `lock` closes the store first; `discarded` is counted before.
[[nodiscard]] Result<WipeOutcome> wipe_device(sync::DeviceContext& context, const std::string& path,
                                               std::size_t discarded, const std::function<void()>& lock,
                                               sync::HttpExecutor& http);

}  // namespace varn::device
