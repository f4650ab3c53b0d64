package dev.practicetracker.progress.repository;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * One of the {@code count} parts the drain splits the marked skills into, by the last byte of their
 * ids (random ids spread evenly); each part is drained on a connection of its own (see {@link StaleDrain}).
 */
record DrainShard(int index, int count) {

    /** The condition that {@code column}, a skill id, is in the shard; parameters $1 and $2 are {@link #parameters}. */
    static String contains(String column) {
        return "mod(get_byte(uuid_send(" + column + "), 15), $2) = $1";
    }

    Tuple parameters() {
        return Tuple.of(index, count);
    }
}
