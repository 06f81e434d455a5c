package dev.faultline.sim.trace;

/**
 * A value that is not a record but can still be hashed structurally, for the few message or subject
 * types that cannot be records. The hash must depend only on the value's contents (build it with
 * {@link StructuralHash#of(Object)} and {@link StructuralHash#combine(long, long)}), never on an
 * identity hash, an enum's {@code hashCode} or anything else that differs between runs or JVMs.
 */
public interface StableHash {
  /** A hash of this value's contents, the same on every run and every JDK. */
  long stableHash();
}
