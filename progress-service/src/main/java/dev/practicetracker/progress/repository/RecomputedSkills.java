package dev.practicetracker.progress.repository;

import java.util.Collection;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;

/** What follows a recompute of skills' figures in the transaction that made it: publishing what moved. */
public interface RecomputedSkills {

    Uni<Void> recomputed(SqlClient transaction, Collection<UUID> skills);
}
