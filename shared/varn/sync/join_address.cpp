#include "varn/sync/join_address.hpp"

#include "varn/util/bytes.hpp"

namespace varn::sync {

Result<std::string> normalise_unit_hint(std::string_view hint) {
  if (hint.size() < kUnitHintMin || hint.size() > kUnitHintMax) {
    return make_error(Errc::invalid_argument, "the unit part of the address must be 8 to 32 hex characters");
  }
  std::string out;
  out.reserve(hint.size());
  for (const char c : hint) {
    const char lower = (c >= 'A' && c <= 'F') ? static_cast<char>(c - 'A' + 'a') : c;
    if (!((lower >= '0' && lower <= '9') || (lower >= 'a' && lower <= 'f'))) {
      return make_error(Errc::invalid_argument, "the unit part of the address must be hex characters only");
    }
    out.push_back(lower);
  }
  return out;
}

Result<JoinAddress> parse_join_address(std::string_view text) {
  while (!text.empty() && (text.back() == '/' || text.back() == ' ')) text.remove_suffix(1);
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  const auto scheme = text.find("://");
  const auto path = scheme == std::string_view::npos ? std::string_view::npos : text.find('/', scheme + 3);
  if (path == std::string_view::npos) return JoinAddress{std::string(text), {}};
  auto hint = normalise_unit_hint(text.substr(path + 1));
  if (!hint) return hint.error();
  return JoinAddress{std::string(text.substr(0, path)), std::move(*hint)};
}

std::string join_address(std::string_view server_url, const wire::UnitId& unit) {
  while (!server_url.empty() && server_url.back() == '/') server_url.remove_suffix(1);
  return std::string(server_url) + "/" + to_hex(unit).substr(0, kUnitHintShown);
}

bool hint_names(std::string_view hint, const wire::UnitId& unit) {
  return hint.size() >= kUnitHintMin && to_hex(unit).compare(0, hint.size(), hint) == 0;
}

}  // namespace varn::sync
