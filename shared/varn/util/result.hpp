#pragma once
//! One error channel for the core: a value or an Error, never an exception.

#include <cstdlib>
#include <string>
#include <utility>
#include <variant>

namespace varn {

//! Stable error kinds; callers branch on these, people read the message.
enum class Errc {
  invalid_argument,
  malformed,
  truncated,
  unsupported_version,
  bad_signature,
  decrypt_failed,
  wrong_passphrase,
  weak_parameters,
  low_order_key,
  out_of_memory,
  crypto_failure,
  not_found,
  conflict,
  forbidden,
  io_error,
  corrupt,
  rollback,
  locked,
  unavailable,
  revoked,      // the server says this device is revoked and must wipe
  server_full,  // the server takes no more from this device or unit for now (507)
};

//! What went wrong, with a one-line message that never holds secrets.
struct Error {
  Errc code;
  std::string message;
};

[[nodiscard]] inline Error make_error(Errc code, std::string message) {
  return Error{code, std::move(message)};
}

//! A value or an Error. Reading the wrong side is a programming error and aborts.
template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT: implicit by design

  [[nodiscard]] bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { check(true); return std::get<0>(v_); }
  const T& value() const& { check(true); return std::get<0>(v_); }
  T&& value() && { check(true); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { check(false); return std::get<1>(v_); }

 private:
  void check(bool want_value) const {
    if (ok() != want_value) std::abort();
  }
  std::variant<T, Error> v_;
};

//! Success with nothing to return, or an Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)), failed_(true) {}  // NOLINT

  [[nodiscard]] bool ok() const { return !failed_; }
  explicit operator bool() const { return ok(); }
  const Error& error() const {
    if (!failed_) std::abort();
    return error_;
  }

 private:
  Error error_{Errc::invalid_argument, {}};
  bool failed_ = false;
};

}  // namespace varn
