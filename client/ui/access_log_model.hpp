#pragma once
//! Who opened which case, newest first: each opening on any device is an
//! entry that syncs like any change, for the office to review.

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class AccessLogModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString caseId READ caseId WRITE setCaseId NOTIFY caseIdChanged)

 public:
  explicit AccessLogModel(QObject* parent = nullptr);
  [[nodiscard]] QString caseId() const { return case_id_; }
  void setCaseId(const QString& id);

 signals:
  void caseIdChanged();

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;

 private:
  QString case_id_;
};

}  // namespace varn::ui
