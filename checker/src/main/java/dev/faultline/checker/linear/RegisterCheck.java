package dev.faultline.checker.linear;

import java.util.function.Supplier;

/**
 * A register key, in up to three phases. The strict {@link RegisterSearch} goes first: it realizes
 * every jump with open operations not yet used on its path and records them in its memo key, so its
 * verdict is exact unless it had to realize some jump one way among several and found nothing. Then
 * the relaxed search (an open operation may take effect more than once) runs: when it finds no
 * linearization the history is not linearizable, and when the one it finds uses no open operation
 * twice, it is. Only when it borrowed does the general {@link Search} decide.
 */
final class RegisterCheck implements KeyCheck {
  private final RegisterHistory history;
  private final Memo.Budget budget;
  private final long deadlineNanos;
  private final Supplier<Search> exactSearch;
  private RegisterSearch search;
  private boolean strict = true;
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
    return switch (search.run(quantum)) {
      case LINEARIZABLE -> Search.End.LINEARIZABLE;
      case OUT_OF_TIME -> Search.End.OUT_OF_TIME;
      case OUT_OF_MEMORY -> Search.End.OUT_OF_MEMORY;
      case PAUSED -> Search.End.PAUSED;
      case NOT_LINEARIZABLE -> {
        if (!strict || !search.choseFreely()) {
          yield Search.End.NOT_LINEARIZABLE;
        }
        // The strict search may have missed a linearization: the relaxed one tells.
        handOver(new RegisterSearch(history, false, budget, deadlineNanos));
        strict = false;
        yield Search.End.PAUSED;
      }
      case BORROWED -> {
        handOver(null);
        exact = exactSearch.get();
        yield Search.End.PAUSED;
      }
    };
  }

  private void handOver(RegisterSearch next) {
    before += search.configurations();
    search.release();
    search = next;
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
