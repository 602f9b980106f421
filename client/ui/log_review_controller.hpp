#pragma once
//! The reviewer's monthly access-log review on the device: the month's
//! sample and anomalies (model::review_month through device::LogReaders,
//! the rule varn-cli uses too) and its sign-off, a review-class record that
//! syncs like a note's sign-off.

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

namespace varn::ui {

class LogReviewController : public QObject {
  Q_OBJECT
  QML_ELEMENT
  //! "YYYY-MM"; this month by the device's calendar until set.
  Q_PROPERTY(QString month READ month WRITE setMonth NOTIFY changed)
  Q_PROPERTY(int reads READ reads NOTIFY changed)
  //! Rows: entry, caseId, personName, reader, actionLabel, at; anomalies add why (labels).
  Q_PROPERTY(QVariantList sample READ sample NOTIFY changed)
  Q_PROPERTY(QVariantList anomalies READ anomalies NOTIFY changed)
  //! Rows: reviewer, at, comment.
  Q_PROPERTY(QVariantList signOffs READ signOffs NOTIFY changed)
  Q_PROPERTY(QString error READ error NOTIFY changed)

 public:
  explicit LogReviewController(QObject* parent = nullptr);
  [[nodiscard]] QString month() const { return month_; }
  void setMonth(const QString& month);
  [[nodiscard]] int reads() const { return reads_; }
  [[nodiscard]] QVariantList sample() const { return sample_; }
  [[nodiscard]] QVariantList anomalies() const { return anomalies_; }
  [[nodiscard]] QVariantList signOffs() const { return sign_offs_; }
  [[nodiscard]] QString error() const { return error_; }

  Q_INVOKABLE void reload();
  //! Moves the month by `months` (-1: the month before).
  Q_INVOKABLE void step(int months);
  //! Signs the month off with `comment` (required); `readComments`: entry -> text.
  Q_INVOKABLE bool sign(const QString& comment, const QVariantMap& readComments = {});

 signals:
  void changed();

 private:
  QString month_;
  int reads_ = 0;
  QVariantList sample_, anomalies_, sign_offs_;
  QString error_;
};

}  // namespace varn::ui
