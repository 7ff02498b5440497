// SPDX-License-Identifier: MIT
// Plugins' descendants never outlive the run. Killing a worker's process group misses a
// grandchild that left it (`setsid`); as a child subreaper the host inherits every orphaned
// descendant of its workers instead of init, and kills and reaps each one that is not a worker.
#pragma once

#include <sys/types.h>

#include <mutex>

namespace marginalia::host {

/// Makes this process the subreaper of its descendants (PR_SET_CHILD_SUBREAPER). Only the
/// marginalia binary calls it: a program embedding the library keeps its own orphan policy.
void adopt_orphaned_descendants();

/// Held while a worker is spawned and registered, so a sweep never mistakes it for an orphan.
std::mutex& worker_registry_mutex();
/// Records a live worker (with `worker_registry_mutex` held).
void register_worker(pid_t pid);
/// Forgets a worker once it is reaped.
void unregister_worker(pid_t pid);

/// When this process is a subreaper: SIGKILLs and reaps every child that is not a registered
/// worker (orphaned descendants of plugins), repeating until none is left. Otherwise nothing.
void kill_adopted_descendants();

}  // namespace marginalia::host
