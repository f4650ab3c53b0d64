package dev.practicetracker.platform.paging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.smallrye.mutiny.Uni;

class KeysetPagesTest {

    private static final int SIZE = 5;

    /** Rows at distinct instants, newest first, read after a cursor as a keyset query would. */
    private record Row(Instant at, UUID id) {
    }

    @ParameterizedTest(name = "{0} rows")
    @ValueSource(ints = { 0, 1, SIZE - 1, SIZE, SIZE + 1, 2 * SIZE, 2 * SIZE + 3 })
    void everyRowComesOnceInOrderAndOnlyTheNeededPagesAreRead(int count) {
        List<Row> rows = IntStream.range(0, count).mapToObj(i -> new Row(Instant.EPOCH.plusSeconds(1000 - i), UUID.randomUUID())).toList();
        List<PageCursor> asked = new ArrayList<>();

        List<Row> all = KeysetPages.<Row> all(after -> {
            asked.add(after);
            List<Row> page = rows.stream().filter(row -> after == null || row.at().isBefore(after.position())).limit(SIZE).toList();
            return Uni.createFrom().item(page);
        }, SIZE, row -> new PageCursor(row.at(), row.id())).collect().asList().await().indefinitely();

        assertThat(all).containsExactlyElementsOf(rows);
        assertThat(asked).hasSize(count / SIZE + 1);
        assertThat(asked.get(0)).isNull();
    }
}
