#include "store_opener.hpp"

#include <sodium.h>

#include <QByteArray>
#include <QPointer>
#include <QRunnable>

namespace varn::ui {

// Not through qt::to_std: that one leaves its UTF-8 temporary unwiped.
PassphraseCopy::PassphraseCopy(const QString& text) {
  QByteArray utf8 = text.toUtf8();
  text_.assign(utf8.constData(), static_cast<std::size_t>(utf8.size()));
  sodium_memzero(utf8.data(), static_cast<std::size_t>(utf8.size()));
}

void PassphraseCopy::wipe() {
  sodium_memzero(text_.data(), text_.size());
  text_.clear();
}

StoreOpener::StoreOpener() {
  pool_.setMaxThreadCount(1);
  pool_.setObjectName(QStringLiteral("varn-kdf"));
}

StoreOpener::~StoreOpener() { wait(); }

void StoreOpener::wait() { pool_.waitForDone(); }

void StoreOpener::start(QObject* receiver, std::string path, std::unique_ptr<PassphraseCopy> passphrase,
                        std::optional<store::CreateOptions> create, Done done) {
  // std::function (QRunnable::create) needs a copyable callable: share the
  // buffer instead of copying it; the job wipes it, whoever frees it last.
  std::shared_ptr<PassphraseCopy> secret(std::move(passphrase));
  QPointer<QObject> guard(receiver);
  pool_.start(QRunnable::create([guard, path = std::move(path), secret, create = std::move(create),
                                 done = std::move(done)] {
    auto result = std::make_shared<Opened>(create ? StoreHost::create(path, secret->view(), *create)
                                                  : StoreHost::open(path, secret->view()));
    secret->wipe();
    if (!guard) return;  // the host (if any) closes again as `result` goes
    // Delivered only while the receiver lives: Qt drops a queued call to a deleted context.
    QMetaObject::invokeMethod(
        guard.data(), [guard, result, done] { if (guard) done(*result); }, Qt::QueuedConnection);
  }));
}

}  // namespace varn::ui
