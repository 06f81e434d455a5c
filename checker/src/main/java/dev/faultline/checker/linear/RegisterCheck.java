package dev.faultline.checker.linear;

import java.util.function.Supplier;

/**
 * A register key, in up to three phases. The relaxed {@link RegisterSearch} (an open operation may
 * take effect more than once) goes first: when it finds no linearization the history is not
 * linearizable, and when the one it finds uses no open operation twice, it is. Otherwise the strict
 * search (open operations used at most once, its memo blind to which) looks for a linearization,
 * and nearly always finds one. Only when it finds none does the general {@link Search} decide
 * exactly.
 */
final class RegisterCheck implements KeyCheck {
  private final RegisterHistory history;
  private final Memo.Budget budget;
  private final long deadlineNanos;
  private final Supplier<Search> exactSearch;
  private RegisterSearch search;
  private boolean strict;

  /**
   * After the relaxed search said NOT: its result, kept while the strict one finds a deeper prefix.
   */
  private RegisterSearch refuted;

  private Search exact;
  private long before;

  RegisterCheck(
      RegisterHistory history, Memo.Budget budget, long deadlineNanos, Supplier<Search> exact) {
    this.history = history;
    this.budget = budget;
    this.deadlineNanos = deadlineNanos;
    this.exactSearch = exact;
    this.search = new RegisterSearch(history, false, budget, deadlineNanos);
  }

  @Override
  public Search.End run(long quantum) {
    if (exact != null) {
      return exact.run(quantum);
    }
    RegisterSearch.End end = search.run(quantum);
    if (refuted != null) {
      return explained(end);
    }
    return switch (end) {
      case LINEARIZABLE -> Search.End.LINEARIZABLE;
      case OUT_OF_TIME -> Search.End.OUT_OF_TIME;
      case OUT_OF_MEMORY -> Search.End.OUT_OF_MEMORY;
      case PAUSED -> Search.End.PAUSED;
      case NOT_LINEARIZABLE -> {
        if (!strict && search.bestIsShallow()) {
          // The verdict is known; the strict search only looks for a longer prefix to show.
          refuted = search;
          before += search.configurations();
          search = new RegisterSearch(history, true, budget, deadlineNanos);
          strict = true;
          yield Search.End.PAUSED;
        }
        if (!strict || !search.choseFreely()) {
          // The strict search's memo records the open operations used, so unless it had to pick
          // one way among several to realize a jump, its NOT is exact.
          yield Search.End.NOT_LINEARIZABLE;
        }
        before += search.configurations();
        search.release();
        exact = exactSearch.get();
        yield Search.End.PAUSED;
      }
      case BORROWED -> {
        before += search.configurations();
        search.release();
        search = new RegisterSearch(history, true, budget, deadlineNanos);
        strict = true;
        yield Search.End.PAUSED;
      }
    };
  }

  /** The strict search run only for a counterexample: the verdict stays NOT whatever it says. */
  private Search.End explained(RegisterSearch.End end) {
    switch (end) {
      case PAUSED:
        return Search.End.PAUSED;
      case NOT_LINEARIZABLE:
        refuted.release();
        refuted = null;
        return Search.End.NOT_LINEARIZABLE;
      default:
        search.release();
        search = refuted;
        refuted = null;
        return Search.End.NOT_LINEARIZABLE;
    }
  }

  @Override
  public Counterexample counterexample(Object key) {
    return exact != null ? exact.counterexample(key) : search.counterexample(key);
  }

  @Override
  public long configurations() {
    return before + (exact != null ? exact.configurations() : search.configurations());
  }
}
