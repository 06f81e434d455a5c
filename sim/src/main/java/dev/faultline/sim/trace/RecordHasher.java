package dev.faultline.sim.trace;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * Hashes a record component by component, in declaration order. Each accessor is bound once per
 * record class to a small generated function (as a lambda would be), so that hashing a message
 * costs a few interface calls rather than reflection; where the record's class cannot be reached
 * that way (another class loader's module) plain method handles serve instead.
 */
final class RecordHasher implements StructuralHash.Hasher {
  private final Class<?> type;
  private final long seed;
  private final ToLongFunction<Object>[] primitives;
  private final Function<Object, Object>[] references;

  private RecordHasher(
      Class<?> type, ToLongFunction<Object>[] primitives, Function<Object, Object>[] references) {
    this.type = type;
    this.seed = StructuralHash.ofString(type.getName());
    this.primitives = primitives;
    this.references = references;
  }

  @SuppressWarnings("unchecked")
  static RecordHasher of(Class<?> type) {
    RecordComponent[] components = type.getRecordComponents();
    ToLongFunction<Object>[] primitives =
        (ToLongFunction<Object>[]) new ToLongFunction<?>[components.length];
    Function<Object, Object>[] references =
        (Function<Object, Object>[]) new Function<?, ?>[components.length];
    try {
      MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(type, MethodHandles.lookup());
      for (int i = 0; i < components.length; i++) {
        MethodHandle getter = lookup.unreflect(components[i].getAccessor());
        Class<?> t = components[i].getType();
        if (!t.isPrimitive()) {
          references[i] = reference(lookup, getter, type);
        } else if (t == boolean.class) {
          Predicate<Object> p = bind(lookup, getter, type, Predicate.class, "test", boolean.class);
          primitives[i] = v -> p.test(v) ? 1 : 0;
        } else if (t == double.class || t == float.class) {
          ToDoubleFunction<Object> d =
              bind(lookup, getter, type, ToDoubleFunction.class, "applyAsDouble", double.class);
          primitives[i] = v -> Double.doubleToLongBits(d.applyAsDouble(v));
        } else {
          primitives[i] =
              bind(lookup, getter, type, ToLongFunction.class, "applyAsLong", long.class);
        }
      }
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot read the components of " + type.getName() + " to hash it: " + e, e);
    }
    return new RecordHasher(type, primitives, references);
  }

  private static Function<Object, Object> reference(
      MethodHandles.Lookup lookup, MethodHandle getter, Class<?> type) {
    return bind(lookup, getter, type, Function.class, "apply", Object.class);
  }

  /**
   * Binds {@code getter} to a function of interface {@code fn} (method {@code name}, taking an
   * Object and returning {@code returns}).
   */
  @SuppressWarnings("unchecked")
  private static <F> F bind(
      MethodHandles.Lookup lookup,
      MethodHandle getter,
      Class<?> type,
      Class<?> fn,
      String name,
      Class<?> returns) {
    MethodType erased = MethodType.methodType(returns, Object.class);
    try {
      return (F)
          LambdaMetafactory.metafactory(
                  lookup,
                  name,
                  MethodType.methodType(fn),
                  erased,
                  getter,
                  MethodType.methodType(returns, type))
              .getTarget()
              .invoke();
    } catch (Throwable e) {
      // Not reachable as a lambda (a record of another class loader): call the handle instead.
      return (F) viaHandle(MethodHandles.explicitCastArguments(getter, erased), fn);
    }
  }

  private static Object viaHandle(MethodHandle h, Class<?> fn) {
    if (fn == Predicate.class) {
      return (Predicate<Object>) v -> (boolean) invoke(h, v);
    }
    if (fn == ToDoubleFunction.class) {
      return (ToDoubleFunction<Object>) v -> (double) invoke(h, v);
    }
    if (fn == ToLongFunction.class) {
      return (ToLongFunction<Object>) v -> (long) invoke(h, v);
    }
    return (Function<Object, Object>) v -> invoke(h, v);
  }

  private static Object invoke(MethodHandle h, Object v) {
    try {
      return h.invoke(v);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public long hash(Object value) {
    long h = seed;
    for (int i = 0; i < primitives.length; i++) {
      long c;
      if (primitives[i] != null) {
        c = primitives[i].applyAsLong(value);
      } else {
        try {
          c = StructuralHash.of(references[i].apply(value));
        } catch (StructuralHash.NotHashableException e) {
          String component = type.getRecordComponents()[i].getName();
          throw new StructuralHash.NotHashableException(
              type.getName() + "." + component + " holds " + e.getMessage());
        }
      }
      h = StructuralHash.combine(h, c);
    }
    return h;
  }
}
