#pragma once
//! One note for the editor: its text, whether it may still change (a draft)
//! or only take addenda (signed), and its addenda.

#include <QDateTime>
#include <QObject>
#include <QQmlEngine>
#include <QVariantMap>

namespace varn::ui {

class NoteDetails : public QObject {
  Q_OBJECT
  QML_ELEMENT
  Q_PROPERTY(QString noteId READ noteId WRITE setNoteId NOTIFY noteIdChanged)
  Q_PROPERTY(bool loaded READ loaded NOTIFY changed)
  Q_PROPERTY(QString body READ body NOTIFY changed)
  Q_PROPERTY(bool isSigned READ isSigned NOTIFY changed)
  Q_PROPERTY(bool reviewed READ reviewed NOTIFY changed)
  //! Only a draft written on this device may be edited or deleted.
  Q_PROPERTY(bool editable READ editable NOTIFY changed)
  Q_PROPERTY(QString author READ author NOTIFY changed)
  Q_PROPERTY(bool authorIsMe READ authorIsMe NOTIFY changed)
  //! Whom the note is about.
  Q_PROPERTY(QString personName READ personName NOTIFY changed)
  Q_PROPERTY(QString caseId READ caseId NOTIFY changed)
  Q_PROPERTY(QString visitId READ visitId NOTIFY changed)
  Q_PROPERTY(QVariantList addenda READ addenda NOTIFY changed)
  //! When it happened (ISO 8601) and when it was written.
  Q_PROPERTY(QString eventTime READ eventTime NOTIFY changed)
  Q_PROPERTY(QDateTime writtenAt READ writtenAt NOTIFY changed)
  //! A draft older than the unit's stale-draft days.
  Q_PROPERTY(bool stale READ stale NOTIFY changed)

 public:
  explicit NoteDetails(QObject* parent = nullptr);

  [[nodiscard]] QString noteId() const { return note_id_; }
  void setNoteId(const QString& id);
  [[nodiscard]] bool loaded() const { return !row_.isEmpty(); }
  [[nodiscard]] QString body() const { return row_.value(QStringLiteral("body")).toString(); }
  [[nodiscard]] bool isSigned() const { return row_.value(QStringLiteral("signed")).toBool(); }
  [[nodiscard]] bool reviewed() const { return row_.value(QStringLiteral("reviewed")).toBool(); }
  [[nodiscard]] bool editable() const { return loaded() && !isSigned() && row_.value(QStringLiteral("authorIsMe")).toBool(); }
  [[nodiscard]] QString author() const { return row_.value(QStringLiteral("author")).toString(); }
  [[nodiscard]] bool authorIsMe() const { return row_.value(QStringLiteral("authorIsMe")).toBool(); }
  [[nodiscard]] QString personName() const { return row_.value(QStringLiteral("personName")).toString(); }
  [[nodiscard]] QString caseId() const { return row_.value(QStringLiteral("caseId")).toString(); }
  [[nodiscard]] QString visitId() const { return row_.value(QStringLiteral("visitId")).toString(); }
  [[nodiscard]] QVariantList addenda() const { return row_.value(QStringLiteral("addenda")).toList(); }
  [[nodiscard]] QString eventTime() const { return row_.value(QStringLiteral("eventTime")).toString(); }
  [[nodiscard]] QDateTime writtenAt() const { return row_.value(QStringLiteral("writtenAt")).toDateTime(); }
  [[nodiscard]] bool stale() const { return row_.value(QStringLiteral("stale")).toBool(); }

  Q_INVOKABLE void reload();

 signals:
  void noteIdChanged();
  void changed();

 private:
  QString note_id_;
  QVariantMap row_;
};

}  // namespace varn::ui
