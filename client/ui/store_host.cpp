#include "store_host.hpp"

namespace varn::ui {

StoreHost::StoreHost(std::unique_ptr<store::LocalStore> store)
    : store_(std::move(store)), path_(store_->path()), locked_(mutex_, *store_) {}

StoreHost::~StoreHost() { lock(); }

Result<void> StoreHost::load_identity() {
  // Timestamps must never go back across runs: start the clock past the store's last.
  auto last = store_->last_hlc();
  if (!last) return last.error();
  clock_ = model::HybridClock(model::system_wall_clock(), *last);
  auto loaded = store_->load_identity();
  if (!loaded) return loaded.error();
  if (*loaded) {
    bundle_ = (**loaded).public_bundle();
  } else {
    // Same rule as DeviceClient::identity(): made and saved on first use.
    auto made = crypto::DeviceIdentity::generate();
    if (auto saved = store_->save_identity(made); !saved) return saved;
    bundle_ = made.public_bundle();
  }
  device_ = bundle_.device_id();
  records_ = std::make_unique<store::Records>(*store_, clock_, device_);
  return {};
}

Result<std::shared_ptr<StoreHost>> StoreHost::open(const std::string& path, std::string_view passphrase) {
  auto opened = store::LocalStore::open(path, passphrase);
  if (!opened) return opened.error();
  std::shared_ptr<StoreHost> host(new StoreHost(std::move(opened).value()));
  if (auto r = host->load_identity(); !r) return r.error();
  return host;
}

Result<std::shared_ptr<StoreHost>> StoreHost::create(const std::string& path, std::string_view passphrase,
                                                     const store::CreateOptions& options) {
  auto made = store::LocalStore::create(path, passphrase, options);
  if (!made) return made.error();
  std::shared_ptr<StoreHost> host(new StoreHost(std::move(made).value()));
  if (auto r = host->load_identity(); !r) return r.error();
  return host;
}

void StoreHost::lock() {
  std::lock_guard guard(mutex_);
  if (store_ && !store_->locked()) store_->lock();
}

}  // namespace varn::ui
