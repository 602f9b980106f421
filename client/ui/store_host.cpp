#include "store_host.hpp"

namespace varn::ui {

StoreHost::StoreHost(std::unique_ptr<device::DeviceSession> session)
    : session_(std::move(session)), path_(session_->path()), locked_(mutex_, session_->store()) {}

StoreHost::~StoreHost() { lock(); }

Result<std::shared_ptr<StoreHost>> StoreHost::open(const std::string& path, std::string_view passphrase) {
  auto opened = device::DeviceSession::open(path, passphrase);
  if (!opened) return opened.error();
  return std::shared_ptr<StoreHost>(new StoreHost(std::move(opened).value()));
}

Result<std::shared_ptr<StoreHost>> StoreHost::create(const std::string& path, std::string_view passphrase,
                                                     const store::CreateOptions& options) {
  auto made = device::DeviceSession::create(path, passphrase, options);
  if (!made) return made.error();
  return std::shared_ptr<StoreHost>(new StoreHost(std::move(made).value()));
}

void StoreHost::lock() {
  std::lock_guard guard(mutex_);
  session_->lock();
}

}  // namespace varn::ui
