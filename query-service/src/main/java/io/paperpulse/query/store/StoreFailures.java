package io.paperpulse.query.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;

/** How the store's failures read. */
final class StoreFailures {
    private StoreFailures() {
    }

    static boolean isDuplicateKey(Throwable e) {
        if (e instanceof MongoWriteException w) {
            return w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
        }
        return e instanceof MongoBulkWriteException b
                && b.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
    }
}
