#pragma once
//! The one thread that talks to the server. Jobs run there one after the
//! other (the transport blocks in a local event loop, so the GUI never
//! waits for the network); each answer is handed back on the GUI thread.
//! Store access from a job goes through StoreHost::locked() (see there).

#include <QObject>
#include <QPointer>
#include <QThread>
#include <functional>
#include <memory>

namespace varn::ui {

class NetThread {
 public:
  NetThread();
  ~NetThread();  //!< lets a running job finish, then stops the thread
  NetThread(const NetThread&) = delete;
  NetThread& operator=(const NetThread&) = delete;

  //! Runs `job` on the network thread, then `done(result)` on `receiver`'s
  //! thread, unless the receiver is gone by then.
  template <class R>
  void run(QObject* receiver, std::function<R()> job, std::function<void(R&)> done) {
    QPointer<QObject> guard(receiver);
    post([guard, job = std::move(job), done = std::move(done)] {
      auto result = std::make_shared<R>(job());
      if (!guard) return;
      QMetaObject::invokeMethod(
          guard.data(), [guard, result, done] { if (guard) done(*result); }, Qt::QueuedConnection);
    });
  }

 private:
  void post(std::function<void()> job);
  QThread thread_;
  QObject* context_;  //!< lives on thread_; jobs are queued to it
};

}  // namespace varn::ui
