#include "varn/server/tls_stream.hpp"

#include <openssl/err.h>

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>
#include <cerrno>
#include <climits>

namespace varn::server {

namespace net = boost::asio;

TlsStream::TlsStream(socket_type socket, net::ssl::context& tls)
    : socket_(std::move(socket)), ssl_(SSL_new(tls.native_handle())) {
  boost::system::error_code ignored;
  socket_.non_blocking(true, ignored);
  if (!ssl_ || SSL_set_fd(ssl_.get(), static_cast<int>(socket_.native_handle())) != 1) {
    ssl_.reset();  // every operation then fails; the session closes
    return;
  }
  SSL_set_accept_state(ssl_.get());
  // Partial writes and a moving buffer: a write that must wait is retried
  // from the operation's own state. Released buffers: idle connections give
  // their record buffers back (see the header).
  SSL_set_mode(ssl_.get(), SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER |
                               SSL_MODE_RELEASE_BUFFERS);
}

void TlsStream::close() {
  boost::system::error_code ignored;
  socket_.shutdown(socket_type::shutdown_both, ignored);
  socket_.close(ignored);
}

std::size_t TlsStream::attempt(Kind kind, const void* data, std::size_t size, Want& want,
                               boost::system::error_code& ec) {
  want = Want::nothing;
  if (!socket_.is_open()) {
    ec = net::error::operation_aborted;  // closed (a timeout, shutdown): the descriptor is not ours any more
    return 0;
  }
  if (!ssl_) {
    ec = net::error::no_memory;
    return 0;
  }
  if (kind == Kind::shutdown && (failed_ || !SSL_is_init_finished(ssl_.get()))) return 0;
  if ((kind == Kind::read || kind == Kind::write) && size == 0) return 0;
  const int len = static_cast<int>(std::min<std::size_t>(size, INT_MAX));
  ERR_clear_error();
  errno = 0;
  int r = 0;
  switch (kind) {
    case Kind::handshake: r = SSL_do_handshake(ssl_.get()); break;
    case Kind::read: r = SSL_read(ssl_.get(), const_cast<void*>(data), len); break;
    case Kind::write: r = SSL_write(ssl_.get(), data, len); break;
    case Kind::shutdown: r = SSL_shutdown(ssl_.get()); break;
  }
  if (r > 0 || (kind == Kind::shutdown && r == 0)) {  // 0: our close_notify is out
    return kind == Kind::read || kind == Kind::write ? static_cast<std::size_t>(r) : 0;
  }
  const int error = SSL_get_error(ssl_.get(), r);
  const int sys_errno = errno;
  switch (error) {
    case SSL_ERROR_WANT_READ: want = Want::read; return 0;
    case SSL_ERROR_WANT_WRITE: want = Want::write; return 0;
    case SSL_ERROR_ZERO_RETURN: ec = net::error::eof; return 0;  // the peer's close_notify
    default: break;
  }
  failed_ = true;
  const unsigned long queued = ERR_get_error();
  if (error == SSL_ERROR_SYSCALL && queued == 0) {
    // End of file without close_notify, or the socket's own error.
    ec = sys_errno != 0 ? boost::system::error_code(sys_errno, boost::system::system_category())
                        : boost::system::error_code(net::ssl::error::stream_truncated);
  } else if (queued == 0) {
    ec = boost::system::errc::make_error_code(boost::system::errc::protocol_error);
  } else if (ERR_GET_REASON(queued) == SSL_R_UNEXPECTED_EOF_WHILE_READING) {
    ec = net::ssl::error::stream_truncated;
  } else {
    ec = boost::system::error_code(static_cast<int>(queued), net::error::get_ssl_category());
  }
  return 0;
}

}  // namespace varn::server
