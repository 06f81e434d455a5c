package dev.faultline.checker.delivery;

/** One record as a poll returned it: its offset in the partition and its value. */
record LogEntry(long offset, Object value) {}
