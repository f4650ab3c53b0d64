package dev.practicetracker.platform.paging;

import java.util.List;
import java.util.function.Function;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Every row of a keyset-paged query as one stream, a page at a time: the next page is read once the
 * previous one has been taken, so a whole history never sits in memory (the exports).
 */
public final class KeysetPages {

    private KeysetPages() {
    }

    /**
     * @param page reads up to {@code size} rows after a cursor (null: from the start)
     * @param cursorOf the cursor after a row
     */
    public static <E> Multi<E> all(Function<PageCursor, Uni<List<E>>> page, int size, Function<E, PageCursor> cursorOf) {
        return after(null, page, size, cursorOf);
    }

    private static <E> Multi<E> after(PageCursor cursor, Function<PageCursor, Uni<List<E>>> page, int size,
            Function<E, PageCursor> cursorOf) {
        return Uni.createFrom().deferred(() -> page.apply(cursor)).onItem().transformToMulti(rows -> {
            Multi<E> these = Multi.createFrom().iterable(rows);
            return rows.size() < size ? these
                    : Multi.createBy().concatenating().streams(these, after(cursorOf.apply(rows.get(rows.size() - 1)), page, size, cursorOf));
        });
    }
}
