package dev.faultline.sim;

/**
 * A message between nodes. Implementations are immutable records: the simulator may deliver the
 * same object twice (duplication) and keeps it in its trace.
 */
public interface Message {}
