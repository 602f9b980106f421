#pragma once
//! The process holds a store key and a device's private keys: no core dump
//! may write them to disk, and no other process of the user may attach.

namespace varn::cli {

void harden_process();

}  // namespace varn::cli
