#include "net_thread.hpp"

namespace varn::ui {

NetThread::NetThread() : context_(new QObject) {
  thread_.setObjectName(QStringLiteral("varn-net"));
  context_->moveToThread(&thread_);
  QObject::connect(&thread_, &QThread::finished, context_, &QObject::deleteLater);
  thread_.start();
}

NetThread::~NetThread() {
  thread_.quit();
  thread_.wait();
}

void NetThread::post(std::function<void()> job) {
  QMetaObject::invokeMethod(context_, std::move(job), Qt::QueuedConnection);
}

}  // namespace varn::ui
