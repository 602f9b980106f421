#pragma once
//! Checked reads of JSON fields: a missing or mistyped field is an Error
//! that names the field, never an exception.

#include <nlohmann/json.hpp>
#include <string>

#include "varn/util/bytes.hpp"
#include "varn/util/result.hpp"

namespace varn::sync {

[[nodiscard]] Result<nlohmann::json> parse_json(ByteView body);
[[nodiscard]] Result<std::string> field_string(const nlohmann::json& j, const char* name);
[[nodiscard]] Result<Bytes> field_base64(const nlohmann::json& j, const char* name);
[[nodiscard]] Result<Bytes> field_hex(const nlohmann::json& j, const char* name);
//! Optional fields: the fallback when missing or of another type.
[[nodiscard]] std::string optional_string(const nlohmann::json& j, const char* name, std::string fallback = {});
[[nodiscard]] std::uint64_t optional_u64(const nlohmann::json& j, const char* name, std::uint64_t fallback = 0);
[[nodiscard]] bool optional_bool(const nlohmann::json& j, const char* name, bool fallback = false);

//! A hex id of exactly N bytes.
template <std::size_t N>
[[nodiscard]] Result<ByteArray<N>> field_id(const nlohmann::json& j, const char* name) {
  auto bytes = field_hex(j, name);
  if (!bytes) return bytes.error();
  if (bytes->size() != N) return make_error(Errc::malformed, std::string("field '") + name + "' has the wrong length");
  ByteArray<N> out{};
  std::copy(bytes->begin(), bytes->end(), out.begin());
  return out;
}

}  // namespace varn::sync
