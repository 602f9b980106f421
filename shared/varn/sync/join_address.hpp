#pragma once
//! The address an admin gives a new tablet: the server's URL and, after a
//! slash, the start of the unit's id ("https://host:8443/16d01a95"). The
//! unit part only decides which admins see the waiting request listed; it
//! proves nothing, so approval still compares the fingerprint and the
//! pairing secret. One rule for the app, varn-cli and the server.

#include <string>
#include <string_view>

#include "varn/util/result.hpp"
#include "varn/wire/envelope.hpp"

namespace varn::sync {

inline constexpr std::size_t kUnitHintMin = 8;   //!< hex characters a join address carries at least
inline constexpr std::size_t kUnitHintMax = 32;  //!< a whole 16-byte unit id
inline constexpr std::size_t kUnitHintShown = 8; //!< what join_address() writes

struct JoinAddress {
  std::string server_url;  //!< scheme, host and port, no trailing slash
  std::string unit_hint;   //!< lowercase hex, or "" when the address names no unit
};

//! Lowercase hex of kUnitHintMin..kUnitHintMax characters; Errc::invalid_argument otherwise.
[[nodiscard]] Result<std::string> normalise_unit_hint(std::string_view hint);
//! Splits "https://host[:port][/HINT]" (trailing slashes ignored). A path
//! that is not a unit hint is refused with a clear error.
[[nodiscard]] Result<JoinAddress> parse_join_address(std::string_view text);
//! `server_url` with the start of `unit`'s id appended.
[[nodiscard]] std::string join_address(std::string_view server_url, const wire::UnitId& unit);
//! Whether `hint` is a start of `unit`'s id in hex.
[[nodiscard]] bool hint_names(std::string_view hint, const wire::UnitId& unit);

}  // namespace varn::sync
