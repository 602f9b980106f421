#include "varn/registry/recovery_key.hpp"

#include <sodium.h>

#include <cctype>

#include "varn/crypto/hash.hpp"

namespace varn::registry {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
constexpr std::size_t kSeedSymbols = 26;   // 130 bits hold the 128 of the seed
constexpr std::size_t kCheckSymbols = 4;   // 20 bits: a typo slips through once in a million
constexpr std::size_t kGroup = 5;
constexpr char kKdfContext[crypto_kdf_CONTEXTBYTES + 1] = "varnrcvr";

constexpr std::string_view kShape = "the recovery code is 30 letters and digits in six groups of five, as printed";

int symbol_value(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c == 'I' || c == 'L') c = '1';
  if (c == 'O') c = '0';
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

std::string check_symbols(ByteView seed) {
  const auto h = crypto::labelled_hash("varn/recovery-check/v1", {seed});
  const unsigned bits = (static_cast<unsigned>(h[0]) << 12) | (static_cast<unsigned>(h[1]) << 4) |
                        (static_cast<unsigned>(h[2]) >> 4);
  std::string out;
  for (int i = static_cast<int>(kCheckSymbols) - 1; i >= 0; --i) out.push_back(kAlphabet[(bits >> (5 * i)) & 31u]);
  return out;
}

}  // namespace

RecoveryKey RecoveryKey::generate() {
  auto made = from_seed(crypto::SecretBuffer::random(kRecoverySeedBytes));
  // Derivation from a fresh 16-byte seed cannot fail: a failure is a broken libsodium.
  if (!made) std::abort();
  return std::move(made).value();
}

Result<RecoveryKey> RecoveryKey::from_seed(crypto::SecretBuffer seed) {
  // A 32-byte master key for crypto_kdf, then one subkey per use, so the
  // signing and the box key share nothing but their origin.
  crypto::SecretBuffer master(crypto_kdf_KEYBYTES);
  constexpr std::string_view label = "varn/recovery-master/v1";
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, master.size());
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(label.data()), label.size());
  const unsigned char nul = 0;
  crypto_generichash_update(&st, &nul, 1);
  crypto_generichash_update(&st, seed.data(), seed.size());
  crypto_generichash_final(&st, master.data(), master.size());
  sodium_memzero(&st, sizeof st);
  crypto::SecretBuffer sign_seed(crypto::kSignSeedBytes);
  crypto::SecretBuffer box_secret(crypto::kBoxSecretKeyBytes);
  if (crypto_kdf_derive_from_key(sign_seed.data(), sign_seed.size(), 1, kKdfContext, master.data()) != 0 ||
      crypto_kdf_derive_from_key(box_secret.data(), box_secret.size(), 2, kKdfContext, master.data()) != 0) {
    return make_error(Errc::crypto_failure, "recovery key derivation failed");
  }
  auto signing = crypto::SigningKeyPair::from_seed(sign_seed.view());
  if (!signing) return signing.error();
  auto box = crypto::BoxKeyPair::from_secret_key(box_secret.view());
  if (!box) return box.error();
  return RecoveryKey(std::move(seed), std::move(signing).value(), std::move(box).value());
}

Result<RecoveryKey> RecoveryKey::from_code(std::string_view text) {
  std::string symbols;
  for (char c : text) {
    // Read from a terminal or pasted, a code may come with a line end or tabs.
    if (c == '-' || std::isspace(static_cast<unsigned char>(c)) != 0) continue;
    const int v = symbol_value(c);
    if (v < 0) return make_error(Errc::invalid_argument, std::string(kShape) + ": '" + std::string(1, c) + "' is not one of them");
    symbols.push_back(kAlphabet[static_cast<std::size_t>(v)]);
  }
  if (symbols.size() != kSeedSymbols + kCheckSymbols) return make_error(Errc::invalid_argument, std::string(kShape));
  crypto::SecretBuffer seed(kRecoverySeedBytes);
  unsigned buffer = 0;
  int bits = 0;
  std::size_t filled = 0;
  for (std::size_t i = 0; i < kSeedSymbols; ++i) {
    buffer = ((buffer << 5) | static_cast<unsigned>(kAlphabet.find(symbols[i]))) & 0xfffu;
    bits += 5;
    if (bits >= 8 && filled < kRecoverySeedBytes) {
      bits -= 8;
      seed.data()[filled++] = static_cast<std::uint8_t>((buffer >> bits) & 0xffu);
    }
  }
  const bool padding_clear = (buffer & ((1u << bits) - 1u)) == 0;
  sodium_memzero(&buffer, sizeof buffer);
  std::string check = check_symbols(seed.view());
  const bool checks = padding_clear && symbols.compare(kSeedSymbols, kCheckSymbols, check) == 0;
  sodium_memzero(symbols.data(), symbols.size());
  if (!checks) {
    return make_error(Errc::invalid_argument, "the recovery code does not check out: a character was typed wrong");
  }
  return from_seed(std::move(seed));
}

std::string RecoveryKey::code() const {
  std::string symbols;
  unsigned buffer = 0;
  int bits = 0;
  for (std::size_t i = 0; i < seed_.size(); ++i) {
    buffer = ((buffer << 8) | seed_.data()[i]) & 0xfffu;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      symbols.push_back(kAlphabet[(buffer >> bits) & 31u]);
    }
  }
  symbols.push_back(kAlphabet[(buffer << (5 - bits)) & 31u]);  // the last 3 bits, padded with zeros
  sodium_memzero(&buffer, sizeof buffer);
  symbols += check_symbols(seed_.view());
  std::string out;
  for (std::size_t i = 0; i < symbols.size(); ++i) {
    if (i > 0 && i % kGroup == 0) out.push_back('-');
    out.push_back(symbols[i]);
  }
  sodium_memzero(symbols.data(), symbols.size());
  return out;
}

crypto::DevicePublicBundle RecoveryKey::public_bundle() const {
  crypto::DevicePublicBundle b;
  b.sign_key = signing_.public_key();
  b.box_key = box_.public_key();
  return b;
}

crypto::Hash32 recovery_read_digest(const wire::UnitId& unit, const crypto::DeviceId& device) {
  return crypto::labelled_hash("varn/recovery-read/v1", {unit, device});
}

}  // namespace varn::registry
