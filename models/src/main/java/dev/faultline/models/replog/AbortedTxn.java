package dev.faultline.models.replog;

/**
 * One entry of a partition's aborted-transaction index: the producer's records from {@code
 * firstOffset} up to the abort marker at {@code lastOffset} were aborted. A read_committed consumer
 * drops them.
 */
public record AbortedTxn(long producerId, long firstOffset, long lastOffset) {}
