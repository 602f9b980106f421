// Envelope seal/open and Ed25519 sign/verify through Värn's wrappers, each as
// a ratio of the same work done with raw libsodium calls in the same run.
#include <sodium.h>

#include "bench_timer.hpp"
#include "varn/crypto/random.hpp"
#include "varn/crypto/sign.hpp"
#include "varn/wire/envelope.hpp"
#include "varn/wire/padding.hpp"

namespace varn::bench {

void run_crypto_bench() {
  int failures = 0;  // also keeps the compiler from dropping the work
  auto author = crypto::SigningKeyPair::generate();
  auto key = crypto::SecretBuffer::random(32);
  const std::string note(600, 'n');  // a typical note: lands in the 1 KiB bucket
  wire::SealParams params;
  params.unit = crypto::random_array<16>();
  params.epoch = 1;
  params.seq = 1;
  params.id = crypto::random_array<16>();

  // Raw libsodium doing the same work as a seal: encrypt a 1 KiB bucket, hash, sign.
  Bytes padded(1024, 0), ct(1024 + 16), header(124, 0);
  ByteArray<24> nonce{};
  ByteArray<32> digest{};
  ByteArray<64> sig{};
  const double raw_seal = ops_per_second([&] {
    randombytes_buf(nonce.data(), nonce.size());
    crypto_aead_xchacha20poly1305_ietf_encrypt(ct.data(), nullptr, padded.data(), padded.size(), header.data(),
                                               header.size(), nullptr, nonce.data(), key.data());
    crypto_generichash(digest.data(), digest.size(), ct.data(), ct.size(), nullptr, 0);
    crypto_sign_detached(sig.data(), nullptr, digest.data(), digest.size(), author.secret_key().data());
  });
  Bytes sealed;
  const double ours_seal = ops_per_second([&] { sealed = *wire::seal_envelope(params, key, author, as_bytes(note)); });
  report("seal", ours_seal, raw_seal, "raw libsodium");

  Bytes opened(1024);
  const double raw_open = ops_per_second([&] {
    crypto_generichash(digest.data(), digest.size(), ct.data(), ct.size(), nullptr, 0);
    failures += crypto_sign_verify_detached(sig.data(), digest.data(), digest.size(), author.public_key().data());
    failures += crypto_aead_xchacha20poly1305_ietf_decrypt(opened.data(), nullptr, nullptr, ct.data(), ct.size(),
                                                     header.data(), header.size(), nonce.data(), key.data());
  });
  const double ours_open = ops_per_second([&] {
    auto env = wire::decode_envelope(sealed);
    failures += wire::open_envelope(*env, author.public_key(), key).ok() ? 0 : 1;
  });
  report("open", ours_open, raw_open, "raw libsodium");

  const double raw_sign = ops_per_second(
      [&] { crypto_sign_detached(sig.data(), nullptr, digest.data(), digest.size(), author.secret_key().data()); });
  const double ours_sign = ops_per_second([&] { sig = author.sign(digest); });
  report("sign", ours_sign, raw_sign, "raw libsodium");

  const double raw_verify = ops_per_second([&] {
    failures += crypto_sign_verify_detached(sig.data(), digest.data(), digest.size(), author.public_key().data());
  });
  const double ours_verify = ops_per_second([&] { failures += crypto::verify_signature(author.public_key(), digest, sig).ok() ? 0 : 1; });
  report("verify", ours_verify, raw_verify, "raw libsodium");
  if (failures != 0) std::printf("warning: %d operations failed during the crypto bench\n", failures);
}

}  // namespace varn::bench
