package dev.faultline.models.batch;

/**
 * One row of the sink, with the task instance that wrote it, so that a check can say which run and
 * attempt wrote a duplicate or a stray row.
 *
 * @param row the input row's id (its interval shows in it)
 * @param run the DAG run whose task wrote it
 * @param attempt the attempt (try number) that wrote it
 */
public record OutputRow(long row, long run, int attempt) {}
