package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * What a batch of log facts actually changed: the logs new to the projection, whose days only grow
 * ({@code additions}); the (skill, day) pairs anything else touched, to re-aggregate from their facts
 * ({@code days}); and for each skill and user the latest change time among the facts written. A day
 * with both is re-aggregated (which counts its additions too), never also added to. Duplicates and
 * older versions appear nowhere, so they cause no recomputation and move no {@code as_of}.
 */
public record AppliedFacts(List<UUID> additions, Set<SkillDay> days, Map<UUID, Instant> skillsAsOf, Map<UUID, Instant> usersAsOf) {

    private static final BinaryOperator<Instant> LATER = BinaryOperator.maxBy(Comparator.naturalOrder());

    static AppliedFacts of(RowSet<Row> rows) {
        Map<UUID, SkillDay> added = new LinkedHashMap<>();
        Set<SkillDay> days = new LinkedHashSet<>();
        Map<UUID, Instant> skills = new HashMap<>();
        Map<UUID, Instant> users = new HashMap<>();
        for (Row row : rows) {
            SkillDay day = new SkillDay(row.getUUID("skill_id"), row.getLocalDate("local_date"), row.getUUID("user_id"));
            UUID addedLog = row.getUUID("added_log");
            if (addedLog == null) {
                days.add(day);
            } else {
                added.put(addedLog, day);
            }
            Instant changedAt = row.getOffsetDateTime("changed_at").toInstant();
            skills.merge(day.skillId(), changedAt, LATER);
            users.merge(day.userId(), changedAt, LATER);
        }
        List<UUID> additions = added.entrySet().stream().filter(addition -> !days.contains(addition.getValue()))
                .map(Map.Entry::getKey).toList();
        return new AppliedFacts(additions, days, skills, users);
    }
}
