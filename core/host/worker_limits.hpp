// SPDX-License-Identifier: MIT
// Resource limits of a plugin worker beyond its address space (RELIABILITY.md §7): no core
// files, a cap on processes, on file size and on CPU time per call. They back up the host's
// wall-clock limit and process-group kill; they do not replace them.
#pragma once

namespace marginalia::host {

/// Sets RLIMIT_CORE 0, RLIMIT_NPROC and RLIMIT_FSIZE for the rest of the worker's life.
void apply_worker_limits();

/// Before each call into the plugin: allows it kCpuSecondsPerCall more seconds of CPU time than
/// the worker has used so far (a long-lived worker must not run out over many healthy calls).
void renew_cpu_budget();

}  // namespace marginalia::host
