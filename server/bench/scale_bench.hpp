#pragma once
//! The scaled form's sections of varn-server-bench, on one throwaway
//! PostgreSQL 15 cluster (tests/server/pg_cluster.*): durable pushes through
//! 1, 2 and 4 varn-server processes against pgbench's TPC-B on the same
//! cluster, and pull cost as a unit's history grows, each as a ratio of a
//! figure measured in the same run.

namespace varn::bench {

//! `long_run`: more pushes, a longer pgbench, and history up to 1M change sets.
struct ScaleOptions {
  bool long_run = false;
};

//! Devices pushing real sealed change sets through 1, 2 and 4 processes,
//! with pgbench's TPC-B before and after each configuration; prints
//! throughput and p99 as ratios of pgbench's.
void postgresql_push(const ScaleOptions& options);

//! Seeds a unit's history straight into storage (10k, 100k and, with
//! `long_run`, 1M change sets) and times pulls of fixed-size pages at the
//! tail and walking from cursor 0, on PostgreSQL and on SQLite; prints
//! cost(size)/cost(10k).
void pull_growth(const ScaleOptions& options);

}  // namespace varn::bench
