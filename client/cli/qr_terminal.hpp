#pragma once
//! A QR code drawn in a terminal with Unicode half blocks (two modules per
//! character cell), light modules drawn, so it scans on a dark terminal; a
//! quiet zone of light modules around it.

#include <string>
#include <string_view>

#include "varn/util/result.hpp"

namespace varn::cli {

//! The lines of the code for `text` (error correction M), each ending in '\n'.
[[nodiscard]] Result<std::string> render_qr(std::string_view text);

}  // namespace varn::cli
