#pragma once
//! Where varn-cli gets a passphrase: the environment (scripts and tests) or
//! a no-echo prompt on the controlling terminal. Never from an argument,
//! where `ps` and shell history would show it.

#include <string>
#include <string_view>

#include "varn/util/result.hpp"

namespace varn::cli {

inline constexpr const char* kPassphraseEnv = "VARN_PASSPHRASE";
inline constexpr const char* kNewPassphraseEnv = "VARN_NEW_PASSPHRASE";

//! Holds a passphrase and wipes it when it goes.
class Passphrase {
 public:
  Passphrase() = default;
  explicit Passphrase(std::string text) : text_(std::move(text)) {}
  ~Passphrase();
  Passphrase(Passphrase&& other) noexcept;
  Passphrase& operator=(Passphrase&& other) noexcept;
  Passphrase(const Passphrase&) = delete;
  Passphrase& operator=(const Passphrase&) = delete;

  [[nodiscard]] std::string_view view() const { return text_; }
  [[nodiscard]] bool empty() const { return text_.empty(); }

 private:
  void wipe();
  std::string text_;
};

//! The passphrase of an existing store: `env_var` when set, else one prompt.
[[nodiscard]] Result<Passphrase> read_passphrase(const char* env_var, std::string_view prompt);
//! A new passphrase: `env_var` when set, else a prompt asked twice that must match.
[[nodiscard]] Result<Passphrase> read_new_passphrase(const char* env_var, std::string_view prompt);

}  // namespace varn::cli
