package dev.faultline.sim.trace;

import dev.faultline.sim.RandomStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Hashes a value by its contents, the same way on every run and every JDK from 17 up: records
 * component by component (recursively), enums by class and constant name, strings by their chars,
 * boxed numbers, booleans and chars by value, arrays, lists, sets and maps in their iteration
 * order, {@link Optional}, and types that implement {@link StableHash}. It never uses {@code
 * Object.hashCode}: an identity hash or an enum's hash differs between runs.
 *
 * <p>Any other type fails loudly, naming its class: a value we cannot hash structurally would make
 * the trace hash blind to it. How to hash a class is worked out once and cached per class, so that
 * hashing a small record costs a few method-handle calls.
 */
public final class StructuralHash {
  private static final long NULL = 0x2545f4914f6cdd1dL;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;
  private static final long K = 0x9e3779b97f4a7c15L;

  private static final ClassValue<Hasher> HASHERS =
      new ClassValue<>() {
        @Override
        protected Hasher computeValue(Class<?> type) {
          return hasherFor(type);
        }
      };

  private StructuralHash() {}

  /** The structural hash of {@code value} (null allowed). */
  public static long of(Object value) {
    if (value == null) {
      return NULL;
    }
    return HASHERS.get(value.getClass()).hash(value);
  }

  /** Folds {@code value} into the running hash {@code h}; order matters. */
  public static long combine(long h, long value) {
    return RandomStream.mix64(h * K + value);
  }

  /** A stable hash of a string's chars (not {@code String.hashCode}, to mix all 64 bits). */
  public static long ofString(CharSequence s) {
    long h = FNV_OFFSET;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return RandomStream.mix64(h ^ s.length());
  }

  /**
   * A value whose type cannot be hashed structurally; the message names the type and, for a value
   * inside a record, the record component that holds it.
   */
  public static final class NotHashableException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    NotHashableException(String message) {
      super(message);
    }
  }

  /** How to hash the instances of one class. */
  @FunctionalInterface
  interface Hasher {
    long hash(Object value);
  }

  private static Hasher hasherFor(Class<?> type) {
    long seed = ofString(type.getName());
    if (StableHash.class.isAssignableFrom(type)) {
      return v -> combine(seed, ((StableHash) v).stableHash());
    }
    if (type.isRecord()) {
      return RecordHasher.of(type);
    }
    if (Enum.class.isAssignableFrom(type)) {
      return enumHasher(type.isEnum() ? type : type.getSuperclass());
    }
    if (type == String.class) {
      return v -> ofString((String) v);
    }
    Hasher boxed = boxedHasher(type, seed);
    if (boxed != null) {
      return boxed;
    }
    if (type.isArray()) {
      return arrayHasher(type.getComponentType());
    }
    if (List.class.isAssignableFrom(type)) {
      return v -> elements(0x1157L, (Collection<?>) v);
    }
    if (Set.class.isAssignableFrom(type)) {
      return v -> elements(0x5e7L, (Collection<?>) v);
    }
    if (Collection.class.isAssignableFrom(type)) {
      return v -> elements(0xc011L, (Collection<?>) v);
    }
    if (Map.class.isAssignableFrom(type)) {
      return StructuralHash::entries;
    }
    if (type == Optional.class) {
      return v -> combine(0x0b7L, of(((Optional<?>) v).orElse(null)));
    }
    return v -> {
      throw new NotHashableException(
          type.getName()
              + ", which cannot be hashed structurally for the trace: make it a record (of"
              + " records, enums, strings, numbers, arrays and collections) or implement "
              + StableHash.class.getName());
    };
  }

  private static Hasher enumHasher(Class<?> enumType) {
    Object[] constants = enumType.getEnumConstants();
    long seed = ofString(enumType.getName());
    long[] byOrdinal = new long[constants.length];
    for (int i = 0; i < constants.length; i++) {
      byOrdinal[i] = combine(seed, ofString(((Enum<?>) constants[i]).name()));
    }
    return v -> byOrdinal[((Enum<?>) v).ordinal()];
  }

  private static Hasher boxedHasher(Class<?> type, long seed) {
    if (type == Integer.class || type == Long.class || type == Short.class || type == Byte.class) {
      return v -> combine(seed, ((Number) v).longValue());
    }
    if (type == Double.class || type == Float.class) {
      return v -> combine(seed, Double.doubleToLongBits(((Number) v).doubleValue()));
    }
    if (type == Boolean.class) {
      return v -> combine(seed, ((Boolean) v) ? 1 : 0);
    }
    if (type == Character.class) {
      return v -> combine(seed, (Character) v);
    }
    return null;
  }

  private static Hasher arrayHasher(Class<?> component) {
    if (component == byte.class) {
      return v -> {
        byte[] a = (byte[]) v;
        long h = combine(0xb1L, a.length);
        for (byte x : a) {
          h = (h ^ x) * FNV_PRIME;
        }
        return RandomStream.mix64(h);
      };
    }
    if (component == int.class) {
      return v -> {
        long h = combine(0x11L, ((int[]) v).length);
        for (int x : (int[]) v) {
          h = combine(h, x);
        }
        return h;
      };
    }
    if (component == long.class) {
      return v -> {
        long h = combine(0x1011L, ((long[]) v).length);
        for (long x : (long[]) v) {
          h = combine(h, x);
        }
        return h;
      };
    }
    if (component.isPrimitive()) {
      // short, char, boolean, float, double: rare in messages; hashed through their boxes.
      return v -> {
        int n = java.lang.reflect.Array.getLength(v);
        long h = combine(ofString(component.getName()), n);
        for (int i = 0; i < n; i++) {
          h = combine(h, of(java.lang.reflect.Array.get(v, i)));
        }
        return h;
      };
    }
    return v -> {
      Object[] a = (Object[]) v;
      long h = combine(0x0a11L, a.length);
      for (Object x : a) {
        h = combine(h, of(x));
      }
      return h;
    };
  }

  private static long elements(long tag, Collection<?> c) {
    long h = combine(tag, c.size());
    for (Object x : c) {
      h = combine(h, of(x));
    }
    return h;
  }

  private static long entries(Object v) {
    Map<?, ?> m = (Map<?, ?>) v;
    long h = combine(0x3a9L, m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      h = combine(combine(h, of(e.getKey())), of(e.getValue()));
    }
    return h;
  }
}
