package dev.practicetracker.events;

import java.io.IOException;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Every instant the system writes as text — API responses, event data, exports, page cursors:
 * ISO-8601 in UTC, exactly as {@link Instant#toString()} writes it (seconds always, the fraction in
 * groups of three digits as needed). Written here by arithmetic into one small buffer:
 * {@code DateTimeFormatter} builds a date, a time and a print context for each one, which made
 * instants the largest share of the allocation and a seventh of the CPU behind a page of practice
 * logs. Reading is the same in reverse for text in exactly that form (what every service writes);
 * anything else is read as {@link Instant#parse} or Jackson's time module reads it.
 */
public final class InstantText {

    /** {@code 2026-11-22T23:04:52.123456789Z}: the longest instant this writes itself. */
    static final int MAX_LENGTH = 30;

    private static final long SECONDS_PER_DAY = 86_400;
    /** 0001-01-01T00:00:00Z and 10000-01-01T00:00:00Z: four-digit years; the rest go to {@link Instant#toString()}. */
    private static final long FIRST_SECOND = -62_135_596_800L;
    private static final long END_SECOND = 253_402_300_800L;

    /**
     * Jackson's way to write {@link Instant}s so and read them back; any other text or token is read
     * by the time module's reader, so what it accepts and how it fails are unchanged.
     */
    public static final Module JACKSON_MODULE = new SimpleModule("instant-text")
            .addSerializer(Instant.class, new Serializer()).addDeserializer(Instant.class, new Deserializer());

    private InstantText() {
    }

    public static String format(Instant instant) {
        char[] text = new char[MAX_LENGTH];
        int length = write(instant, text);
        return length < 0 ? instant.toString() : new String(text, 0, length);
    }

    /** @return how many characters were written to {@code text} (at least {@link #MAX_LENGTH} long), or -1 outside years 1–9999 */
    static int write(Instant instant, char[] text) {
        long seconds = instant.getEpochSecond();
        if (seconds < FIRST_SECOND || seconds >= END_SECOND) {
            return -1;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // days since 1970-01-01 to a proleptic Gregorian date, counted in 400-year eras from 0000-03-01
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        int dayOfEra = (int) (shifted - era * 146_097);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        int year = (int) (era * 400 + yearOfEra) + (month <= 2 ? 1 : 0);

        digits(text, 0, year, 4);
        text[4] = '-';
        digits(text, 5, month, 2);
        text[7] = '-';
        digits(text, 8, day, 2);
        text[10] = 'T';
        digits(text, 11, secondOfDay / 3_600, 2);
        text[13] = ':';
        digits(text, 14, secondOfDay / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, secondOfDay % 60, 2);
        int length = 19;
        int nanos = instant.getNano();
        if (nanos != 0) {
            text[length++] = '.';
            if (nanos % 1_000_000 == 0) {
                digits(text, length, nanos / 1_000_000, 3);
                length += 3;
            } else if (nanos % 1_000 == 0) {
                digits(text, length, nanos / 1_000, 6);
                length += 6;
            } else {
                digits(text, length, nanos, 9);
                length += 9;
            }
        }
        text[length++] = 'Z';
        return length;
    }

    /** As {@link Instant#parse}: the form {@link #format} writes is read here, any other by {@code Instant.parse}. */
    public static Instant parse(CharSequence text) {
        Instant instant = read(text);
        return instant != null ? instant : Instant.parse(text);
    }

    /** @return the instant {@code text} names in the form {@link #format} writes, or null for any other text */
    static Instant read(CharSequence text) {
        int length = text.length();
        if (length != 20 && length != 24 && length != 27 && length != 30 || text.charAt(length - 1) != 'Z'
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = number(text, 0, 4), month = number(text, 5, 2), day = number(text, 8, 2);
        int hour = number(text, 11, 2), minute = number(text, 14, 2), second = number(text, 17, 2);
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || (hour | minute | second) < 0
                || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int digits = length - 21;
            int fraction = text.charAt(19) == '.' ? number(text, 20, digits) : -1;
            if (fraction < 0) {
                return null;
            }
            nanos = fraction * (digits == 3 ? 1_000_000 : digits == 6 ? 1_000 : 1);
        }
        // a proleptic Gregorian date to days since 1970-01-01, counted in 400-year eras from 0000-03-01
        int marchYear = month <= 2 ? year - 1 : year;
        int era = marchYear / 400;
        int yearOfEra = marchYear - era * 400;
        int dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        long days = era * 146_097L + dayOfEra - 719_468;
        return Instant.ofEpochSecond(days * SECONDS_PER_DAY + hour * 3_600 + minute * 60 + second, nanos);
    }

    /** The decimal number of {@code count} digits at {@code at}, or -1 when one of them is not a digit. */
    static int number(CharSequence text, int at, int count) {
        int value = 0;
        for (int i = at; i < at + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** {@code value} as exactly {@code count} decimal digits, zero-padded, at {@code at}. */
    private static void digits(char[] text, int at, int value, int count) {
        for (int i = at + count - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static final class Serializer extends StdSerializer<Instant> {

        Serializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant instant, JsonGenerator generator, SerializerProvider provider) throws IOException {
            char[] text = new char[MAX_LENGTH];
            int length = write(instant, text);
            if (length < 0) {
                generator.writeString(instant.toString());
            } else {
                generator.writeString(text, 0, length);
            }
        }
    }

    /** Reads the form {@link #format} writes itself, and hands any other token to the time module's reader. */
    private static final class Deserializer extends StdDeserializer<Instant> {

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant instant = read(parser.getText());
                if (instant != null) {
                    return instant;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(parser, context);
        }
    }
}
