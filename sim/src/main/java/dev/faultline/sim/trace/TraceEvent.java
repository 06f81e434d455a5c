package dev.faultline.sim.trace;

/**
 * One recorded event of a full trace.
 *
 * @param index the event's position in the trace
 * @param timeMicros virtual time
 * @param kind what happened
 * @param from the sending or acting node id, or -1
 * @param to the receiving node id, or -1
 * @param subject the message, timer tag, fault, role or drop reason (immutable), or null
 */
public record TraceEvent(
    long index, long timeMicros, TraceKind kind, int from, int to, Object subject) {}
