#include "qr_code_item.hpp"

#include <qrencode.h>

#include <QPainter>
#include <memory>

namespace varn::ui {
namespace {

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

constexpr int kQuietZone = 4;  // modules of light border the standard asks for

}  // namespace

QrCodeItem::QrCodeItem(QQuickItem* parent) : QQuickPaintedItem(parent) {}

void QrCodeItem::setText(const QString& text) {
  if (text == text_) return;
  text_ = text;
  width_ = 0;
  dark_.clear();
  if (!text_.isEmpty()) {
    const QByteArray utf8 = text_.toUtf8();
    std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString8bit(utf8.constData(), 0, QR_ECLEVEL_M));
    if (code) {
      width_ = code->width;
      const auto n = static_cast<std::size_t>(width_) * static_cast<std::size_t>(width_);
      dark_.resize(n);
      for (std::size_t i = 0; i < n; ++i) dark_[i] = (code->data[i] & 1u) != 0;  // bit 0: dark module
    }
  }
  emit textChanged();
  update();
}

void QrCodeItem::paint(QPainter* painter) {
  painter->fillRect(boundingRect(), Qt::white);
  if (width_ == 0) return;
  const int side = width_ + 2 * kQuietZone;
  const qreal module = std::min(width(), height()) / side;
  const qreal x0 = (width() - module * side) / 2 + module * kQuietZone;
  const qreal y0 = (height() - module * side) / 2 + module * kQuietZone;
  painter->setPen(Qt::NoPen);
  painter->setBrush(Qt::black);
  for (int y = 0; y < width_; ++y) {
    for (int x = 0; x < width_; ++x) {
      if (dark_[static_cast<std::size_t>(y * width_ + x)]) {
        painter->drawRect(QRectF(x0 + x * module, y0 + y * module, module, module));
      }
    }
  }
}

}  // namespace varn::ui
