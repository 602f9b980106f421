#pragma once
//! Key material lives only here: guarded, locked (where the OS allows) and
//! wiped on destruction. Non-copyable so a key never silently multiplies.

#include <cstddef>
#include <cstdint>
#include <span>

#include "varn/util/bytes.hpp"

namespace varn::crypto {

class SecretBuffer {
 public:
  //! Zero-filled buffer of `size` bytes (size 0 is allowed and holds nothing).
  explicit SecretBuffer(std::size_t size);
  ~SecretBuffer();

  SecretBuffer(const SecretBuffer&) = delete;
  SecretBuffer& operator=(const SecretBuffer&) = delete;
  SecretBuffer(SecretBuffer&& other) noexcept;
  SecretBuffer& operator=(SecretBuffer&& other) noexcept;

  //! A buffer of `size` random bytes.
  [[nodiscard]] static SecretBuffer random(std::size_t size);
  //! Copies `bytes` in; the caller wipes its own copy.
  [[nodiscard]] static SecretBuffer copy_of(ByteView bytes);

  [[nodiscard]] std::uint8_t* data() { return data_; }
  [[nodiscard]] const std::uint8_t* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] ByteView view() const { return {data_, size_}; }
  [[nodiscard]] std::span<std::uint8_t> span() { return {data_, size_}; }

  //! Constant-time comparison (sizes must match too).
  [[nodiscard]] bool equals(const SecretBuffer& other) const;

 private:
  void release();
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace varn::crypto
