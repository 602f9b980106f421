// SIGKILL while a child writes notes: after reopening, every note row has its
// outbox ops and every outbox op its row (each Records write is one transaction).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <map>
#include <random>
#include <set>

#include "store_fixture.hpp"
#include "varn/crypto/random.hpp"
#include "varn/model/change_set_codec.hpp"
#include "varn/store/database.hpp"
#include "varn/store/records.hpp"

using namespace varn;
using store::LocalStore;

namespace {

const std::string kPass = "correct horse";
constexpr std::uint64_t kCatchUpPage = 300;  // over the store's catch-up threshold

// Runs in the forked child: never returns into Catch.
[[noreturn]] void write_notes_forever(const std::string& path, const crypto::DeviceId& me,
                                      const model::EntityId& visit, int signal_after, int pipe_fd) {
  auto s = LocalStore::open(path, kPass);
  if (!s) ::_exit(3);
  model::HybridClock clock(model::system_wall_clock(), *(*s)->last_hlc());
  store::Records records(**s, clock, me);
  for (int i = 0;; ++i) {
    auto note = records.add_note(visit, "note " + std::to_string(i));
    if (!note) ::_exit(4);
    if (i % 3 == 0 && !records.edit_note(*note, "edited " + std::to_string(i))) ::_exit(5);
    if (i % 5 == 0 && !records.sign_note(*note)) ::_exit(6);
    if (i == signal_after) {
      const char byte = 'n';
      if (::write(pipe_fd, &byte, 1) != 1) ::_exit(7);
    }
  }
}

// Forks a child that runs `body` (given the pipe's write end; it never
// returns), waits until the child writes one byte, then SIGKILLs it.
template <typename Body>
void kill_child_once_signalled(Body body) {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    ::close(fds[0]);
    body(fds[1]);
  }
  ::close(fds[1]);
  char byte = 0;
  const auto got = ::read(fds[0], &byte, 1);  // blocks until the child signals (or dies)
  ::kill(child, SIGKILL);
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  ::close(fds[0]);
  INFO("child exit status " << status);
  REQUIRE(got == 1);
  REQUIRE(WIFSIGNALED(status));
}

std::size_t count_rows(LocalStore& s, const char* sql) {
  auto q = s.database().prepare(sql);
  REQUIRE(q);
  REQUIRE(*q->step());
  return static_cast<std::size_t>(q->int64(0));
}

}  // namespace

TEST_CASE("SIGKILL in the middle of note writes leaves rows and outbox in step", "[store][crash]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  const crypto::DeviceId me = crypto::random_array<16>();
  model::EntityId visit{};
  {
    auto s = test::make_store(path, kPass);
    model::HybridClock clock;
    store::Records records(*s, clock, me);
    auto person = *records.add_person({"P", "", "none", ""});
    auto case_id = *records.open_case(person);
    visit = *records.record_visit({case_id, "office", "no", "", "", false, false, ""});
  }
  const auto seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::size_t notes_before = 0;
  for (int round = 0; round < 3; ++round) {
    const int signal_after = static_cast<int>(rng() % 40);
    kill_child_once_signalled([&](int fd) { write_notes_forever(path, me, visit, signal_after, fd); });

    auto s = LocalStore::open(path, kPass);
    REQUIRE(s);
    model::HybridClock clock;
    store::Records records(**s, clock, me);
    auto notes = records.notes();
    REQUIRE(notes);
    CHECK(notes->size() > notes_before + static_cast<std::size_t>(signal_after));
    notes_before = notes->size();

    // Every local op was merged once and queued once, in the same transaction
    // (a merged op is in op_log, or in field_value while it holds its field).
    CHECK(count_rows(**s, "SELECT (SELECT count(*) FROM op_log) + (SELECT count(*) FROM field_value)") ==
          count_rows(**s, "SELECT count(*) FROM outbox"));
    // The outbox, replayed, names exactly the notes listed and their last bodies.
    std::map<model::EntityId, model::Op> last_body;
    std::set<model::EntityId> created, signed_notes;
    auto q = (*s)->database().prepare("SELECT op FROM outbox ORDER BY op_id");
    REQUIRE(q);
    while (*q->step()) {
      auto ops = model::decode_ops(q->blob_view(0));
      REQUIRE(ops);
      for (const auto& op : *ops) {
        if (op.kind != model::EntityKind::note) continue;
        if (op.field == model::fields::kCreated) created.insert(op.id);
        if (op.field == model::fields::kSigned) signed_notes.insert(op.id);
        if (op.field == "body") last_body[op.id] = op;
      }
    }
    REQUIRE(created.size() == notes->size());
    for (const auto& n : *notes) {
      CHECK(created.count(n.id) == 1);
      CHECK(last_body[n.id].value == n.body);
      CHECK(signed_notes.count(n.id) == (n.is_signed ? 1u : 0u));
    }
  }
}

namespace {

// Runs in the forked child: applies full pages (the store is catching up,
// so in its rollback-journal mode) until killed, and signals from inside a
// page's transaction. A tiny page cache makes SQLite spill pages into the
// file before the commit, so the kill finds a half-written file that only
// the journal can roll back.
[[noreturn]] void catch_up_until_killed(const std::string& path, int signal_in_page, std::size_t signal_at_item,
                                        int pipe_fd) {
  auto s = LocalStore::open(path, kPass);
  if (!s) ::_exit(3);
  if (!(*s)->database().exec("PRAGMA cache_size = 16")) ::_exit(7);
  auto cursor = (*s)->pull_cursor();
  if (!cursor) ::_exit(4);
  for (int page_no = 0;; ++page_no) {
    std::vector<sync::ReceivedChangeSet> page;
    for (std::uint64_t seq = *cursor + 1; seq <= *cursor + kCatchUpPage; ++seq) {
      const crypto::DeviceId author = crypto::random_array<16>();
      const auto stamp = model::Hlc::from_parts(1'700'000'000'000 + seq, 0);
      const model::Op op{model::EntityKind::note, model::entity_id_for(stamp, author), "body",
                         std::to_string(seq) + std::string(1000, 'x'), stamp, author};
      page.push_back(test::received(author, {op}, seq));
    }
    std::size_t handed = 0;
    auto applied = (*s)->apply_received_stream([&]() -> Result<std::optional<sync::ReceivedChangeSet>> {
      if (page_no == signal_in_page && handed == signal_at_item) {
        const char byte = 'p';
        if (::write(pipe_fd, &byte, 1) != 1) ::_exit(6);
      }
      if (handed == page.size()) return std::optional<sync::ReceivedChangeSet>{};
      return std::optional<sync::ReceivedChangeSet>(page[handed++]);
    }, sync::LogPosition{*cursor + kCatchUpPage, crypto::random_array<32>()});
    if (!applied) ::_exit(5);
    *cursor += kCatchUpPage;
  }
}

}  // namespace

TEST_CASE("SIGKILL while catching up loses no applied page and leaves no half page", "[store][crash]") {
  test::ScratchDir dir;
  const auto path = dir.file("v.db");
  (void)test::make_store(path, kPass);
  const auto seed = std::random_device{}();
  INFO("seed " << seed);
  std::mt19937 rng(seed);
  std::uint64_t cursor_before = 0;
  for (int round = 0; round < 3; ++round) {
    const int signal_in_page = 1 + static_cast<int>(rng() % 2);  // page 0 runs in WAL
    const std::size_t signal_at_item = 100 + rng() % 150;
    kill_child_once_signalled([&](int fd) { catch_up_until_killed(path, signal_in_page, signal_at_item, fd); });

    auto s = LocalStore::open(path, kPass);
    REQUIRE(s);
    CHECK(*(*s)->database().pragma_value("integrity_check") == "ok");
    CHECK(*(*s)->database().pragma_value("journal_mode") == "wal");
    const auto cursor = *(*s)->pull_cursor();
    // The pages before are in; the one killed is in whole or not at all.
    const auto before_killed = cursor_before + kCatchUpPage * static_cast<std::uint64_t>(signal_in_page);
    CHECK((cursor == before_killed || cursor == before_killed + kCatchUpPage));
    CHECK(count_rows(**s, "SELECT count(*) FROM received_changeset") == cursor);
    CHECK(count_rows(**s, "SELECT count(*) FROM field_value") == cursor);
    CHECK(count_rows(**s, "SELECT count(*) FROM note_index") == cursor);
    cursor_before = cursor;
  }
}
