#include "varn/crypto/secret_buffer.hpp"

#include <catch2/catch.hpp>
#include <type_traits>

using namespace varn;

static_assert(!std::is_copy_constructible_v<crypto::SecretBuffer>, "keys must not be copied");
static_assert(!std::is_copy_assignable_v<crypto::SecretBuffer>, "keys must not be copied");

TEST_CASE("A secret buffer moves, compares in constant time and starts zeroed", "[crypto][secret]") {
  crypto::SecretBuffer zeroed(16);
  for (auto b : zeroed.view()) CHECK(b == 0);

  auto a = crypto::SecretBuffer::random(32);
  auto copy = crypto::SecretBuffer::copy_of(a.view());
  CHECK(a.equals(copy));
  auto moved = std::move(a);
  CHECK(moved.equals(copy));
  CHECK(a.size() == 0);  // NOLINT(bugprone-use-after-move): the moved-from state is defined
  CHECK(a.data() == nullptr);
  CHECK_FALSE(moved.equals(crypto::SecretBuffer::random(32)));
  CHECK_FALSE(moved.equals(crypto::SecretBuffer(31)));
}
