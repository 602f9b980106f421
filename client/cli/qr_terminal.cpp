#include "qr_terminal.hpp"

#include <qrencode.h>

#include <memory>

namespace varn::cli {
namespace {

constexpr int kQuietZone = 2;  // modules of light border on every side

struct QrFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

Result<std::string> render_qr(std::string_view text) {
  const std::string owned(text);  // qrencode wants a NUL-terminated string
  std::unique_ptr<QRcode, QrFree> code(QRcode_encodeString(owned.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1));
  if (!code) return make_error(Errc::invalid_argument, "cannot encode this text as a QR code");
  const int width = code->width;
  const int side = width + 2 * kQuietZone;
  // Light (drawn) when outside the symbol or when the module's low bit is clear.
  auto light = [&](int x, int y) {
    x -= kQuietZone;
    y -= kQuietZone;
    if (x < 0 || y < 0 || x >= width || y >= width) return true;
    return (code->data[y * width + x] & 1) == 0;
  };
  std::string out;
  for (int y = 0; y < side; y += 2) {
    for (int x = 0; x < side; ++x) {
      const bool top = light(x, y);
      const bool bottom = y + 1 < side ? light(x, y + 1) : false;
      if (top && bottom) {
        out += "\u2588";  // full block
      } else if (top) {
        out += "\u2580";  // upper half
      } else if (bottom) {
        out += "\u2584";  // lower half
      } else {
        out += ' ';
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace varn::cli
