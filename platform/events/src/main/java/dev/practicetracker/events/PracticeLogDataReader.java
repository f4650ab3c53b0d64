package dev.practicetracker.events;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads {@link PracticeLogData}, the data of every log event, which every consumer of the log
 * events decodes once per event (a rebuild: a million times). Jackson's reader for a record
 * collects each property in a buffer and then calls the constructor, and with the time module's
 * {@code LocalDate} parsing that is a large share of progress-service's allocation in a rebuild.
 * This reads the fields straight into locals. Each value in the form every service writes is read
 * directly; any other token goes to the reader Jackson uses for that property, so what is accepted
 * and how it fails are Jackson's (unknown fields are skipped, an absent number is 0, a missing
 * object is null).
 */
final class PracticeLogDataReader extends StdDeserializer<PracticeLogData> implements ResolvableDeserializer {

    private JsonDeserializer<Object> uuids;
    private JsonDeserializer<Object> instants;
    private JsonDeserializer<Object> localDates;

    PracticeLogDataReader() {
        super(PracticeLogData.class);
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        uuids = context.findRootValueDeserializer(context.constructType(UUID.class));
        instants = context.findRootValueDeserializer(context.constructType(Instant.class));
        localDates = context.findRootValueDeserializer(context.constructType(LocalDate.class));
    }

    @Override
    public PracticeLogData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        String field;
        if (parser.isExpectedStartObjectToken()) {
            field = parser.nextFieldName();
        } else if (parser.hasToken(JsonToken.FIELD_NAME)) {
            field = parser.currentName();
        } else {
            return (PracticeLogData) context.handleUnexpectedToken(PracticeLogData.class, parser);
        }
        UUID id = null, userId = null, skillId = null;
        Instant datePracticed = null, createdAt = null, updatedAt = null;
        LocalDate localDate = null;
        String zone = null, description = null, activityType = null, milestoneId = null;
        Integer duration = null, difficultyRating = null, confidenceRating = null;
        Long version = null;
        Boolean deleted = null, milestoneCompleted = null;
        for (; field != null; field = parser.nextFieldName()) {
            parser.nextToken();
            switch (field) {
                case "id" -> id = uuid(parser, context);
                case "user_id" -> userId = uuid(parser, context);
                case "skill_id" -> skillId = uuid(parser, context);
                case "date_practiced" -> datePracticed = instant(parser, context);
                case "local_date" -> localDate = localDate(parser, context);
                case "zone" -> zone = text(parser, context);
                case "duration" -> duration = integer(parser, context);
                case "description" -> description = text(parser, context);
                case "difficulty_rating" -> difficultyRating = integer(parser, context);
                case "confidence_rating" -> confidenceRating = integer(parser, context);
                case "activity_type" -> activityType = text(parser, context);
                case "milestone_id" -> milestoneId = text(parser, context);
                case "version" -> version = parser.hasToken(JsonToken.VALUE_NUMBER_INT) ? parser.getLongValue()
                        : parser.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(parser, Long.class);
                case "created_at" -> createdAt = instant(parser, context);
                case "updated_at" -> updatedAt = instant(parser, context);
                case "milestone_completed" -> milestoneCompleted = bool(parser, context);
                case "deleted" -> deleted = bool(parser, context);
                default -> parser.skipChildren();
            }
        }
        return new PracticeLogData(id, userId, skillId, datePracticed, localDate, zone, duration == null ? 0 : duration,
                description, difficultyRating, confidenceRating, activityType, milestoneId,
                milestoneCompleted != null && milestoneCompleted, version == null ? 0 : version, createdAt, updatedAt,
                deleted != null && deleted);
    }

    private static Boolean bool(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.hasToken(JsonToken.VALUE_TRUE) || parser.hasToken(JsonToken.VALUE_FALSE) ? parser.getBooleanValue()
                : parser.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(parser, Boolean.class);
    }

    private UUID uuid(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.hasToken(JsonToken.VALUE_NULL) ? null : (UUID) uuids.deserialize(parser, context);
    }

    private Instant instant(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.hasToken(JsonToken.VALUE_NULL) ? null : (Instant) instants.deserialize(parser, context);
    }

    /** {@code yyyy-MM-dd} directly: the time module parses it with a {@code DateTimeFormatter}, ~450 bytes each. */
    private LocalDate localDate(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.hasToken(JsonToken.VALUE_NULL)) {
            return null;
        }
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            LocalDate date = isoDate(parser.getText());
            if (date != null) {
                return date;
            }
        }
        return (LocalDate) localDates.deserialize(parser, context);
    }

    /** @return the date {@code text} names as {@code yyyy-MM-dd}, or null for any other text */
    private static LocalDate isoDate(String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
            return null;
        }
        int year = InstantText.number(text, 0, 4), month = InstantText.number(text, 5, 2), day = InstantText.number(text, 8, 2);
        if ((year | month | day) < 0) {
            return null;
        }
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException invalid) {
            return null;
        }
    }

    private static String text(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.hasToken(JsonToken.VALUE_STRING) ? parser.getText()
                : parser.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(parser, String.class);
    }

    private static Integer integer(JsonParser parser, DeserializationContext context) throws IOException {
        return parser.hasToken(JsonToken.VALUE_NUMBER_INT) && parser.getNumberType() == JsonParser.NumberType.INT ? parser.getIntValue()
                : parser.hasToken(JsonToken.VALUE_NULL) ? null : context.readValue(parser, Integer.class);
    }
}
