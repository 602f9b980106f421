#pragma once
//! The server's TLS stream for Beast: OpenSSL reads and writes the
//! non-blocking socket itself (SSL_set_fd) and Asio only waits until the
//! socket is ready.
//!
//! Why not asio::ssl::stream: it keeps a memory BIO pair and two staging
//! vectors, four 17 KiB buffers for as long as a connection lives (about
//! 64 KiB of RSS per idle connection, measured). Here OpenSSL gives its
//! record buffers back between records (SSL_MODE_RELEASE_BUFFERS), so an
//! idle connection holds little more than its SSL object.
//!
//! Every operation completes through the executor, never inside the call
//! that starts it. Use from one strand, one read and one write at a time.

#include <openssl/ssl.h>

#include <boost/asio/buffer.hpp>
#include <boost/asio/compose.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/context.hpp>
#include <algorithm>
#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace varn::server {

class TlsStream {
 public:
  using socket_type = boost::asio::ip::tcp::socket;
  using executor_type = socket_type::executor_type;

  //! Takes the accepted socket; the handshake is the server's side.
  TlsStream(socket_type socket, boost::asio::ssl::context& tls);
  TlsStream(const TlsStream&) = delete;
  TlsStream& operator=(const TlsStream&) = delete;

  executor_type get_executor() noexcept { return socket_.get_executor(); }
  //! Closes the socket; pending operations end with operation_aborted and
  //! OpenSSL is never given the descriptor again (its number may be reused).
  void close();

  template <class Handler>
  auto async_handshake(Handler&& handler) {
    return start<void(boost::system::error_code)>(Kind::handshake, nullptr, 0, std::forward<Handler>(handler));
  }

  template <class MutableBuffers, class Handler>
  auto async_read_some(const MutableBuffers& buffers, Handler&& handler) {
    const auto first = first_buffer<boost::asio::mutable_buffer>(buffers);
    return start<void(boost::system::error_code, std::size_t)>(Kind::read, first.data(), first.size(),
                                                               std::forward<Handler>(handler));
  }

  template <class ConstBuffers, class Handler>
  auto async_write_some(const ConstBuffers& buffers, Handler&& handler) {
    // Beast hands over a response as many small pieces; one TLS record for
    // the head instead of one per piece.
    auto first = first_buffer<boost::asio::const_buffer>(buffers);
    std::vector<unsigned char> staged;
    if (first.size() < kGatherBelow && boost::asio::buffer_size(buffers) > first.size()) {
      staged.resize(std::min(boost::asio::buffer_size(buffers), kMaxRecord));
      boost::asio::buffer_copy(boost::asio::buffer(staged), buffers);
      first = boost::asio::const_buffer(staged.data(), staged.size());
    }
    return start<void(boost::system::error_code, std::size_t)>(Kind::write, first.data(), first.size(),
                                                               std::forward<Handler>(handler), std::move(staged));
  }

  //! Sends close_notify without waiting for the peer's.
  template <class Handler>
  auto async_shutdown(Handler&& handler) {
    return start<void(boost::system::error_code)>(Kind::shutdown, nullptr, 0, std::forward<Handler>(handler));
  }

 private:
  enum class Kind { handshake, read, write, shutdown };
  enum class Want { nothing, read, write };
  static constexpr std::size_t kGatherBelow = 4096;
  static constexpr std::size_t kMaxRecord = 16 * 1024;

  struct SslFree {
    void operator()(SSL* ssl) const { SSL_free(ssl); }
  };

  //! The first non-empty buffer of a sequence (an empty one if none is).
  template <class Buffer, class Buffers>
  static Buffer first_buffer(const Buffers& buffers) {
    for (auto it = boost::asio::buffer_sequence_begin(buffers); it != boost::asio::buffer_sequence_end(buffers); ++it) {
      const Buffer b(*it);
      if (b.size() > 0) return b;
    }
    return Buffer();
  }

  //! One OpenSSL call: the bytes moved (0 for handshake and shutdown) or
  //! what the socket must become ready for before the call is repeated.
  std::size_t attempt(Kind kind, const void* data, std::size_t size, Want& want, boost::system::error_code& ec);

  template <class Signature>
  struct Op {
    TlsStream& stream;
    Kind kind;
    const void* data;
    std::size_t size;
    std::vector<unsigned char> staged;  // owns `data` when the write was gathered
    bool started = false;

    template <class Self>
    void operator()(Self& self, boost::system::error_code ec = {}) {
      if (!started) {
        started = true;
        return boost::asio::post(std::move(self));  // never complete inside the initiating call
      }
      std::size_t moved = 0;
      Want want = Want::nothing;
      if (!ec) moved = stream.attempt(kind, data, size, want, ec);
      if (want != Want::nothing) {
        const auto wait = want == Want::read ? socket_type::wait_read : socket_type::wait_write;
        return stream.socket_.async_wait(wait, std::move(self));
      }
      finish(self, ec, moved);
    }

    template <class Self>
    void finish(Self& self, boost::system::error_code ec, std::size_t moved) {
      if constexpr (std::is_same_v<Signature, void(boost::system::error_code)>) {
        (void)moved;
        self.complete(ec);
      } else {
        self.complete(ec, moved);
      }
    }
  };

  template <class Signature, class Handler>
  auto start(Kind kind, const void* data, std::size_t size, Handler&& handler,
             std::vector<unsigned char> staged = {}) {
    return boost::asio::async_compose<Handler, Signature>(
        Op<Signature>{*this, kind, data, size, std::move(staged)}, handler, socket_);
  }

  socket_type socket_;
  std::unique_ptr<SSL, SslFree> ssl_;
  bool failed_ = false;  // a fatal TLS error: OpenSSL forbids shutdown after one
};

}  // namespace varn::server
