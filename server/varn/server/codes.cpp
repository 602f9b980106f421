#include "varn/server/codes.hpp"

#include "varn/crypto/random.hpp"

namespace varn::server {
namespace {
constexpr std::string_view kAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
}  // namespace

std::string random_code(std::size_t groups) {
  std::string out;
  for (std::size_t g = 0; g < groups; ++g) {
    if (g > 0) out += '-';
    for (int i = 0; i < 4; ++i) {
      out += kAlphabet[crypto::random_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
    }
  }
  return out;
}

std::string normalise_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') continue;
    out += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  }
  return out;
}

crypto::Hash32 unit_code_hash(std::string_view code) {
  return crypto::labelled_hash("varn/unit-code/v1", {as_bytes(normalise_code(code))});
}

}  // namespace varn::server
