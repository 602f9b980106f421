#pragma once
//! The HTTP message types the handlers and the socket layer share.

#include <boost/beast/http.hpp>
#include <cstdint>
#include <functional>

namespace varn::server {

//! Bodies are raw bytes: JSON for control calls, binary for change sets.
using Request = boost::beast::http::request<boost::beast::http::vector_body<std::uint8_t>>;
using Response = boost::beast::http::response<boost::beast::http::vector_body<std::uint8_t>>;
//! Called exactly once with the answer, possibly from another thread.
using Respond = std::function<void(Response)>;

//! The request field that names the peer's address. HttpSession sets it
//! from the socket, replacing whatever a client sent; handler tests set it
//! themselves.
inline constexpr const char* kPeerField = "Varn-Peer";
//! Set by the session route on an answer that opened an active member's
//! session; the connection layer reads it and removes it before sending.
inline constexpr const char* kMemberField = "Varn-Member-Session";

}  // namespace varn::server
