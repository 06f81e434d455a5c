package dev.faultline.checker.delivery;

/**
 * How much a history did, and how much of it went wrong.
 *
 * @param sends send operations invoked
 * @param acknowledged sends that completed ok
 * @param failed sends that completed fail: certainly not written
 * @param indeterminate sends that completed info or never completed: maybe written
 * @param polls polls that completed ok
 * @param polledRecords records those polls returned, repeats included
 * @param lost acknowledged sends counted as lost: lost writes, and unseen sends in partitions read
 *     to their end
 * @param unseen acknowledged sends never polled that are not lost writes, whether counted as lost
 *     or not
 * @param duplicated values found at more than one offset
 */
public record DeliveryCounts(
    int sends,
    int acknowledged,
    int failed,
    int indeterminate,
    int polls,
    int polledRecords,
    int lost,
    int unseen,
    int duplicated) {}
