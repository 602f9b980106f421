#pragma once
//! The sync bar's three states, as a QML enum (SyncState.Synced, ...).

#include <QObject>
#include <QQmlEngine>

namespace varn::ui::sync_state {
Q_NAMESPACE
QML_NAMED_ELEMENT(SyncState)

enum State {
  Offline,  //!< not enrolled, locked, or the last attempt failed
  Syncing,
  Synced,   //!< the last attempt pushed and pulled everything
};
Q_ENUM_NS(State)

}  // namespace varn::ui::sync_state
