#if canImport(Glibc)
import Glibc
#endif

/// C allocator settings for `lint`, a batch command that allocates and frees millions of small
/// objects on two threads and keeps tens of megabytes (the caches, the findings) to the end.
///
/// With glibc's defaults a lint of the 1,582 AWS managed policies spent about a tenth of its
/// time in the kernel, faulting in 4 KB pages one at a time (10,500 of them), and the second
/// thread's arena grew a page or so at a time, a system call each. With the settings below it
/// takes 1,300 faults and 10–15% less CPU time. They are what
/// `GLIBC_TUNABLES=glibc.malloc.hugetlb=1:glibc.malloc.arena_max=1` would ask for, but tunables
/// are read when the process starts, so here they go through `mallopt` and `madvise`. Elsewhere
/// (another C library, a kernel without transparent huge pages) this changes nothing.
enum Memory {
    /// Call first thing, before a second thread exists: a thread picks its arena at its first
    /// allocation.
    static func tuneForBatch() {
        #if canImport(Glibc)
        // mallopt is left out of glibc's Swift module; RTLD_DEFAULT is a null handle. malloc is
        // called the same way below, where the compiler would drop a malloc freed unused.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        typealias Malloc = @convention(c) (Int) -> UnsafeMutableRawPointer?
        guard let malloptSymbol = dlsym(nil, "mallopt"), let mallocSymbol = dlsym(nil, "malloc") else { return }
        let mallopt = unsafeBitCast(malloptSymbol, to: Mallopt.self)
        let allocate = unsafeBitCast(mallocSymbol, to: Malloc.self)
        // <malloc.h>'s parameter numbers.
        let trimThreshold: Int32 = -1, topPad: Int32 = -2, mmapThreshold: Int32 = -3, arenaMax: Int32 = -8
        // One arena for both threads: the main one, which grows by sbrk in the steps below
        // (another arena grows by a page or so at a time) and whose range is known here.
        _ = mallopt(arenaMax, 1)
        // Grow 32 MB at a time, never give memory back before the process ends, and keep
        // blocks up to 32 MB (glibc's most) in the heap rather than mapping each on its own.
        _ = mallopt(topPad, 32 << 20)
        _ = mallopt(trimThreshold, Int32.max)
        _ = mallopt(mmapThreshold, 32 << 20)
        // Grow the heap now (a block allocated and freed, its pages never touched), and ask the
        // kernel to back the new range with 2 MB pages where it can: one fault per 2 MB rather
        // than per 4 KB, and fewer TLB misses over a heap the linter reads all over.
        let before = sbrk(0)
        free(allocate(30 << 20))
        let after = sbrk(0)
        guard let before, let after else { return }
        let hugePage = 2 << 20
        let start = (Int(bitPattern: before) + hugePage - 1) & ~(hugePage - 1)
        let end = Int(bitPattern: after) & ~(hugePage - 1)
        guard end > start, let base = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(base, end - start, 14)  // MADV_HUGEPAGE
        #endif
    }
}
