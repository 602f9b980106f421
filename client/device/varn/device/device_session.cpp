#include "varn/device/device_session.hpp"

#include "varn/sync/device_sync.hpp"

namespace varn::device {

DeviceSession::DeviceSession(std::unique_ptr<store::LocalStore> store)
    : store_(std::move(store)), path_(store_->path()), context_(*store_, *store_) {}

DeviceSession::~DeviceSession() { lock(); }

void DeviceSession::lock() {
  if (store_ && !store_->locked()) store_->lock();
}

Result<std::unique_ptr<DeviceSession>> DeviceSession::open(const std::string& path, std::string_view passphrase) {
  auto opened = store::LocalStore::open(path, passphrase);
  if (!opened) return opened.error();
  return adopt(std::move(opened).value());
}

Result<std::unique_ptr<DeviceSession>> DeviceSession::create(const std::string& path, std::string_view passphrase,
                                                             const store::CreateOptions& options) {
  auto made = store::LocalStore::create(path, passphrase, options);
  if (!made) return made.error();
  return adopt(std::move(made).value());
}

Result<std::unique_ptr<DeviceSession>> DeviceSession::adopt(std::unique_ptr<store::LocalStore> store) {
  std::unique_ptr<DeviceSession> session(new DeviceSession(std::move(store)));
  if (auto r = session->start(); !r) return r.error();
  return session;
}

Result<void> DeviceSession::start() {
  auto me = context_.identity();  // made and saved on the store's first use
  if (!me) return me.error();
  bundle_ = (*me)->public_bundle();
  device_ = bundle_.device_id();
  // Timestamps never go back across runs, even when the wall clock does.
  auto last = store_->last_hlc();
  if (!last) return last.error();
  clock_ = model::HybridClock(model::system_wall_clock(), *last);
  records_ = std::make_unique<store::Records>(*store_, clock_, device_);
  return {};
}

Result<WipeOutcome> wipe_device(sync::DeviceContext& context, const std::string& path, std::size_t discarded,
                                 const std::function<void()>& lock, sync::HttpExecutor& http) {
  // The identity must be in memory to sign the goodbye once the store is gone.
  if (auto me = context.identity(); !me) return me.error();
  lock();
  if (auto wiped = store::LocalStore::wipe(path); !wiped) return wiped.error();
  WipeOutcome outcome;
  outcome.discarded = discarded;
  outcome.confirmed = sync::DeviceSync(context).confirm_wipe(http).ok();
  return outcome;
}

}  // namespace varn::device
