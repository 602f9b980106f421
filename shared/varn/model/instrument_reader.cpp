#include "varn/model/instrument_reader.hpp"

#include <algorithm>
#include <cstdint>

namespace varn::model::detail {
namespace {

bool is_id_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

}  // namespace

std::string join_path(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

std::string index_path(const std::string& parent, std::string_view key, std::size_t index) {
  return join_path(parent, key) + "[" + std::to_string(index) + "]";
}

void JsonReader::fail(const std::string& path, std::string_view what, Errc code) {
  if (!error_) error_ = make_error(code, (path.empty() ? std::string("(document)") : path) + ": " + std::string(what));
}

bool JsonReader::require_object(const Json& j, const std::string& path) {
  if (j.is_object()) return true;
  fail(path, "must be a JSON object");
  return false;
}

const Json* JsonReader::member(const Json& obj, const std::string& path, std::string_view key, bool required) {
  if (!obj.is_object()) return nullptr;
  const auto it = obj.find(std::string(key));
  if (it == obj.end()) {
    if (required) fail(join_path(path, key), "is required");
    return nullptr;
  }
  return &*it;
}

std::string JsonReader::text(const Json& obj, const std::string& path, std::string_view key, std::size_t max_bytes) {
  const Json* j = member(obj, path, key, true);
  if (j == nullptr) return {};
  if (!j->is_string()) {
    fail(join_path(path, key), "must be a string");
    return {};
  }
  const auto& s = j->get_ref<const std::string&>();
  if (s.empty() || s.size() > max_bytes) {
    fail(join_path(path, key), "must be 1 to " + std::to_string(max_bytes) + " bytes long");
    return {};
  }
  return s;
}

std::string JsonReader::identifier(const Json& obj, const std::string& path, std::string_view key) {
  std::string s = text(obj, path, key, 64);
  if (!std::all_of(s.begin(), s.end(), is_id_char)) {
    fail(join_path(path, key), "may hold only A-Z a-z 0-9 _ . -");
    return {};
  }
  return s;
}

int JsonReader::integer(const Json& obj, const std::string& path, std::string_view key, int lo, int hi) {
  const Json* j = member(obj, path, key, true);
  if (j == nullptr) return lo;
  const std::string where = join_path(path, key);
  const std::string range = "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi);
  if (!j->is_number_integer()) {
    fail(where, range);
    return lo;
  }
  // Non-negative JSON numbers are stored unsigned and may exceed int64.
  std::int64_t v = 0;
  if (j->is_number_unsigned()) {
    const auto u = j->get<std::uint64_t>();
    v = (hi < 0 || u > static_cast<std::uint64_t>(hi)) ? std::int64_t{hi} + 1 : static_cast<std::int64_t>(u);
  } else {
    v = j->get<std::int64_t>();
  }
  if (v < lo || v > hi) {
    fail(where, range);
    return lo;
  }
  return static_cast<int>(v);
}

const Json* JsonReader::array(const Json& obj, const std::string& path, std::string_view key,
                              std::size_t max_items) {
  const Json* j = member(obj, path, key, true);
  if (j == nullptr) return nullptr;
  if (!j->is_array() || j->empty() || j->size() > max_items) {
    fail(join_path(path, key), "must be a list of 1 to " + std::to_string(max_items) + " entries");
    return nullptr;
  }
  return j;
}

void JsonReader::only_keys(const Json& obj, const std::string& path, std::initializer_list<std::string_view> allowed,
                           std::string_view why) {
  if (!obj.is_object()) return;
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    if (std::find(allowed.begin(), allowed.end(), it.key()) == allowed.end()) {
      fail(join_path(path, it.key()), why);
      return;
    }
  }
}

}  // namespace varn::model::detail
