#if canImport(Glibc)
import Glibc
#endif

/// C allocator settings for `lint`, a batch command that allocates and frees millions of small
/// objects on two threads and keeps tens of megabytes (the caches, the findings) to the end.
///
/// With glibc's defaults a lint of the 1,582 AWS managed policies faulted its heap in 4 KB
/// pages, one at a time (10,500 faults, a tenth of its time), and the second thread's arena grew
/// a page or so at a time, a system call each. `GLIBC_TUNABLES=glibc.malloc.hugetlb=1` cuts
/// that to about 1,900 faults and a tenth of the wall-clock time, but tunables are read when the
/// process starts; `tuneForBatch` and `reserveHugePages` ask for the same from inside. (One
/// arena for both threads, `glibc.malloc.arena_max=1`, made the lint half again slower: the
/// threads queue for its lock.) Elsewhere (another C library, a kernel without transparent huge
/// pages) this changes nothing.
enum Memory {
    private static let hugePage = 2 << 20
    /// What each linting thread reserves: more than a lint of the managed policies uses.
    private static let reservation = 30 << 20

    /// Call once, before the linting threads start: grow a heap 32 MB at a time, never give
    /// memory back before the process ends, and keep blocks up to 32 MB (glibc's most) in the
    /// heap rather than mapping each on its own, so that `reserveHugePages` can work.
    static func tuneForBatch() {
        #if canImport(Glibc)
        guard let mallopt = cFunction("mallopt", as: (@convention(c) (Int32, Int32) -> Int32).self) else { return }
        // <malloc.h>'s parameter numbers.
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3
        _ = mallopt(topPad, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        _ = mallopt(mmapThreshold, 32 << 20)
        #endif
    }

    /// Call on each linting thread before its first file (and on the thread that loads the IAM
    /// catalog, which the linting threads read all over): grows the thread's heap at once (a
    /// block allocated and freed, its pages never touched) and asks the kernel to back that range
    /// with 2 MB pages where it can: one fault per 2 MB rather than per 4 KB, and fewer TLB misses
    /// over a heap the linter reads all over. The thread's next allocations come from that range.
    static func reserveHugePages() {
        #if canImport(Glibc)
        // malloc by its address: the compiler drops a malloc that is freed unused.
        guard let allocate = cFunction("malloc", as: (@convention(c) (Int) -> UnsafeMutableRawPointer?).self),
              let block = allocate(reservation) else { return }
        let start = (Int(bitPattern: block) + hugePage - 1) & ~(hugePage - 1)
        let end = (Int(bitPattern: block) + reservation) & ~(hugePage - 1)
        if end > start, let base = UnsafeMutableRawPointer(bitPattern: start) {
            _ = madvise(base, end - start, 14)  // MADV_HUGEPAGE
        }
        free(block)
        #endif
    }

    #if canImport(Glibc)
    /// A C library function looked up by name (RTLD_DEFAULT is a null handle): mallopt is left
    /// out of glibc's Swift module.
    private static func cFunction<Function>(_ name: String, as type: Function.Type) -> Function? {
        dlsym(nil, name).map { unsafeBitCast($0, to: type) }
    }
    #endif
}
