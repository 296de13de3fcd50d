package io.huddle.gateway.store;

import java.util.function.IntUnaryOperator;

/**
 * Deletes in batches of short statements, so the writers waiting for the store are held back by one batch
 * at most: runs {@code deleteUpTo} (which deletes at most its argument's rows and answers how many it did)
 * until a batch comes back short or {@code maxBatches} ran; answers the total.
 */
public final class BatchedDelete {
    private BatchedDelete() {
    }

    public static int run(IntUnaryOperator deleteUpTo, int batch, int maxBatches) {
        int total = 0;
        for (int i = 0; i < maxBatches; i++) {
            int deleted = deleteUpTo.applyAsInt(batch);
            total += deleted;
            if (deleted < batch) {
                break;
            }
        }
        return total;
    }
}
