package dev.practicetracker.progress.repository;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BinaryOperator;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * What a batch of log facts actually changed: the (skill, day) pairs to re-aggregate, and for each
 * skill and user the latest change time among the facts written. Duplicates and older versions
 * appear nowhere, so they cause no recomputation and move no {@code as_of}.
 */
public record AppliedFacts(Set<SkillDay> days, Map<UUID, Instant> skillsAsOf, Map<UUID, Instant> usersAsOf) {

    private static final BinaryOperator<Instant> LATER = BinaryOperator.maxBy(Comparator.naturalOrder());

    static AppliedFacts of(RowSet<Row> rows) {
        Set<SkillDay> days = new LinkedHashSet<>();
        Map<UUID, Instant> skills = new HashMap<>();
        Map<UUID, Instant> users = new HashMap<>();
        for (Row row : rows) {
            SkillDay day = new SkillDay(row.getUUID("skill_id"), row.getLocalDate("local_date"), row.getUUID("user_id"));
            Instant changedAt = row.getOffsetDateTime("changed_at").toInstant();
            days.add(day);
            skills.merge(day.skillId(), changedAt, LATER);
            users.merge(day.userId(), changedAt, LATER);
        }
        return new AppliedFacts(days, skills, users);
    }
}
