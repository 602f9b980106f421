#pragma once
//! A whole app context (controllers, network thread) over a real LocalStore
//! in a temporary folder, with the cheapest Argon2 cost the core allows.

#include <QString>
#include <QTemporaryDir>
#include <memory>

#include "app_context.hpp"
#include "records_controller.hpp"
#include "session_controller.hpp"

namespace varn::test {

inline constexpr const char* kPassphrase = "correct horse battery";

//! Waits for the unlock or createStore `session` is busy with: true when it
//! opened the store (unlock and createStore return before the key is derived).
[[nodiscard]] bool wait_open(ui::SessionController& session);

class UiFixture {
 public:
  //! `create_store`: make and unlock the store at once (most tests want that).
  explicit UiFixture(bool create_store = true);
  ~UiFixture();

  [[nodiscard]] ui::AppContext& context() { return *context_; }
  [[nodiscard]] ui::SessionController& session() { return context_->session(); }
  [[nodiscard]] ui::RecordsController& records() { return context_->records(); }
  [[nodiscard]] QString store_path() const { return dir_.filePath(QStringLiteral("varn.db")); }

  //! A person with an open case; returns the case id.
  QString person_with_case(const QString& name, const QString& protection = QStringLiteral("none"),
                           const QString& address = QStringLiteral("Storgatan 1, Umeå"));
  //! A visit of `case_id` planned at `planned_at` (ISO) with the partner absent.
  QString visit(const QString& case_id, const QString& planned_at);

 private:
  QTemporaryDir dir_;
  std::unique_ptr<ui::AppContext> context_;
};

}  // namespace varn::test
