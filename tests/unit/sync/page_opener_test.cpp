#include "varn/sync/page_opener.hpp"

#include <catch2/catch.hpp>
#include <string>

#include "varn/crypto/device_identity.hpp"
#include "varn/crypto/random.hpp"

using namespace varn;

namespace {

// A page of `count` sealed change sets from one author, plaintext "n".
struct Page {
  crypto::DeviceIdentity author = crypto::DeviceIdentity::generate();
  crypto::SecretBuffer key = crypto::SecretBuffer::random(32);
  wire::UnitId unit = crypto::random_array<16>();
  std::vector<Bytes> envelopes;

  explicit Page(std::size_t count) {
    for (std::size_t n = 0; n < count; ++n) {
      wire::SealParams params;
      params.unit = unit;
      params.epoch = 1;
      params.seq = n + 1;
      params.id = crypto::random_array<16>();
      auto sealed = wire::seal_envelope(params, key, author.signing(), as_bytes(std::to_string(n)));
      REQUIRE(sealed);
      envelopes.push_back(std::move(sealed).value());
    }
  }

  std::vector<sync::SealedItem> items() const {
    std::vector<sync::SealedItem> out;
    for (std::size_t n = 0; n < envelopes.size(); ++n) {
      auto env = wire::decode_envelope(envelopes[n]);
      REQUIRE(env);
      sync::SealedItem item;
      item.seq = n + 1;
      item.bytes = &envelopes[n];
      item.envelope = std::move(env).value();
      item.hash = wire::envelope_hash(envelopes[n]);
      item.author_key = author.signing().public_key();
      item.epoch_key = &key;
      out.push_back(std::move(item));
    }
    return out;
  }
};

std::string text_of(const Bytes& b) { return std::string(b.begin(), b.end()); }

}  // namespace

TEST_CASE("The page opener hands change sets out in server order with any number of workers", "[sync]") {
  const Page page(200);
  for (unsigned workers : {0u, 1u, 3u}) {
    CAPTURE(workers);
    sync::PageOpener opener(workers);
    opener.add_page(page.items());
    for (std::size_t n = 0; n < 200; ++n) {
      auto r = opener.next();
      REQUIRE(r);
      REQUIRE(r->has_value());
      CHECK((*r)->server_seq == n + 1);
      CHECK(text_of((*r)->plaintext) == std::to_string(n));
      CHECK((*r)->envelope == page.envelopes[n]);
    }
    auto end = opener.next();
    REQUIRE(end);
    CHECK_FALSE(end->has_value());
  }
}

TEST_CASE("A change set whose signature fails comes out quarantined and the rest open", "[sync]") {
  Page page(100);
  page.envelopes[60].back() ^= 0x01;  // the signature's last byte
  for (unsigned workers : {0u, 2u}) {
    CAPTURE(workers);
    sync::PageOpener opener(workers);
    opener.add_page(page.items());
    std::size_t opened = 0;
    std::vector<std::uint64_t> quarantined;
    for (;;) {
      auto r = opener.next();
      REQUIRE(r);
      if (!r->has_value()) break;
      if ((*r)->disposition == sync::Disposition::quarantine) {
        quarantined.push_back((*r)->server_seq);
        CHECK((*r)->plaintext.empty());
        CHECK((*r)->reason.find("signature") != std::string::npos);
      } else {
        CHECK((*r)->disposition == sync::Disposition::apply);
        ++opened;
      }
    }
    CHECK(opened == 99);
    CHECK(quarantined == std::vector<std::uint64_t>{61});
  }
}

TEST_CASE("A change set that verifies but does not decrypt comes out refused", "[sync]") {
  const Page page(3);
  auto items = page.items();
  const auto other_key = crypto::SecretBuffer::random(32);
  items[1].epoch_key = &other_key;  // its author signed it, but it is not under this key
  sync::PageOpener opener(0);
  opener.add_page(std::move(items));
  std::vector<sync::Disposition> seen;
  for (;;) {
    auto r = opener.next();
    REQUIRE(r);
    if (!r->has_value()) break;
    seen.push_back((*r)->disposition);
  }
  CHECK(seen == std::vector<sync::Disposition>{sync::Disposition::apply, sync::Disposition::refuse,
                                               sync::Disposition::apply});
}

TEST_CASE("Queued pages come out one after the other, each ended by nullopt", "[sync]") {
  const Page page(150);
  auto items = page.items();
  std::vector<sync::SealedItem> first(items.begin(), items.begin() + 100), second(items.begin() + 100, items.end());
  for (unsigned workers : {0u, 2u}) {
    CAPTURE(workers);
    sync::PageOpener opener(workers);
    opener.add_page(first);
    opener.add_page({});  // queues nothing
    opener.add_page(second);
    std::vector<std::size_t> page_sizes;
    std::size_t expected = 1, in_page = 0;
    while (page_sizes.size() < 2) {
      auto r = opener.next();
      REQUIRE(r);
      if (!r->has_value()) {
        page_sizes.push_back(in_page);
        in_page = 0;
        continue;
      }
      CHECK((*r)->server_seq == expected++);
      ++in_page;
    }
    CHECK(page_sizes == std::vector<std::size_t>{100, 50});
    auto after = opener.next();
    REQUIRE(after);
    CHECK_FALSE(after->has_value());
  }
}

TEST_CASE("Items set aside by the engine pass through unopened", "[sync]") {
  Page page(4);
  page.envelopes[2].back() ^= 0x01;  // would fail verification if it were opened
  auto items = page.items();
  items[2].disposition = sync::Disposition::hold;
  items[2].reason = "waits behind a gap";
  sync::PageOpener opener(0);
  opener.add_page(std::move(items));
  std::vector<sync::Disposition> seen;
  for (;;) {
    auto r = opener.next();
    REQUIRE(r);
    if (!r->has_value()) break;
    seen.push_back((*r)->disposition);
    if ((*r)->server_seq == 3) CHECK((*r)->reason == "waits behind a gap");
  }
  CHECK(seen == std::vector<sync::Disposition>{sync::Disposition::apply, sync::Disposition::apply,
                                               sync::Disposition::hold, sync::Disposition::apply});
}

TEST_CASE("Small pages open on the caller's thread", "[sync]") {
  const Page page(40);
  auto items = page.items();
  sync::PageOpener opener(3);
  opener.add_page(std::vector<sync::SealedItem>(items.begin(), items.begin() + 31));
  CHECK(opener.running_workers() == 0);
  opener.add_page(std::vector<sync::SealedItem>(items.begin() + 31, items.end()));
  CHECK(opener.running_workers() == 0);
  opener.add_page(page.items());  // a page of 40 is worth the threads
  CHECK(opener.running_workers() == 3);
  CHECK(sync::PageOpener::default_workers() <= 4);
}
