package dev.practicetracker.progress.repository;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** One local day of one skill (and the skill's owner): the unit the day aggregates are kept in. */
public record SkillDay(UUID skillId, LocalDate localDate, UUID userId) {

    static Set<SkillDay> of(RowSet<Row> rows) {
        Set<SkillDay> days = new LinkedHashSet<>();
        for (Row row : rows) {
            days.add(new SkillDay(row.getUUID("skill_id"), row.getLocalDate("local_date"), row.getUUID("user_id")));
        }
        return days;
    }
}
