package dev.practicetracker.progress.svg;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import dev.practicetracker.progress.analytics.Calendar;

/**
 * A GitHub-style practice heatmap: one column per week (Monday on top), one square per day coloured
 * by minutes practised, month and weekday labels, and a {@code <title>} tooltip on every day.
 * Plain SVG, no script: embeddable in a README or a page.
 */
public final class CalendarSvg {

    static final int CELL = 11;
    static final int STEP = 13;
    static final int LEFT = 30;
    static final int TOP = 34;
    /** Minutes from which a day takes the next shade; the last shade is for an hour or more. */
    static final int[] SHADE_FROM_MINUTES = { 1, 15, 30, 60 };
    static final String[] SHADES = { "#ebedf0", "#9be9a8", "#40c463", "#30a14e", "#216e39" };

    private CalendarSvg() {
    }

    /** @param days every day of the range, in order, practised or not */
    public static String render(String title, List<Calendar.Day> days) {
        LocalDate first = days.get(0).date();
        LocalDate firstMonday = Calendar.startOf(first, Calendar.Period.WEEK);
        LocalDate last = days.get(days.size() - 1).date();
        int weeks = (int) (ChronoUnit.WEEKS.between(firstMonday, Calendar.startOf(last, Calendar.Period.WEEK)) + 1);
        int width = LEFT + weeks * STEP + 10;
        int height = TOP + 7 * STEP + 26;
        StringBuilder svg = new StringBuilder(days.size() * 160);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"-apple-system,Segoe UI,Helvetica,Arial,sans-serif\" font-size=\"10\" role=\"img\">");
        svg.append("<title>").append(Xml.escape(title)).append("</title>");
        svg.append("<text x=\"").append(LEFT).append("\" y=\"12\" font-size=\"12\" fill=\"#24292f\">").append(Xml.escape(title))
                .append("</text>");
        for (int row : new int[] { 0, 2, 4 }) {
            svg.append("<text x=\"0\" y=\"").append(TOP + row * STEP + 9).append("\" fill=\"#57606a\">")
                    .append(DayOfWeek.of(row + 1).getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</text>");
        }
        for (int week = 0; week < weeks; week++) {
            LocalDate monday = firstMonday.plusWeeks(week);
            LocalDate sunday = monday.plusDays(6);
            boolean monthStarts = week == 0 || sunday.getDayOfMonth() <= 7;
            if (monthStarts) {
                LocalDate labelDay = week == 0 ? first : sunday.withDayOfMonth(1);
                svg.append("<text x=\"").append(LEFT + week * STEP).append("\" y=\"").append(TOP - 6).append("\" fill=\"#57606a\">")
                        .append(labelDay.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)).append("</text>");
            }
        }
        for (Calendar.Day day : days) {
            int week = (int) ChronoUnit.WEEKS.between(firstMonday, Calendar.startOf(day.date(), Calendar.Period.WEEK));
            int row = day.date().getDayOfWeek().getValue() - 1;
            svg.append("<rect class=\"day\" x=\"").append(LEFT + week * STEP).append("\" y=\"").append(TOP + row * STEP)
                    .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" rx=\"2\" fill=\"")
                    .append(shade(day.minutes())).append("\" data-date=\"").append(day.date()).append("\" data-minutes=\"")
                    .append(day.minutes()).append("\"><title>").append(day.date()).append(": ").append(day.sessions())
                    .append(day.sessions() == 1 ? " session, " : " sessions, ").append(day.minutes()).append(" min</title></rect>");
        }
        int legendY = TOP + 7 * STEP + 8;
        svg.append("<text x=\"").append(width - 10 - 5 * STEP - 60).append("\" y=\"").append(legendY + 9)
                .append("\" fill=\"#57606a\">Less</text>");
        for (int shade = 0; shade < SHADES.length; shade++) {
            svg.append("<rect x=\"").append(width - 10 - (5 - shade) * STEP - 30).append("\" y=\"").append(legendY)
                    .append("\" width=\"").append(CELL).append("\" height=\"").append(CELL).append("\" rx=\"2\" fill=\"")
                    .append(SHADES[shade]).append("\"/>");
        }
        svg.append("<text x=\"").append(width - 38).append("\" y=\"").append(legendY + 9).append("\" fill=\"#57606a\">More</text>");
        return svg.append("</svg>").toString();
    }

    static String shade(int minutes) {
        int level = 0;
        for (int from : SHADE_FROM_MINUTES) {
            if (minutes >= from) {
                level++;
            }
        }
        return SHADES[level];
    }
}
