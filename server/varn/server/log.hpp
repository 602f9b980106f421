#pragma once
//! Structured logs: one JSON object per line on stderr. Callers pass event
//! names, pseudonymous hex ids, counts, sizes and latencies; never bodies,
//! names, identity numbers or keys.

#include <string_view>

#include <nlohmann/json.hpp>

namespace varn::server {

//! Writes {"ts":..., "event": name, ...fields} as one line, atomically.
void log_event(std::string_view name, nlohmann::json fields = nlohmann::json::object());

}  // namespace varn::server
