// Most of these tests wait on host processes, PBX timeouts and reminders rather than compute: three at a time instead of
// one per core keeps a 2-core machine busy without crowding the timing-sensitive ones.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
