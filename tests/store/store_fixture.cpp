#include "store_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "varn/crypto/random.hpp"

namespace varn::test {

ScratchDir::ScratchDir() {
  const char* tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp != nullptr ? tmp : "/tmp") + "/varn-store-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) FAIL("mkdtemp failed");
  path_ = pattern;
}

ScratchDir::~ScratchDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

store::CreateOptions fast_options(std::optional<int> wipe_after) {
  store::CreateOptions options;
  options.kdf = crypto::KdfParams::with_new_salt(crypto::kKdfMinOpsLimit, crypto::kKdfMinMemLimit);
  options.wipe_after_failed_unlocks = wipe_after;
  return options;
}

std::optional<Bytes> file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::unique_ptr<store::LocalStore> make_store(const std::string& path, const std::string& passphrase) {
  auto created = store::LocalStore::create(path, passphrase, fast_options());
  if (!created) FAIL("create failed: " << created.error().message);
  return std::move(created).value();
}

bool contains(const Bytes& haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

sync::ReceivedChangeSet received(const crypto::DeviceId& author, const std::vector<model::Op>& ops,
                                 std::uint64_t server_seq, wire::ChangeSetClass change_class) {
  sync::ReceivedChangeSet r;
  r.server_seq = server_seq;
  r.id = crypto::random_array<16>();
  r.author = author;
  r.change_class = change_class;
  r.role = change_class == wire::ChangeSetClass::review ? registry::Role::reviewer : registry::Role::worker;
  r.plaintext = model::encode_ops(ops);
  static std::uint64_t next_author_seq = 0;  // unique across the run: no test author forks by accident
  r.author_seq = ++next_author_seq;
  const std::string envelope = "envelope " + std::to_string(server_seq);
  r.envelope.assign(envelope.begin(), envelope.end());
  return r;
}

}  // namespace varn::test
