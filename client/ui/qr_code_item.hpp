#pragma once
//! A QR code drawn by QML (libqrencode, error correction M): the enrolment
//! screen shows "<code> <fingerprint>" so an admin can compare or scan it.

#include <QColor>
#include <QQuickPaintedItem>
#include <vector>

namespace varn::ui {

class QrCodeItem : public QQuickPaintedItem {
  Q_OBJECT
  QML_NAMED_ELEMENT(QrCode)
  Q_PROPERTY(QString text READ text WRITE setText NOTIFY textChanged)
  //! Modules per side (0 when there is no text or encoding failed).
  Q_PROPERTY(int modules READ modules NOTIFY textChanged)

 public:
  explicit QrCodeItem(QQuickItem* parent = nullptr);
  [[nodiscard]] QString text() const { return text_; }
  void setText(const QString& text);
  [[nodiscard]] int modules() const { return width_; }
  void paint(QPainter* painter) override;

 signals:
  void textChanged();

 private:
  QString text_;
  int width_ = 0;
  std::vector<bool> dark_;  //!< width_ * width_, row-major
};

}  // namespace varn::ui
