#include "varn/server/init_unit.hpp"

#include <cstdio>

#include "varn/crypto/random.hpp"
#include "varn/server/codes.hpp"
#include "varn/server/log.hpp"
#include "varn/server/server_key.hpp"
#include "varn/server/storage_open.hpp"
#include "varn/server/tls_identity.hpp"

namespace varn::server {

int init_unit(const std::filesystem::path& data_dir, const std::string& unit_name, const std::string& storage_uri) {
  auto fail = [](const Error& e) {
    std::fprintf(stderr, "varn-server init: %s\n", e.message.c_str());
    return 1;
  };
  if (unit_name.empty()) return fail(make_error(Errc::invalid_argument, "--unit must not be empty"));
  if (auto d = prepare_data_dir(data_dir); !d) return fail(d.error());
  auto tls = ensure_self_signed(data_dir);
  if (!tls) return fail(tls.error());
  auto fingerprint = certificate_sha256(tls->cert);
  if (!fingerprint) return fail(fingerprint.error());
  auto server_key = load_or_create_server_key(data_dir);
  if (!server_key) return fail(server_key.error());
  if (auto secret = load_or_create_session_secret(data_dir); !secret) return fail(secret.error());
  auto opened = open_storage(storage_uri, data_dir, false);
  if (!opened) return fail(opened.error());
  auto& storage = opened->storage;
  const auto unit = crypto::random_array<16>();
  const std::string code = random_code(3);
  if (auto made = storage->create_unit(unit, unit_name, unit_code_hash(code)); !made) return fail(made.error());
  storage->close();
  log_event("unit_created", {{"unit", to_hex(unit)}});
  std::printf("unit: %s\ncode: %s\ncert-sha256: %s\nserver-key: %s\n", to_hex(unit).c_str(), code.c_str(),
              fingerprint->c_str(), to_hex(server_key->public_key()).c_str());
  std::fflush(stdout);
  return 0;
}

}  // namespace varn::server
