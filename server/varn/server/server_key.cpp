#include "varn/server/server_key.hpp"

#include "varn/server/secret_file.hpp"
#include "varn/server/sessions.hpp"

namespace varn::server {

Result<crypto::SigningKeyPair> load_or_create_server_key(const std::filesystem::path& data_dir) {
  // The file holds only the 32-byte seed.
  auto seed = load_or_create_secret_file(data_dir / "server_key.bin", crypto::kSignSeedBytes);
  if (!seed) return seed.error();
  return crypto::SigningKeyPair::from_seed(seed->view());
}

Result<crypto::SecretBuffer> load_or_create_session_secret(const std::filesystem::path& data_dir) {
  return load_or_create_secret_file(data_dir / "session_key.bin", Sessions::kSecretBytes);
}

}  // namespace varn::server
