package dev.practicetracker.platform.database;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;

/**
 * Transactions whose {@code BEGIN} costs no round trip of its own. {@link Pool#withTransaction} waits
 * for the answer to {@code BEGIN} before the work sends its first statement; a consumer's or the
 * relay's transaction is a few short statements, so that wait would be one more round trip, taken
 * while it holds its locks. Here the first statements go out right behind {@code BEGIN}, in the
 * connection's pipeline; PostgreSQL runs them in order, so they are inside the transaction all the
 * same.
 */
public final class Transactions {

    private Transactions() {
    }

    /**
     * Runs {@code work} in one transaction on a connection of the pool: committed when the work
     * succeeds, rolled back when it fails (as {@link Pool#withTransaction} does).
     */
    public static <T> Uni<T> pipelined(Pool pool, Function<SqlConnection, Uni<T>> work) {
        return pool.withConnection(connection -> {
            // sent now: the work's statements, sent when withConnection subscribes to what this returns, queue behind it
            CompletableFuture<Transaction> begun = connection.begin().subscribeAsCompletionStage();
            Uni<Transaction> transaction = Uni.createFrom().completionStage(begun);
            return work.apply(connection)
                    .call(result -> transaction.chain(Transaction::commit))
                    // a statement that failed has already ended the transaction; rolling back again is harmless
                    .onFailure().call(failure -> transaction.chain(Transaction::rollback).onFailure().recoverWithNull());
        });
    }
}
