package dev.faultline.checker.linear;

import java.util.function.Supplier;

/**
 * A register key, in up to three phases. The strict {@link RegisterSearch} looks for a
 * linearization and nearly always finds one when there is one. When it finds none, the relaxed
 * search (open operations reusable) decides: if even it finds none, the history is not
 * linearizable; if it finds one that uses every open operation at most once, it is. Only when its
 * linearization had to reuse an open operation does the general {@link Search} decide exactly.
 */
final class RegisterCheck implements KeyCheck {
  private final RegisterHistory history;
  private final Memo.Budget budget;
  private final long deadlineNanos;
  private final Supplier<Search> exactSearch;
  private RegisterSearch search;
  private RegisterSearch strict;
  private Search exact;
  private long before;

  RegisterCheck(
      RegisterHistory history, Memo.Budget budget, long deadlineNanos, Supplier<Search> exact) {
    this.history = history;
    this.budget = budget;
    this.deadlineNanos = deadlineNanos;
    this.exactSearch = exact;
    this.search = new RegisterSearch(history, true, budget, deadlineNanos);
  }

  @Override
  public Search.End run(long quantum) {
    if (exact != null) {
      return exact.run(quantum);
    }
    RegisterSearch.End end = search.run(quantum);
    return switch (end) {
      case LINEARIZABLE -> Search.End.LINEARIZABLE;
      case OUT_OF_TIME -> Search.End.OUT_OF_TIME;
      case OUT_OF_MEMORY -> Search.End.OUT_OF_MEMORY;
      case PAUSED -> Search.End.PAUSED;
      case NOT_LINEARIZABLE -> {
        if (strict != null) {
          yield Search.End.NOT_LINEARIZABLE;
        }
        // Keep the strict search's deepest prefix (it reuses nothing) for the counterexample.
        strict = search;
        before = strict.configurations();
        strict.release();
        search = new RegisterSearch(history, false, budget, deadlineNanos);
        yield Search.End.PAUSED;
      }
      case BORROWED -> {
        before += search.configurations();
        search.release();
        exact = exactSearch.get();
        yield Search.End.PAUSED;
      }
    };
  }

  @Override
  public Counterexample counterexample(Object key) {
    if (exact != null) {
      return exact.counterexample(key);
    }
    return (strict != null ? strict : search).counterexample(key);
  }

  @Override
  public long configurations() {
    return before + (exact != null ? exact.configurations() : search.configurations());
  }
}
