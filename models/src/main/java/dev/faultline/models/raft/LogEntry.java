package dev.faultline.models.raft;

/** One immutable entry of the replicated log. */
public record LogEntry(long offset, int epoch, Command command) {}
