#pragma once
//! Changes every replica refused (e.g. an edit to a note already signed),
//! kept for review: the screen offers to carry the refused text over as an
//! addendum to the note, which is the only way a signed note may change.

#include <QQmlEngine>

#include "store_list_model.hpp"

namespace varn::ui {

class ConflictListModel : public StoreListModel {
  Q_OBJECT
  QML_ELEMENT

 public:
  explicit ConflictListModel(QObject* parent = nullptr);

 protected:
  Result<QList<QVariantMap>> fetch(StoreHost& host) override;
};

}  // namespace varn::ui
