#include "varn/sync/json_fields.hpp"

namespace varn::sync {

Result<nlohmann::json> parse_json(ByteView body) {
  auto j = nlohmann::json::parse(body.begin(), body.end(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error(Errc::malformed, "body is not valid JSON");
  if (!j.is_object()) return make_error(Errc::malformed, "body is not a JSON object");
  return j;
}

Result<std::string> field_string(const nlohmann::json& j, const char* name) {
  if (!j.is_object() || !j.contains(name) || !j[name].is_string()) {
    return make_error(Errc::malformed, std::string("field '") + name + "' is missing or not a string");
  }
  return j[name].get<std::string>();
}

Result<Bytes> field_base64(const nlohmann::json& j, const char* name) {
  auto text = field_string(j, name);
  if (!text) return text.error();
  auto bytes = from_base64(*text);
  if (!bytes) return make_error(Errc::malformed, std::string("field '") + name + "' is not base64");
  return *bytes;
}

Result<Bytes> field_hex(const nlohmann::json& j, const char* name) {
  auto text = field_string(j, name);
  if (!text) return text.error();
  auto bytes = from_hex(*text);
  if (!bytes) return make_error(Errc::malformed, std::string("field '") + name + "' is not hex");
  return *bytes;
}

std::string optional_string(const nlohmann::json& j, const char* name, std::string fallback) {
  if (j.is_object() && j.contains(name) && j[name].is_string()) return j[name].get<std::string>();
  return fallback;
}

std::uint64_t optional_u64(const nlohmann::json& j, const char* name, std::uint64_t fallback) {
  if (j.is_object() && j.contains(name) && j[name].is_number_unsigned()) return j[name].get<std::uint64_t>();
  return fallback;
}

bool optional_bool(const nlohmann::json& j, const char* name, bool fallback) {
  if (j.is_object() && j.contains(name) && j[name].is_boolean()) return j[name].get<bool>();
  return fallback;
}

}  // namespace varn::sync
