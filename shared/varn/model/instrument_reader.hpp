#pragma once
//! Internal to the instrument loader: reads a JSON tree and keeps the first
//! error with the path of the field it is about ("sections[1].questions[0].kind").
//! Not part of the model's contract.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "varn/util/result.hpp"

namespace varn::model::detail {

using Json = nlohmann::json;

[[nodiscard]] std::string join_path(const std::string& parent, std::string_view key);
[[nodiscard]] std::string index_path(const std::string& parent, std::string_view key, std::size_t index);

class JsonReader {
 public:
  [[nodiscard]] bool failed() const { return error_.has_value(); }
  [[nodiscard]] Error error() const { return *error_; }
  //! Records `path: what` unless an earlier error is already recorded.
  void fail(const std::string& path, std::string_view what, Errc code = Errc::malformed);

  //! obj[key] or nullptr; records "is required" when required and absent.
  const Json* member(const Json& obj, const std::string& path, std::string_view key, bool required);
  //! A required string of 1..max_bytes bytes (or "" after an error).
  std::string text(const Json& obj, const std::string& path, std::string_view key, std::size_t max_bytes);
  //! A required identifier: 1..64 of [A-Za-z0-9_.-].
  std::string identifier(const Json& obj, const std::string& path, std::string_view key);
  //! A required whole number in [lo, hi] (or lo after an error).
  int integer(const Json& obj, const std::string& path, std::string_view key, int lo, int hi);
  //! A required non-empty array of at most max_items entries (or nullptr).
  const Json* array(const Json& obj, const std::string& path, std::string_view key, std::size_t max_items);
  //! Records the first key of obj that is not in `allowed`.
  void only_keys(const Json& obj, const std::string& path, std::initializer_list<std::string_view> allowed,
                 std::string_view why = "is not a known key here");
  //! Records an error unless j is an object.
  bool require_object(const Json& j, const std::string& path);

 private:
  std::optional<Error> error_;
};

}  // namespace varn::model::detail
