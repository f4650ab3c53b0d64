package dev.practicetracker.platform.consumer;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A batch reduced to one element per id, the one with the highest version, in first-seen order:
 * one statement may write a row only once, and only a batch's newest version of a row can win.
 */
public final class NewestVersions {

    private NewestVersions() {
    }

    public static <T> List<T> of(Collection<T> batch, Function<T, UUID> id, ToLongFunction<T> version) {
        Map<UUID, T> newest = new LinkedHashMap<>();
        batch.forEach(element -> newest.merge(id.apply(element), element,
                (kept, next) -> version.applyAsLong(next) > version.applyAsLong(kept) ? next : kept));
        return List.copyOf(newest.values());
    }
}
