#pragma once

namespace sockscope {

// Makes glibc's heap use transparent huge pages where the kernel gives them only on request
// (transparent_hugepage "madvise", the default of many distributions), by starting the program
// again at once with glibc's `glibc.malloc.hugetlb=1` tunable: glibc reads its tunables only
// when a program starts. Issue #16: a flood into the window touches a fresh 4 KiB page per
// 4 KiB received until the log store is full (128 MiB, 32,768 page faults, a fifth of the
// CPU time of a 1 GiB flood); with 2 MiB pages it is 64 faults.
//
// Returns only when nothing is to be done (already done, the user's own hugetlb tunable, the
// kernel's setting is "always" or "never", not glibc, an AddressSanitizer build) or the
// exec failed; the environment the user gave is put back in the new image, so programs
// started from SockScope do not inherit the tunable.
void useHugePageHeap(char *argv[]);

} // namespace sockscope
