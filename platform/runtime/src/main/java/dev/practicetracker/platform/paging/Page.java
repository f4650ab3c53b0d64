package dev.practicetracker.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a keyset-paginated list: {@code {"items":[...],"next_cursor":"..."|null}}. */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /**
     * Builds a page from rows fetched with {@code limit + 1}: the extra row only tells that more
     * exist, and the cursor points after the last row shown.
     */
    public static <E, T> Page<T> of(List<E> fetched, int limit, Function<E, PageCursor> cursorOf, Function<E, T> toItem) {
        boolean more = fetched.size() > limit;
        List<E> shown = more ? fetched.subList(0, limit) : fetched;
        String next = more ? cursorOf.apply(shown.get(shown.size() - 1)).encode() : null;
        return new Page<>(shown.stream().map(toItem).toList(), next);
    }
}
