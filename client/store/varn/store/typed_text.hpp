#pragma once
//! Text a person is typing and has not saved yet (a note body, an
//! addendum), kept in the encrypted store on every change so no quick-hide,
//! lock, crash or flat battery loses a word. It never leaves the device and
//! never becomes an op: saving the note is what syncs. A slot names what
//! the text belongs to ("note/<id>", "visit/<id>" for a new note, ...).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "varn/util/result.hpp"

namespace varn::store {

class Database;

struct TypedText {
  std::string slot;
  std::string text;
};

//! Keeps `text` for `slot`, replacing what was there; empty text forgets it.
[[nodiscard]] Result<void> keep_typed_text(Database& db, std::string_view slot, std::string_view text);
[[nodiscard]] Result<std::optional<std::string>> typed_text(Database& db, std::string_view slot);
[[nodiscard]] Result<void> forget_typed_text(Database& db, std::string_view slot);
//! The slot typed in last, to reopen where the person was.
[[nodiscard]] Result<std::optional<TypedText>> latest_typed_text(Database& db);

}  // namespace varn::store
