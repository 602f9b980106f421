#include "varn/server/tls_identity.hpp"

#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include "varn/util/bytes.hpp"

namespace varn::server {
namespace {

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using PKeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;

Error tls_error(const std::string& what) { return make_error(Errc::crypto_failure, "tls: " + what); }

bool add_extension(X509* cert, int nid, const char* value) {
  X509V3_CTX v3{};
  X509V3_set_ctx(&v3, cert, cert, nullptr, nullptr, 0);
  X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &v3, nid, value);
  if (!ext) return false;
  const bool ok = X509_add_ext(cert, ext, -1) == 1;
  X509_EXTENSION_free(ext);
  return ok;
}

Result<X509Ptr> make_certificate(EVP_PKEY* key) {
  X509Ptr cert(X509_new());
  if (!cert) return tls_error("X509_new");
  ByteArray<16> serial{};
  if (RAND_bytes(serial.data(), static_cast<int>(serial.size())) != 1) return tls_error("serial");
  serial[0] &= 0x7f;
  BIGNUM* bn = BN_bin2bn(serial.data(), static_cast<int>(serial.size()), nullptr);
  const bool serial_ok = bn && BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_NAME* name = X509_get_subject_name(cert.get());
  const auto* cn = reinterpret_cast<const unsigned char*>("varn-server");
  if (!serial_ok || X509_set_version(cert.get(), 2) != 1 ||
      !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
      !X509_gmtime_adj(X509_getm_notAfter(cert.get()), 10L * 365 * 24 * 3600) ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, cn, -1, -1, 0) != 1 ||
      X509_set_issuer_name(cert.get(), name) != 1 || X509_set_pubkey(cert.get(), key) != 1 ||
      !add_extension(cert.get(), NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1") ||
      !add_extension(cert.get(), NID_basic_constraints, "critical,CA:FALSE") ||
      X509_sign(cert.get(), key, EVP_sha256()) == 0) {
    return tls_error("building the self-signed certificate");
  }
  return cert;
}

//! Opens a new file with the given mode (never replacing one) as a FILE*.
Result<std::FILE*> create_file(const std::filesystem::path& path, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
  if (fd < 0) return make_error(Errc::io_error, "cannot create " + path.filename().string());
  std::FILE* f = ::fdopen(fd, "w");
  if (!f) {
    ::close(fd);
    return make_error(Errc::io_error, "fdopen");
  }
  return f;
}

Result<void> write_pem(const std::filesystem::path& path, mode_t mode, auto write) {
  auto f = create_file(path, mode);
  if (!f) return f.error();
  const bool ok = write(*f);
  const bool synced = std::fflush(*f) == 0 && ::fsync(::fileno(*f)) == 0;
  if (std::fclose(*f) != 0 || !ok || !synced) return make_error(Errc::io_error, "writing " + path.filename().string());
  return {};
}

}  // namespace

Result<TlsFiles> ensure_self_signed(const std::filesystem::path& data_dir) {
  TlsFiles files{data_dir / "cert.pem", data_dir / "key.pem"};
  if (std::filesystem::exists(files.cert) && std::filesystem::exists(files.key)) return files;
  std::error_code ec;
  std::filesystem::remove(files.cert, ec);
  std::filesystem::remove(files.key, ec);
  PKeyPtr key(EVP_EC_gen("P-256"));
  if (!key) return tls_error("P-256 key generation");
  auto cert = make_certificate(key.get());
  if (!cert) return cert.error();
  auto k = write_pem(files.key, 0600, [&](std::FILE* f) {
    return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr) == 1;
  });
  if (!k) return k.error();
  // Public, but nobody else needs to read it from here: every file is 0600.
  auto c = write_pem(files.cert, 0600, [&](std::FILE* f) { return PEM_write_X509(f, cert->get()) == 1; });
  if (!c) return c.error();
  return files;
}

Result<std::string> certificate_sha256(const std::filesystem::path& cert_pem) {
  std::FILE* f = std::fopen(cert_pem.c_str(), "r");
  if (!f) return make_error(Errc::io_error, "cannot read the certificate");
  X509Ptr cert(PEM_read_X509(f, nullptr, nullptr, nullptr));
  std::fclose(f);
  if (!cert) return tls_error("the certificate is not PEM");
  ByteArray<32> digest{};
  unsigned int size = 0;
  if (X509_digest(cert.get(), EVP_sha256(), digest.data(), &size) != 1 || size != digest.size()) {
    return tls_error("certificate digest");
  }
  return to_hex(digest);
}

Result<void> configure_tls(boost::asio::ssl::context& ctx, const TlsFiles& files) {
  boost::system::error_code ec;
  ctx.set_options(boost::asio::ssl::context::default_workarounds | boost::asio::ssl::context::no_sslv2 |
                      boost::asio::ssl::context::no_sslv3 | boost::asio::ssl::context::no_tlsv1 |
                      boost::asio::ssl::context::no_tlsv1_1 | boost::asio::ssl::context::single_dh_use,
                  ec);
  if (ec) return tls_error("options");
  ctx.use_certificate_chain_file(files.cert.string(), ec);
  if (ec) return tls_error("cannot load the certificate: " + ec.message());
  ctx.use_private_key_file(files.key.string(), boost::asio::ssl::context::pem, ec);
  if (ec) return tls_error("cannot load the key: " + ec.message());
  return {};
}

}  // namespace varn::server
