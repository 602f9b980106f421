#include "varn/crypto/secret_buffer.hpp"

#include <sodium.h>

#include <cstdlib>
#include <utility>

#include "varn/crypto/sodium_init.hpp"

namespace varn::crypto {

SecretBuffer::SecretBuffer(std::size_t size) : size_(size) {
  ensure_sodium();
  if (size_ == 0) return;
  // sodium_malloc: guard pages, mlock + MADV_DONTDUMP where possible, and
  // sodium_free wipes before unmapping.
  data_ = static_cast<std::uint8_t*>(sodium_malloc(size_));
  if (data_ == nullptr) std::abort();  // out of memory for a key: cannot continue safely
  sodium_memzero(data_, size_);
}

SecretBuffer::~SecretBuffer() { release(); }

SecretBuffer::SecretBuffer(SecretBuffer&& other) noexcept
    : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}

SecretBuffer& SecretBuffer::operator=(SecretBuffer&& other) noexcept {
  if (this != &other) {
    release();
    data_ = std::exchange(other.data_, nullptr);
    size_ = std::exchange(other.size_, 0);
  }
  return *this;
}

void SecretBuffer::release() {
  if (data_ != nullptr) {
    sodium_memzero(data_, size_);
    sodium_free(data_);
  }
  data_ = nullptr;
  size_ = 0;
}

SecretBuffer SecretBuffer::random(std::size_t size) {
  SecretBuffer out(size);
  if (size > 0) randombytes_buf(out.data(), size);
  return out;
}

SecretBuffer SecretBuffer::copy_of(ByteView bytes) {
  SecretBuffer out(bytes.size());
  for (std::size_t i = 0; i < bytes.size(); ++i) out.data_[i] = bytes[i];
  return out;
}

bool SecretBuffer::equals(const SecretBuffer& other) const {
  if (size_ != other.size_) return false;
  if (size_ == 0) return true;
  return sodium_memcmp(data_, other.data_, size_) == 0;
}

}  // namespace varn::crypto
