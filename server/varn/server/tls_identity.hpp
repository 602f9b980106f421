#pragma once
//! The server's TLS certificate: a self-signed P-256 certificate made at
//! first start in the data directory (key.pem 0600), or one given by flag.
//! Clients may pin the SHA-256 of its DER encoding.

#include <boost/asio/ssl/context.hpp>
#include <filesystem>
#include <string>

#include "varn/util/result.hpp"

namespace varn::server {

struct TlsFiles {
  std::filesystem::path cert;
  std::filesystem::path key;
};

//! Makes cert.pem + key.pem in `data_dir` unless both exist already.
Result<TlsFiles> ensure_self_signed(const std::filesystem::path& data_dir);
//! SHA-256 over the certificate's DER, lowercase hex.
Result<std::string> certificate_sha256(const std::filesystem::path& cert_pem);
//! A TLS 1.2+ server context with the certificate and key loaded.
Result<void> configure_tls(boost::asio::ssl::context& ctx, const TlsFiles& files);

}  // namespace varn::server
