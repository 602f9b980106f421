#include "varn/registry/pairing.hpp"

#include <cctype>

#include "varn/crypto/random.hpp"

namespace varn::registry {
namespace {

constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford

int symbol_value(char c) {
  c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (c == 'I' || c == 'L') c = '1';
  if (c == 'O') c = '0';
  const auto at = kAlphabet.find(c);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}

// Two check symbols (10 bits of a hash of the secret): a secret typed wrong
// is caught on the admin's device before it signs an approval the new
// device would refuse.
std::string check_symbols(const PairingSecret& secret) {
  const auto h = crypto::labelled_hash("varn/pairing-check/v1", {secret});
  const unsigned bits = (static_cast<unsigned>(h[0]) << 2) | (static_cast<unsigned>(h[1]) >> 6);
  return {kAlphabet[(bits >> 5) & 31u], kAlphabet[bits & 31u]};
}

constexpr std::string_view kShape = "the pairing code is 18 letters and digits, as the new device shows it";

}  // namespace

PairingSecret new_pairing_secret() { return crypto::random_array<kPairingSecretBytes>(); }

std::string pairing_text(const PairingSecret& secret) {
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  int symbols = 0;
  for (std::uint8_t byte : secret) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      if (symbols > 0 && symbols % 4 == 0) out.push_back('-');
      out.push_back(kAlphabet[(buffer >> bits) & 31u]);
      ++symbols;
    }
  }
  return out + "-" + check_symbols(secret);  // 80 bits are exactly 16 symbols
}

Result<PairingSecret> parse_pairing(std::string_view text) {
  std::string symbols;
  for (char c : text) {
    if (c == '-' || c == ' ') continue;
    const int v = symbol_value(c);
    if (v < 0) return make_error(Errc::invalid_argument, std::string(kShape));
    symbols.push_back(kAlphabet[static_cast<std::size_t>(v)]);
  }
  if (symbols.size() != 18) return make_error(Errc::invalid_argument, std::string(kShape));
  PairingSecret out{};
  unsigned buffer = 0;
  int bits = 0;
  std::size_t filled = 0;
  for (std::size_t i = 0; i < 16; ++i) {
    buffer = (buffer << 5) | static_cast<unsigned>(kAlphabet.find(symbols[i]));
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[filled++] = static_cast<std::uint8_t>((buffer >> bits) & 0xffu);
    }
  }
  if (symbols.substr(16) != check_symbols(out)) {
    return make_error(Errc::invalid_argument, "the pairing code does not check out: a character was typed wrong");
  }
  return out;
}

crypto::Hash32 pairing_mac(const PairingSecret& secret, const Entry& entry) {
  Entry unproven = entry;
  unproven.pairing_mac = {};
  const Bytes part = unproven.signed_part();
  // The keyed hash takes 16+ byte keys: stretch the 10-byte secret first.
  const crypto::Hash32 key = crypto::labelled_hash("varn/pairing-key/v1", {secret});
  return crypto::keyed_hash(key, "varn/enrol-pairing/v1", {part});
}

Result<RegistryState> admin_proven_by_pairing(const std::vector<Entry>& chain, const crypto::DevicePublicBundle& me,
                                              const PairingSecret& secret) {
  if (chain.empty()) return make_error(Errc::not_found, "the unit has no registry yet");
  auto state = verify_chain(chain, chain.front().bundle.sign_key);
  if (!state) return state.error();
  for (const Entry& e : chain) {
    if (e.kind != EntryKind::enrol || e.subject != me.device_id() || e.index == 0) continue;
    if (e.bundle == me && crypto::hashes_equal(pairing_mac(secret, e), e.pairing_mac)) return state;
    return make_error(Errc::forbidden, "an admin enrolled this device without the pairing secret it showed");
  }
  return make_error(Errc::not_found, "the unit's registry does not enrol this device yet");
}

std::string unit_safety_code(const wire::UnitId& unit, const crypto::SignPublicKey& root) {
  const auto h = crypto::labelled_hash("varn/unit-safety-code/v1", {unit, root});
  std::string out;
  for (int group = 0; group < 4; ++group) {
    std::uint64_t v = 0;
    for (int i = 0; i < 5; ++i) v = (v << 8) | h[static_cast<std::size_t>(group * 5 + i)];
    std::string digits = std::to_string(v % 100000);
    digits.insert(0, 5 - digits.size(), '0');
    if (group > 0) out.push_back(' ');
    out += digits;
  }
  return out;
}

}  // namespace varn::registry
